# __call__, callable(), calling classes and instances, type.__call__ protocol.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x) * scale, rest, kw

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(2, scale=10), add5(x=1, extra=2))
print(callable(add5), callable(Adder), callable(1), callable(len), callable(Adder.__call__))
print(list(map(Adder(1), [1, 2, 3])))

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
one, abc = 1, "abc"
try:
    one()
except TypeError as e:
    print(type(e).__name__, e)
try:
    abc()
except TypeError as e:
    print(type(e).__name__, e)

# __call__ assigned after creation
NotCallable.__call__ = lambda self: "now callable"
print(NotCallable()(), callable(NotCallable()))
del NotCallable.__call__
print(callable(NotCallable()))

# __call__ defined by a staticmethod / classmethod / non-function callable
class S:
    __call__ = staticmethod(lambda *a: ("static", a))
print(S()(1, 2))
class K:
    @classmethod
    def __call__(cls, v):
        return (cls.__name__, v)
print(K()(3))
class CallAdder:
    __call__ = Adder(100)
print(CallAdder()(1))

# __new__ / __init__ protocol
class Tracker:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        return super().__new__(cls)
    def __init__(self, *args, **kw):
        print("init", args, kw)
t = Tracker(1, k=2)

class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther())

class InitReturns:
    def __init__(self):
        return 1
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)

class OnlyNew:
    def __new__(cls, a, b):
        o = super().__new__(cls)
        o.ab = (a, b)
        return o
print(OnlyNew(1, 2).ab)

class OnlyInit:
    def __init__(self, a):
        self.a = a
print(OnlyInit(3).a)
try:
    OnlyInit()
except TypeError as e:
    print(type(e).__name__, e)
try:
    OnlyInit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# object.__new__ and object.__init__ argument rules
for stmt in ("object.__new__(OnlyInit, 1)", "object.__init__(OnlyInit(1), 2)",
             "object.__new__(1)", "object.__new__(int)", "int.__new__(object)",
             "object.__init__()", "object.__new__()", "OnlyNew.__init__(OnlyNew(1, 2), 5)",
             "object.__init__(object(), 1)", "list.__new__(dict)", "type.__new__(type)"):
    try:
        r = eval(stmt)
        print(stmt, "->", type(r).__name__)
    except TypeError as e:
        print(stmt, "->", type(e).__name__, e)

# calling built-in types as functions and their __new__
print(int.__new__(int, "12"), str.__new__(str, 5), list.__new__(list), tuple.__new__(tuple, [1]))
print(type.__call__(int, "7"), int.__call__ is type.__dict__["__call__"].__get__(int))
print(type(int.__new__).__name__, repr(int.__new__)[:35])
print(type(object.__init__).__name__, repr(object.__init__))

# classmethod and staticmethod
class C:
    count = 0

    def __init__(self):
        C.count += 1

    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]

    @classmethod
    def name(cls):
        return cls.__name__

    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def nothing():
        return "nothing"


class D(C):
    pass

print(len(C.make(3)), C.count)
print(C.name(), D.name(), D().name(), C().name())
print(C.add(1, 2), C().add(3, 4), D.add("a", "b"), C.nothing())
print(type(C.__dict__["make"]).__name__, type(C.__dict__["add"]).__name__)
print(type(C.make).__name__, C.make.__self__ is C, D.make.__self__ is D)
print(type(C.add).__name__, C.add is C.__dict__["add"].__func__)
sm = C.__dict__["add"]
print(sm(10, 20))  # staticmethod objects are callable since 3.10
print(sm.__func__ is C.add, sm.__wrapped__ is C.add, sm.__name__, sm.__qualname__)
cm = C.__dict__["name"]
print(cm.__func__.__name__, cm.__get__(None, D)(), cm.__get__(D())())
print(repr(staticmethod(len)), repr(classmethod(len))[:26])

# created by calling the types directly
def f(*args):
    return args
class E:
    sf = staticmethod(f)
    cf = classmethod(f)
print(E.sf(1), E().sf(2), E.cf(3)[1:], E.cf(3)[0] is E, E().cf(4)[0] is E)

# classmethod of builtins
print(dict.fromkeys("ab"), type(dict.fromkeys).__name__)
print(int.from_bytes(b"\x01\x00", "little"))
print(repr(dict.__dict__["fromkeys"]))

try:
    classmethod(1)(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    staticmethod()
except TypeError as e:
    print(type(e).__name__, e)
try:
    staticmethod(f, f)
except TypeError as e:
    print(type(e).__name__, e)
try:
    C.make()
except TypeError as e:
    print(type(e).__name__, e)

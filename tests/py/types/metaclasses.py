# Metaclasses: __new__, __init__, __call__, __prepare__, attribute lookup on classes.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def meta_method(cls):
        return "meta_method of " + cls.__name__
    @property
    def meta_prop(cls):
        return "meta_prop of " + cls.__name__

class A(metaclass=Meta, flag=1):
    def __init__(self, x=0):
        self.x = x

print(type(A).__name__, A.created_by, A.kw, A.inited)
a = A(5)
print(a.x, A.meta_method(), A.meta_prop)
print(hasattr(a, "meta_method"), isinstance(A, Meta), issubclass(Meta, type))
class B(A):
    pass
print(type(B).__name__, B.created_by, B.kw, B().x)

# __prepare__
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
class O(metaclass=OrderedMeta, k=2):
    a = 1
print(O.injected, O.a)

# singleton via __call__
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    pass
print(Config() is Config())

# type() with three arguments
X = type("X", (A,), {"y": 2, "m": lambda self: self.y})
print(type(X).__name__, X.y, X().m(), X.__name__, X.__mro__[1].__name__)
Y = type("Y", (), {})
print(Y, Y.__bases__, type(Y()).__name__)
print(type(1), type("s"), type(type), type(Y))
for args in ((), (1, 2), ("n", (), {}, 4)):
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for bad in ((1, (), {}), ("n", 1, {}), ("n", (), 1), ("n", (1,), {})):
    try:
        type(*bad)
    except TypeError as e:
        print(type(e).__name__, e)

# metaclass conflict
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
try:
    class C3(C1, C2): pass
except TypeError as e:
    print(type(e).__name__, e)
class M3(M1, M2): pass
class C4(C1, C2, metaclass=M3): pass
print(type(C4).__name__)
class C5(C1): pass
print(type(C5).__name__)

# metaclass that is a plain function
def fmeta(name, bases, ns):
    return ("made", name, sorted(k for k in ns if not k.startswith("__")))
class F(metaclass=fmeta):
    z = 1
print(F)

# class attribute lookup: metaclass data descriptors first
class MD(type):
    @property
    def shadow(cls):
        return "from metaclass property"
class UsesMD(metaclass=MD):
    shadow = "from class dict"
print(UsesMD.shadow, UsesMD().shadow)
class MN(type):
    nondata = "meta plain"
    def meth(cls):
        return "meta meth"
class UsesMN(metaclass=MN):
    nondata = "class plain"
print(UsesMN.nondata, UsesMN.meth())
try:
    UsesMN().meth
except AttributeError as e:
    print(type(e).__name__, e)

# __instancecheck__ / __subclasscheck__
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Quacker(metaclass=Duck):
    pass
class Mallard:
    def quack(self):
        pass
print(isinstance(Mallard(), Quacker), isinstance(1, Quacker), issubclass(Mallard, Quacker))
print(isinstance(Mallard(), (int, Quacker)), issubclass(int, (Quacker, str)))

# type attributes
print(A.__name__, A.__qualname__, A.__module__, type(A.__dict__).__name__)
A.__name__ = "Renamed"
print(A.__name__, repr(A), A.__qualname__)
A.__qualname__ = "Q.A"
print(repr(A))
try:
    A.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__name__ = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    A.__qualname__ = 5
except TypeError as e:
    print(type(e).__name__, e)
A.__doc__ = "new doc"
print(A.__doc__, int.__doc__[:20], type(None).__doc__)
A.__module__ = "elsewhere"
print(repr(A))
print(int.__module__, type.__module__, object.__base__, bool.__base__, int.__bases__)
print(type.__mro__, bool.__mro__)
print("__dict__" in dir(A), "mro" in dir(type))
print(type(type.__dict__), "__call__" in type.__dict__)

# type(), isinstance/issubclass corner cases, __class__ vs type, classes as objects.
class A: pass
class B(A): pass
class C: pass
print(type(A()) is A, type(B()).__mro__[1] is A, isinstance(B(), A), isinstance(A(), B))
print(isinstance(B(), (C, A)), isinstance(B(), ()), issubclass(B, ()), issubclass(B, (C, (A,))))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)), isinstance(int, object))
print(issubclass(B, B), issubclass(A, object), issubclass(type, type), isinstance(type, object))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance("", str))
print(type(A) is type, type(len).__name__, type([].append).__name__, type(A.__init__).__name__)
print(type(int.__dict__["bit_length"]).__name__, type(A.__dict__["__dict__"]).__name__)

# classes are first-class objects
registry = {A: "a", B: "b"}
print(registry[A], registry[B], A in registry, hash(A) == hash(A), A == A, A != B)
classes = [A, B, C]
print([c.__name__ for c in classes], sorted(classes, key=lambda c: c.__name__)[0].__name__)
def factory(base):
    class Made(base):
        pass
    return Made
M1, M2 = factory(A), factory(A)
print(M1 is M2, M1.__name__ == M2.__name__, issubclass(M1, A), M1.__qualname__)

# proxies that lie about __class__
class Proxy:
    @property
    def __class__(self):
        return A
px = Proxy()
print(type(px).__name__, px.__class__.__name__, isinstance(px, A), isinstance(px, Proxy))

# __bases__ / __mro__ / __subclasses__
print(B.__bases__, A.__subclasses__(), object.__bases__, type.__bases__)
print(len(int.__subclasses__()) >= 1, bool in int.__subclasses__())

# __dict__ of classes is a read-only mappingproxy
mp = A.__dict__
print(type(mp).__name__, "__module__" in mp, mp["__module__"], mp.get("zz", "dflt"))
try:
    mp["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in B.__dict__), len(mp) > 0, list(iter(mp))[:1])
print(dict(C.__dict__)["__doc__"], C.__dict__.keys() == dict(C.__dict__).keys())
print(type(int.__dict__).__name__, "__add__" in int.__dict__, "__add__" in bool.__dict__)
print(int.__dict__["__add__"] is int.__add__, bool.__add__ is int.__add__)

# vars() and __dict__ of instances
class Vars:
    def __init__(self):
        self.a = 1
print(vars(Vars()), vars(A) is not None)
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)

# callable(type), type.__call__, type.__init__
print(callable(type), type.__name__, type.__qualname__, type.__module__)
print(type.__dict__["__name__"].__get__(int), type.__dict__["mro"](B)[0] is B)
print(type.__subclasscheck__(A, B), type.__instancecheck__(A, B()), A.__instancecheck__(B()))
print(int.mro(), type.mro(type))

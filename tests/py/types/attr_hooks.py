# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return "computed " + name
        raise AttributeError(f"no {name}")

l = Lazy()
print(l.real, l.xyz, getattr(l, "xa", None), getattr(l, "nope", "dflt"), hasattr(l, "nope"))
try:
    l.nope
except AttributeError as e:
    print(type(e).__name__, e)

class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(("get", name))
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)

g = Logged()
g.a = 5
print(g.a)
del g.a
print(hasattr(g, "a"))
print(g.log)

class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom!")
        if name == "err":
            raise KeyError("not attribute error")
        return "ga:" + name
    def __getattr__(self, name):
        return "fallback:" + name
b = Both()
print(b.anything, b.boom)
try:
    b.err
except KeyError as e:
    print(type(e).__name__, e)

class Frozen:
    __slots__ = ()
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
try:
    Frozen().x = 1
except AttributeError as e:
    print(type(e).__name__, e)

class Dyn:
    pass
Dyn.__getattr__ = lambda self, name: "late " + name
print(Dyn().foo)
del Dyn.__getattr__
try:
    Dyn().foo
except AttributeError as e:
    print(type(e).__name__, e)

class Dirs:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dirs()))
class Attrs:
    cls_attr = 1
    def method(self):
        pass
a = Attrs()
a.inst = 2
d = dir(a)
print("cls_attr" in d, "method" in d, "inst" in d, "__init__" in d, d == sorted(d))
print([n for n in dir(Attrs) if not n.startswith("__")])

# object.__getattribute__ on other types
print(object.__getattribute__(a, "inst"), object.__getattribute__(1, "real"))
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__getattribute__(a, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(a, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(a, 1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# __class__ assignment between compatible classes
class P1:
    def who(self): return "P1"
class P2:
    def who(self): return "P2"
o = P1()
o.__class__ = P2
print(o.who(), type(o).__name__, isinstance(o, P2))
try:
    o.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
print((1).__class__, "".__class__.__name__, None.__class__, type.__class__)

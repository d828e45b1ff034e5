# dict subclasses: __missing__, defaultdict-like, overridden methods
class DD(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = DD(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, type(d).__name__, len(d), d.get("zz"), "zz" in d)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()), c["q"])
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["a"] = 1
print(u)
u.update(b=2)
print(u)
print(Upper.fromkeys("xy", 0), type(Upper.fromkeys("x")).__name__)
class Fk(dict):
    pass
f = Fk.fromkeys([1, 2], "v")
print(f, type(f).__name__, Fk(a=1), Fk([(1, 2)]))
print(f | {3: "w"}, type(f | {3: "w"}).__name__)
f |= {4: "z"}
print(f, type(f).__name__)
print(f == {1: "v", 2: "v", 4: "z"}, isinstance(f, dict))
class Attr(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
a = Attr(x=1)
print(a.x, hasattr(a, "y"))
class MissRaise(dict):
    def __missing__(self, key):
        raise KeyError("missing " + repr(key))
try:
    MissRaise()["k"]
except KeyError as e:
    print("KeyError", e)
class NoMissing(dict):
    pass
try:
    NoMissing()[1]
except KeyError as e:
    print("KeyError", e)
print(dict.__getitem__(c, "a"))
class Ordered(dict):
    def keys(self):
        return sorted(super().keys())
o = Ordered(b=1, a=2)
print(dict(o), {}.__class__(o))

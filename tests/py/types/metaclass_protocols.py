# Metaclasses implementing container protocols on classes (enum-like), class decorators,
# classes built dynamically (namedtuple-like), and descriptors set up by a metaclass.
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and isinstance(v, int)}
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            m = object.__new__(cls)
            m.name, m.value = k, v
            setattr(cls, k, m)
            cls._members[k] = m
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return cls._members[name]
    def __contains__(cls, m):
        return isinstance(m, cls) and m.name in cls._members
    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"
    def __bool__(cls):
        return True

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value}>"
    def __eq__(self, other):
        return self is other
    __hash__ = object.__hash__

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color, list(Color), len(Color), Color["GREEN"], Color.RED in Color, 5 in Color)
print([c.name for c in Color], Color.BLUE.value, Color.RED == Color.RED, Color.RED == Color.BLUE)
print({Color.RED: "r"}[Color.RED], sorted(Color, key=lambda c: -c.value)[0], bool(Color))
try:
    Color["PURPLE"]
except KeyError as e:
    print(type(e).__name__, e)

# class decorators adding dunders
def with_repr(cls):
    fields = cls.fields
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
        return f"{cls.__name__}({inner})"
    def __init__(self, *args):
        for f, a in zip(fields, args):
            setattr(self, f, a)
    def __eq__(self, other):
        return type(other) is cls and all(getattr(self, f) == getattr(other, f) for f in fields)
    cls.__repr__ = __repr__
    cls.__init__ = __init__
    cls.__eq__ = __eq__
    cls.__hash__ = None
    return cls

@with_repr
class Point:
    fields = ("x", "y")
print(Point(1, 2), Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1), Point.__hash__)

# namedtuple-like classes built with type()
def record(name, fields):
    def __new__(cls, *args):
        return tuple.__new__(cls, args)
    ns = {"__new__": __new__, "__slots__": (), "_fields": fields,
          "__repr__": lambda self: name + tuple.__repr__(self)}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), ns)
Pair = record("Pair", ("a", "b"))
p = Pair(1, "x")
print(p, p.a, p.b, len(p), p == (1, "x"), isinstance(p, tuple), Pair.__mro__[1])
a, b = p
print(a, b, p + (3,), p[::-1])

# metaclass adding properties and checking class definitions
class Checked(type):
    def __new__(mcls, name, bases, ns):
        for k, v in list(ns.items()):
            if k.startswith("get_"):
                ns[k[4:]] = property(v)
        return super().__new__(mcls, name, bases, ns)
    def __setattr__(cls, k, v):
        if k.startswith("_"):
            raise AttributeError(f"cannot set private {k} on {cls.__name__}")
        super().__setattr__(k, v)
class Thing(metaclass=Checked):
    def get_size(self):
        return 42
print(Thing().size)
Thing.public = 1
print(Thing.public)
try:
    Thing._private = 1
except AttributeError as e:
    print(type(e).__name__, e)

# __call__ on the metaclass controls instantiation
class Counted(type):
    def __call__(cls, *a, **k):
        cls.instances = getattr(cls, "instances", 0) + 1
        return super().__call__(*a, **k)
class W(metaclass=Counted):
    def __init__(self, v=None):
        self.v = v
W(); W(1); W(v=2)
print(W.instances, W(7).v)

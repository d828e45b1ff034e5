# Assigning dunders on a class after creation updates its slots (and its subclasses').
class A:
    pass
class B(A):
    pass
a, b = A(), B()
print(repr(a).startswith("<__main__.A"), bool(a), len.__name__)
A.__repr__ = lambda self: "A-repr"
print(repr(a), repr(b), str(b), [a])
A.__len__ = lambda self: 0
print(len(a), bool(a), len(b))
A.__bool__ = lambda self: True
print(bool(a), bool(b))
A.__add__ = lambda self, o: ("add", o)
print(a + 1, b + 2)
A.__radd__ = lambda self, o: ("radd", o)
print(1 + a)
A.__eq__ = lambda self, o: "eq!"
print(a == 1, b == b)
A.__hash__ = lambda self: 12345
print(hash(a), hash(b))
A.__iter__ = lambda self: iter([1, 2])
print(list(a), list(b))
A.__getitem__ = lambda self, k: ("get", k)
print(a[5], b["k"])
A.__call__ = lambda self, *args: ("called", args)
print(a(1, 2), b())
A.__getattr__ = lambda self, name: "missing " + name
print(a.zzz, b.yyy)
A.__contains__ = lambda self, x: x == 42
print(42 in a, 1 in b)
B.__repr__ = lambda self: "B-repr"
print(repr(a), repr(b))
del A.__repr__
print(repr(a).startswith("<__main__.A"), repr(b))
del A.__len__
del A.__bool__
print(bool(a))
del A.__call__
try:
    a()
except TypeError as e:
    print(type(e).__name__, e)
del A.__hash__
del A.__eq__
print(hash(a) == object.__hash__(a), a == a)
A.__hash__ = None
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
def neg(self):
    return "negated"
A.__neg__ = neg
print(-a, -b)
A.__setattr__ = lambda self, k, v: print("setattr", k, v)
a.q = 1
b.r = 2
print(hasattr(a, "q"))
A.__init__ = lambda self, v=0: setattr(self, "v", v)
print(A(3).v if hasattr(A(3), "v") else "no v")
# many classes share a method-cache entry name
classes = [type(f"C{i}", (), {"val": i}) for i in range(50)]
print(sum(c.val for c in classes), sum(c().val for c in classes))
for c in classes:
    c.val = -c.val
print(sum(c.val for c in classes))

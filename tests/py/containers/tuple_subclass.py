# subclasses of tuple, namedtuple-like classes
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return "Point(x=%r, y=%r)" % (self.x, self.y)
p = Point(1, 2)
print(p, p.x, p.y, len(p), p[0], p[-1], list(p), tuple(p), type(tuple(p)).__name__)
print(p == (1, 2), isinstance(p, tuple), type(p).__name__, hash(p) == hash((1, 2)))
print(p + (3,), type(p + (3,)).__name__, p[:1], type(p[:]).__name__)
a, b = p
print(a, b)
class T(tuple):
    pass
t = T([1, 2, 3])
print(t, type(t).__name__, t.count(2), t.index(3))
t.attr = 5
print(t.attr)
print(T(), T("ab"), repr(T(range(3))))
print(sorted([T((2,)), T((1,))]))
class Rec(tuple):
    __slots__ = ()
    def total(self):
        return sum(self)
print(Rec((1, 2, 3)).total())

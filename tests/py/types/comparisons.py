# Rich comparisons, reflected comparisons, __eq__/__hash__ interplay, total ordering by hand.
class Money:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if not isinstance(o, Money):
            return NotImplemented
        return self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, Money):
            return NotImplemented
        return self.v < o.v
    def __le__(self, o):
        if not isinstance(o, Money):
            return NotImplemented
        return self.v <= o.v
    def __repr__(self):
        return f"M{self.v}"

a, b, c = Money(1), Money(2), Money(1)
print(a == c, a != c, a == b, a != b, a < b, b > a, a <= c, c >= a)
print(a == 1, a != 1, 1 == a)
print(sorted([Money(3), Money(1), Money(2)]))
print(max(Money(3), Money(5)), min([Money(3), Money(5)]))
try:
    a < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 >= a
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
print(Money.__hash__)

class H:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, H) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
s = {H(1), H(1), H(2)}
print(len(s), H(1) in s, H(3) in s)
d = {H("x"): 1}
print(d[H("x")])

class BigHash:
    def __hash__(self):
        return 2 ** 70
print(hash(BigHash()) == hash(2 ** 70))
class NegHash:
    def __hash__(self):
        return -1
print(hash(NegHash()))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)

# default identity comparison and hashing
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p), {p: 1}[p])
print(Plain.__eq__(p, q), Plain.__ne__(p, p), object.__eq__(p, p))
print(object.__lt__(p, q))

# reflected comparison of a subclass goes first
class Base:
    def __eq__(self, o):
        return "Base.__eq__"
    def __lt__(self, o):
        return "Base.__lt__"
    __hash__ = object.__hash__
class Derived(Base):
    def __eq__(self, o):
        return "Derived.__eq__"
    def __gt__(self, o):
        return "Derived.__gt__"
print(Base() == Derived(), Derived() == Base(), Base() < Derived(), Derived() > Base())

# __ne__ defaults to the inverse of __eq__
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq() != 1, OnlyEq() != OnlyEq())
class EqNI:
    def __eq__(self, o):
        return NotImplemented
x = EqNI()
print(x == x, x != x, x == EqNI(), x != EqNI())

# comparisons of lists use item identity then __eq__
class Weird:
    def __eq__(self, o):
        return False
w = Weird()
print([w] == [w], w == w, w in [w], [w].count(w), [w].index(w))

# comparisons returning non-bools
class Vec:
    def __lt__(self, o):
        return "lt-result"
    def __eq__(self, o):
        return [1]
print(Vec() < 1, Vec() == 1, Vec() > Vec() if False else 0)
print(bool(Vec() == 1))
for op in ("<", "<=", ">", ">="):
    try:
        eval("Plain() " + op + " Plain()")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    [1] < "a"
except TypeError as e:
    print(type(e).__name__, e)

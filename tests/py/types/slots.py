# __slots__: member descriptors, no __dict__ unless listed, inheritance, errors.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), type(P.x).__name__, repr(P.x), P.__slots__)
p.x = 10
print(p.x)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)

class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z, hasattr(q, "__dict__"))

class WithDict(P):
    pass
w = WithDict(1, 2)
w.anything = 5
print(w.anything, w.__dict__)

class D:
    __slots__ = ("a", "__dict__")
d = D()
d.a = 1
d.b = 2
print(d.a, d.b, d.__dict__)

class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only, Single.__slots__)

class Private:
    __slots__ = ("__secret",)
    def set(self, v):
        self.__secret = v
    def get(self):
        return self.__secret
pr = Private()
pr.set(42)
print(pr.get(), [k for k in Private.__dict__ if "secret" in k])

class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print(type(e).__name__, e)

for body in ("__slots__ = ('a', 'a')", "__slots__ = (1,)", "__slots__ = ('a b',)",
             "__slots__ = ('x',); x = 1"):
    try:
        exec("class Bad:\n    " + body.replace("; ", "\n    "))
        print(body, "ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    class IntSlots(int):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
class IntNoSlots(int):
    __slots__ = ()
print(IntNoSlots(5) + 1)
try:
    class Conflict(P, Single):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# super(): zero-argument and two-argument forms, in methods, classmethods and __init__.
class A:
    def __init__(self, x):
        self.x = x
        self.log = ["A.__init__"]
    def f(self):
        return "A.f"
    @classmethod
    def make(cls, x):
        return cls(x)
    @classmethod
    def kind(cls):
        return "A.kind(" + cls.__name__ + ")"
    @staticmethod
    def s():
        return "A.s"
    @property
    def p(self):
        return "A.p"

class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        self.log.append("B.__init__")
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def kind(cls):
        return "B.kind>" + super().kind()
    @staticmethod
    def s():
        return "B.s>" + super(B, B).s()
    @property
    def p(self):
        return "B.p>" + super().p

class C(B):
    def __init__(self):
        super(C, self).__init__(1, 2)
        self.log.append("C.__init__")
    def f(self):
        return "C.f>" + super(C, self).f()

c = C()
print(c.x, c.y, c.log)
print(c.f(), C.kind(), C.s(), c.p)
print(B.make(5) if False else A.make(5).x)
print(super(B, c).f(), super(A, c).__init__ is not None)
print(super(C, c).f())
print(repr(super(B, c)), repr(super(B)))
sp = super(B, c)
print(sp.__thisclass__, sp.__self__ is c, sp.__self_class__)
print(super(B, C).kind())
print(super(B, C).f(c))

# super in __new__ and __init_subclass__
class N:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.args = args
        return obj
class N2(N):
    def __new__(cls, a, b):
        return super().__new__(cls, a, b)
    def __init__(self, a, b):
        self.sum = a + b
n = N2(1, 2)
print(n.args, n.sum, type(n).__name__)

# super with built-in bases
class MyList(list):
    def append(self, v):
        super().append(v * 2)
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
ml = MyList()
ml.append(5)
ml.append(6)
print(ml, ml[0], len(ml))

class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
d = MyDict()
d["a"] = 1
print(d)

# cooperative **kwargs
class Base:
    def __init__(self, **kw):
        self.rest = kw
class Mixin(Base):
    def __init__(self, m=0, **kw):
        self.m = m
        super().__init__(**kw)
class Final(Mixin):
    def __init__(self, f, **kw):
        self.f = f
        super().__init__(**kw)
o = Final(1, m=2, extra=3)
print(o.f, o.m, o.rest)

# errors
try:
    super(B, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(1, c)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(C, c).nope
except AttributeError as e:
    print(type(e).__name__, e)
class W:
    def m(self):
        return super().m()
try:
    W().m()
except AttributeError as e:
    print(type(e).__name__, e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)

# Argument binding and the TypeError messages of calls.

def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except TypeError as e:
        print(type(e).__name__, e)

def f2(a, b):
    return (a, b)

def fdef(a, b=2, c=3):
    return (a, b, c)

def fvar(a, *args, **kwargs):
    return (a, args, sorted(kwargs.items()))

def fkw(a, *, k, m=5):
    return (a, k, m)

def fpos(a, b, /, c):
    return (a, b, c)

def fnone():
    return 'none'

def fone(x):
    return x

def fmany(a, b, c, d):
    return a + b + c + d

show(f2, 1, 2)
show(f2, 1, 2, 3)
show(f2, 1)
show(f2)
show(fmany, 1)
show(f2, 1, b=2)
show(f2, b=1, a=2)
show(f2, 1, a=2)
show(f2, 1, 2, x=3)
show(fdef, 1)
show(fdef, 1, 5)
show(fdef, 1, c=9)
show(fdef, 1, 2, 3, 4)
show(fdef)
show(fvar, 1)
show(fvar, 1, 2, 3, x=4, y=5)
show(fvar, a=1, z=2)
show(fvar)
show(fkw, 1, k=2)
show(fkw, 1)
show(fkw, 1, 2)
show(fkw, 1, 2, k=3)
show(fkw, 1, k=2, m=3)
show(fpos, 1, 2, 3)
show(fpos, 1, 2, c=3)
show(fpos, 1, b=2, c=3)
show(fpos, a=1, b=2, c=3)
show(fnone, 1)
show(fnone, x=1)
show(fone, 1, 2)
show(fone)

class A:
    def m(self, x):
        return ('m', x)
    @staticmethod
    def s(x):
        return ('s', x)
    @classmethod
    def c(cls, x):
        return ('c', cls.__name__, x)

a = A()
show(a.m, 1)
show(a.m)
show(a.m, 1, 2)
show(A.m, a, 3)
show(a.s, 4)
show(a.c, 5)
show(A.c, 6)
bound = a.m
print(bound(7))
print(bound == a.m, bound.__func__ is A.m, bound.__self__ is a)

def outer():
    def inner(p, q):
        return p - q
    return inner
show(outer(), 1)
show(outer(), 5, 3)

# *args / **kwargs unpacking at the call site
args = (1, 2)
kw = {'c': 3}
show(fdef, *args, **kw)
show(fdef, *[1], **{'b': 7})
show(fvar, *range(4))
try:
    f2(*1)
except TypeError as e:
    print(e)
try:
    f2(**1)
except TypeError as e:
    print(e)
try:
    f2(1, **{'b': 2}, **{'b': 3})
except TypeError as e:
    print(e)
try:
    fvar(**{1: 2})
except TypeError as e:
    print(type(e).__name__)

# keyword argument order, defaults evaluated once
def acc(x, lst=[]):
    lst.append(x)
    return lst
print(acc(1), acc(2))

def kwonly_defaults(*, a=1, b):
    return a, b
show(kwonly_defaults, b=2)
show(kwonly_defaults)

def many_missing(a, b, c, *, d, e):
    return 1
show(many_missing)
show(many_missing, 1, 2, 3)
show(many_missing, 1, 2, 3, d=1)

# lambda and nested calls
sq = lambda v: v * v
print(sq(9), list(map(sq, [1, 2, 3])), sorted([3, 1, 2], key=lambda v: -v))
print((lambda *a, **k: (a, k))(1, 2, z=3))

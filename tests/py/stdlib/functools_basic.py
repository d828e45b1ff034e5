import functools
from functools import *
print(reduce(lambda a,b:a+b, [1,2,3]), reduce(lambda a,b:a*b, [], 1))
try: reduce(lambda a,b:a, [])
except TypeError as e: print(e)
p = partial(pow, 2); print(p(5), p.func is pow, p.args, p.keywords)
p2 = partial(p, 3); print(p2(), p2.args)
def deco(f):
    @wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def hello(x):
    "doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@lru_cache(maxsize=2)
def sq(x): return x*x
for i in [1,2,1,3,1,2]: sq(i)
print(sq.cache_info()); sq.cache_clear(); print(sq.cache_info())
@cache
def fib(n): return n if n < 2 else fib(n-1)+fib(n-2)
print(fib(80), fib.cache_info())
@lru_cache
def f2(x): return x
print(f2(1), f2.cache_info())
@total_ordering
class V:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
print(V(1) <= V(2), V(2) >= V(3), V(3) > V(1))
print(sorted([3,1,2], key=cmp_to_key(lambda a,b: b-a)))
class C:
    @cached_property
    def x(self): print("compute"); return 5
c = C(); print(c.x, c.x)
@singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register
def _(x: list): return "list"
print(show(1), show([]), show("s"), show(True))
class Cell:
    def set(self, v, w): return (v, w)
    set1 = partialmethod(set, 1)
print(Cell().set1(2))

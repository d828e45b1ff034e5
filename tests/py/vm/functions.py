# Function, method and cell objects: attributes, repr shape, binding, equality.

def f(a, b=1, *, c=2):
    "doc of f"
    return a + b + c

print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_name)
print(f.__globals__ is globals(), f.__closure__)
print(repr(f).startswith('<function f at 0x'))
f.__defaults__ = (10,)
print(f(1))
f.__kwdefaults__ = {'c': 100}
print(f(1))
f.extra = 'attr'
print(f.extra, f.__dict__)
f.__name__ = 'renamed'
print(f.__name__, f.__qualname__)
try:
    f.__name__ = 3
except TypeError as e:
    print(e)
try:
    f.__defaults__ = 3
except TypeError as e:
    print(e)
print(f.__annotations__)

def annotated(x: int, y: 'str' = 'a') -> list:
    pass
print(annotated.__annotations__)

def nodoc():
    x = 'not a doc'
    return x
print(nodoc.__doc__)

class A:
    def m(self):
        return 'm'
    class Nested:
        def n(self):
            pass

print(A.m.__qualname__, A.Nested.n.__qualname__)
a = A()
bm = a.m
print(type(bm).__name__, bm.__name__, bm.__qualname__)
print(repr(bm).startswith('<bound method A.m of <__main__.A object at 0x'))
print(a.m == a.m, a.m is a.m, a.m == A().m, hash(a.m) == hash(a.m))
print(A.m is A.__dict__['m'])
print(A.__dict__['m'].__get__(a)() , A.__dict__['m'].__get__(None, A) is A.m)

def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
print((lambda: 0).__name__, (lambda: 0).__qualname__)

# functions are hashable and usable as dict keys
d = {f: 1, outer: 2}
print(d[f], d[outer])

# calling through various paths
def reduce(fn, seq, acc):
    for v in seq:
        acc = fn(acc, v)
    return acc
print(reduce(lambda x, y: x * y, [1, 2, 3, 4], 1))
print(list(map(A.m, [a, a])))
print(getattr(a, 'm')())

# default arguments evaluated at definition time
x = 5
def uses_default(v=x):
    return v
x = 6
print(uses_default())

# keyword-only defaults dict is live
def kwd(*, k=1):
    return k
kwd.__kwdefaults__['k'] = 42
print(kwd())

# wrapped functions
def deco(fn):
    def wrapper(*args, **kwargs):
        return ('wrapped', fn(*args, **kwargs))
    wrapper.__wrapped__ = fn
    wrapper.__name__ = fn.__name__
    return wrapper
@deco
def target(x):
    return x * 2
print(target(4), target.__name__, target.__wrapped__(4))

# recursion through a method and a closure
class Tree:
    def __init__(self, kids):
        self.kids = kids
    def size(self):
        return 1 + sum(k.size() for k in self.kids)
print(Tree([Tree([]), Tree([Tree([])])]).size())

# fib as a benchmark-shaped smoke test
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))

# inspect.getcallargs (with the interpreter's TypeError messages), getclosurevars,
# generator/coroutine locals, getmodulename, indentsize.
import inspect


def f(a, b, c=3, *args, d, e=5, **kw):
    pass


def g(x, y=2):
    pass


def h(p, q, r, s):
    pass


def k(*, only):
    pass


class C:
    def __repr__(self):
        return "<C>"

    def m(self, a, b=1):
        pass

    @classmethod
    def cm(cls, z):
        pass


def show(fn, *args, **kwargs):
    try:
        r = inspect.getcallargs(fn, *args, **kwargs)
        print(fn.__name__, args, kwargs, "->", sorted(r.items(), key=lambda kv: kv[0]))
    except TypeError as e:
        print(fn.__name__, args, kwargs, "TypeError:", e)


show(f, 1, 2, d=4)
show(f, 1, 2, 3, 4, 5, d=6, x=7, e=8)
show(f, 1, d=4)
show(f, d=4)
show(f, 1, 2)
show(f, 1, 2, a=1, d=1)
show(g, 1)
show(g, 1, 2, 3)
show(g, 1, 2, 3, 4)
show(g, 1, z=2)
show(g)
show(h)
show(h, 1, 2)
show(k)
show(k, 1)
show(k, 1, only=2)
show(C().m, 10)
show(C().m, 10, 20, 30)
show(C.cm, 5)
show(C.m, 1, 2)

top = 10


def outer():
    nl = [1]

    def inner(a):
        return a + nl[0] + top + len(nl) + undefined_name
    return inner


cv = inspect.getclosurevars(outer())
print(cv.nonlocals, cv.globals, cv.builtins, sorted(cv.unbound))
try:
    inspect.getclosurevars(len)
except TypeError as e:
    print("TypeError:", e)


def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total


g1 = gen(3)
print(inspect.getgeneratorlocals(g1))
next(g1)
print(sorted(inspect.getgeneratorlocals(g1).items()))
list(g1)
print(inspect.getgeneratorlocals(g1))
try:
    inspect.getgeneratorlocals([])
except TypeError as e:
    print("TypeError:", e)


async def coro(x):
    y = x * 2
    return y


c = coro(4)
print(inspect.getcoroutinelocals(c))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
print(inspect.getcoroutinelocals(c))

print(inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("pkg/x.pyc"), inspect.getmodulename("x.txt"))
print(inspect.indentsize("    x"), inspect.indentsize("\tx"), inspect.indentsize("x"))
print(inspect.getlineno(inspect.currentframe()))

# Function definitions: defaults, keyword-only, decorators, annotations, lambdas, calls.
order = []
def note(tag, value=None):
    order.append(tag)
    return value

def deco(name):
    note("deco expr " + name)
    def wrap(f):
        note("apply " + name)
        f.tags = getattr(f, "tags", []) + [name]
        return f
    return wrap

@deco("outer")
@deco("inner")
def decorated(a=note("default a", 1), *, b=note("default b", 2)) -> note("return ann"):
    return a, b
print(order)
print(decorated(), decorated.tags, decorated.__defaults__, decorated.__kwdefaults__)
print(sorted(decorated.__annotations__))

def annotated(x: int, y: "str" = "s", *args: float, z: list = None, **kw: dict) -> bool:
    pass
print(annotated.__annotations__)
print(annotated.__code__.co_argcount, annotated.__code__.co_kwonlyargcount,
      annotated.__code__.co_varnames, annotated.__code__.co_nlocals)

def posonly(a, b=2, /, c=3, *, d, e=5):
    return a, b, c, d, e
print(posonly(1, d=4), posonly(1, 2, 3, d=4, e=6))
print(posonly.__code__.co_posonlyargcount, posonly.__code__.co_argcount,
      posonly.__code__.co_kwonlyargcount)
try:
    posonly(a=1, d=2)
except TypeError as e:
    print(e)

def star_calls(*args, **kwargs):
    return args, kwargs
a = [1, 2]
k = {"x": 1}
print(star_calls(*a, 3, *a))
print(star_calls(0, *a, y=2, **k))
print(star_calls(**k, z=3))
print(star_calls(*(), **{}))
print(star_calls(*range(3), sep="-"))
try:
    star_calls(**k, **{"x": 2})
except TypeError as e:
    print(e)

class Obj:
    def m(self, *a, **kw):
        return a, kw
o = Obj()
print(o.m(1, 2, x=3), o.m(*a, **k), Obj.m(o, 5))

def many_args(*a):
    return len(a)
print(many_args(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34))

sq = lambda x, y=2: x ** y
print(sq(3), sq(2, 10), (lambda *a, **k: (a, k))(1, b=2))
print(sq.__name__, sq.__code__.co_argcount)

def docstring():
    "The docstring."
    return docstring.__doc__
print(docstring(), (lambda: 0).__doc__)
def no_doc():
    x = "not a doc"
    return x
print(no_doc.__doc__)

class WithDoc:
    """Class doc."""
    x = 1
print(WithDoc.__doc__, WithDoc.__module__, WithDoc.__qualname__)

def gen():
    x = yield 1
    print("got", x)
    y = yield x
    return y
g = gen()
print(next(g), g.send("a"))
try:
    g.send("b")
except StopIteration as e:
    print("StopIteration", e.value)

def delegator():
    r = yield from gen()
    print("delegate result", r)
    yield from [10, 20]
d = delegator()
print(next(d), d.send("s"))
print(list(d))
print(gen.__code__.co_flags & 0x20 != 0, delegator.__code__.co_flags & 0x20 != 0)

def gen_expr_scope():
    n = 3
    return list(i * n for i in range(n) if i != 1)
print(gen_expr_scope())

def comprehensions():
    data = [3, 1, 2]
    return ([x * 2 for x in data if x > 1],
            {x % 2 for x in data},
            {x: x * x for x in data},
            [(x, y) for x in range(3) for y in range(x)],
            [[y for y in range(x)] for x in range(3)],
            [y for x in [[1, 2], [3]] for y in x],
            [z for x in range(3) for z in [x * 10]])
print(comprehensions())

def walrus():
    data = [1, 5, 2, 8]
    if (n := len(data)) > 3:
        msg = "long %d" % n
    big = [y for x in data if (y := x * 2) > 4]
    total = 0
    found = any((total := total + x) > 6 for x in data)
    return msg, big, y, total, found
print(walrus())

def unpacking():
    a, b = 1, 2
    a, b = b, a
    (c, d), e = (3, 4), 5
    f, *g = range(4)
    *h, i = "xyz"
    j, *k, l = [1, 2]
    [m, n] = "mn"
    o = p = [0]
    first, *_ = [9, 8]
    return a, b, c, d, e, f, g, h, i, j, k, l, m, n, o is p, first
print(unpacking())
for bad in ([1, 2, 3], [1]):
    try:
        x, y = bad
    except ValueError as e:
        print(e)
try:
    p, q, *r = [1]
except ValueError as e:
    print(e)

def augmented():
    x = 5
    x += 2; x -= 1; x *= 3; x //= 4; x **= 2; x %= 7; x <<= 3; x >>= 1; x |= 1; x ^= 3; x &= 14
    lst = [1, 2]
    alias = lst
    lst += [3]
    d = {"k": 1}
    d["k"] += 10
    class A:
        v = 1
    A.v *= 5
    s = "a"
    s *= 3
    t = (1,)
    t += (2,)
    return x, lst is alias, lst, d, A.v, s, t
print(augmented())

def fstrings(v=3.14159, name="ftpy"):
    w = 10
    return [f"{name}", f"{name!r:>8}", f"{v:.2f}", f"{v:{w}.{2}f}|", f"{{braces}} {name!s}",
            f"{'nested' + f'{w}'}", f"{w=}", f"{name!a}", f"a{w}b{w}c", f"{3.0:g}"]
print(fstrings())

def constants():
    return (-1, -2.5, +3, ~4, (1, 2, (3, -4)), 1 == 1.0, 0.0 == -0.0, (1, 1.0, True),
            {1: "a", 1.0: "b", True: "c"}, [1, 2, 3, 4], {"x": 1, "y": 2})
print(constants())
print(str(-0.0), str((0.0, -0.0)))

def call_order():
    out = []
    def f(tag):
        out.append(tag)
        return tag
    f("a")(f("b")) if False else None
    {f("k1"): f("v1"), f("k2"): f("v2")}
    [f("l1"), *[f("l2")], f("l3")]
    f("x")[f("y")] if False else None
    def g(*a, **k):
        return a
    g(f("p1"), f("p2"), k1=f("kw1"), k2=f("kw2"))
    return out
print(call_order())

def slices():
    s = list(range(10))
    s[1:3] = ["a"]
    del s[::3]
    return s[::2], s[1:-1], s[:], s[-2:], "abcdef"[1:5:2]
print(slices())

def local_import():
    import sys as system
    from sys import getrecursionlimit
    return system.__name__, callable(getrecursionlimit)
print(local_import())

print(__name__ == "__main__")
if __name__ == "__main__":
    print("main block")

def del_attr_item():
    class O: pass
    o = O()
    o.a = 1
    d = {"k": 1, "j": 2}
    del o.a, d["k"]
    return hasattr(o, "a"), d
print(del_attr_item())

class AnnotatedClass:
    a: int
    b: str = "x"
    c: "forward" = 3
print(AnnotatedClass.__annotations__, AnnotatedClass.b)
x_ann: int = 5
print(__annotations__, x_ann)
def ann_in_function():
    loc: int = 3
    unset: undefined_name
    return loc
print(ann_in_function())

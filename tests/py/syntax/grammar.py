# Every statement and expression form of the grammar, run and printed.
import sys

# assignments: chained, tuple / list / starred targets, augmented, annotated
a = b = c = 1
x, y = 1, 2
x, y = y, x
[p, q] = "pq"
(r, (s, t)) = 1, (2, 3)
first, *rest = range(5)
*init, last = [1, 2, 3]
head, *mid, tail = "abcde"
print(a, b, c, x, y, p, q, r, s, t, first, rest, init, last, head, mid, tail)
n = 10
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 50; n <<= 2; n >>= 1; n |= 1; n &= 0xff; n ^= 3
print(n)
f = 7.0
f /= 2
print(f)
ann: int = 5
other: "str"
print(ann, 'other' in dir())
d = {}
d["k"]: int = 3
print(d)

# del
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
del (lst[0])
print(lst)

# expressions
print(1 + 2 * 3 - 4 / 2 // 1 % 3, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, ~5, +3, -(-3))
print(1 < 2 <= 2 == 2 != 3 > 0 >= 0, 1 < 2 > 3, 3 in [3], 4 not in [3], None is None, a is not None)
print(not 0, 0 or 2, 1 and 0, 0 or 0 or 3, 1 and 2 and 3, not (1 and 0) or 0)
print(6 & 3, 6 | 3, 6 ^ 3, 1 << 4, 256 >> 4)
print(1 if 0 else 2, 3 if 1 else 4, "a" if 0 else "b" if 0 else "c")
print((lambda: 0)(), (lambda x, y=2, *a, k, **kw: (x, y, a, k, kw))(1, k=3, z=4))
print((lambda *, k: k)(k=1), (lambda a, /, b: a + b)(1, b=2))
print([i for i in range(5) if i % 2], [i * j for i in range(3) for j in range(3) if i if j])
print({i: i * i for i in range(3)}, {i % 3 for i in range(10)}, list(i for i in "ab"))
print(sum(i for i in range(10)), max((i for i in [3, 1, 2])))
print([(y := 5), y], [z := 6, z])
if (m := len("four")) > 3:
    print("walrus", m)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2, **{"c": 3}}, {*"ab", *"bc"} == {"a", "b", "c"})
print(*[1, 2], sep="-")
t1 = 1,
t0 = ()
print(t1, t0, (1), (1,), [], {}, ...)
print("abc"[1], "abcdef"[1:4], "abcdef"[::2], "abcdef"[::-1], "abcdef"[-2:], [1, 2, 3][:-1])

class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
print(g[1, 2], g[1:2, ::3], g[...], g[:, 0], g[*"ab"], g[1:2:3])

def gen():
    x = yield 1
    print("got", x)
    yield from range(2)
    return "done"

it = gen()
print(next(it), it.send("sent"), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)

# functions: every parameter kind, defaults, annotations, decorators
def deco(tag):
    def wrap(fn):
        def inner(*args, **kwargs):
            return (tag, fn(*args, **kwargs))
        return inner
    return wrap

@deco("outer")
@deco("inner")
def params(a, b: int = 2, /, c=3, *args: int, d, e=5, **kwargs) -> tuple:
    return a, b, c, args, d, e, kwargs

print(params(1, d=4))
print(params(1, 2, 3, 4, 5, d=6, e=7, f=8))

def kwonly(*, x, y=1): return x, y
print(kwonly(x=0), kwonly(y=2, x=3))

# classes
class Base:
    attr = "base"
    def method(self): return "Base.method"

class Meta(type):
    pass

class Child(Base, metaclass=Meta):
    """docstring"""
    attr = "child"
    def method(self):
        return "Child+" + super().method()

print(Child().method(), Child.attr, Child.__doc__, type(Child).__name__)

# control flow
for i in range(3):
    if i == 1:
        continue
    print("for", i)
else:
    print("for-else")
while True:
    break
else:
    print("not printed")
k = 0
while k < 2:
    k += 1
else:
    print("while-else", k)
if 0:
    pass
elif 0:
    pass
elif 1:
    print("elif")
else:
    pass

# exceptions
try:
    raise ValueError("v")
except (TypeError, ValueError) as exc:
    print("caught", type(exc).__name__, exc)
else:
    print("no")
finally:
    print("finally")
try:
    try:
        1 / 0
    except ZeroDivisionError as exc:
        raise KeyError("k") from exc
except KeyError as exc:
    print(repr(exc), type(exc.__cause__).__name__)
try:
    pass
finally:
    print("try-finally")
assert True, "never"
try:
    assert 1 == 2, "message"
except AssertionError as exc:
    print("assert", exc)

# with
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self): print("enter", self.name); return self.name
    def __exit__(self, *a): print("exit", self.name); return False

with CM("a") as ca, CM("b") as cb:
    print(ca, cb)
with (CM("c") as cc,
      CM("d")):
    print(cc)
with CM("e"):
    pass

# global / nonlocal
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
    inner()
    return v
print(outer())

# imports
import sys as system, math
from math import (floor,
                  ceil,)
from math import pi as PI, e
print(system is sys, floor(2.5), ceil(2.5), math.pi > 3, PI == math.pi, e > 2)
code = compile("import a.b.c as d, e\nfrom ..pkg.mod import (x as y, z,)\nfrom . import *", "<s>", "exec")
print(type(code).__name__)

# line continuation and semicolons
total = 1 + \
        2 + \
        3; print(total)
if True: print("one-liner"); print("two")

# Assorted instructions: unpacking and its errors, f-strings, comprehensions, exec/eval,
# metaclasses and __class__, small recursion limits, yield-from close/throw, augmented
# assignment targets, operators on small and big ints and floats, subscript errors.
a, *b, c = range(6)
print(a, b, c)
*x, = 'abc'
print(x)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
v = 3.14159
print(f"{v:.2f} {v!r} {'s'!a} {42:>5} {v=}")
print({k: k * 2 for k in range(3)}, {k % 3 for k in range(10)})
g = {}
exec("y = 5\ndef f(): return y\nz = f()", g)
print(g['z'], eval("y * 2", g), eval("q + 1", {}, {'q': 1}))
def gen():
    x = yield
    while True:
        x = yield x * 2
it = gen(); next(it)
print([it.send(i) for i in range(4)])
class Meta(type):
    def __new__(m, name, bases, ns):
        ns['added'] = name.lower()
        return super().__new__(m, name, bases, ns)
class K(metaclass=Meta):
    x: int = 3
    def m(self): return __class__
print(K.added, K.__annotations__, K().m() is K)
import sys
def lim(n):
    return lim(n + 1) if n < 10000 else n
sys.setrecursionlimit(50)
try:
    lim(0)
except RecursionError as e:
    print('rec', e)
sys.setrecursionlimit(1000)
def outer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('outer exit')
        raise
def deleg():
    yield from outer()
d = deleg(); next(d); d.close()
d = deleg(); next(d)
try:
    d.throw(ValueError('x'))
except ValueError as e:
    print('thrown through', e)
for i in range(3):
    try:
        if i == 1:
            continue
        print('i', i)
    except Exception:
        pass
    finally:
        print('fin', i)
x = [1, 2, 3]
x[1] += 10
d = {'a': 1}
d['a'] += 5
class O: pass
o = O(); o.v = 1; o.v += 1
print(x, d, o.v)
print([i for i in range(3) if i], list(zip(*[(1, 2), (3, 4)])))
print(*[1, 2], sep='-')
def kw(**k): return sorted(k)
print(kw(**{'a': 1}, b=2, **{'c': 3}))
print((lambda: (yield))().__class__.__name__)
s = 'abc'
print(s[-1], s[1:], [1,2,3][-1], (1,2)[-2])
try:
    [1][5]
except IndexError as e: print(e)
try:
    (1,)[5]
except IndexError as e: print(e)
try:
    {}[(1, 2)]
except KeyError as e: print(repr(e))
n = -7
print(n // 2, n % 3, 7 // -2, 2 ** 70, -n, ~n, 1 << 70, -(2**63))
print(1.5 + 2, 3 / 2, 10 / 4.0, 0.1 + 0.2)
try:
    1 / 0.0
except ZeroDivisionError as e: print(e)
from math import sqrt as sq
print(sq(16))
# string building with += on a local grows in place; the result must be unaffected
def build(n):
    s = ''
    for i in range(n):
        s += str(i % 10)
    t = s
    s += '!'
    return len(s), t[-3:], s[-3:]
print(build(1000))

# Every kind of constant and code shape, so a cached copy is checked against a fresh one.
import sys
sys._payload_runs = getattr(sys, '_payload_runs', 0) + 1
INTS = (0, 1, -1, 255, 256, 2**31, -2**63, 2**64, -(3**100))
FLOATS = (0.0, -0.0, 1.5, 1e300, float('inf'))
OTHER = (3j, -2.5j, None, True, False, ..., 'str', 'h\xe9 \u20ac \U0001F600', b'\x00\xff',
         (1, (2, (3, ()))), frozenset({5, 100, 37}))
SURROGATE = '\udc80'

def gen(n):
    yield from range(n)
    x = yield 'sent?'
    return x

def closures(a):
    b = a * 2
    def inner(c, *args, d=4, **kw):
        nonlocal b
        b += c
        return a, b, c, args, d, sorted(kw)
    return inner

class Thing:
    """doc"""
    cls_attr = [1, 2]
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Thing({self.v!r:>5})'
    @property
    def double(self):
        return self.v * 2

def control(xs):
    out = []
    for x in xs:
        try:
            if x is None:
                raise ValueError('none')
            out.append(10 // x)
        except ZeroDivisionError:
            out.append('zero')
        except ValueError as e:
            out.append(str(e))
        else:
            out.append('ok')
        finally:
            out.append('f')
    while out and out[-1] == 'f':
        out.pop()
        break
    with open_ctx() as c:
        out.append(c)
    return out, [i * i for i in range(4) if i], {k: v for k, v in zip('ab', (1, 2))}

class open_ctx:
    def __enter__(self):
        return 'entered'
    def __exit__(self, *a):
        return False

def results():
    g = gen(2)
    got = [next(g), next(g), next(g)]
    try:
        g.send('x')
    except StopIteration as e:
        got.append(e.value)
    f = closures(3)
    return (INTS, FLOATS, OTHER[:-1], SURROGATE == '\udc80', got, f(1, 9, e=0), f(1),
            repr(Thing(7)), Thing(4).double, Thing.__doc__, control([1, 0, None, 5]),
            sorted(OTHER[-1]), MATCHED)

def matcher(v):
    match v:
        case [1, *rest]:
            return ('seq', rest)
        case {'k': x, **kw}:
            return ('map', x, kw)
        case Thing(v=7):
            return 'thing7'
        case int(n) if n > 3:
            return ('int', n)
        case None | True:
            return 'singleton'
        case _:
            return 'other'

MATCHED = [matcher(v) for v in ([1, 2, 3], {'k': 1, 'z': 2}, Thing(7), 5, None, 'x')]

# marshal.loads(marshal.dumps(x)) == x for every marshallable kind (the bytes themselves
# are implementation-specific and are not printed).
import marshal

values = [None, True, False, ..., 0, 1, -1, 2**31, -2**63, 2**64, -(2**200) + 1, 1.5, -0.0,
          float('inf'), 1e300, 3j, (1 - 2.5j), '', 'abc', 'h\xe9llo \u20ac \U0001F600',
          '\ud800', b'', b'\x00\xff', (), (1, (2, (3,))), frozenset(), frozenset({1, 2, 3}),
          (1, 'a', b'b', None, frozenset({'x'}))]
for v in values:
    w = marshal.loads(marshal.dumps(v))
    print(repr(v), w == v or (v != v and w != w), type(w) is type(v))
print(repr(marshal.loads(marshal.dumps(float('nan')))))
for bad in [[1], {1: 2}, {1}, object(), print, 1.5j.real.__class__]:
    try:
        marshal.dumps(bad)
        print('dumped', type(bad).__name__)
    except ValueError as e:
        print('ValueError', e)
for data in [b'', b'\xff', b'i\x01']:
    try:
        marshal.loads(data)
    except (EOFError, ValueError, TypeError) as e:
        print(type(e).__name__)

def f(a, b=2, *args, c=3, **kw):
    def g():
        return a + b
    try:
        return [x * g() for x in range(c)], args, kw
    finally:
        pass

code = marshal.loads(marshal.dumps(f.__code__))
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_varnames == f.__code__.co_varnames)
print(code.co_consts == f.__code__.co_consts or len(code.co_consts) == len(f.__code__.co_consts))
ns = {}
exec(marshal.loads(marshal.dumps(compile('def h(x):\n    return x * 2\nR = h(21)', 'm', 'exec'))), ns)
print(ns['R'], ns['h'](5))

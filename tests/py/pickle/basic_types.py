# dumps of the built-in types for protocols 0-5 (bytes as CPython 3.11 writes them),
# and loads of the result.
import pickle
objs = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31-1, 2**31, -2**31, -2**31-1, 2**64, -2**64, 10**30, -(10**30), 2**1000,
  0.0, -0.0, 1.5, 1e100, 1e-310, float('inf'), -float('inf'), 3.141592653589793, float('nan'), 5e-324, 1.7976931348623157e308, -2.5e-300,
  'abc', '', 'é\u1234\U0001f600', 'a\\b\nc\r\x00\x1a', '\ud800x', b'', b'abc', b'\x00\xff'*3, bytearray(), bytearray(b'xy'),
  (), (1,), (1,2), (1,2,3), (1,2,3,4), [], [1], [1,2], {}, {1:2}, {1:2,3:4}, {1,2,3}, set(), frozenset(), frozenset({1,2}),
  [1, 'a', (2, 'a')], Ellipsis, NotImplemented, range(1,10,2), slice(1,2,3), 1+2j, type(None), int, len, abs,
  list(range(1001)), {i: i for i in range(1001)}, ]
for p in range(6):
    for o in objs:
        try:
            d = pickle.dumps(o, p)
        except Exception as e:
            print(p, repr(o)[:40], 'EXC', type(e).__name__, e); continue
        print(p, repr(o)[:40], d if len(d) < 200 else (len(d), d[:60], d[-60:]))
        try:
            r = pickle.loads(d)
            if r != o and o == o: print('  MISMATCH', repr(r)[:50])
        except Exception as e:
            print('  LOADEXC', type(e).__name__, e)

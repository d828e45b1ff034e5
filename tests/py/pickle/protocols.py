# Protocol-specific layout: framing in protocols 4 and 5 (frames of ~64 KiB
# committed at object boundaries, large bytes/str outside frames, no frame for
# tiny pickles), batches of 1000 in APPENDS/SETITEMS/ADDITEMS, protocol
# errors.  Large outputs are summarised by length, CRC-32 and both ends.
import pickle
import zlib


def summary(d):
    return (len(d), zlib.crc32(d), d[:24], d[-24:])


cases = [
    ('ints30000', list(range(30000))),
    ('nested', [list(range(100)) for i in range(300)]),
    ('strs', ['x' * 1000 + str(i) for i in range(100)]),
    ('bigbytes', [b'a' * 70000, 'b', b'c' * 10]),
    ('bigstr', ['s' * 70000, 'é' * 40000, 1]),
    ('bigbytearray', [bytearray(b'z' * 66000), 2]),
    ('list1000', list(range(1000))),
    ('list1001', list(range(1001))),
    ('list2000', list(range(2000))),
    ('dict1000', {i: -i for i in range(1000)}),
    ('dict1001', {i: -i for i in range(1001)}),
    ('set1000', set(range(1000))),
    ('set1001', set(range(1001))),
    ('fset1001', frozenset(range(1001))),
    ('tuple1001', tuple(range(1001))),
    ('mixed', {'a': [1.5, (2, 3)] * 1500, 'b': {'c': b'x' * 100000}}),
]
for name, obj in cases:
    for p in range(6):
        d = pickle.dumps(obj, p)
        r = pickle.loads(d)
        print(name, p, summary(d), r == obj)

# frames: offsets of the FRAME opcodes of a protocol-4 pickle
d = pickle.dumps([list(range(i, i + 500)) for i in range(0, 60000, 500)], 4)
print('frames', summary(d))
small = [pickle.dumps(x, 4) for x in (None, 1, 'ab', [], [1], (1, 2))]
print('small', small)
print(pickle.dumps(None, 5), pickle.dumps(None, 3), pickle.dumps(None, 0))

# HIGHEST / DEFAULT / negative protocol
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.dumps([1], -1) == pickle.dumps([1], 5))
print(pickle.dumps([1]) == pickle.dumps([1], 4))
for bad in (6, 100):
    try:
        pickle.dumps(1, bad)
    except ValueError as e:
        print('ValueError', e)
try:
    pickle.loads(b'\x80\x07N.')
except ValueError as e:
    print('ValueError', e)

# loads accepts bytes-like objects
print(pickle.loads(bytearray(pickle.dumps([1, 2]))))
try:
    pickle.loads('abc')
except TypeError as e:
    print('TypeError', e)

# PickleBuffer (protocol 5): in-band and out-of-band buffers
b = pickle.PickleBuffer(b'abc')
ba = pickle.PickleBuffer(bytearray(b'xyz'))
print(pickle.dumps([b, ba], 5))
try:
    pickle.dumps(b, 4)
except pickle.PicklingError as e:
    print('PicklingError', e)
bufs = []
d = pickle.dumps([b, ba], 5, buffer_callback=bufs.append)
print(d, len(bufs))
r = pickle.loads(d, buffers=[b'abc', bytearray(b'xyz')])
print(r)
try:
    pickle.loads(d)
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
print(pickle._Pickler is not None, pickle._loads(pickle._dumps(1)))
print(pickle.dumps([b, b, ba, ba], 5))

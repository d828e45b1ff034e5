# zlib streaming objects: compressobj / decompressobj, flush modes, max_length,
# unconsumed_tail / unused_data / eof, zdict, copy, errors.
import zlib


def data(n, seed=1):
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out += b"word%d " % ((x >> 10) % 50) if x & 1 else bytes([(x >> 16) & 255])
    return bytes(out[:n])


src = data(200000)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

# compressobj pieces concatenate to a stream equal to CPython's
for level in (1, 6, 9):
    for wbits in (15, -15, 31, 10):
        c = zlib.compressobj(level, zlib.DEFLATED, wbits)
        parts = [c.compress(src[i:i + 7000]) for i in range(0, len(src), 7000)]
        parts.append(c.flush())
        out = b"".join(parts)
        print(level, wbits, len(out), zlib.crc32(out), [len(p) for p in parts[:4]])
        print(zlib.decompress(out, wbits) == src)

# flush modes
c = zlib.compressobj()
a = c.compress(b"hello ")
b = c.flush(zlib.Z_SYNC_FLUSH)
d = c.compress(b"world")
e = c.flush(zlib.Z_FULL_FLUSH)
f = c.flush(zlib.Z_NO_FLUSH)
g = c.flush()
print(a.hex(), b.hex(), d.hex(), e.hex(), f, g.hex())
print(zlib.decompress(a + b + d + e + g))

# memLevel, strategy
for mem in (1, 8, 9):
    for strat in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
        c = zlib.compressobj(6, zlib.DEFLATED, 15, mem, strat)
        out = c.compress(src[:50000]) + c.flush()
        print(mem, strat, len(out), zlib.crc32(out))
c = zlib.compressobj(level=9, memLevel=9, strategy=zlib.Z_RLE, wbits=-12)
out = c.compress(src[:30000]) + c.flush()
print(len(out), zlib.crc32(out))

# decompressobj with max_length
comp = zlib.compress(src)
d = zlib.decompressobj()
got = []
chunk = comp
n = 0
while True:
    piece = d.decompress(chunk, 4096)
    got.append(piece)
    chunk = d.unconsumed_tail
    n += 1
    if not chunk:
        break
got.append(d.flush())
print(n, [len(p) for p in got[:5]], len(b"".join(got)), b"".join(got) == src, d.eof)

# feeding small input pieces
d = zlib.decompressobj()
res = b""
for i in range(0, len(comp), 1000):
    res += d.decompress(comp[i:i + 1000])
print(res == src, d.eof, d.unused_data, d.unconsumed_tail)

# unused_data after the end of the stream
d = zlib.decompressobj()
x = d.decompress(zlib.compress(b"first") + b"trailing garbage")
print(x, d.eof, d.unused_data, d.unconsumed_tail)
x = d.decompress(b" more")
print(x, d.eof, d.unused_data)
print(d.flush())

# max_length 1 and flush with unconsumed tail
d = zlib.decompressobj()
x = d.decompress(zlib.compress(b"abcdefgh" * 3), 1)
print(x, len(d.unconsumed_tail) > 0, d.eof)
print(d.flush(), d.eof, d.unconsumed_tail)

# copies
c = zlib.compressobj()
head = c.compress(src[:10000])
c2 = c.copy()
o1 = head + c.compress(b"one") + c.flush()
o2 = head + c2.compress(b"two") + c2.flush()
print(zlib.decompress(o1)[-6:], zlib.decompress(o2)[-6:])
d = zlib.decompressobj()
half = d.decompress(comp[:len(comp) // 2])
d2 = d.copy()
print((half + d.decompress(comp[len(comp) // 2:])) == src, (half + d2.decompress(comp[len(comp) // 2:])) == src)
import copy
print(type(copy.copy(zlib.compressobj())).__name__)

# zdict
zd = b"hello world hello there"
c = zlib.compressobj(zdict=zd)
out = c.compress(b"hello world, hello there!") + c.flush()
print(out.hex())
d = zlib.decompressobj(zdict=zd)
print(d.decompress(out))
try:
    print(zlib.decompress(out))
except zlib.error as e:
    print("error:", e)
try:
    zlib.decompressobj().decompress(out)
except zlib.error as e:
    print("error:", e)
c = zlib.compressobj(wbits=-15, zdict=zd)
raw = c.compress(b"hello there world") + c.flush()
print(zlib.decompressobj(-15, zdict=zd).decompress(raw))

# errors
tests = [
    lambda: zlib.compressobj(10),
    lambda: zlib.compressobj(6, 9),
    lambda: zlib.compressobj(6, 8, 15, 10),
    lambda: zlib.decompressobj(3),
    lambda: zlib.decompressobj(zdict="x"),
    lambda: zlib.decompressobj().decompress(b"abc", -1),
    lambda: zlib.decompressobj().decompress(b"garbage!"),
    lambda: zlib.decompressobj().flush(0),
    lambda: zlib.compressobj().compress("str"),
    lambda: (lambda c: (c.flush(), c.copy()))(zlib.compressobj()),
    lambda: (lambda c: (c.flush(), c.compress(b"x")))(zlib.compressobj()),
    lambda: (lambda d: (d.decompress(zlib.compress(b"x")), d.flush(), d.copy()))(zlib.decompressobj()),
    lambda: zlib.decompressobj().decompress(zlib.compress(b"abc")[:5]),
    lambda: zlib.decompressobj().flush(),
]
for t in tests:
    try:
        r = t()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# the attributes are read-only
d = zlib.decompressobj()
for attr in ("eof", "unused_data", "unconsumed_tail"):
    try:
        setattr(d, attr, b"")
    except AttributeError as e:
        print(attr, type(e).__name__, e)

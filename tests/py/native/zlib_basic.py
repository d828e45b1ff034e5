# zlib one-shot functions: exact compressed bytes (same zlib version as CPython), round
# trips, crc32/adler32, constants and error messages.
import zlib


def data(n, seed=1):
    # deterministic, partly compressible bytes
    out = bytearray()
    x = seed
    words = [b"alpha", b"beta", b"gamma", b"delta", b"epsilon", b" ", b"\n", b"zeta"]
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        if x & 3:
            out += words[(x >> 8) & 7]
        else:
            out.append((x >> 16) & 255)
    return bytes(out[:n])


print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_BEST_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_NO_COMPRESSION)
print(zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION.count("."))
print(issubclass(zlib.error, Exception), zlib.error.__name__, zlib.error.__module__)

samples = [b"", b"a", b"hello world", b"x" * 1000, data(5000), data(100000, 7),
           bytes(range(256)) * 40]
for s in samples:
    for level in (-1, 0, 1, 6, 9):
        c = zlib.compress(s, level)
        print(len(s), level, len(c), zlib.crc32(c), c[:12].hex())
        assert zlib.decompress(c) == s
    for wbits in (9, 12, 15, -15, -9, 31, 25):
        c = zlib.compress(s, 6, wbits)
        print(len(s), "wbits", wbits, len(c), zlib.crc32(c))
        d = zlib.decompress(c, wbits)
        print(d == s, zlib.decompress(c, 47) == s if wbits > 0 else "-")

print(zlib.compress(b"hello").hex())
print(zlib.compress(b"hello", level=9).hex())
print(zlib.compress(b"hello", wbits=-15).hex())
print(zlib.compress(bytearray(b"abcabcabc")).hex())
print(zlib.decompress(bytearray(zlib.compress(b"from bytearray"))))
print(zlib.decompress(zlib.compress(data(70000)), bufsize=1) == data(70000))
print(zlib.decompress(zlib.compress(b"q" * 5), 15, 0))

# large input: 1 MB
big = data(1 << 20, 3)
cb = zlib.compress(big)
print(len(cb), zlib.crc32(cb), zlib.decompress(cb) == big)

# checksums
for s in samples + [big]:
    print(len(s), zlib.crc32(s), zlib.adler32(s), zlib.crc32(s, 12345), zlib.adler32(s, 99))
print(zlib.crc32(b""), zlib.adler32(b""), zlib.crc32(b"", -1), zlib.crc32(b"abc", 2**32 + 5))
print(zlib.crc32(b"def", zlib.crc32(b"abc")) == zlib.crc32(b"abcdef"))
print(zlib.adler32(b"def", zlib.adler32(b"abc")) == zlib.adler32(b"abcdef"))
print(zlib.crc32(bytearray(b"abc")))

# errors
tests = [
    lambda: zlib.decompress(b"xxxxxxxx"),
    lambda: zlib.decompress(zlib.compress(b"hello world")[:-3]),
    lambda: zlib.decompress(b""),
    lambda: zlib.decompress(zlib.compress(b"abc"), -15),
    lambda: zlib.compress(b"abc", 10),
    lambda: zlib.compress(b"abc", 6, 3),
    lambda: zlib.decompress(b"abc", 3),
    lambda: zlib.compress("text"),
    lambda: zlib.decompress("text"),
    lambda: zlib.crc32("text"),
    lambda: zlib.compress(),
    lambda: zlib.compress(b"a", 1, 15, 4),
    lambda: zlib.decompress(b"a", bufsize=-1),
    lambda: zlib.compress(b"a", 1.5),
    lambda: zlib.compress(b"a", level="x"),
    lambda: zlib.compress(b"a", foo=1),
]
for t in tests:
    try:
        r = t()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

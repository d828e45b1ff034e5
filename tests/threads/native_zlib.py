# Several threads compressing / decompressing concurrently (zlib releases the lock around
# deflate/inflate): every result is exact, and one compressobj / decompressobj shared by
# all threads stays consistent (its per-object lock serialises the calls).
import threading
import zlib

N = 4


def data(n, seed):
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out += b"w%d " % ((x >> 9) % 300) if x & 1 else bytes([(x >> 16) & 255])
    return bytes(out[:n])


inputs = [data(300000 + 1000 * i, i + 1) for i in range(N)]
expected = [zlib.compress(s, 6) for s in inputs]
results = [None] * N


def worker(i):
    ok = True
    for r in range(3):
        c = zlib.compress(inputs[i], 6)
        ok = ok and c == expected[i] and zlib.decompress(c) == inputs[i]
        ok = ok and zlib.crc32(inputs[i]) == zlib.crc32(inputs[i])
        co = zlib.compressobj(6)
        s = b"".join(co.compress(inputs[i][k:k + 50000]) for k in range(0, len(inputs[i]), 50000))
        s += co.flush()
        ok = ok and s == expected[i]
        do = zlib.decompressobj()
        out = b""
        tail = s
        while tail:
            out += do.decompress(tail, 20000)
            tail = do.unconsumed_tail
        ok = ok and out == inputs[i] and do.eof
    results[i] = (ok, zlib.crc32(expected[i]))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for r in results:
    print(r)

# one compressobj shared by every thread. The chunks are identical and so repetitive that
# deflate buffers every compress() call's output (each returns b""): the stream is the
# compression of chunk * (threads * rounds) whatever the interleaving.
chunk = b"abcdefgh" * 5000
shared = zlib.compressobj(1)
parts = []
plock = threading.Lock()


def feeder():
    for r in range(5):
        p = shared.compress(chunk)
        with plock:
            parts.append(p)


ts = [threading.Thread(target=feeder) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
stream = b"".join(parts) + shared.flush()
print(len(parts), parts.count(b""), len(stream), zlib.crc32(stream))
print(zlib.decompress(stream) == chunk * (N * 5))
print(stream == zlib.compress(chunk * (N * 5), 1))

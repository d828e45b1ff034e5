# Several threads hashing concurrently (hashlib releases the lock for buffers of 2048
# bytes or more): every digest is exact, and one hash object updated by all threads at
# once (per-object lock) ends equal to hashing all the updates in any order (they are
# identical).
import hashlib
import threading

N = 4


def data(n, seed):
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xffffffffffffffff
        out += x.to_bytes(8, "little")
    return bytes(out[:n])


names = ["md5", "sha1", "sha256", "sha512", "blake2b", "sha3_256"]
inputs = [data(200000 + 4096 * i, i + 1) for i in range(N)]
expected = {(n, i): hashlib.new(n, inputs[i]).hexdigest() for n in names for i in range(N)}
results = [None] * N


def worker(i):
    ok = True
    for n in names:
        for r in range(2):
            ok = ok and hashlib.new(n, inputs[i]).hexdigest() == expected[(n, i)]
            h = hashlib.new(n)
            for k in range(0, len(inputs[i]), 3000):   # large and small updates
                h.update(inputs[i][k:k + 3000])
                h.update(b"")
            ok = ok and h.hexdigest() == expected[(n, i)]
            ok = ok and h.copy().hexdigest() == expected[(n, i)]
            ok = ok and hashlib.new(n, bytearray(inputs[i])).hexdigest() == expected[(n, i)]
    results[i] = ok


ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)

# one object shared by all threads
chunk = data(10000, 42)
for n in names:
    shared = hashlib.new(n)
    small = hashlib.new(n)

    def feeder():
        for r in range(10):
            shared.update(chunk)
            small.update(b"xy")     # below the threshold: hashed holding the lock
            shared.copy().digest()

    ts = [threading.Thread(target=feeder) for i in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(n, shared.hexdigest() == hashlib.new(n, chunk * (N * 10)).hexdigest(),
          small.hexdigest() == hashlib.new(n, b"xy" * (N * 10)).hexdigest(), shared.hexdigest()[:16])

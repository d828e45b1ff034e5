# hashlib on OpenSSL: digests of many inputs, incremental updates, copy(), attributes,
# new(), shake, pbkdf2_hmac, errors.
import hashlib


def data(n, seed=1):
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xffffffffffffffff
        out += x.to_bytes(8, "little")
    return bytes(out[:n])


names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
         "sha3_224", "sha3_256", "sha3_384", "sha3_512"]
print(sorted(hashlib.algorithms_guaranteed))
print(set(names) <= hashlib.algorithms_available)
inputs = [b"", b"a", b"abc", b"The quick brown fox jumps over the lazy dog", data(63),
          data(64), data(65), data(2047), data(2048), data(5000), data(1 << 20)]
for name in names:
    cons = getattr(hashlib, name)
    h = cons()
    print(name, h.name, h.digest_size, h.block_size, len(h.digest()))
    for s in inputs:
        a = cons(s).hexdigest()
        b = hashlib.new(name, s).hexdigest()
        print(" ", len(s), a[:32], a == b, cons(s).digest().hex() == a)

# incremental updates equal one shot, copy keeps state
big = data(300000, 5)
for name in names:
    h = hashlib.new(name)
    for i in range(0, len(big), 9999):
        h.update(big[i:i + 9999])
    c = h.copy()
    print(name, h.hexdigest() == hashlib.new(name, big).hexdigest(), c.hexdigest() == h.hexdigest())
    c.update(b"more")
    print(c.hexdigest() == hashlib.new(name, big + b"more").hexdigest(), h.hexdigest() == hashlib.new(name, big).hexdigest())

# digest() does not finalize: it can be called twice, then update again
h = hashlib.sha256(b"abc")
print(h.hexdigest() == h.hexdigest())
h.update(b"def")
print(h.hexdigest() == hashlib.sha256(b"abcdef").hexdigest())
print(hashlib.sha256(bytearray(b"abc")).hexdigest())
ba = bytearray(data(10000))
print(hashlib.md5(ba).hexdigest(), hashlib.md5(bytes(ba)).hexdigest())
h = hashlib.sha1()
h.update(ba)
h.update(bytearray(b"x"))
print(h.hexdigest())
print(hashlib.new("SHA256", b"x").hexdigest(), hashlib.new("sha256").name)
print(hashlib.md5(usedforsecurity=False).hexdigest())
print(hashlib.new("md5", b"abc", usedforsecurity=False).hexdigest())

# shake
for n in ("shake_128", "shake_256"):
    h = hashlib.new(n, b"abc")
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(16), h.digest(5).hex(), h.hexdigest(0))

# pbkdf2_hmac
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 20).hex())
print(hashlib.pbkdf2_hmac("sha512", b"pw", b"salt", 10, dklen=80).hex())
print(hashlib.pbkdf2_hmac("md5", bytearray(b"pw"), bytearray(b"s"), 1).hex())

# errors
tests = [
    lambda: hashlib.new("foo"),
    lambda: hashlib.new("foo", b"x"),
    lambda: hashlib.md5("text"),
    lambda: hashlib.sha256(3),
    lambda: hashlib.sha256(b"").update("x"),
    lambda: hashlib.sha256(b"").update(None),
    lambda: hashlib.pbkdf2_hmac("sha1", b"", b"", 0),
    lambda: hashlib.pbkdf2_hmac("sha1", b"", b"", 1, 0),
    lambda: hashlib.shake_128(b"").hexdigest(),
    lambda: hashlib.sha256(b"").digest(1),
]
for t in tests:
    try:
        r = t()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

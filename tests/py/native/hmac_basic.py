# hmac over hashlib: RFC 4231 / RFC 2202 vectors, update/copy, digest(), compare_digest.
import hashlib
import hmac

key = b"\x0b" * 20
msg = b"Hi There"
for d in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b"):
    h = hmac.new(key, msg, d)
    print(d, h.name, h.digest_size, h.block_size, h.hexdigest())
    print(hmac.digest(key, msg, d) == h.digest())
long_key = b"\xaa" * 131
print(hmac.new(long_key, b"Test Using Larger Than Block-Size Key - Hash Key First", "sha256").hexdigest())
h = hmac.new(b"key", digestmod=hashlib.sha256)
h.update(b"The quick brown fox ")
c = h.copy()
h.update(b"jumps over the lazy dog")
print(h.hexdigest())
print(c.hexdigest())
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.md5).hexdigest())
print(hmac.new(bytearray(b"k"), bytearray(b"m"), "sha1").hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"a", b"ab"),
      hmac.compare_digest(bytearray(b"x"), b"x"))
for t in [lambda: hmac.new(b"k"), lambda: hmac.new("k", digestmod="sha1"),
          lambda: hmac.compare_digest("é", "é"), lambda: hmac.compare_digest(b"a", "a"),
          lambda: hmac.new(b"k", b"m", "nope")]:
    try:
        print("ok", t())
    except Exception as e:
        print(type(e).__name__, e)

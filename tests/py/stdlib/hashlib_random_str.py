import hashlib, random
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    for data in [b'', b'abc', b'a' * 200, bytes(range(256))]:
        print(name, len(data), hashlib.new(name, data).hexdigest())
h = hashlib.sha256(); h.update(b'hello '); c = h.copy(); h.update(b'world'); print(h.hexdigest(), c.hexdigest(), h.digest_size, h.block_size, h.name, hashlib.md5(b'x').digest())
try: hashlib.sha1('str')
except TypeError as e: print(e)
for s in ['hello', b'bytes', bytearray(b'ba'), '', 'ünïcode']:
    random.seed(s); print(repr(s), random.random(), random.randrange(1000))
print(random.Random('abc').random(), random.Random('x', version=1).random() if False else '')

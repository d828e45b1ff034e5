# Numbers that compare equal hash equal; CPython's hash values for ints and floats.
vals = [0, 1, -1, -2, 2, 10**18, 2**61 - 1, 2**61, 2**61 + 1, -(2**61), 2**64, -(2**64) - 1,
        10**30, -(10**30), 2**200, 12345678901234567890]
print([hash(v) for v in vals])
print([hash(float(v)) for v in vals])
print([hash(x) for x in [0.5, -0.5, 1.5, 0.1, 1e-300, 1e300, 3.141592653589793, -0.0, 2.0**-1074]])
print(hash(float('inf')), hash(float('-inf')), hash(True), hash(False))
print(hash(1) == hash(1.0) == hash(True), hash(2**100) == hash(2.0**100), hash(-1) == hash(-1.0))
d = {1: 'int', 1.0: 'float', True: 'bool', 2**70: 'big'}
print(d, d[2.0**70], len({0, 0.0, False, -0.0}))
print(hash(-1), hash(-1.0), hash(-2), hash(2**61 - 2), hash(-(2**61 - 2)))
s = set()
for i in range(-300, 300):
    s.add(i)
    s.add(float(i))
print(len(s))

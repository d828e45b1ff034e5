# repr(float) is the shortest string that round-trips, also at powers of two, where the
# doubles below are closer than those above (2**-24 is 5.960464477539063e-08, not the nearest
# 16-digit decimal ...062, which would read back as the double below).
import random

r = random.Random(5)
vals = [2.0 ** e for e in range(-1074, 1024)] + [2.0 ** e * 3 for e in range(-1000, 1000)]
vals += [r.random() * 10 ** r.randint(-300, 300) for _ in range(5000)]
vals += [float.fromhex('0x1.%013xp%d' % (r.getrandbits(52), r.randint(-1022, 1023)))
         for _ in range(5000)]
check = 0
for v in vals:
    for c in repr(v):
        check = (check * 131 + ord(c)) % 1000000007
print(len(vals), sum(len(repr(v)) for v in vals), check)
print(repr(2 ** -24), repr(2.0 ** -1074), repr(2.0 ** 1023), repr(2.0 ** -1022))
print([repr(2.0 ** e) for e in (-30, -40, -50, -60, 60, 70, 80, 90, 100)])
assert all(float(repr(v)) == v for v in vals)

# Bitwise operations have two's-complement semantics on arbitrarily large ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2**32 - 1, -2**32, 2**63 - 1, -2**63, 2**64, -2**64 - 1,
        2**100 + 12345, -(2**100) + 7, 3**80, -(3**80)]
for a in vals:
    row = []
    for b in vals[::2]:
        row.append((a & b, a | b, a ^ b))
    print(a, ~a, row)
for a in [1, -1, 5, -5, 2**62, -2**62, 2**100, -(2**100) - 1, 12345678901234567890]:
    print(a, [a << s for s in (0, 1, 31, 32, 33, 63, 64, 100)])
    print(a, [a >> s for s in (0, 1, 31, 32, 33, 63, 64, 100, 1000)])
print(-1 >> 10**30, 1 >> 10**30, 0 << 10**30)
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: 1 << -1)
err(lambda: 1 >> -1)
err(lambda: 1 << 10**30)
err(lambda: 1 & 1.0)
err(lambda: 1.0 | 1)
err(lambda: ~1.5)
print((2**200 - 1) & -(2**100), (-(2**150)) | (2**149), (-(2**150)) ^ -(2**149))
print(-(2**64) >> 1, -(2**64) >> 64, -(2**64) >> 65, -(2**64 + 1) >> 64)

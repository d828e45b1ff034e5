# Integer addition, subtraction, multiplication across the compact/big boundary.
vals = [0, 1, -1, 7, -7, 255, 256, 257, -5, -6, 2**31 - 1, 2**31, -2**31, 2**32, 2**62,
        2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 2**64 - 1, -2**64, 10**20, -10**20,
        3**100, -(7**90)]
for a in vals:
    for b in vals[::3]:
        print(a + b, a - b, a * b)
x = 1
for i in range(1, 60):
    x = x * i + i
print(x)
print(x - x, x + (-x), -x + x)
print((2**64) * (2**64), (2**64 - 1) ** 2)
print(-(-2**63), abs(-2**63), +(-2**63), -(2**63))
print(abs(-10**30), abs(10**30), -(10**30))
s = 0
for i in range(1000):
    s += i * i * i
print(s)
big = 1
for i in range(1, 200):
    big *= 2**i + 1
print(big % (10**30), big.bit_length())
print(123456789 * 987654321, 123456789123456789 * 987654321987654321)
print(sum(range(10**6)))
print(2**100 - 2**100 == 0, type(2**100 - 2**100))
a = 2**63 - 1
a += 1
print(a, type(a))
a -= 1
print(a)
print(0 * -1, -0, 0 * 10**50)

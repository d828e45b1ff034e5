# Powers: int results, float results for negative exponents, three-argument pow.
for b in [0, 1, -1, 2, -2, 3, 10, -10, 2**40]:
    print([b ** e for e in range(0, 8)])
print(2 ** 100, (-3) ** 41, 7 ** 77)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -5, 3 ** -10)
print(pow(3, 4, 5), pow(3, 200, 1000), pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(2, 10**6, 10**9 + 7), pow(12345678901234567890, 98765, 10**30 + 57))
print(pow(3, -1, 7), pow(38, -1, 97), pow(-38, -1, 97), pow(38, -2, 97), pow(5, -1, -7))
print(pow(10**20 + 3, -1, 10**30 + 7))
print(pow(0, 0), pow(0, 0, 1), pow(5, 0, 1), pow(5, 3, 1), pow(0, 5, 3))
print(pow(2, 3), pow(2.0, 3), pow(2, 0.5), pow(-1, 10**20), pow(1, 10**20), pow(0, 10**20))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: pow(2, 3, 0))
err(lambda: pow(2, -1, 4))
err(lambda: pow(0, -1, 5))
err(lambda: pow(2.0, 3, 5))
err(lambda: pow(2, 3.0, 5))
err(lambda: 0 ** -1)
err(lambda: 0 ** -2)
err(lambda: (10**400) ** -1)
err(lambda: 2 ** -(10**400))
x = 3 ** 1000
print(len(str(x)), x % 1000007)
print(2 ** 10000 % 10**50)
print((-2) ** 63, (-2) ** 64, 2 ** 63, 2 ** 64)

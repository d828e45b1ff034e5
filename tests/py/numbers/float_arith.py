# float arithmetic, Python's signs for // and %, special values and error messages.
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 7.0, -7.0, 0.1, 1e300, -1e-300, 3, -3]
for a in vals:
    row = []
    for b in vals:
        r = []
        for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: a // b,
                  lambda: a % b, lambda: divmod(a, b)):
            try:
                r.append(f())
            except ZeroDivisionError as e:
                r.append(str(e))
        row.append(r)
    print(a, row)
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -7.5 % -2, divmod(-7.5, 2), divmod(7, -2.5))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, float('inf') - float('inf'), 0.1 * 3)
print(5 % float('inf'), -5 % float('inf'), 5 // float('inf'), -5 // float('inf'))
print(2.0 ** 10, 2.0 ** -1, (-2.0) ** 3, (-2.0) ** 2, 0.0 ** 0, 0.0 ** 2.5, 4 ** 0.5, 1.0 ** float('nan'))
print(float('nan') ** 0, float('inf') ** -1, (-float('inf')) ** 3, 0.5 ** float('inf'), 2.0 ** float('-inf'))
print((-8.0) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5)
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: 1.0 / 0)
err(lambda: 1.0 // 0.0)
err(lambda: 1.0 % 0)
err(lambda: divmod(1.0, 0))
err(lambda: 0.0 ** -1)
err(lambda: 10.0 ** 400)
err(lambda: 2.0 ** 10000)
err(lambda: 1.5 ** 5000)
err(lambda: 10**400 + 1.0)
err(lambda: 1.0 * 10**400)
err(lambda: pow(2.0, 2, 3))
err(lambda: 1.0 + "a")
err(lambda: 1.0 < "a")
print(-(0.0), abs(-0.0), +(-0.0), abs(-2.5), -(1e300), 1 + 2.5, 3 * 0.1, 10 / 4, 3 - 0.5)
x = 0.0
for i in range(100):
    x += 0.1
print(x, sum([0.1] * 10), 1e16 + 1, 1e16 + 2, 2**53 + 1.0)
print(float.__add__(1.0, 2), float.__radd__(1.0, 2), float.__add__(1.0, "x"), (1.5).__truediv__(0.5))

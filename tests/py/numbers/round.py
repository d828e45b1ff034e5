# round(): ties to even for ints and floats, correct rounding of decimal digits.
print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, 1e20, -7.0)])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0), round(-2.5, 0))
print(round(123.456, -1), round(123.456, -2), round(123.456, -3), round(5e22, -22), round(1.5e22, -22))
print(round(1234.5678, 1), round(1234.5678, 2), round(-1234.5678, 3), round(0.1, 20), round(1e-300, 300))
print(round(1.7976931348623157e308, -300), round(12345.0, -2), round(0.7, -1), round(7.0, -1), round(15.0, -1))
print(round(float('inf'), 2), round(float('nan'), 1), round(-0.0, 1), round(-0.4, 0), round(0.4, 5))
print(round(1e300, -400), round(-1e300, -400), round(1.1, 400), type(round(2.5)), type(round(2.5, 0)))
print(round(25, -1), round(35, -1), round(-45, -1), round(10**40 + 5 * 10**39, -40), round(7, 3))
print(round(5e-324, 323), round(5e-324, 324), round(1.15, 1), round(1.25, 1), round(1.35, 1))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: round(float('inf')))
err(lambda: round(float('nan')))
err(lambda: round(1.5, 1.5))
err(lambda: round(1.7976931348623157e308, -308))
err(lambda: round("x"))
print(round(2.5, None), round(3, None), round(True), round(10**30 / 3, -20))
for x in [0.5 + i for i in range(-5, 6)]:
    print(x, round(x), round(x, 0), round(x * 10, -1))

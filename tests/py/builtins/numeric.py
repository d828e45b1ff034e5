# divmod, pow, round
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(2**70, 3), divmod(True, 2))
for a, b in ((1, 0), (1.0, 0), ("a", 1)):
    try:
        divmod(a, b)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, 4, 5), pow(-2, 3), pow(2.0, 0.5))
print(pow(base=2, exp=5), pow(2, exp=3, mod=5), pow(3, -1, 7))
for args in ((2, 3, 0), (2.0, 3, 4), (2, 1.5, 3), ("a", 2)):
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1.5), round(7))
print(round(0.5), round(-0.5), round(1e300), round(5.55, 1), round(12345.678, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 2)).__name__)
print(round(2.5, None))
class R:
    def __round__(self, n=None):
        return ("round", n)
print(round(R()), round(R(), 3))
for bad in ("a", [1]):
    try:
        round(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    round(1.5, "x")
except TypeError as e:
    print(type(e).__name__, e)
for bad in (float("inf"), float("nan")):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

# float(): from text (with CPython's syntax), numbers, and __float__ / __index__.
for s in ["1.5", " 1.5e3 ", "-2", "+.5", "5.", "1_000.5", "1e1_0", "inf", "-inf", "Infinity",
          "-iNfInItY", "nan", "-nan", "NaN", "  \t 3.25\n", "1E5", "0x10", "1__0", "_1", "1_",
          "1._5", "1e", "e5", ".", "", " ", "abc", "1.5.5", "- 1", "in f", "1e500", "1e-500",
          "123456789012345678901234567890", "0.000000000000000000001", "١٢٣", "1.5\x00"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(float(), float(3), float(-7), float(2**53 + 1), float(10**300), float(True), float(1.5))
print(float(b"1.25"), float(bytearray(b" 3 ")))
class A:
    def __float__(self):
        return 2.5
class B:
    def __index__(self):
        return 9
class C:
    def __float__(self):
        return 1
class D(float):
    pass
print(float(A()), float(B()), float(D(4.5)), type(float(D(4.5))), D(1.25), type(D(1.25)), D())
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: float(C()))
err(lambda: float(10**400))
err(lambda: float([]))
err(lambda: float(None))
err(lambda: float(b"x"))
err(lambda: float("1", "2"))
err(lambda: float(x=1))
print(float("  -0.0 "), float("1e-320"), float("2.5e-324"), float("4.9e-324"))

# float methods: is_integer, as_integer_ratio, hex, fromhex, rounding helpers.
for v in [0.0, -0.0, 1.0, 1.5, -2.75, 0.1, 1e300, 5e-324, 2.0**60, 123.0, -1e-10]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v,
          v.conjugate(), v.real, v.imag, v.__trunc__(), v.__floor__(), v.__ceil__(), v.__round__())
for s in ["0x1.8p1", "1.8p1", "-0x1p-2", "0x.8p0", "0X1P+4", " 0x1.fffffffffffffp+1023 ", "inf", "-Infinity",
          "nan", "0x1p-1074", "0x1p-1075", "0x3p-1076", "1", "0x10", "0x1.", "x", "0x", "0x1p",
          "0x1p1.5", "0x1p+10000", "0x1.8p1 z", "0xg"]:
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: float('inf').as_integer_ratio())
err(lambda: float('nan').as_integer_ratio())
err(lambda: float('inf').__floor__())
err(lambda: float('nan').__trunc__())
print(float('inf').hex(), float('nan').hex(), float('-inf').is_integer(), (-0.0).hex())
print(float.__getformat__('double'), (2.5).__getnewargs__(), float.fromhex('0x1p3'))
print(format(1.5, '.3f'), format(-0.0001, 'e'), format(1e16, 'g'), format(2.5, ''), format(1.0))

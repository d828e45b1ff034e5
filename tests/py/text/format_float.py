# format() of floats
def t(v, spec):
    try:
        r = format(v, spec)
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
    else:
        print(repr(spec), repr(r))

vals = [0.0, -0.0, 1.0, -1.5, 3.14159265358979, 1e16, 1.5e-7, 123456.789, 1e300 * 1e300,
        -(1e300 * 1e300), float("nan"), 0.5, 2.5, 1/3, 100.0, 1e22, 12345678.9]
for v in vals:
    print("value", repr(v))
    for spec in ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", ".3g", "#g", "G", "%",
                 ".1%", "10.2f", "<10.2f", "^12.3", "=+12.2f", "010.2f", "+", " .2f", ",",
                 ",.2f", "_.3f", ".3", ".12", "F", "n", "z.2f", "z", ".1"]:
        t(v, spec)
for spec in ["d", "x", "c", ".", "q", ",,"]:
    t(1.5, spec)
t(-0.0001, "z.2f")
t(-0.0001, ".2f")
t(1.0, ".3")
t(1234.5, ".2")
t(0.1, ".17")
t(2.675, ".2f")
print(format(1.5), (2.5).__format__(""), format(1e-5), format(123.0, ""))

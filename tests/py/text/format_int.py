# format() of ints: the format-spec mini-language
def t(v, spec):
    try:
        r = format(v, spec)
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
    else:
        print(repr(spec), repr(r))

for v in [0, 7, -7, 255, -255, 1234567, -1234567, 2**70, -(2**70), True]:
    print("value", v)
    for spec in ["", "d", "5", "<5", "^6", ">6", "=+8", "*^9", "+", "-", " ", "05", "010",
                 "x", "X", "#x", "#X", "o", "#o", "b", "#b", "#010b", ",", "_", "12,", "012,",
                 "_x", "#_b", "n", "c" if 0 <= v < 0x110000 else "d", "e", ".2f", "%", "g",
                 "10.3e", "+.1%", "x<+10,"]:
        t(v, spec)
for spec in [".2", "+c", "#c", "z", ",x", ",_", "_,", ",,", "q", "xx", "\x01", "10.2d", ",s",
             "=c"]:
    t(65, spec)
t(-1, "c")
t(0x110000, "c")
t(1234, "08,")
t(1234, "09,")
t(-1234, "010,")
t(12345678, "0=15_")
t(0xdeadbeef, "_X")
t(10**30, "e")
print(format(5), format(5, ""), (5).__format__(""), (5).__format__("03"))

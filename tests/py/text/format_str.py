# format() of str and the built-in format()
def t(v, spec):
    try:
        r = format(v, spec)
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
    else:
        print(repr(spec), repr(r))

for spec in ["", "s", "10", "<10", ">10", "^10", "^9", "*^9", "日>6", ".2", "10.2", ">10.1s",
             "05", "0>5", "x<3", "+", "-", " ", "z", "#", "=5", ",", "_", "d", "xx", "10.0",
             "\x02"]:
    t("abc", spec)
t("日本語", "^7")
t("日本語", ".1")
t("", "5")
print(format("x"), "abc".__format__(""), "abc".__format__("^5"))
try:
    "a".__format__(1)
except TypeError as e:
    print(e)
class C:
    def __format__(self, spec):
        return "C(" + spec + ")"
    def __str__(self):
        return "str-C"
print(format(C(), "xyz"), format(C()))
class D:
    def __str__(self):
        return "D!"
print(format(D()), format(D(), ""))
try:
    format(D(), "x")
except TypeError as e:
    print(e)
print(format(None), format([1, 2]), format((1,), ""))

# format, repr, ascii
print(format(3.14159, ".2f"), format(42), format(42, "x"), format("s", ">5"), format(1234567, ","))
print(repr(format(None)), format(True), format(1e10), format([1, 2]))
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(format(F()), format(F(), "abc"), f"{F():xyz}")
try:
    format(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"), repr("\x00\x7f"))
print(repr(1), repr(1.0), repr(None), repr([1, "a"]), repr((1,)), repr({}), repr(b"\x00a"))
print(ascii("héllo"), ascii("\u263a"), ascii("\U0001F600"), ascii(["é"]), ascii(1))
class Rep:
    def __repr__(self):
        return "Rep()"
print(repr(Rep()), ascii(Rep()), str(Rep()), [Rep()])
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)

# __index__, __int__, __float__ and conversions through them.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
class I:
    def __int__(self):
        return 7
class F:
    def __float__(self):
        return 2.5
class Both:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
    def __float__(self):
        return 3.0

print(int(Idx(5)), int(I()), float(F()), float(Idx(4)), int(Both()), float(Both()))
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), [1, 2, 3][Idx(1)], "abcd"[Idx(1):Idx(3)])
print(range(Idx(3)), list(range(Idx(1), Idx(4))), (1, 2, 3)[Idx(-1)], operator_like := None)
print(Idx(2).__index__(), [0] * Idx(2), Idx(3) .v)
for bad in ("int(F())", "float(I())", "[1][F()]", "range(F())", "bin(I())", "'ab' * F()",
            "int([])", "float([])", "int(None)", "float(None)", "hex(1.5)", "chr(Idx('a'))"):
    try:
        print(bad, "=", eval(bad))
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)

class BadIndex:
    def __index__(self):
        return "x"
class BadInt:
    def __int__(self):
        return 1.5
class BadFloat:
    def __float__(self):
        return 1
for bad in ("[1][BadIndex()]", "int(BadInt())", "float(BadFloat())", "bin(BadIndex())"):
    try:
        print(bad, "=", eval(bad))
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)

class Num:
    def __init__(self, v):
        self.v = v
    def __round__(self, n=None):
        return ("round", n)
    def __trunc__(self):
        return 9
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __abs__(self):
        return "abs"
print(round(Num(1)), round(Num(1), 2), abs(Num(1)))
import math
print(math.floor(Num(1)), math.ceil(Num(1)), math.trunc(Num(1)))

class MyFloat(float):
    pass
class MyIntSub(int):
    pass
print(int(MyFloat(2.7)), float(MyIntSub(3)), type(float(MyFloat(1.5))).__name__, type(int(MyIntSub(3))).__name__)
print(int("12"), int(" 7 "), int(b"15"), float("1.5"), float(" -2 "))
for bad in ("int('x')", "float('y')", "int('1.5')"):
    try:
        eval(bad)
    except ValueError as e:
        print(bad, "->", type(e).__name__, e)

# Subclasses of int keep the value; arithmetic on them returns plain ints.
class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % int(self)
    def double(self):
        return self * 2
x = MyInt(21)
print(x, repr(x), x.double(), type(x.double()), x + 1, type(x + 1), isinstance(x, int))
print(MyInt(), MyInt("7f", 16), MyInt(2**100), MyInt(-5) // 2, -MyInt(3), type(-MyInt(3)))
print(x == 21, hash(x) == hash(21), x < 22, str(x), x.bit_length(), abs(MyInt(-4)), +MyInt(4))
class Named(int):
    def __new__(cls, value, name):
        self = int.__new__(cls, value)
        self.name = name
        return self
n = Named(5, "five")
print(n, n.name, n + n, n * 2, [1, 2, 3, 4, 5, 6][n])
big = MyInt(10**40)
print(big // 3, big % 7, type(big // 3), int(big) == 10**40, big.to_bytes(17, 'big')[:4])
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(type(True), isinstance(True, int), issubclass(bool, int), bool.__base__)

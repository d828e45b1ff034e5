# Operator overloading: binary, reflected, in-place, unary, NotImplemented fallbacks.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        return ("radd", o)
    def __sub__(self, o):
        return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k):
        return V(*[a / k for a in self.c])
    def __floordiv__(self, k):
        return V(*[a // k for a in self.c])
    def __mod__(self, k):
        return V(*[a % k for a in self.c])
    def __divmod__(self, k):
        return (self // k, self % k)
    def __pow__(self, k, mod=None):
        return ("pow", k, mod)
    def __rpow__(self, k):
        return ("rpow", k)
    def __lshift__(self, k): return ("<<", k)
    def __rshift__(self, k): return (">>", k)
    def __and__(self, k): return ("&", k)
    def __or__(self, k): return ("|", k)
    def __xor__(self, k): return ("^", k)
    def __rand__(self, k): return ("r&", k)
    def __ror__(self, k): return ("r|", k)
    def __rxor__(self, k): return ("r^", k)
    def __rlshift__(self, k): return ("r<<", k)
    def __rrshift__(self, k): return ("r>>", k)
    def __rsub__(self, k): return ("r-", k)
    def __rtruediv__(self, k): return ("r/", k)
    def __rfloordiv__(self, k): return ("r//", k)
    def __rmod__(self, k): return ("r%", k)
    def __rdivmod__(self, k): return ("rdivmod", k)
    def __rmatmul__(self, k): return ("r@", k)
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return ("pos", self)
    def __abs__(self): return V(*[abs(a) for a in self.c])
    def __invert__(self): return ("invert",)

a, b = V(1, 2), V(10, 20)
print(a + b, a + 1, 1 + a, "s" + a)
print(a - b, a * 3, 3 * a, a @ b, b / 4, b // 3, b % 3, divmod(b, 3))
print(a ** 2, pow(a, 2, 5), 2 ** a, a << 1, a >> 1, a & 1, a | 1, a ^ 1)
print(1 & a, 1 | a, 1 ^ a, 1 << a, 1 >> a, 1 - a, 1 / a, 1 // a, 1 % a, divmod(1, a), 1 @ a)
print(-a, +a, abs(V(-1, 2)), ~a)

# in-place operators: __iadd__ when present, else the binary operator
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return "fallback sub"
    def __imul__(self, o):
        return "imul result"
    def __ipow__(self, o):
        return ("ipow", o)
    def __imatmul__(self, o):
        return ("imatmul", o)
x = Acc()
y = x
x += 1
x += 2
print(x is y, x.items)
x -= 1
print(x)
z = Acc()
z *= 3
print(z)
z = Acc()
z **= 2
print(z)
z = Acc()
z @= 2
print(z)
w = V(1, 1)
w += V(1, 2)
print(w)
w *= 2
print(w)
for op in ("|=", "&=", "^=", "<<=", ">>=", "//=", "/=", "%="):
    v = V(8)
    exec("v " + op + " 3")
    print(op, v)

# reflected operand of a subclass is tried first
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"
class Sub2(Base):
    pass
print(Base() + Sub(), Sub() + Base(), Base() + Sub2())
print(1 + Sub(), Sub() + 1)

# subclass of int overriding reflected
class MyInt(int):
    def __radd__(self, o):
        return "MyInt.__radd__"
    def __rsub__(self, o):
        return NotImplemented
print(1 + MyInt(2), MyInt(2) + 1, 5 - MyInt(2))

# both NotImplemented
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
for expr in ("N() + N()", "N() + 1", "1 + N()", "N() - 1", "-N()", "~N()", "abs(N())",
             "+N()", "N() ** 2", "pow(N(), 2, 3)", "N() @ N()", "divmod(N(), 1)",
             "1 + 'a'", "'a' + 1", "[1] * 2.0", "2.5 * [1]", "[1] + (2,)", "{} | 1",
             "None < None", "len(N())"):
    try:
        print(expr, "=", eval(expr))
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
n = N()
try:
    n += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    n **= 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    n @= 1
except TypeError as e:
    print(type(e).__name__, e)

# sequence repetition and concatenation through __index__
class Idx:
    def __index__(self):
        return 3
print([0] * Idx(), "ab" * Idx(), Idx() * (1,))
l = [1]
l *= Idx()
print(l)
l += (2, 3)
print(l)

# __bool__ / __len__ truth
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class L2:
    def __len__(self):
        return 5
print(bool(T()), bool(L()), bool(L2()), not T(), bool(N()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(type(e).__name__, e)

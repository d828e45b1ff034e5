# Multiple inheritance and the C3 method resolution order.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [c.__name__ for c in cls.__mro__]

print(names(K1))
print(names(K2))
print(names(K3))
print(names(Z))
print([c.__name__ for c in Z.mro()])

class Left:
    def who(self): return "Left"
    def only_left(self): return "only left"
class Right:
    def who(self): return "Right"
    def only_right(self): return "only right"
class Both(Left, Right): pass
class Both2(Right, Left): pass
b = Both()
print(b.who(), b.only_left(), b.only_right(), Both2().who())

# diamond with cooperative methods
class Root:
    def hello(self):
        return ["Root"]
class L(Root):
    def hello(self):
        return ["L"] + super().hello()
class R(Root):
    def hello(self):
        return ["R"] + super().hello()
class Bottom(L, R):
    def hello(self):
        return ["Bottom"] + super().hello()
print(Bottom().hello())
print(names(Bottom))

# inconsistent hierarchies
class X: pass
class Y(X): pass
try:
    class Bad(X, Y): pass
except TypeError as e:
    print(type(e).__name__, e)
class P: pass
class Q: pass
class PQ(P, Q): pass
class QP(Q, P): pass
try:
    class Bad2(PQ, QP): pass
except TypeError as e:
    print(type(e).__name__, e)

# layout conflicts between built-in bases
try:
    class LD(list, dict): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class IS(int, str): pass
except TypeError as e:
    print(type(e).__name__, e)
class ML(list, Left): pass
print(names(ML), ML([1, 2]).who(), len(ML([1, 2])))
class LM(Left, list): pass
print(names(LM), LM((3,)))

# attributes through the mro
class A1:
    x = "A1"
class A2(A1):
    pass
class A3(A1):
    x = "A3"
class A4(A2, A3):
    pass
print(A4.x, names(A4))

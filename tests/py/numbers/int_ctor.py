# int(): numbers, strings, fallbacks through __int__, __index__, __trunc__.
print(int(), int(0), int(-3), int(3.99), int(-3.99), int(1e20), int(-1e300) % 1000, int(True))
print(int(2.5e-300), int(-0.0), int(1e16), int(123456789.987))
class A:
    def __int__(self):
        return 42
class B:
    def __index__(self):
        return 7
class C:
    def __trunc__(self):
        return 9
class D:
    def __trunc__(self):
        return B()
class E:
    def __int__(self):
        return "no"
class F:
    pass
class G(int):
    pass
class H:
    def __int__(self):
        return G(5)
print(int(A()), int(B()), int(G(11)), type(int(G(11))))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: int(E()))
err(lambda: int(F()))
err(lambda: int([1]))
err(lambda: int(None))
err(lambda: int(float('inf')))
err(lambda: int(float('-inf')))
err(lambda: int(float('nan')))
err(lambda: int('12', 10, 3))
err(lambda: int(base=10))
err(lambda: int(x='1'))
err(lambda: int(1.5, 10))
print(int('0x1f', base=16), int('11', base=0), int(b'101', 2))
print(int(A()) + 1, int(1e15) * 3)

# Deprecated conversions still work but warn (once per line), as in CPython 3.11.
import math
class G(int):
    pass
class H:
    def __int__(self):
        return G(5)
class T:
    def __trunc__(self):
        return 3
class D(float):
    pass
class F:
    def __float__(self):
        return D(2.5)
for i in range(2):
    print(int(H()), type(int(H())), int(T()), float(F()), type(float(F())), math.sqrt(F()))

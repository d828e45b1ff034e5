# bool: an int subclass with two immortal values.
print(True, False, repr(True), str(False), int(True), float(False))
print(True + True, True - False, True * 7, True / 2, True // 1, -True, +True, ~True, ~False, abs(-True))
print(True & False, True | False, True ^ True, False ^ False, type(True & False), type(True | 1))
print(True & 3, 3 | False, 2 ^ True, type(True & 3), True << 3, True >> 1)
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(''), bool('a'), bool([]),
      bool([0]), bool(None), bool(10**40), bool(float('nan')))
print(True == 1, False == 0, True is True, True == 1.0, hash(True), hash(False), True < 2)
print(sum([True, True, False]), max(True, False), True ** 10, divmod(True, True), pow(True, -1))
print(bool(1) is True, bool(0) is False, not True, not 0, (1 < 2) is True)
class Z:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 3
print(bool(Z()), bool(L()), isinstance(True, bool), True.real, True.imag, True.numerator)
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError", e)
print({True: 'a', 1: 'b', 1.0: 'c'}, [False, True][True], "%d %s %r" % (True, True, False))
print(True.__and__(False), True.__or__(2), (True).__xor__(True), True.conjugate(), type(True.conjugate()))

# isinstance, issubclass
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (C, A)), isinstance(1, (str, (int,))))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, int), issubclass(B, (C, A)),
      issubclass(A, object), issubclass(type, object), issubclass(object, type))
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError))
for args in ((1, 1), (1, (int, 1))):
    try:
        isinstance(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for args in ((1, int), (int, 1)):
    try:
        issubclass(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 42
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta): pass
print(isinstance(42, Magic), isinstance(41, Magic), issubclass(int, Magic), issubclass(str, Magic))
try:
    isinstance(1)
except TypeError as e:
    print(type(e).__name__, e)

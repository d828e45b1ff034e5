# callable, id, hash
class C:
    def m(self):
        pass
class D:
    def __call__(self):
        return 1
print(callable(len), callable(C), callable(C()), callable(D()), callable(C().m),
      callable(1), callable("x"), callable(lambda: 0), callable(None))
a = []
b = []
print(id(a) == id(a), id(a) == id(b), type(id(a)).__name__, id(a) > 0)
print(hash(1) == hash(1.0), hash(True) == hash(1), hash(0), hash(-1), hash(-2), hash(2**61 - 1))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"), hash(None) == hash(None))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class H:
    def __hash__(self):
        return 12345
class Unh:
    __hash__ = None
print(hash(H()))
try:
    hash(Unh())
except TypeError as e:
    print(type(e).__name__, e)
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self):
        return 2**100
print(hash(BigHash()) == hash(2**100))

# sum
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([], 5), sum(start=1, iterable=[2]) if False else sum([2], start=1))
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([1.5, 2]), sum([2**62, 2**62, 2**62]))
print(sum([2**63 - 1, 1]), sum([-2**63, -1]), sum([True, True, False]))
print(sum([[1], [2], [3]], []), sum([(1,), (2,)], ()))
print(sum([1, 2**70, 3]), sum([1.0, 2**70]), sum([1e308, 1e308]), sum([0.5, 0.25], 0.125))
print(sum(x * x for x in range(10)), sum({1: 2, 3: 4}), sum([1, -1.5, 2]))
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))
    __radd__ = __add__
print(sum([V(1), V(2)]).v, sum([V(1), V(2)], V(10)).v)
for args in ((["a"], ""), ([b"a"], b""), ([1], bytearray()), ([1, "a"],), (5,), ()):
    try:
        print(sum(*args))
    except TypeError as e:
        print(type(e).__name__, e)
print(sum([1.0, 2, 3.5, 4]), sum([1, 2.0]), type(sum([1, 2.0])).__name__)
print(sum([0.1, 0.2, 0.3]), sum([1e16, 1.0, -1e16]))
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)
    __radd__ = __add__
print(sum([MyInt(1), 2]), sum([1, MyInt(2), 3]), type(sum([1, MyInt(2)])).__name__)
print(sum([1, 2.5, 3, 4.5, True]), sum([2**62, 2**62, 1.5]), sum([1.5, 2**70, 1]))
print(sum([1.0, True, False]), sum([], 0.0), sum([1], 2**64))

# len, sorted, reversed
print(len([]), len("abc"), len({1: 2}), len(range(10)), len(b"xy"), len((1,)), len({1, 2, 3}))
class L:
    def __len__(self):
        return 5
print(len(L()))
for bad_len in (-1, "x", 2**100):
    class B:
        def __len__(self, v=bad_len):
            return v
    try:
        len(B())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted((1,)))
print(sorted(["bb", "a", "ccc"], key=len), sorted([-3, 2, -1], key=abs, reverse=True))
print(sorted({3: 1, 1: 2}), sorted([]), sorted(x * x for x in range(-3, 3)))
data = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(data, key=lambda p: p[0]))
l = [3, 2, 1]
s = sorted(l)
print(l, s, s is l)
for args, kw in (((), {}), (([1], [2]), {}), (([1],), {"foo": 1}), (([1, "a"],), {})):
    try:
        sorted(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted([1, 2], key=None), sorted([1, 2, 3], reverse=1))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
try:
    reversed(5)
except TypeError as e:
    print(type(e).__name__, e)

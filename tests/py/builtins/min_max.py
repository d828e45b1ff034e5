# min, max
print(max(1, 2, 3), min(1, 2, 3), max([4, 5, 1]), min("hello"), max((1,)))
print(max([1, 3, 2], key=lambda x: -x), min(["aa", "b", "ccc"], key=len))
print(max([], default=None), min([], default="d"), max([1], default=0))
print(max(1, 2, key=None), max([(1, "b"), (1, "a")]), max([1, 1.0]), max([1.0, 1]))
print(max([3, 3, 3], key=lambda x: 0), min(x for x in [5, 2, 8]))
class P:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
    def __gt__(self, o):
        return self.n > o.n
    def __repr__(self):
        return "P(%d)" % self.n
print(max([P(1), P(3), P(2)]), min([P(1), P(3), P(2)]))
tests = [
    lambda: max(),
    lambda: min(),
    lambda: max([]),
    lambda: min(()),
    lambda: max(1),
    lambda: max(1, 2, default=3),
    lambda: max([1], foo=3),
    lambda: min(1, 2, key=1),
    lambda: max([1, "a"]),
    lambda: min(iter([])),
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

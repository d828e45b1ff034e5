# list.sort: stability, key, reverse, errors, mutation during sort
a = [5, 3, 9, 1, 1, 7, -2, 0]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
seed = 12345
data = []
for _ in range(2000):
    seed = (seed * 1103515245 + 12345) % 2**31
    data.append(seed % 100)
rec = [(v, i) for i, v in enumerate(data)]
s = sorted(rec, key=lambda r: r[0])
print(s == sorted(rec), all(s[i][0] <= s[i + 1][0] for i in range(len(s) - 1)))
stable = all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0])
print("stable", stable)
r = sorted(rec, key=lambda r: r[0], reverse=True)
print("reverse stable", all(r[i][1] < r[i + 1][1] for i in range(len(r) - 1) if r[i][0] == r[i + 1][0]))
print(sorted(range(1000, 0, -1))[:5], sorted(list(range(500)) + list(range(500)))[:6])
calls = []
def key(x):
    calls.append(x)
    return -x
b = [3, 1, 2]
b.sort(key=key)
print(b, calls)
floats = [3.5, -1.0, 2, 10**20, 0.5]
print(sorted(floats))
print(sorted(["b", "a", "c"]), sorted([]), sorted([1]))
print(sorted([[2, 1], [1, 2], [1, 1, 1]]), sorted([(1, 2), (1,), ()]))
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: sorted([1, "a", 2]))
err(lambda: [1, 2].sort(1))
err(lambda: [1, 2].sort(foo=1))
def mutate():
    x = [3, 2, 1]
    def k(v):
        x.append(v)
        return v
    x.sort(key=k)
err(mutate)
def mutate_cmp():
    y = [3, 2, 1]
    class K:
        def __init__(self, v):
            self.v = v
        def __lt__(self, other):
            y.append(0)
            return self.v < other.v
    y[:] = [K(3), K(2), K(1)]
    y.sort()
err(mutate_cmp)
z = [3, 2, 1, "x", 0]
try:
    z.sort()
except TypeError as e:
    print("TypeError", e)
print(sorted(z, key=str), len(z))
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "R%d" % self.v
print(sorted([Rev(1), Rev(3), Rev(2)]))
print(sorted([True, False, 2, 1, 0]))
print(sorted("hello world"), sorted((3, 1, 2), reverse=True))
big = list(range(100))
big.sort(key=lambda v: v % 7)
print(big[:20])
for r in (None, "a", [], 2, True, 0):
    try:
        [2, 1].sort(reverse=r)
        print("ok", r)
    except TypeError as ex:
        print("TypeError", ex)
err(lambda: [2, 1].sort(key=1))
[].sort(key=1)
print(sorted([3, 1, 2], key=None), sorted([3, 1, 2], reverse=False))

# list.sort is CPython's timsort: same results and the same number of comparisons for
# random, duplicate-heavy, nearly sorted and run-structured data, and an inconsistent __lt__
seed = 5
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
count = [0]
class V:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        count[0] += 1
        return self.v < other.v
def gen(kind, n):
    if kind == 0:
        return [rnd(1000) for _ in range(n)]
    if kind == 1:
        return [rnd(5) for _ in range(n)]
    if kind == 2:
        l = list(range(n))
        for _ in range(n // 20 + 1):
            i, j = rnd(n), rnd(n)
            l[i], l[j] = l[j], l[i]
        return l
    if kind == 3:
        return list(range(n, 0, -1)) + list(range(n // 2))
    if kind == 4:
        out = []
        while len(out) < n:
            run = sorted(rnd(10000) for _ in range(rnd(200) + 1))
            if rnd(2):
                run.reverse()
            out.extend(run)
        return out[:n]
    return [(rnd(3), rnd(50)) for _ in range(n)]
for n in (63, 64, 65, 100, 257, 1000, 2500):
    for kind in range(6):
        data = gen(kind, n)
        count[0] = 0
        r = sorted(V(x) for x in data)
        ok = [x.v for x in r] == sorted(data)
        c1 = count[0]
        count[0] = 0
        r2 = sorted((V(x) for x in data), reverse=True)
        c2 = count[0]
        keys = []
        r3 = sorted(data, key=lambda x: (keys.append(x), -hash(x) % 97)[1])
        print(n, kind, ok, c1, c2, r3[:3], [x.v for x in r2[:3]])
class Bad:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return (self.v * 7 + other.v * 3 + rnd(3)) % 5 < 2
print([b.v for b in sorted(Bad(i) for i in range(300))][:60])

# a comparison that raises part-way through a sort leaves the list in CPython's state
seed = 9
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
class Boom:
    def __init__(self, v, limit):
        self.v = v
        self.limit = limit
    def __lt__(self, other):
        self.limit[0] -= 1
        if self.limit[0] == 0:
            raise ValueError("boom")
        return self.v < other.v
for n, lim in ((50, 30), (300, 1000), (300, 1900), (2000, 15000)):
    limit = [lim]
    l = [Boom(rnd(100), limit) for _ in range(n)]
    try:
        l.sort()
        print("sorted")
    except ValueError as e:
        print("ValueError", e)
    print(n, len(l), [b.v for b in l][:40], sum(b.v for b in l))
k = list(range(100, 0, -1))
try:
    k.sort(key=lambda x: 1 / (x - 50))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, k[:5])

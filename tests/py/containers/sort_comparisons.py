# the comparisons list.sort makes on short lists are CPython's, in order and number
log = []
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "V(%r)" % self.v
for data in ([3, 1, 2], [1, 2, 3, 4], [5, 4, 3, 2, 1], [2, 2, 1, 1, 3], [9, 7, 8, 1, 2, 3, 0], list(range(20, 0, -3)) + [5, 5, 50], [(i * 37) % 17 for i in range(40)]):
    log.clear()
    r = sorted(V(x) for x in data)
    print([x.v for x in r], len(log), log[:12])
    log.clear()
    r = sorted((V(x) for x in data), reverse=True)
    print([x.v for x in r], len(log), log[:12])
class Bad:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return (self.v * 7 + other.v * 3) % 5 < 2
print([b.v for b in sorted(Bad(i) for i in range(30))])
calls = []
print(sorted([3, 1, 2, 5, 4], key=lambda x: calls.append(x) or -x), calls)

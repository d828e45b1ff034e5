# randomised list slicing and mutation (deterministic LCG), checked step by step against
# CPython's output
seed = 77
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
def idx():
    r = rnd(10)
    if r == 0:
        return None
    if r == 1:
        return rnd(1000) - 500
    return rnd(30) - 15
def step():
    r = rnd(6)
    return None if r < 2 else [1, 2, 3, -1, -2, -3][rnd(6)]
l = list(range(20))
for n in range(3000):
    op = rnd(10)
    try:
        if op == 0:
            sl = slice(idx(), idx(), step())
            res = l[sl]
        elif op == 1:
            sl = slice(idx(), idx(), step())
            l[sl] = [rnd(100) for _ in range(rnd(6))]
            res = len(l)
        elif op == 2:
            sl = slice(idx(), idx(), step())
            del l[sl]
            res = len(l)
        elif op == 3:
            i = idx() or 0
            l.insert(i, n)
            res = i
        elif op == 4 and l:
            res = l.pop(rnd(len(l)) - rnd(2) * len(l))
        elif op == 5:
            l.extend(range(rnd(5)))
            res = len(l)
        elif op == 6:
            l.sort(key=lambda v: (v % 7, -v), reverse=rnd(2) == 1)
            res = l[:5]
        elif op == 7:
            sl = slice(idx(), idx(), step())
            k = len(l[sl])
            l[sl] = list(range(k))
            res = k
        elif op == 8:
            l *= 1 + rnd(2)
            del l[60:]
            res = len(l)
        else:
            v = rnd(30)
            res = (v in l, l.count(v), l.index(v) if v in l else -1)
    except (ValueError, IndexError) as e:
        res = type(e).__name__ + ": " + str(e)
    if n % 50 == 0 or isinstance(res, str):
        print(n, op, res, l)

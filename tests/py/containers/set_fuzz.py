# randomised set operations (deterministic LCG): contents, iteration order and frozenset
# hashes must match CPython step for step
seed = 42
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
sets = [set() for _ in range(4)]
out = []
for step in range(6000):
    op = rnd(14)
    a = sets[rnd(4)]
    b = sets[rnd(4)]
    x = rnd(300) - 50
    if rnd(3) == 0: x = (x, rnd(4))
    elif rnd(5) == 0: x = x * 2**61
    if op < 4:
        a.add(x)
    elif op < 6:
        a.discard(x)
    elif op == 6 and a:
        out.append(a.pop())
    elif op == 7:
        a |= set(rnd(500) for _ in range(rnd(20)))
    elif op == 8:
        a -= b
    elif op == 9:
        a ^= b
    elif op == 10:
        a &= set(range(rnd(300)))
    elif op == 11:
        sets[rnd(4)] = a | b
    elif op == 12:
        sets[rnd(4)] = set(a) if rnd(2) else a.copy()
    else:
        sets[rnd(4)] = a.difference(b, [x]) if rnd(2) else a.symmetric_difference(list(b))
    if step % 100 == 0:
        print(step, [list(s) for s in sets])
        print(out[-10:])
        print([hash(frozenset(s)) for s in sets])
        d = {}
        for s in sets:
            for v in s:
                d[hash(v) * 7 % 101] = v
                if hash(v) % 5 == 0:
                    d.pop((hash(v) * 3) % 101, None)
        print(list(d.items())[:30], len(d))

# randomised dict operations (deterministic LCG): contents and order must match CPython
seed = 2024
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
dicts = [{} for _ in range(3)]
log = []
for step in range(5000):
    op = rnd(12)
    d = dicts[rnd(3)]
    k = rnd(200) - 20
    if rnd(4) == 0:
        k = (k, rnd(3))
    if op < 4:
        d[k] = step
    elif op < 6:
        log.append(d.pop(k, None))
    elif op == 6 and d:
        log.append(d.popitem())
    elif op == 7:
        log.append(d.setdefault(k, -step))
    elif op == 8:
        d.update({rnd(300): i for i in range(rnd(10))})
    elif op == 9:
        dicts[rnd(3)] = dict(d) if rnd(2) else d.copy()
    elif op == 10:
        other = dicts[rnd(3)]
        dicts[rnd(3)] = d | other
    else:
        for key in list(d)[: rnd(5)]:
            del d[key]
    if step % 250 == 0:
        print(step, [list(x.items())[:12] for x in dicts], [len(x) for x in dicts])
        print(log[-8:], [list(reversed(x))[:5] for x in dicts])
        print([x == y for x in dicts for y in dicts])

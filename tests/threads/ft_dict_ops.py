# Many threads operate on one dict: setdefault, pop, update, item writes, iteration.
# Every operation is atomic, so the final state is exact.
import threading

N, M = 4, 800
d = {}


def setdef(k):
    for i in range(M):
        d.setdefault(i, k)
        d.setdefault((k, i), i)


ts = [threading.Thread(target=setdef, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(d), all(d[i] in range(N) for i in range(M)), all(d[(k, i)] == i for k in range(N) for i in range(M)))

# each key popped exactly once across all threads
counts = [0] * N


def popper(k):
    n = 0
    for i in range(M):
        if d.pop(i, None) is not None:
            n += 1
    counts[k] = n


ts = [threading.Thread(target=popper, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(counts), len(d))

# update from many threads with disjoint keys
def updater(k):
    for i in range(0, M, 10):
        d.update({("u", k, j): j for j in range(i, i + 10)})


ts = [threading.Thread(target=updater, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(d), sum(v for key, v in d.items() if key[0] == "u"))

# iteration while another thread changes the size: RuntimeError or a full pass, no crash
d2 = {i: i for i in range(100)}
errors = []
stop = threading.Event()


def iterate():
    while not stop.is_set():
        try:
            for key in d2:
                pass
            for v in list(d2.values()):
                assert isinstance(v, int)
        except RuntimeError as e:
            errors.append(str(e))


def mutate():
    for i in range(M * 2):
        d2[1000 + i] = i
        del d2[1000 + i]
    stop.set()


ts = [threading.Thread(target=iterate), threading.Thread(target=mutate)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(d2), set(errors) <= {"dictionary changed size during iteration"})

# readers of a shared dict while a writer replaces values and grows it: values always
# one of the written ones
shared = {"a": 0, "b": 0}
seen_bad = []


def dreader():
    for _ in range(M * 2):
        v = shared["a"]
        w = shared.get("b")
        if v not in (0, 1, 2) or w not in (0, 1, 2):
            seen_bad.append((v, w))


def dwriter():
    for i in range(M * 2):
        shared["a"] = i % 3
        shared["b"] = (i + 1) % 3
        shared[("grow", i)] = i  # forces resizes


ts = [threading.Thread(target=dreader) for _ in range(2)] + [threading.Thread(target=dwriter)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(seen_bad, len(shared))

# Shared dict, set and list updated from many threads: every single operation is atomic,
# so nothing is lost (each thread uses its own keys; counts are exact).
import threading

N, M = 6, 1500
d = {}
s = set()
lst = []


def work(k):
    for i in range(M):
        d[(k, i)] = i
        s.add(k * M + i)
        lst.append(i)
        if i % 3 == 0:
            del d[(k, i)]
            s.discard(k * M + i)
            lst.pop()


ts = [threading.Thread(target=work, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(d), len(s), len(lst))
print(sum(d.values()) == N * sum(i for i in range(M) if i % 3), sorted(s) == sorted(
    k * M + i for k in range(N) for i in range(M) if i % 3))

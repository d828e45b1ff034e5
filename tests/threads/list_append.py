# N threads append to one shared list: list.append is atomic, nothing is lost.
import threading

N, M = 8, 2000
shared = []


def worker(tag):
    for i in range(M):
        shared.append((tag, i))


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared))
# every thread's items, in its own order
for tag in range(N):
    mine = [i for (t, i) in shared if t == tag]
    assert mine == list(range(M)), tag
print("per-thread order kept")
print(sorted(set(t for t, _ in shared)))

# Threads creating and dropping reference cycles at the same time, with automatic
# collections (any thread may trigger one: free-threaded builds stop the world) and
# explicit gc.collect() calls from several threads. Exact check: every node is finalized
# exactly once, and nothing is left after the final collection.
import gc
import threading

dead = []          # list.append is atomic: one entry per __del__
THREADS = 4
PAIRS = 15000


class Node:
    def __init__(self, tag):
        self.tag = tag
        self.other = None

    def __del__(self):
        dead.append(self.tag)


def work(k):
    for i in range(PAIRS):
        a = Node(k); b = Node(k)
        a.other = b; b.other = a
        if i % 5000 == 0:
            gc.collect(i % 3)
    a = b = None


ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
gc.collect()
print(len(dead) == THREADS * PAIRS * 2)
print(sorted(set(dead)), [dead.count(k) for k in range(THREADS)])
print(gc.garbage)

# Objects created by one thread and dropped by another: producers build small cyclic
# structures (instance pairs, self-referencing lists, dicts in cycles) and hand them over a
# queue; consumers drop them. The collector frees them whichever thread's lists they live
# in. Exact checks: finalizer count, weakrefs all dead, nothing left over.
import gc
import queue
import threading
import weakref

fin = []
PRODUCERS = 2
CONSUMERS = 2
ITEMS = 8000


class Obj:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        fin.append(self.n)


q = queue.Queue(maxsize=64)
refs = []


def produce(p):
    for i in range(ITEMS):
        a = Obj(i); b = Obj(i)
        a.peer = b; b.peer = a
        l = [a]
        l.append(l)
        d = {"a": a}
        d["d"] = d
        if i % 1000 == 0:
            refs.append(weakref.ref(a))
        q.put((l, d))
    for c in range(CONSUMERS // PRODUCERS):
        q.put(None)


def consume():
    while True:
        item = q.get()
        if item is None:
            return
        item = None


ps = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
cs = [threading.Thread(target=consume) for c in range(CONSUMERS)]
for t in ps + cs:
    t.start()
for t in ps + cs:
    t.join()
gc.collect()
print(len(fin) == PRODUCERS * ITEMS * 2)
print(len(refs), all(r() is None for r in refs))
print(gc.garbage)

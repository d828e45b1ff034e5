# LifoQueue and PriorityQueue orderings, filled by several threads.
import queue
import threading

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])
pq = queue.PriorityQueue()
items = [(p * 37) % 101 for p in range(100)]


def filler(chunk):
    for x in chunk:
        pq.put(x)


ts = [threading.Thread(target=filler, args=(items[i::4],)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
out = [pq.get() for _ in range(pq.qsize())]
print(out == sorted(items), out[:5], out[-3:])
pq.put((2, "b"))
pq.put((1, "z"))
pq.put((2, "a"))
pq.put((0, "first"))
print([pq.get() for _ in range(4)])
# stress: LIFO with concurrent producers -> every item exactly once
lq = queue.LifoQueue(maxsize=5)
got = []


def consume(n):
    for _ in range(n):
        got.append(lq.get())


c = threading.Thread(target=consume, args=(300,))
c.start()
ps = [threading.Thread(target=lambda k=k: [lq.put(k * 100 + i) for i in range(100)])
      for k in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
c.join()
print(len(got), sorted(got) == list(range(300)))

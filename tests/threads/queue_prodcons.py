# queue.Queue with several producers and consumers: exact sum, nothing lost or doubled.
import queue
import threading

q = queue.Queue(maxsize=10)
PRODUCERS, ITEMS, CONSUMERS = 4, 250, 3
got = []
lock = threading.Lock()


def producer(k):
    for i in range(ITEMS):
        q.put(k * 1000 + i)


def consumer():
    mine = []
    while True:
        item = q.get()
        if item is None:
            break
        mine.append(item)
    with lock:
        got.extend(mine)


cons = [threading.Thread(target=consumer) for _ in range(CONSUMERS)]
prods = [threading.Thread(target=producer, args=(k,)) for k in range(PRODUCERS)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
print(len(got), sum(got))
print(sorted(got) == sorted(k * 1000 + i for k in range(PRODUCERS) for i in range(ITEMS)))
print(q.qsize(), q.empty(), q.full())

import threading
from collections import deque
d = deque()
def producer(k):
    for i in range(2000):
        d.append((k, i))
        if i % 3 == 0:
            d.appendleft((k, -i - 1))
ts = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), len(set(d)))
got = [[] for _ in range(4)]
def consumer(k):
    while True:
        try:
            got[k].append(d.popleft() if k % 2 else d.pop())
        except IndexError:
            return
ts = [threading.Thread(target=consumer, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
allgot = [x for g in got for x in g]
print(len(allgot), len(set(allgot)), len(d))
bounded = deque(maxlen=100)
def filler(k):
    for i in range(3000): bounded.append(i)
ts = [threading.Thread(target=filler, args=(k,)) for k in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(len(bounded), bounded.maxlen)

# queue.SimpleQueue across threads.
import queue
import threading

q = queue.SimpleQueue()
print(q.empty(), q.qsize())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
N = 4
res = []
lock = threading.Lock()


def consumer():
    s = 0
    while True:
        x = q.get()
        if x is None:
            break
        s += x
    with lock:
        res.append(s)


cs = [threading.Thread(target=consumer) for _ in range(N)]
for c in cs:
    c.start()
for i in range(1000):
    q.put(i)
for _ in range(N):
    q.put_nowait(None)
for c in cs:
    c.join()
print(sum(res), len(res), q.empty())
q.put(1, block=False, timeout=3)
print(q.qsize(), q.get(False))

# One producer, one consumer: FIFO order is preserved exactly.
import queue
import threading

q = queue.Queue()
out = []


def consumer():
    while True:
        x = q.get()
        if x is None:
            return
        out.append(x)


t = threading.Thread(target=consumer)
t.start()
for i in range(1000):
    q.put(i)
q.put(None)
t.join()
print(out == list(range(1000)))
# bounded queue with a slow consumer: producer blocks but order is kept
q = queue.Queue(maxsize=2)
out = []
t = threading.Thread(target=consumer)
t.start()
for i in range(100):
    q.put(i)
q.put(None)
t.join()
print(out == list(range(100)), q.maxsize)

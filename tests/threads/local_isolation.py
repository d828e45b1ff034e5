# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
results = {}
lock = threading.Lock()
start = threading.Barrier(6)


def worker(i):
    had = hasattr(data, "x")
    data.x = i
    start.wait()          # everybody has set its own value
    for _ in range(100):
        data.x += 1000
        data.x -= 1000
    with lock:
        results[i] = (had, data.x, sorted(data.__dict__))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for i in sorted(results):
    print(i, results[i])
print(data.x, data.__dict__)
try:
    data.y
except AttributeError as e:
    print("AttributeError", e)
try:
    del data.y
except AttributeError as e:
    print("AttributeError", e)
del data.x
print(data.__dict__)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)

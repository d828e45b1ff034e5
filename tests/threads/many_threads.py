# 200 short threads, each contributing to a shared result.
import threading

results = [None] * 200
lock = threading.Lock()
total = [0]


def work(i):
    results[i] = i * i
    with lock:
        total[0] += i


ts = [threading.Thread(target=work, args=(i,)) for i in range(200)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(results), total[0], results[:5], results[-1])
print(threading.active_count())

# waves of threads started and joined in batches
count = [0]


def inc():
    with lock:
        count[0] += 1


for wave in range(10):
    batch = [threading.Thread(target=inc) for _ in range(20)]
    for t in batch:
        t.start()
    for t in batch:
        t.join()
print(count[0])

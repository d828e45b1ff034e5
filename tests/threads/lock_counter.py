# A counter protected by a Lock is exact.
import threading

N, M = 6, 3000
lock = threading.Lock()
count = 0


def bump():
    global count
    for _ in range(M):
        with lock:
            count += 1


threads = [threading.Thread(target=bump) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count, count == N * M)

# explicit acquire / release
count = 0


def bump2():
    global count
    for _ in range(M):
        lock.acquire()
        try:
            count += 1
        finally:
            lock.release()


threads = [threading.Thread(target=bump2) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count)
print(lock.locked())

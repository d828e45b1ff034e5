# RLock: reentrancy, ownership, and mutual exclusion between threads.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release(); r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

depth = []


def recurse(n):
    with r:
        depth.append(n)
        if n:
            recurse(n - 1)


recurse(5)
print(depth)

# Another thread cannot take it while we hold it, nor release it.
r.acquire()
res = []


def other():
    res.append(r.acquire(blocking=False))
    res.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        res.append(str(e))


t = threading.Thread(target=other)
t.start()
t.join()
print(res)
r.release()

# Shared counter with nested acquisition.
total = 0


def work():
    global total
    for _ in range(1000):
        with r:
            with r:
                total += 1


ts = [threading.Thread(target=work) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total)

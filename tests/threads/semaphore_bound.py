# A Semaphore bounds concurrency: the observed maximum never exceeds its value.
import threading
import time

LIMIT = 3
sem = threading.Semaphore(LIMIT)
mu = threading.Lock()
inside = 0
peak = 0
runs = 0


def task():
    global inside, peak, runs
    for _ in range(20):
        with sem:
            with mu:
                inside += 1
                peak = max(peak, inside)
                runs += 1
            time.sleep(0.0005)
            with mu:
                inside -= 1


ts = [threading.Thread(target=task) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(runs, peak <= LIMIT, inside)
print(sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.acquire()
print(sem.acquire(blocking=False))
print(sem.acquire(timeout=0.01))
sem.release(3)
print([sem.acquire(False) for _ in range(4)])

# Threads of several processes share a Value's RLock (re-entered), a Lock and a Semaphore:
# exact totals, and every lock is free at the end (ownership counts stayed consistent).
import multiprocessing as mp, threading
v = mp.Value('i', 0)
lock = mp.Lock()
sem = mp.Semaphore(2)
plain = [0]
def work():
    for i in range(2000):
        with v.get_lock():
            with v.get_lock():
                v.value += 1
        with lock:
            plain[0] += 1
        with sem:
            pass
def proc():
    ts = [threading.Thread(target=work) for _ in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
ps = [mp.Process(target=proc) for _ in range(2)]
for p in ps: p.start()
proc()
for p in ps: p.join()
print(v.value, plain[0], sem.get_value(), repr(v.get_lock()), repr(lock))

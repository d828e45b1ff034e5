# A blocked acquire (forever, or with a timeout) succeeds as soon as another thread
# releases the lock; locks may be released by a thread other than the acquirer.
import threading

lock = threading.Lock()
lock.acquire()
events = []


def waiter(kind):
    if kind == "timeout":
        ok = lock.acquire(timeout=5)
    else:
        ok = lock.acquire()
    events.append((kind, ok))
    lock.release()


for kind in ["forever", "timeout"]:
    t = threading.Thread(target=waiter, args=(kind,))
    t.start()
    t.join(0.02)
    events.append(("still blocked", t.is_alive()))
    lock.release()
    t.join()
    lock.acquire()
print(events)
# release from another thread (plain locks are not owned)
t = threading.Thread(target=lock.release)
t.start()
t.join()
print(lock.locked())
# token passing through a chain of locks: strict order
N = 6
locks = [threading.Lock() for _ in range(N)]
for l in locks:
    l.acquire()
order = []


def link(i):
    locks[i].acquire()
    order.append(i)
    if i + 1 < N:
        locks[i + 1].release()


ts = [threading.Thread(target=link, args=(i,)) for i in reversed(range(N))]
for t in ts:
    t.start()
locks[0].release()
for t in ts:
    t.join()
print(order)

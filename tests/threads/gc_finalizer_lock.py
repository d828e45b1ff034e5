# A __del__ run by the collector waits for a lock that another thread holds: finalizers run
# while the other threads run (free-threaded builds restart the world before calling them),
# so the holder can release it and the collection completes.
import gc
import threading
import time

lock = threading.Lock()
held = threading.Event()
done = []


class Waiter:
    def __del__(self):
        with lock:
            done.append(1)


def holder():
    with lock:
        held.set()
        time.sleep(0.2)


gc.disable()
for i in range(10):
    w = Waiter()
    w.me = w
del w
t = threading.Thread(target=holder)
t.start()
held.wait()
n = gc.collect()
t.join()
print(n, len(done))

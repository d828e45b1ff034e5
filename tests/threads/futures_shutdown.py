# shutdown(wait), shutdown(cancel_futures=True), submit after shutdown.
from concurrent.futures import ThreadPoolExecutor, CancelledError
import threading

ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    gate.wait(5)
    return "blocker done"


first = ex.submit(blocker)
started.wait(5)
rest = [ex.submit(pow, 2, i) for i in range(5)]
threading.Timer(0.05, gate.set).start()
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])
try:
    rest[0].result()
except CancelledError as e:
    print("CancelledError", repr(e))
try:
    ex.submit(print)
except RuntimeError as e:
    print("RuntimeError", e)
# shutdown(wait=False) still runs what was submitted
ex = ThreadPoolExecutor(max_workers=2)
fs = [ex.submit(sum, range(i)) for i in range(10)]
ex.shutdown(wait=False)
print([f.result(timeout=5) for f in fs])
# the context manager waits
out = []
with ThreadPoolExecutor(3) as ex:
    for i in range(9):
        ex.submit(out.append, i)
print(sorted(out))
ex.shutdown()
print("shutdown twice ok")

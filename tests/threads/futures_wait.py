# concurrent.futures.wait with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED.
from concurrent.futures import (ThreadPoolExecutor, wait, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ALL_COMPLETED, Future)
import threading

gate = threading.Event()


def fail():
    raise KeyError("k")


with ThreadPoolExecutor(max_workers=4) as ex:
    fast = ex.submit(lambda: "fast")
    slow = ex.submit(gate.wait, 5)
    done, not_done = wait([fast, slow], return_when=FIRST_COMPLETED)
    print(fast in done, slow in not_done, len(done), len(not_done))
    bad = ex.submit(fail)
    slow2 = ex.submit(gate.wait, 5)
    res = wait([bad, slow2], return_when=FIRST_EXCEPTION)
    print(bad in res.done, slow2 in res.not_done, type(bad.exception()).__name__)
    gate.set()
    res = wait([fast, slow, bad, slow2], return_when=ALL_COMPLETED)
    print(len(res.done), len(res.not_done), res.done == res[0])
    res = wait([ex.submit(pow, 2, i) for i in range(10)])
    print(sorted(f.result() for f in res.done))
p = Future()
res = wait([p], timeout=0.01)
print(len(res.done), len(res.not_done))
try:
    wait([p], return_when="SOMETIMES")
except ValueError as e:
    print("ValueError", e)
print(wait([]))

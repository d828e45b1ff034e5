# submit / result / exception / done / add_done_callback.
from concurrent.futures import ThreadPoolExecutor, Future
import threading

calls = []
with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(sum, [1, 2, 3])
    print(f.result(timeout=5), f.done(), f.running(), f.cancelled(), f.exception())
    g = ex.submit(divmod, 7, 0)
    print(type(g.exception(timeout=5)).__name__)
    try:
        g.result()
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    h = ex.submit(lambda a, b=0: a + b, 1, b=41)
    h.add_done_callback(lambda fut: calls.append(("cb", fut.result())))
    h.result()
    fs = [ex.submit(pow, 2, i) for i in range(16)]
    print([x.result() for x in fs])
    # callback added after completion runs at once, in this thread
    h.add_done_callback(lambda fut: calls.append(("late", threading.current_thread().name)))
# callbacks have all run once the pool is shut down
print(sorted(calls))
print(f.cancel(), f.cancelled())

# ThreadPoolExecutor worker names and lazy thread creation.
from concurrent.futures import ThreadPoolExecutor
import threading

ex = ThreadPoolExecutor(max_workers=2, thread_name_prefix="w")
print(len(ex._threads))
f = ex.submit(lambda: threading.current_thread().name)
print(f.result())
print(len(ex._threads) >= 1)
gate = threading.Event()
a = ex.submit(gate.wait, 5)
b = ex.submit(gate.wait, 5)
print(len(ex._threads))
gate.set()
a.result(), b.result()
ex.shutdown()
print(sorted(t.name for t in ex._threads))
print(all(not t.is_alive() for t in ex._threads))
ex2 = ThreadPoolExecutor(1)
name = ex2.submit(lambda: threading.current_thread().name).result()
print(name.startswith("ThreadPoolExecutor-"), name.endswith("_0"))
ex2.shutdown()
print(ThreadPoolExecutor(3)._max_workers)

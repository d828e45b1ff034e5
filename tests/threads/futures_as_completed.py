# as_completed yields every future once, as they finish; timeouts raise TimeoutError.
from concurrent.futures import ThreadPoolExecutor, as_completed, Future, TimeoutError
import threading

with ThreadPoolExecutor(max_workers=4) as ex:
    fs = {ex.submit(lambda x: x * 3, i): i for i in range(25)}
    seen = []
    for f in as_completed(fs):
        seen.append((fs[f], f.result()))
    print(len(seen), sorted(seen)[:3], sorted(r for _, r in seen) == [i * 3 for i in range(25)])
    # order of completion is forced by gates
    gates = [threading.Event() for _ in range(3)]
    fs = [ex.submit(g.wait, 5) for g in gates]
    order = []
    it = as_completed(fs)
    gates[2].set()
    order.append(fs.index(next(it)))
    gates[0].set()
    order.append(fs.index(next(it)))
    gates[1].set()
    order.append(fs.index(next(it)))
    print(order)
    # already finished futures come first, duplicates once
    done = Future()
    done.set_result(1)
    print([f.result() for f in as_completed([done, done])])
pending = Future()
try:
    for f in as_completed([pending], timeout=0.01):
        pass
except TimeoutError as e:
    print("TimeoutError", e)
import builtins
print(TimeoutError is builtins.TimeoutError)

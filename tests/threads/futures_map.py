# ThreadPoolExecutor.map: results in order, exceptions raised at iteration.
from concurrent.futures import ThreadPoolExecutor
import threading


def square(x):
    return x * x


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(20))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    print(list(ex.map(square, [])))
    print(list(ex.map(pow, [1, 2, 3], [1, 2])))


def maybe_fail(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x


with ThreadPoolExecutor(2) as ex:
    it = ex.map(maybe_fail, range(6))
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print("ValueError", e, got)
    print(list(ex.map(maybe_fail, range(3), timeout=5)))
# worker names
names = set()
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as ex:
    for n in ex.map(lambda _: threading.current_thread().name, range(30)):
        names.add(n)
print(names <= {"pool_0", "pool_1", "pool_2"}, len(names) >= 1)

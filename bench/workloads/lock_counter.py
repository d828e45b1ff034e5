# Contended: every thread increments one counter under one threading.Lock. The count is
# exact: threads * size.
import threading

from _common import parse_args, report, run_threads

LOCK = threading.Lock()
COUNTER = [0]


def job(n):
    lock = LOCK
    counter = COUNTER
    for _ in range(n):
        with lock:
            counter[0] += 1
    return n


threads, size = parse_args(100000)
seconds, _ = run_threads(threads, job, size)
report("lock_counter", threads, size, seconds, COUNTER[0],
       ok=COUNTER[0] == threads * size, ops_per_second=threads * size / seconds)

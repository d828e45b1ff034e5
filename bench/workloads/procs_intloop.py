# Threads vs processes: the intloop job run in THREADS processes (multiprocessing) instead
# of threads; compare with intloop.py at the same THREADS and SIZE. Process start-up is
# timed too, as a user of multiprocessing pays it.
import multiprocessing
import time

from _common import parse_args, report


def intloop(n):
    total = 0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7 - (j >> 1)
    return total


def worker(n, results, i):
    results[i] = intloop(n)


if __name__ == "__main__":
    threads, size = parse_args(30000)
    results = multiprocessing.Array("q", threads)
    procs = [multiprocessing.Process(target=worker, args=(size, results, i))
             for i in range(threads)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    report("procs_intloop", threads, size, seconds, results[0])

# Threads vs processes: the intloop job run in THREADS processes (multiprocessing) instead
# of threads; compare with intloop.py at the same THREADS and SIZE. Process start-up is
# timed too, as a user of multiprocessing pays it. Results come back through a
# multiprocessing.Queue (no shared memory: ftpy has no mmap).
from _common import parse_args, report
from _procs import run_processes


def intloop(n):
    total = 0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7 - (j >> 1)
    return total


if __name__ == "__main__":
    threads, size = parse_args(30000)
    seconds, results = run_processes(threads, intloop, size)
    report("procs_intloop", threads, size, seconds, results[0],
           ok=all(r == results[0] for r in results))

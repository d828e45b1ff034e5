# Shared by every workload: the command line (THREADS SIZE), running the job in N threads,
# and the one JSON line of results. Standard library only; runs on ftpy, CPython and PyPy.
import sys
import time


def parse_args(default_size):
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else default_size
    return threads, size


def run_threads(threads, job, size):
    """Run job(size) in `threads` threads at once; return (seconds, results)."""
    results = [None] * threads
    if threads == 1:
        start = time.perf_counter()
        results[0] = job(size)
        return time.perf_counter() - start, results
    import threading

    def worker(i):
        results[i] = job(size)

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - start, results


def report(name, threads, size, seconds, result):
    impl = getattr(sys.implementation, "name", "?")
    locking = getattr(sys.implementation, "locking", "gil" if impl == "cpython" else "?")
    print('{"workload": "%s", "impl": "%s", "locking": "%s", "threads": %d, "size": %d, '
          '"seconds": %.6f, "result": %s}'
          % (name, impl, locking, threads, size, seconds, repr(result).replace("'", '"')))


def main(name, job, default_size):
    threads, size = parse_args(default_size)
    seconds, results = run_threads(threads, job, size)
    report(name, threads, size, seconds, results[0])

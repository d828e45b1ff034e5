# Shared by the process workloads: run job(SIZE) in N processes (multiprocessing.Process)
# and collect each result through one multiprocessing.Queue. No shared memory (Value,
# Array), so it runs on ftpy, which has no mmap. Standard library only.
import time


def _worker(job, size, i, results):
    results.put((i, job(size)))


def run_processes(processes, job, size, timeout=600.0):
    """Run job(size) in `processes` processes at once (weak scaling: each does the whole
    job); return (seconds, results). Start-up and collection are timed too: a user of
    multiprocessing pays them. `job` must be a module-level function."""
    import multiprocessing
    import queue

    n = max(processes, 1)
    results = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_worker, args=(job, size, i, results))
             for i in range(n)]
    out = [None] * n
    start = time.perf_counter()
    for p in procs:
        p.start()
    got = 0
    deadline = start + timeout
    while got < n:                  # drain before join: a full pipe would block the child
        try:
            i, value = results.get(timeout=1.0)
        except queue.Empty:
            dead = [p for p in procs if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError("worker process exited with code %d" % dead[0].exitcode)
            if time.perf_counter() > deadline:
                raise RuntimeError("worker processes did not answer in %.0f s" % timeout)
            continue
        out[i] = value
        got += 1
    for p in procs:
        p.join()
    return time.perf_counter() - start, out

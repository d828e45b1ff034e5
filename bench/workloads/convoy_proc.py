# Mixed: the convoy experiment with processes instead of threads. The main process's
# thread sleeps 1 ms SIZE times and measures how late each wake-up is while THREADS
# CPU-bound *processes* (multiprocessing) spin. No interpreter lock is shared, so only the
# operating system's scheduler can make the I/O thread late.
import multiprocessing
import time

from _common import parse_args, percentiles, report

SLEEP = 0.001


def spin(stop, progress, i):
    count = 0
    while not stop.is_set():
        x = 0
        for j in range(1000):
            x += j * j
        count += 1
    progress[i] = count


if __name__ == "__main__":
    threads, size = parse_args(300)
    stop = multiprocessing.Event()
    progress = multiprocessing.Array("q", threads if threads else 1)
    procs = [multiprocessing.Process(target=spin, args=(stop, progress, i))
             for i in range(threads)]
    for p in procs:
        p.start()
    time.sleep(0.05)
    late = []
    start = time.perf_counter()
    for _ in range(size):
        t0 = time.perf_counter()
        time.sleep(SLEEP)
        late.append((time.perf_counter() - t0 - SLEEP) * 1000.0)
    seconds = time.perf_counter() - start
    stop.set()
    for p in procs:
        p.join()
    pct = percentiles(late)
    report("convoy_proc", threads, size, seconds, len(late),
           latency_p50_ms=pct.get("p50"), latency_p90_ms=pct.get("p90"),
           latency_p99_ms=pct.get("p99"), latency_max_ms=pct.get("max"),
           latency_mean_ms=pct.get("mean"), cpu_iterations=sum(progress[:threads]))

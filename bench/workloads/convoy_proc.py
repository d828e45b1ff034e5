# Mixed: the convoy experiment with processes instead of threads. The main process's
# thread sleeps 1 ms SIZE times and measures how late each wake-up is while THREADS
# CPU-bound *processes* (multiprocessing) spin. No interpreter lock is shared, so only the
# operating system's scheduler can make the I/O thread late. Each process is stopped and
# reports its progress through its own multiprocessing.Pipe (no shared memory: ftpy has
# no mmap).
import multiprocessing
import time

from _common import parse_args, percentiles, report

SLEEP = 0.001


def spin(conn):
    conn.send("ready")
    count = 0
    while not conn.poll():          # one poll per ~1000 multiplications: negligible
        x = 0
        for j in range(1000):
            x += j * j
        count += 1
    conn.recv()
    conn.send(count)
    conn.close()


if __name__ == "__main__":
    threads, size = parse_args(300)
    pipes = [multiprocessing.Pipe() for _ in range(threads)]
    procs = [multiprocessing.Process(target=spin, args=(child,)) for _, child in pipes]
    for p in procs:
        p.start()
    for mine, _ in pipes:
        mine.recv()                 # every process is up and spinning
    time.sleep(0.05)
    late = []
    start = time.perf_counter()
    for _ in range(size):
        t0 = time.perf_counter()
        time.sleep(SLEEP)
        late.append((time.perf_counter() - t0 - SLEEP) * 1000.0)
    seconds = time.perf_counter() - start
    for mine, _ in pipes:
        mine.send("stop")
    progress = [mine.recv() for mine, _ in pipes]
    for p in procs:
        p.join()
    pct = percentiles(late)
    report("convoy_proc", threads, size, seconds, len(late),
           latency_p50_ms=pct.get("p50"), latency_p90_ms=pct.get("p90"),
           latency_p99_ms=pct.get("p99"), latency_max_ms=pct.get("max"),
           latency_mean_ms=pct.get("mean"), cpu_iterations=sum(progress),
           cpu_iterations_per_second=sum(progress) / seconds)

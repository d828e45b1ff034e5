# Mixed: the convoy effect. The main thread is an I/O thread that sleeps 1 ms SIZE times
# and measures how late each wake-up is, while THREADS CPU-bound threads spin (THREADS may
# be 0: the baseline). With a GIL, a waking I/O thread must wait for the CPU threads to
# drop it (one switch interval at worst with forced switching, much longer without).
# Reports the wake-up latency (sleep time beyond 1 ms) and the CPU threads' progress.
import threading
import time

from _common import parse_args, percentiles, report

SLEEP = 0.001
STOP = [False]


def spin(progress, i):
    count = 0
    stop = STOP
    while not stop[0]:
        x = 0
        for j in range(1000):
            x += j * j
        count += 1
    progress[i] = count


def io_latency(samples):
    late = []
    for _ in range(samples):
        t0 = time.perf_counter()
        time.sleep(SLEEP)
        late.append((time.perf_counter() - t0 - SLEEP) * 1000.0)
    return late


threads, size = parse_args(300)
progress = [0] * threads
cpu = [threading.Thread(target=spin, args=(progress, i)) for i in range(threads)]
for t in cpu:
    t.start()
time.sleep(0.02)                        # let the CPU threads get going
start = time.perf_counter()
late = io_latency(size)
seconds = time.perf_counter() - start
STOP[0] = True
for t in cpu:
    t.join()
pct = percentiles(late)
report("convoy", threads, size, seconds, len(late),
       latency_p50_ms=pct.get("p50"), latency_p90_ms=pct.get("p90"),
       latency_p99_ms=pct.get("p99"), latency_max_ms=pct.get("max"),
       latency_mean_ms=pct.get("mean"), cpu_iterations=sum(progress),
       cpu_iterations_per_second=sum(progress) / seconds)

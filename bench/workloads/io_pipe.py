# I/O-bound: pipe ping-pong. Every worker thread sends one byte through os.pipe to its own
# echo thread and waits for the answer, SIZE round trips (bounded by a deadline too).
# THREADS counts worker threads; each has one echo partner.
import os
import threading
import time

from _common import parse_args, percentiles, report

DEADLINE = 30.0


def echo(rfd, wfd):
    while True:
        b = os.read(rfd, 1)
        if not b or b == b"q":
            return
        os.write(wfd, b)


def worker(n, out):
    to_echo_r, to_echo_w = os.pipe()
    back_r, back_w = os.pipe()
    partner = threading.Thread(target=echo, args=(to_echo_r, back_w))
    partner.start()
    latencies = []
    stop = time.perf_counter() + DEADLINE
    for _ in range(n):
        t0 = time.perf_counter()
        os.write(to_echo_w, b"x")
        os.read(back_r, 1)
        t1 = time.perf_counter()
        latencies.append(t1 - t0)
        if t1 > stop:
            break
    os.write(to_echo_w, b"q")
    partner.join()
    for fd in (to_echo_r, to_echo_w, back_r, back_w):
        os.close(fd)
    out.append(latencies)


threads, size = parse_args(3000)
outs = []
ts = [threading.Thread(target=worker, args=(size, outs)) for _ in range(threads)]
start = time.perf_counter()
for t in ts:
    t.start()
for t in ts:
    t.join()
seconds = time.perf_counter() - start
lat = [x for lst in outs for x in lst]
pct = percentiles([x * 1000.0 for x in lat])
report("io_pipe", threads, size, seconds, len(lat), ops_per_second=len(lat) / seconds,
       latency_p50_ms=pct.get("p50"), latency_p99_ms=pct.get("p99"),
       latency_max_ms=pct.get("max"))

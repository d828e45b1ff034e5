# Threads vs processes for native work: native_zlib's job in THREADS processes. The job is
# zlib.compress of SIZE bytes of text-like data, level 6, run by multiprocessing processes
# instead of threads; compare with native_zlib.py at the same THREADS and SIZE. The data
# is made before the processes start (a fork inherits it); start-up and collection are
# timed.
import zlib

from _common import parse_args, report
from _procs import run_processes

DATA = [b""]


def make_data(size):
    # the same data as native_zlib.py: 64 KiB of pseudo-random words, repeated
    words = [b"alpha", b"beta", b"gamma", b"delta", b"epsilon", b"zeta", b"eta", b"theta",
             b"iota", b"kappa", b"lambda", b"mu", b"nu", b"xi", b"omicron", b"pi"]
    out = []
    n = 0
    x = 12345
    while n < 65536:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        w = words[(x >> 8) & 15] + (b" " if x & 0x10000 else b"\n")
        out.append(w)
        n += len(w)
    base = b"".join(out)[:65536]
    return (base * (size // 65536 + 1))[:size]


def job(n):
    if len(DATA[0]) != n:           # a spawned (not forked) child makes its own copy
        DATA[0] = make_data(n)
    return len(zlib.compress(DATA[0], 6))


if __name__ == "__main__":
    threads, size = parse_args(16 * 1024 * 1024)
    DATA[0] = make_data(size)
    seconds, results = run_processes(threads, job, size)
    report("procs_zlib", threads, size, seconds, results[0],
           mb_per_second=max(threads, 1) * size / seconds / 1e6,
           ok=all(r == results[0] for r in results))

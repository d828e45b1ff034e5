# Native work that releases the lock: every thread zlib-compresses SIZE bytes (one
# zlib.compress call on a bytes of text-like data, level 6). ftpy and CPython run deflate
# detached / without the GIL, so the threads compress in parallel even under a GIL.
# Result: the compressed length (the same in every thread).
import zlib

from _common import parse_args, report, run_threads


def make_data(size):
    # 64 KiB of pseudo-random words, repeated: the repeats are farther apart than deflate's
    # 32 KiB window, so every copy costs as much as the first
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


threads, size = parse_args(16 * 1024 * 1024)
DATA = make_data(size)


def job(n):
    return len(zlib.compress(DATA, 6))


seconds, results = run_threads(threads, job, size)
report("native_zlib", threads, size, seconds, results[0],
       mb_per_second=threads * size / seconds / 1e6)

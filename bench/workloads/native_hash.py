# Native work that releases the lock: every thread hashes SIZE bytes with SHA-256 (in
# 1 MiB updates, above hashlib's 2048-byte threshold). ftpy and CPython hash detached /
# without the GIL, so the threads hash in parallel even under a GIL.
# Result: the hex digest (the same in every thread).
import hashlib

from _common import parse_args, report, run_threads

CHUNK = 1 << 20

threads, size = parse_args(64 * 1024 * 1024)
BLOCK = bytes(range(256)) * (CHUNK // 256)


def job(n):
    h = hashlib.sha256()
    left = n
    while left > 0:
        h.update(BLOCK if left >= CHUNK else BLOCK[:left])
        left -= CHUNK
    return h.hexdigest()


seconds, results = run_threads(threads, job, size)
report("native_hash", threads, size, seconds, results[0],
       mb_per_second=threads * size / seconds / 1e6)

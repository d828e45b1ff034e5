# Threads vs processes for native work: native_hash's job in THREADS processes. The job is
# SHA-256 of SIZE bytes in 1 MiB updates, run by multiprocessing processes instead of
# threads; compare with native_hash.py at the same THREADS and SIZE. Start-up and
# collection are timed.
import hashlib

from _common import parse_args, report
from _procs import run_processes

CHUNK = 1 << 20
BLOCK = bytes(range(256)) * (CHUNK // 256)


def job(n):
    h = hashlib.sha256()
    left = n
    while left > 0:
        h.update(BLOCK if left >= CHUNK else BLOCK[:left])
        left -= CHUNK
    return h.hexdigest()


if __name__ == "__main__":
    threads, size = parse_args(64 * 1024 * 1024)
    seconds, results = run_processes(threads, job, size)
    report("procs_hash", threads, size, seconds, results[0],
           mb_per_second=max(threads, 1) * size / seconds / 1e6,
           ok=all(r == results[0] for r in results))

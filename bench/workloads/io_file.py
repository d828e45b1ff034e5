# I/O-bound: file reads. One 1 MiB file in the temporary directory; every thread opens
# and reads it SIZE times (from the page cache: reads detach, the copy runs in parallel).
import os

from _common import parse_args, report, run_threads

CHUNK = 64 * 1024
PATH = os.path.join(os.environ.get("TMPDIR", "/tmp"), "ftpy-bench-io-file-%d" % os.getpid())


def job(n):
    total = 0
    for _ in range(n):
        with open(PATH, "rb") as f:
            while True:
                b = f.read(CHUNK)
                if not b:
                    break
                total += len(b)
    return total


threads, size = parse_args(300)
with open(PATH, "wb") as f:
    f.write(b"0123456789abcdef" * (1024 * 1024 // 16))
try:
    seconds, results = run_threads(threads, job, size)
finally:
    os.remove(PATH)
report("io_file", threads, size, seconds, results[0],
       ops_per_second=threads * size / seconds)      # files (1 MiB each) per second

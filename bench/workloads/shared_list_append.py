# Contended: every thread appends to one shared list. Each append is atomic in every
# strategy, so the final length is exact: threads * size.
from _common import parse_args, report, run_threads

SHARED = []


def job(n):
    append = SHARED.append
    for i in range(n):
        append(i)
    return n


threads, size = parse_args(200000)
seconds, _ = run_threads(threads, job, size)
report("shared_list_append", threads, size, seconds, len(SHARED),
       ok=len(SHARED) == threads * size, ops_per_second=threads * size / seconds)

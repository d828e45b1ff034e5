# GC: builds SIZE tuples in a list (10 million by default), CPython 3.14t's pathological
# case (python/cpython#142531: 37 s with the collector on, 0.64 s off). The collector must
# stay cheap here: young collections untrack tuples of atoms, and full collections wait for
# the long-lived heuristic (25% growth of the oldest generation).
# A negative SIZE runs the same job with the collector disabled (gc.disable()), so that
#   gc_tuples.py 1 10000000   and   gc_tuples.py 1 -10000000
# compare GC on and off.
import gc

from _common import main


def job(n):
    if n < 0:
        gc.disable()
        n = -n
    items = []
    append = items.append
    for i in range(n):
        append((i, i + 1))
    return len(items)


main("gc_tuples", job, 10000000)

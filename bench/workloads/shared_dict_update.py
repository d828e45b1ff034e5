# Contended: every thread updates one shared dict (stores to shared keys and to its own).
import threading

from _common import parse_args, report, run_threads

SHARED = {}
IDS = []
ID_LOCK = threading.Lock()


def job(n):
    d = SHARED
    with ID_LOCK:               # a small number per thread (thread idents can be reused)
        me = len(IDS)
        IDS.append(me)
    for i in range(n):
        d[i & 63] = i
        d[(me, i & 255)] = i
    return n


threads, size = parse_args(150000)
seconds, _ = run_threads(threads, job, size)
report("shared_dict_update", threads, size, seconds, len(SHARED),
       ok=len(SHARED) == min(size, 64) + threads * min(size, 256),
       ops_per_second=2 * threads * size / seconds)

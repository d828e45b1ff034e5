# GC pauses under threads: THREADS threads build cyclic garbage (SIZE iterations each)
# while a heartbeat thread sleeps 1 ms at a time and records how late it wakes up: a
# stop-the-world collection (or a GIL held through one) shows up as a late heartbeat.
# Where gc.callbacks exists (CPython, PyPy), the collections are also timed directly.
import threading
import time

from _common import parse_args, percentiles, report, run_threads

try:
    import gc
except ImportError:             # an interpreter without a gc module still gets the heartbeat
    gc = None

STOP = [False]


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def job(n):
    built = 0
    for _ in range(n):
        root = Node()
        for _ in range(4):
            Node(root)
        ring = [root]
        ring.append(ring)
        built += 1
    return built


def heartbeat(late):
    while not STOP[0]:
        t0 = time.perf_counter()
        time.sleep(0.001)
        late.append((time.perf_counter() - t0 - 0.001) * 1000.0)


collections = []
started = [0.0]


def on_gc(phase, info):
    if phase == "start":
        started[0] = time.perf_counter()
    elif started[0]:
        collections.append((time.perf_counter() - started[0]) * 1000.0)


threads, size = parse_args(50000)
callbacks = getattr(gc, "callbacks", None) if gc is not None else None
if callbacks is not None:
    callbacks.append(on_gc)
late = []
beat = threading.Thread(target=heartbeat, args=(late,))
beat.start()
seconds, results = run_threads(threads, job, size)
STOP[0] = True
beat.join()
if callbacks is not None:
    callbacks.remove(on_gc)
hb = percentiles(late)
fields = {"pause_p99_ms": hb.get("p99"), "pause_max_ms": hb.get("max"),
          "heartbeats": len(late)}
if callbacks is not None and collections:
    gp = percentiles(collections)
    fields["gc_collections"] = len(collections)
    fields["gc_pause_p99_ms"] = gp.get("p99")
    fields["gc_pause_max_ms"] = gp.get("max")
    fields["gc_pause_total_ms"] = sum(collections)
report("gc_pauses", threads, size, seconds, results[0], **fields)

"""Fixed synthetic data for the driver's tests (no real runs), and the import path."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
sys.path.insert(0, os.path.join(ROOT, "bench", "workloads"))


def record(impl, workload, threads, seconds, size=100, kind="ftpy", group="cpu",
           scaling="weak", rep=0, ok=True, error=None, compare=None, **fields):
    work = size * max(threads, 1)
    f = {"workload": workload, "threads": threads, "size": size, "seconds": seconds}
    f.update(fields)
    return {"impl": impl, "kind": kind, "workload": workload, "group": group,
            "scaling": scaling, "compare": compare, "threads": threads, "size": size,
            "work": work, "rep": rep, "ok": ok, "seconds": seconds if ok else None,
            "wall": seconds, "error": error, "fields": f if ok else {}}


def cpu_records():
    """gil serialises (weak scaling: 2 threads take twice as long), brc scales to 1.9x,
    atomic to 1.6x; cpython like gil; three repetitions each."""
    recs = []
    times = {"gil": (1.0, 2.0), "brc": (1.05, 1.05 * 2 / 1.9), "atomic": (1.2, 1.2 * 2 / 1.6),
             "cpython3.11": (0.5, 1.0)}
    for impl, (t1, t2) in times.items():
        kind = "ref" if impl.startswith("cpython") else "ftpy"
        for rep, jitter in enumerate((1.0, 0.9, 1.1)):
            recs.append(record(impl, "intloop", 1, t1 * jitter, kind=kind, rep=rep))
            recs.append(record(impl, "intloop", 2, t2 * jitter, kind=kind, rep=rep))
    return recs


def io_records():
    recs = []
    for impl in ("gil", "brc"):
        for rep in range(3):
            recs.append(record(impl, "io_sleep", 1, 0.200, group="io", rep=rep))
            recs.append(record(impl, "io_sleep", 2, 0.202 if impl == "gil" else 0.25,
                               group="io", rep=rep))
    return recs


def convoy_records():
    recs = []
    for impl, lat in (("gil", 5.0), ("brc", 0.1)):
        for t in (0, 1, 2):
            recs.append(record(impl, "convoy", t, 0.4, group="convoy",
                               latency_p50_ms=lat * t / 2, latency_p99_ms=lat * t))
    return recs

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


def workarounds_records():
    """Threads vs processes vs asyncio. intloop: gil serialises threads, processes scale
    1.9x, asyncio runs the tasks one after the other; brc's threads scale 1.9x too. TCP
    echo: threads and asyncio both serve two clients at twice the rate of one. zlib under
    brc: threads 2.0x, processes 1.8x. One repetition each; the asyncio echo also runs on
    cpython."""
    recs = []
    cpu = {("gil", "intloop"): (1.0, 2.0), ("gil", "procs_intloop"): (1.1, 2.2 / 1.9 * 1.0),
           ("gil", "async_cpu"): (1.0, 2.0),
           ("brc", "intloop"): (1.0, 2 / 1.9), ("brc", "procs_intloop"): (1.1, 1.1),
           ("brc", "async_cpu"): (1.0, 2.0)}
    for (impl, w), (t1, t2) in cpu.items():
        group = {"intloop": "cpu", "procs_intloop": "procs", "async_cpu": "asyncio"}[w]
        compare = None if w == "intloop" else "intloop"
        recs.append(record(impl, w, 1, t1, group=group, compare=compare))
        recs.append(record(impl, w, 2, t2, group=group, compare=compare))
    for impl in ("gil", "brc"):
        for w, group, compare in (("io_tcp_echo", "io", None),
                                  ("async_echo", "asyncio", "io_tcp_echo")):
            if impl == "gil" and w == "async_echo":
                continue                        # failed: see workarounds_failures()
            recs.append(record(impl, w, 1, 0.5, size=1000, group=group, compare=compare,
                               ops_per_second=2000.0, latency_p99_ms=0.75))
            recs.append(record(impl, w, 2, 0.5, size=1000, group=group, compare=compare,
                               ops_per_second=4000.0, latency_p99_ms=1.5))
    recs.append(record("brc", "native_zlib", 1, 0.4, group="cpu"))
    recs.append(record("brc", "native_zlib", 2, 0.4, group="cpu"))
    recs.append(record("brc", "procs_zlib", 1, 0.45, group="procs", compare="native_zlib"))
    recs.append(record("brc", "procs_zlib", 2, 0.8 / 1.8, group="procs", compare="native_zlib"))
    recs.append(record("cpython3.11", "async_echo", 1, 0.25, size=1000, kind="ref",
                       group="asyncio", compare="io_tcp_echo", ops_per_second=4000.0,
                       latency_p99_ms=0.5))
    # the convoy pair measures latency, not throughput: not a workaround family
    recs.append(record("gil", "convoy", 2, 0.4, group="convoy", latency_p99_ms=5.0))
    recs.append(record("gil", "convoy_proc", 2, 0.4, group="procs", compare="convoy",
                       latency_p99_ms=0.2))
    return recs


def workarounds_failures():
    return [{"impl": "gil", "workload": "async_echo", "group": "asyncio",
             "compare": "io_tcp_echo", "threads": 1, "size": 1000,
             "error": "exit 1: ModuleNotFoundError: No module named 'asyncio'"}]

# Shared by every workload: the command line (THREADS SIZE), running the job in N threads,
# and the one JSON line of results. Standard library only; runs on ftpy, CPython and PyPy.
# No `json` import: the line is written by hand (to_json below), the driver parses it.
import sys
import time


def parse_args(default_size):
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else default_size
    return threads, size


def run_threads(threads, job, size):
    """Run job(size) in `threads` threads at once (weak scaling: each thread does the
    whole job); return (seconds, results)."""
    results = [None] * threads
    if threads <= 1:
        start = time.perf_counter()
        results[0] = job(size)
        return time.perf_counter() - start, results
    import threading

    def worker(i):
        results[i] = job(size)

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - start, results


def implementation():
    """(impl, locking): 'ftpy' with its strategy, 'cpython' with 'gil' (or 'free-threaded'
    on a 3.13t build with the GIL disabled), 'pypy' with 'gil'."""
    impl = getattr(sys.implementation, "name", "?")
    locking = getattr(sys.implementation, "locking", None)
    if locking is None:
        gil_enabled = getattr(sys, "_is_gil_enabled", None)
        if gil_enabled is not None and not gil_enabled():
            locking = "free-threaded"
        elif impl in ("cpython", "pypy"):
            locking = "gil"
        else:
            locking = "?"
    return impl, locking


def to_json(value):
    """A small JSON encoder: None, bool, int, float, str, list/tuple, dict."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "null"
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            code = ord(ch)
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif code < 0x20:
                out.append("\\u%04x" % code)
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join([to_json(v) for v in value]) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join([to_json(str(k)) + ": " + to_json(v)
                                for k, v in value.items()]) + "}"
    return to_json(repr(value))


def percentiles(samples, points=(50, 90, 99)):
    """{'p50': .., 'p90': .., 'p99': .., 'max': ..} of a list of numbers (nearest rank)."""
    out = {}
    if not samples:
        return out
    s = sorted(samples)
    n = len(s)
    for p in points:
        rank = (p * n + 99) // 100          # ceil(p/100 * n), nearest-rank definition
        out["p%d" % p] = s[min(max(rank, 1), n) - 1]
    out["max"] = s[-1]
    out["mean"] = sum(s) / n
    return out


def report(name, threads, size, seconds, result, **extra):
    """Print the one JSON line: workload, impl, locking, threads, size, seconds, result,
    then any extra fields (ops_per_second, latency percentiles, ...)."""
    impl, locking = implementation()
    fields = {"workload": name, "impl": impl, "locking": locking, "threads": threads,
              "size": size, "seconds": round(seconds, 6), "result": result}
    for key in extra:
        fields[key] = extra[key]
    print(to_json(fields))
    sys.stdout.flush()


def main(name, job, default_size):
    threads, size = parse_args(default_size)
    seconds, results = run_threads(threads, job, size)
    report(name, threads, size, seconds, results[0])

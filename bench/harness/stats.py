"""Statistics over run records: median, min-max, speedup, efficiency, single-thread cost.

speedup(N) compares throughput, work per second, with the same implementation at one
thread: (work_N / t_N) / (work_1 / t_1), where work = SIZE x threads. For weak scaling
(each thread does SIZE) that is N * t_1 / t_N; for strong scaling (a fixed total split
over the threads) it is t_1 / t_N. efficiency = speedup / N; 100% is perfect scaling."""
import math

# Metrics a workload may report besides seconds; the median of each is kept per cell.
METRICS = ("ops_per_second", "latency_p50_ms", "latency_p90_ms", "latency_p99_ms",
           "latency_max_ms", "latency_mean_ms", "cpu_iterations_per_second")


def median(values):
    s = sorted(values)
    n = len(s)
    if n == 0:
        raise ValueError("median of no values")
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def speedup(t1, work1, tn, workn):
    if not t1 or not tn or not work1:
        return None
    return (workn / tn) / (work1 / t1)


def efficiency(s, threads):
    if s is None or threads < 1:
        return None
    return s / threads


def numeric_fields(records):
    """Names of numeric fields that workloads reported beyond the standard ones."""
    skip = {"threads", "size", "seconds", "result"}
    names = set()
    for r in records:
        for k, v in r.get("fields", {}).items():
            if k not in skip and isinstance(v, (int, float)) and not isinstance(v, bool):
                names.add(k)
    return sorted(names)


def summarize(records):
    """One row per (impl, workload, threads) over the successful runs: n, median, min, max
    of seconds, the medians of other numeric fields, speedup and efficiency."""
    cells = {}
    for r in records:
        if not r.get("ok"):
            continue
        key = (r["impl"], r["workload"], r["threads"])
        cells.setdefault(key, []).append(r)
    rows = []
    for (impl, workload, threads), runs in cells.items():
        secs = [r["seconds"] for r in runs]
        row = {"impl": impl, "kind": runs[0].get("kind", ""), "workload": workload,
               "group": runs[0].get("group", ""), "scaling": runs[0].get("scaling", "weak"),
               "compare": runs[0].get("compare"),
               "threads": threads, "size": runs[0]["size"],
               "work": runs[0].get("work", runs[0]["size"] * max(threads, 1)),
               "n": len(runs), "median": median(secs), "min": min(secs), "max": max(secs),
               "metrics": {}, "speedup": None, "efficiency": None,
               "ok_all": all(r.get("fields", {}).get("ok", True) is not False for r in runs)}
        for name in numeric_fields(runs):
            vals = [r["fields"][name] for r in runs
                    if isinstance(r["fields"].get(name), (int, float))]
            if vals:
                row["metrics"][name] = median(vals)
        rows.append(row)
    base = {(r["impl"], r["workload"]): r for r in rows if r["threads"] == 1}
    for row in rows:
        b = base.get((row["impl"], row["workload"]))
        if b is not None and row["threads"] >= 1:
            row["speedup"] = speedup(b["median"], b["work"], row["median"], row["work"])
            row["efficiency"] = efficiency(row["speedup"], row["threads"])
    rows.sort(key=lambda r: (r["group"], r["workload"], r["threads"], r["impl"]))
    return rows


def index(rows):
    return {(r["impl"], r["workload"], r["threads"]): r for r in rows}


def single_thread_ratios(rows, baseline):
    """{workload: {impl: median_t1(impl) / median_t1(baseline)}} (cost: > 1 is slower)."""
    idx = index(rows)
    out = {}
    for r in rows:
        if r["threads"] != 1:
            continue
        b = idx.get((baseline, r["workload"], 1))
        if b and b["median"] and b["size"] == r["size"]:
            out.setdefault(r["workload"], {})[r["impl"]] = r["median"] / b["median"]
    return out


def impls_in(rows, order=None):
    """Implementations in a stable order: ftpy strategies (gil first), then references."""
    seen = []
    for r in rows:
        if r["impl"] not in seen:
            seen.append(r["impl"])
    order = order or []

    kinds = {r["impl"]: r.get("kind") for r in rows}

    def key(name):
        if name in order:
            return (0, order.index(name), 0, name)
        return (1, 0 if kinds.get(name) == "ftpy" else 1, 0 if name.startswith("gil") else 1,
                name)
    return sorted(seen, key=key)


def is_free_threaded(impl, kind):
    """A strategy whose name does not start with 'gil' is free-threaded (brc, atomic, ...)."""
    return kind == "ftpy" and not impl.startswith("gil")


# GIL workarounds: a threaded workload (the base) and its twins (`compare = base`), the
# same job done with processes (procs_*) or asyncio (async_*).
APPROACHES = ("threads", "processes", "asyncio")


def approach_of(workload):
    if workload.startswith("procs_"):
        return "processes"
    if workload.startswith("async_"):
        return "asyncio"
    return "threads"


def _family_kind(base, rows):
    """(order, label) of a family: CPU-bound, I/O-bound, native work."""
    group = next((r["group"] for r in rows if r["workload"] == base), "")
    if base.startswith("native_"):
        return 2, "Native work (releases the lock)"
    if group == "io" or base.startswith("io_"):
        return 1, "I/O-bound"
    return 0, "CPU-bound"


def families(rows, failures=()):
    """[(base, kind label, [workloads: the base first, then its twins by approach])] for
    every threaded workload that has a processes or asyncio twin measuring throughput (not
    the convoy pairs, which measure latency). A twin that failed everywhere is listed too
    (its cells are empty), so the table shows what is missing."""
    twins = {}
    for r in list(rows) + list(failures):
        if r.get("compare") and r["workload"] != r["compare"]:
            twins.setdefault(r["compare"], [])
            if r["workload"] not in twins[r["compare"]]:
                twins[r["compare"]].append(r["workload"])
    out = []
    for base, ws in twins.items():
        members = [base] + sorted(ws, key=lambda w: (APPROACHES.index(approach_of(w)), w))
        mine = [r for r in rows if r["workload"] in members]
        if not any(r["workload"] == base for r in mine):
            continue
        if any("latency_p99_ms" in r["metrics"] and "ops_per_second" not in r["metrics"]
               for r in mine):
            continue
        order, label = _family_kind(base, rows)
        out.append((order, base, label, members))
    out.sort(key=lambda f: f[0])
    return [(base, label, members) for _, base, label, members in out]


def relative_throughput(row, base1):
    """Work per second of a row relative to one thread of the threaded base."""
    if not row or not base1 or not row["median"] or not base1["median"]:
        return None
    return speedup(base1["median"], base1["work"], row["median"], row["work"])


def comparison_workers(rows, cores):
    """The worker count the first table compares at: the largest measured count not above
    the number of CPUs (2 workers on 2 cores), else the smallest above one."""
    counts = sorted({r["threads"] for r in rows if r["threads"] >= 1})
    if not counts:
        return None
    fit = [t for t in counts if t > 1 and (not cores or t <= cores)]
    if fit:
        return max(fit)
    more = [t for t in counts if t > 1]
    return min(more) if more else counts[-1]

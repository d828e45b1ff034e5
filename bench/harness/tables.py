"""Tables: Markdown (tables.md, RESULTS.md) and the plain-text table bench/run prints."""
from . import stats


def fmt_seconds(s):
    if s is None:
        return "–"
    if s >= 100:
        return f"{s:.0f} s"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 0.001:
        return f"{s * 1000:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def fmt_x(x):
    return "–" if x is None else f"{x:.2f}×"


def fmt_pct(x):
    return "–" if x is None else f"{x * 100:.0f}%"


def fmt_ms(x):
    if x is None:
        return "–"
    return f"{x:.3f}" if x < 1 else f"{x:.1f}" if x < 100 else f"{x:.0f}"


def fmt_rate(x):
    if x is None:
        return "–"
    for unit, scale in (("M", 1e6), ("k", 1e3)):
        if x >= scale:
            return f"{x / scale:.2f}{unit}/s"
    return f"{x:.0f}/s"


def markdown(headers, body, align=None):
    """A Markdown table; align is a string of 'l'/'r' per column (default: first left)."""
    align = align or ("l" + "r" * (len(headers) - 1))
    sep = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(sep) + " |"]
    for row in body:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


def text(headers, body):
    """A plain-text table with aligned columns (first column left, the others right)."""
    cols = list(zip(*([headers] + [[str(c) for c in r] for r in body]))) if body else [headers]
    widths = [max(len(str(c)) for c in col) for col in cols]
    out = []
    for i, row in enumerate([headers] + body):
        cells = [str(c).ljust(widths[j]) if j == 0 else str(c).rjust(widths[j])
                 for j, c in enumerate(row)]
        out.append("  ".join(cells).rstrip())
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def workloads_in(rows, groups=None):
    names = []
    for r in rows:
        if (groups is None or r["group"] in groups) and r["workload"] not in names:
            names.append(r["workload"])
    return names


def threads_in(rows, workload=None):
    return sorted({r["threads"] for r in rows if workload is None or r["workload"] == workload})


METRIC_COLUMNS = [("ops_per_second", "ops/s", fmt_rate), ("latency_p50_ms", "p50 ms", fmt_ms),
                  ("latency_p99_ms", "p99 ms", fmt_ms), ("latency_max_ms", "max ms", fmt_ms)]


def workload_table(rows, workload, order=None):
    """Every cell of one workload: implementation x threads, median, min-max, speedup,
    efficiency, and the latency/throughput metrics it reports."""
    mine = [r for r in rows if r["workload"] == workload]
    metric_cols = [m for m in METRIC_COLUMNS if any(m[0] in r["metrics"] for r in mine)]
    headers = ["implementation", "threads", "median", "min – max", "speedup", "efficiency"]
    headers += [m[1] for m in metric_cols]
    body = []
    for impl in stats.impls_in(mine, order):
        for r in sorted((r for r in mine if r["impl"] == impl), key=lambda r: r["threads"]):
            cells = [impl, r["threads"], fmt_seconds(r["median"]),
                     f"{fmt_seconds(r['min'])} – {fmt_seconds(r['max'])}",
                     fmt_x(r["speedup"]), fmt_pct(r["efficiency"])]
            cells += [m[2](r["metrics"].get(m[0])) for m in metric_cols]
            if not r.get("ok_all", True):
                cells[0] += " (wrong result)"
            body.append(cells)
    return markdown(headers, body, "lr" + "r" * (len(headers) - 2))


def results_markdown(rows, failures, info, machine_line):
    order = [i["label"] for i in info.get("impls", [])]
    """tables.md of a results directory."""
    out = [f"# {info.get('experiment', '')} — {info.get('started', '')}\n",
           f"Command: `{info.get('command', '')}`  \nMachine: {machine_line}\n",
           "Scaling: speedup = throughput at N threads / throughput at 1 thread (same "
           "implementation); efficiency = speedup / N.\n"]
    for w in workloads_in(rows):
        r0 = next(r for r in rows if r["workload"] == w)
        out.append(f"## {w} ({r0['group']}, {r0['scaling']} scaling)\n")
        out.append(workload_table(rows, w, order))
    if failures:
        out.append("## Failures\n")
        out.append(markdown(["implementation", "workload", "threads", "error"],
                            [[f["impl"], f["workload"], f["threads"],
                              f["error"].replace("|", "\\|")] for f in failures], "llrl"))
    return "\n".join(out)


def console(rows, failures, order=None):
    """The table bench/run prints: per workload, implementations x threads, each cell
    'median (speedup)'."""
    out = []
    for w in workloads_in(rows):
        mine = [r for r in rows if r["workload"] == w]
        counts = threads_in(mine)
        idx = stats.index(mine)
        latency = mine[0]["group"] in ("convoy", "procs") and any(
            "latency_p99_ms" in r["metrics"] for r in mine)
        body = []
        for impl in stats.impls_in(mine, order):
            cells = [impl]
            for t in counts:
                r = idx.get((impl, w, t))
                if r is None:
                    cells.append("–")
                elif latency:
                    m = r["metrics"]
                    cells.append(f"{fmt_ms(m.get('latency_p50_ms'))} / "
                                 f"{fmt_ms(m.get('latency_p99_ms'))} ms")
                elif r["speedup"] is not None and t != 1:
                    cells.append(f"{fmt_seconds(r['median'])} ({fmt_x(r['speedup'])})")
                else:
                    cells.append(fmt_seconds(r["median"]))
            body.append(cells)
        r0 = mine[0]
        what = ("I/O latency p50 / p99 by number of CPU-bound threads" if latency else
                f"{r0['scaling']} scaling; time (speedup over 1 thread)")
        out.append(f"{w} — {r0['group']}; {what}; median of {r0['n']} "
                   f"run{'s' if r0['n'] != 1 else ''}")
        out.append(text([""] + [f"threads={t}" for t in counts], body))
    if failures:
        out.append("Failed (skipped for that implementation):")
        for f in failures:
            out.append(f"  {f['impl']:<12} {f['workload']:<20} threads={f['threads']}: "
                       f"{f['error']}")
    return "\n".join(out) + "\n"

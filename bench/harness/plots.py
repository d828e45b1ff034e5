"""Plots with gnuplot, as PNG and SVG, each with its .dat and .gp beside it:

    scaling-<impl>         one implementation's CPU-bound speedups, a line per workload
    speedup-<workload>     speedup vs threads, one line per implementation, and the ideal
    latency-<workload>     I/O latency (p99) vs CPU-bound threads (convoy)
    pause-<workload>       GC pauses seen by a heartbeat thread (p99) vs threads
    throughput-<workload>  operations per second vs threads, one line per implementation
    workarounds            threads vs processes vs asyncio: bars of relative throughput

Without gnuplot the plots are skipped with a warning; everything else still works."""
import os
import shutil
import subprocess

from . import stats


def available():
    return shutil.which("gnuplot") is not None


def _quote(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _series(rows, workload, value):
    """[(impl, [(x, y), ...]), ...] for one workload, skipping missing values."""
    mine = [r for r in rows if r["workload"] == workload]
    out = []
    for impl in stats.impls_in(mine):
        pts = [(r["threads"], value(r)) for r in sorted(mine, key=lambda r: r["threads"])
               if r["impl"] == impl and value(r) is not None]
        if pts:
            out.append((impl, pts))
    return out


def _write_data(path, series):
    with open(path, "w") as f:
        for i, (impl, pts) in enumerate(series):
            if i:
                f.write("\n\n")
            f.write(f"# {impl}\n")
            for x, y in pts:
                f.write(f"{x} {y:.6g}\n")


def _script(base, title, xlabel, ylabel, series, extra_plots=(), settings=()):
    dat = os.path.basename(base) + ".dat"
    plots = [f"{_quote(dat)} index {i} using 1:2 with linespoints lw 2 pt 7 title {_quote(impl)}"
             for i, (impl, _) in enumerate(series)]
    plots += list(extra_plots)
    lines = ["set termoption noenhanced", f"set title {_quote(title)}",
             f"set xlabel {_quote(xlabel)}", f"set ylabel {_quote(ylabel)}",
             "set key left top", "set grid", "set yrange [0:*]"]
    lines += list(settings)
    xs = sorted({x for _, pts in series for x, _ in pts})
    if xs:
        lines.append("set xtics (" + ", ".join(str(x) for x in xs) + ")")
        lines.append(f"set xrange [{min(xs) - 0.2}:{max(xs) + 0.2}]")
    plot = "plot " + ", \\\n     ".join(plots)
    name = os.path.basename(base)
    return "\n".join(
        ["set terminal pngcairo size 900,560 font 'sans,11'",
         f"set output {_quote(name + '.png')}"]
        + lines + [plot,
                   "set terminal svg size 900,560 font 'sans,11' background '#ffffff'",
                   f"set output {_quote(name + '.svg')}", "replot", "unset output", ""])


def _render(outdir, base, script, series, warn):
    _write_data(os.path.join(outdir, base + ".dat"), series)
    return _gnuplot(outdir, base, script, warn)


def _gnuplot(outdir, base, script, warn):
    """Write base.gp (its data already in base.dat) and run gnuplot on it; the basename, or
    None with a warning."""
    path = os.path.join(outdir, base)
    with open(path + ".gp", "w") as f:
        f.write(script)
    try:
        p = subprocess.run(["gnuplot", base + ".gp"], cwd=outdir, capture_output=True,
                           text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        warn(f"gnuplot failed for {base}: {e}")
        return None
    if p.returncode != 0 or not os.path.exists(path + ".png"):
        warn(f"gnuplot failed for {base}: {p.stderr.strip()[-300:]}")
        return None
    return base


def _ideal(ncpu):
    """Perfect scaling: speedup N, flat beyond the number of CPUs."""
    if not ncpu:
        return "x with lines dt 2 lc rgb 'gray40' title 'ideal'"
    return (f"(x < {ncpu} ? x : {ncpu}) with lines dt 2 lc rgb 'gray40' "
            f"title 'ideal ({ncpu} CPUs)'")


def speedup(rows, workload, outdir, warn=print, ncpu=None):
    series = _series(rows, workload, lambda r: r["speedup"] if r["threads"] >= 1 else None)
    if not series or max(len(p) for _, p in series) < 2:
        return None
    scaling = next(r["scaling"] for r in rows if r["workload"] == workload)
    script = _script(os.path.join(outdir, f"speedup-{workload}"),
                     f"{workload}: speedup vs threads ({scaling} scaling)", "threads",
                     "speedup (throughput vs 1 thread)", series,
                     extra_plots=[_ideal(ncpu)])
    return _render(outdir, f"speedup-{workload}", script, series, warn)


def speedup_by_impl(rows, impl, outdir, warn=print, ncpu=None, groups=("cpu", "ftscaling")):
    """One implementation's CPU-bound workloads: a line per workload, and the ideal."""
    mine = [r for r in rows if r["impl"] == impl and r["group"] in groups and r["threads"] >= 1
            and r["speedup"] is not None]
    series = []
    for w in dict.fromkeys(r["workload"] for r in mine):
        pts = sorted((r["threads"], r["speedup"]) for r in mine if r["workload"] == w)
        if len(pts) >= 2:
            series.append((w, pts))
    if not series:
        return None
    base = f"scaling-{impl}"
    script = _script(os.path.join(outdir, base), f"{impl}: CPU-bound speedup vs threads",
                     "threads", "speedup (throughput vs 1 thread)", series,
                     extra_plots=[_ideal(ncpu)])
    return _render(outdir, base, script, series, warn)


def latency(rows, workload, outdir, warn=print):
    series = _series(rows, workload, lambda r: r["metrics"].get("latency_p99_ms"))
    if not series:
        return None
    script = _script(os.path.join(outdir, f"latency-{workload}"),
                     f"{workload}: I/O latency (p99) vs CPU-bound threads", "CPU-bound threads",
                     "p99 latency (ms, log scale)", series,
                     settings=["set logscale y", "set yrange [*:*]"])
    return _render(outdir, f"latency-{workload}", script, series, warn)


def pause(rows, workload, outdir, warn=print):
    """GC pauses: the heartbeat thread's p99 lateness vs threads building garbage."""
    series = _series(rows, workload, lambda r: r["metrics"].get("pause_p99_ms"))
    if not series:
        return None
    script = _script(os.path.join(outdir, f"pause-{workload}"),
                     f"{workload}: pauses seen by a 1 ms heartbeat (p99) vs threads", "threads",
                     "p99 lateness (ms, log scale)", series,
                     settings=["set logscale y", "set yrange [*:*]"])
    return _render(outdir, f"pause-{workload}", script, series, warn)


def throughput(rows, workload, outdir, warn=print):
    series = _series(rows, workload, lambda r: r["metrics"].get("ops_per_second"))
    if not series or max(len(p) for _, p in series) < 2:
        return None
    script = _script(os.path.join(outdir, f"throughput-{workload}"),
                     f"{workload}: throughput vs threads", "threads", "operations per second",
                     series)
    return _render(outdir, f"throughput-{workload}", script, series, warn)


_APPROACH_COLOURS = {"threads": "#4477aa", "processes": "#ee6677", "asyncio": "#228833"}


def workarounds(rows, outdir, warn=print, ncpu=None):
    """Threads vs processes vs asyncio: one group of bars per (family, implementation), a
    bar per approach, the height the throughput at the comparison worker count relative to
    one thread of the threaded workload. None when no workload has such a twin."""
    fams = stats.families(rows)
    mine = [r for r in rows if r["workload"] in {w for _, _, ms in fams for w in ms}]
    n = stats.comparison_workers(mine, ncpu)
    if not fams or n is None:
        return None
    idx = stats.index(rows)
    impls = stats.impls_in(mine)
    approaches = [a for a in stats.APPROACHES
                  if any(stats.approach_of(w) == a for _, _, ms in fams for w in ms)]
    base = "workarounds"
    path = os.path.join(outdir, base)
    blocks, top = [], float(n)
    with open(path + ".dat", "w") as f:
        for k, (b, label, ms) in enumerate(fams):
            if k:
                f.write("\n\n")
            f.write(f"# {label}: {b}; columns: implementation " + " ".join(approaches) + "\n")
            for i in impls:
                vals = []
                for a in approaches:
                    w = next((w for w in ms if stats.approach_of(w) == a), None)
                    v = stats.relative_throughput(idx.get((i, w, n)), idx.get((i, b, 1)))
                    vals.append("NaN" if v is None else f"{v:.4g}")
                    top = max(top, v or 0)
                f.write(f"{_quote(i)} " + " ".join(vals) + "\n")
            blocks.append(b)
    plots = []
    for k, b in enumerate(blocks):
        for j, a in enumerate(approaches):
            using = f"{j + 2}:xtic(1)" if j == 0 else f"{j + 2}"
            key = f"title {_quote(a)}" if k == 0 else "notitle"
            head = f"newhistogram {_quote(b)} lt 1, " if j == 0 else ""
            plots.append(f"{head}{_quote(base + '.dat')} index {k} using {using} {key} "
                         f"lc rgb {_quote(_APPROACH_COLOURS[a])}")
    title = (f"Threads vs processes vs asyncio: throughput with {n} workers, relative to "
             f"one thread")
    settings = ["set termoption noenhanced",
                f"set title {_quote(title)}",
                "set ylabel 'throughput vs one thread (higher is better)'", "set grid ytics",
                "set key outside top center horizontal", f"set yrange [0:{top * 1.1:.3g}]",
                f"set arrow from graph 0, first {n} to graph 1, first {n} nohead dt 2 "
                f"lc rgb 'gray40'",
                f"set label 'ideal ({n} workers)' at graph 0.01, first {n} offset 0,0.6 "
                f"tc rgb 'gray40'",
                "set style data histograms",
                "set style histogram clustered gap 1", "set style fill solid 0.85 border -1",
                "set boxwidth 0.9", "set xtics rotate by -35 left nomirror",
                "set datafile missing 'NaN'", "set bmargin 7", "set rmargin 9"]
    script = "\n".join(
        ["set terminal pngcairo size 1200,600 font 'sans,11'",
         f"set output {_quote(base + '.png')}"]
        + settings + ["plot " + ", \\\n     ".join(plots),
                      "set terminal svg size 1200,600 font 'sans,11' background '#ffffff'",
                      f"set output {_quote(base + '.svg')}", "replot", "unset output", ""])
    return _gnuplot(outdir, base, script, warn)


def make_all(rows, outdir, warn=print, ncpu=None):
    """Every plot that the rows support; returns {(kind, workload): basename}. Plots go in
    outdir (created)."""
    if not available():
        warn("gnuplot not found: plots skipped (apt-get install gnuplot-nox)")
        return {}
    os.makedirs(outdir, exist_ok=True)
    made = {}
    workloads = []
    for r in rows:
        if r["workload"] not in workloads:
            workloads.append(r["workload"])
    for impl in stats.impls_in(rows):
        made_one = speedup_by_impl(rows, impl, outdir, warn, ncpu)
        if made_one:
            made[("scaling", impl)] = made_one
    made_one = workarounds(rows, outdir, warn, ncpu)
    if made_one:
        made[("workarounds", "all")] = made_one
    for w in workloads:
        group = next(r["group"] for r in rows if r["workload"] == w)
        if group in ("convoy",) or (group == "procs" and w.startswith("convoy")):
            made_one = latency(rows, w, outdir, warn)
            if made_one:
                made[("latency", w)] = made_one
            continue
        if any("pause_p99_ms" in r["metrics"] for r in rows if r["workload"] == w):
            made_one = pause(rows, w, outdir, warn)
            if made_one:
                made[("pause", w)] = made_one
        made_one = speedup(rows, w, outdir, warn, ncpu)
        if made_one:
            made[("speedup", w)] = made_one
        if any("ops_per_second" in r["metrics"] for r in rows if r["workload"] == w):
            made_one = throughput(rows, w, outdir, warn)
            if made_one:
                made[("throughput", w)] = made_one
    return made

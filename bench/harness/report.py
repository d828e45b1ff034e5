"""RESULTS.md: the measured sections, regenerated from the latest results by
`bench/run --report`.

Each generated section sits between marker comments,

    <!-- bench:begin cpu-scaling -->
    ...generated...
    <!-- bench:end cpu-scaling -->

and only the text between the markers is replaced, so hand-written text around them
survives. A section missing from the file is appended with its heading. Each section uses
the newest results directory that has data for it, and names the command, machine and
date that produced it. The plots it shows are copied to bench/plots/ (bench/results/ is
not committed)."""
import os
import re
import shutil

from . import experiments
from . import machine as machine_mod
from . import results
from . import stats
from . import tables
from .tables import fmt_ms, fmt_pct, fmt_rate, fmt_seconds, fmt_x

# The targets ftpy is measured against (design: free-threaded scaling, I/O never hurt,
# biased reference counting nearly free).
TARGET_FT_SPEEDUP_2 = 1.8
TARGET_IO_EFFICIENCY = 0.95
TARGET_BRC_COST = 1.10

# (id, heading, groups it reads, the experiment that measures it, hand-written blurb)
SECTIONS = [
    ("summary", "Summary", None, "all",
     "The answer first: ftpy's targets and whether the latest measurements meet them."),
    ("single-thread", "Single-thread cost of each strategy", ("cpu", "ftscaling"), "default",
     "What a locking strategy costs a program that never starts a thread, against the gil "
     "build and against CPython."),
    ("cpu-scaling", "CPU-bound scaling", ("cpu", "ftscaling"), "cpu",
     "Speedup and efficiency of CPU-bound workloads as threads are added, per strategy."),
    ("io-scaling", "I/O-bound scaling", ("io",), "io",
     "Threads that wait on I/O should scale in every strategy, the GIL included."),
    ("convoy", "Convoy: I/O latency next to CPU-bound threads", ("convoy",), "convoy",
     "How late an I/O thread's wake-ups and round trips are while CPU-bound threads run."),
    ("contention", "Shared-object contention", ("contention",), "contention",
     "All threads hammering one list, dict, lock or object: brc against atomic."),
    ("gc", "GC pauses and allocation", ("gc", "memory"), "memory",
     "Cycle collection and allocation under threads."),
    ("processes", "Threads vs processes", ("procs",), "procs",
     "The same work in processes (multiprocessing) instead of threads."),
    ("workarounds", "GIL workarounds side by side", ("workarounds", "asyncio"), "workarounds",
     "Which way around a GIL pays off for each kind of work (CPU-bound, I/O-bound, native "
     "code that releases the lock): threads, processes (multiprocessing) or asyncio, in "
     "each strategy. The first table answers it at as many workers as CPUs, as throughput "
     "relative to one plain thread with the best way in bold; the tables after it give "
     "every worker count and the times behind the ratios."),
]

BEGIN = "<!-- bench:begin {} -->"
END = "<!-- bench:end {} -->"
_MARKER = re.compile(r"<!-- bench:begin ([\w-]+) -->\n?(.*?)<!-- bench:end \1 -->", re.S)
MAX_EMBEDDED_PLOTS = 6


# ---------------------------------------------------------------------------------------
# Data sources

class Source:
    """One results directory: its metadata and its summarised rows."""

    def __init__(self, data, root):
        self.data = data
        self.path = data["path"]
        self.rel = os.path.relpath(self.path, root)
        self.rows = stats.summarize(data.get("runs", []))
        self.failures = data.get("failures", [])
        self.order = [i["label"] for i in data.get("impls", []) if "label" in i]

    def rows_in(self, groups):
        return [r for r in self.rows if groups is None or r["group"] in groups]

    def provenance(self):
        m = self.data.get("machine", {})
        builds = self.data.get("builds", {})
        flags = sorted({f"{b.get('CMAKE_BUILD_TYPE', '?')} "
                        f"{b.get('compile_flags', b.get('CMAKE_C_FLAGS_RELEASE', ''))}".strip()
                        for b in builds.values() if b})
        refs = ", ".join(f"{i['label']} ({i.get('version', '')})"
                         for i in self.data.get("impls", []) if i.get("kind") == "ref")
        text = (f"_Measured with `{self.data.get('command', 'bench/run')}` on "
                f"{self.data.get('started', '?')}; {machine_mod.one_line(m)}")
        if flags:
            text += f"; builds: {', '.join(flags)}"
        if refs:
            text += f"; references: {refs}"
        if self.data.get("builds_dir"):
            text += f"; ftpy binaries from {self.data['builds_dir']}"
        if self.data.get("quick"):
            text += (" (a --quick run: small sizes, one repetition — a smoke test, "
                     "not a measurement)")
        return text + f". Raw data: `{self.rel}/`._\n"

    def plot(self, kind, workload):
        base = self.data.get("plots", {}).get(f"{kind}:{workload}")
        return f"{self.rel}/plots/{base}.png" if base else None


def load_sources(results_root, root, loader=results.load):
    """Every readable results directory, newest first."""
    return [Source(d, root) for d in (loader(p) for p in results.all_dirs(results_root)) if d]


def pick(sources, groups):
    """The newest source with successful rows in the groups; a --quick run (smoke-test
    sizes) only when there is nothing else."""
    for quick in (False, True):
        for s in sources:
            if bool(s.data.get("quick")) == quick and s.rows_in(groups):
                return s
    return None


# ---------------------------------------------------------------------------------------
# Sections

def _impls(rows, src=None):
    """Implementations in the order the run listed them (strategies, then references)."""
    return stats.impls_in(rows, src.order if src else None)


def _ref_label(rows, prefix="cpython"):
    for impl in _impls(rows):
        if impl.startswith(prefix):
            return impl
    return None


def _kinds(rows):
    return {r["impl"]: r.get("kind", "") for r in rows}


def _fails(src, groups):
    return _fail_lines([f for f in src.failures
                        if groups is None or f.get("group", _group_of(f["workload"])) in groups])


def _fail_lines(mine):
    if not mine:
        return ""
    lines = ["", "Not measured (the run failed, so the workload was skipped):", ""]
    for f in mine:
        n = f["threads"]
        lines.append(f"- {f['workload']} on {f['impl']} ({n} thread{'' if n == 1 else 's'}): "
                     f"{f['error']}")
    return "\n".join(lines) + "\n"


def _group_of(workload):
    return experiments.guess_group(workload)


def _plots(src, kind, workloads):
    out, links = [], []
    for w in workloads:
        p = src.plot(kind, w)
        if not p:
            continue
        if len(out) < MAX_EMBEDDED_PLOTS:
            out.append(f"![{kind} of {w}]({p})")
        else:
            links.append(f"[{w}]({p})")
    text = "\n".join(out)
    if links:
        text += "\n\nMore plots: " + ", ".join(links)
    return ("\n" + text + "\n") if text else ""


def _plot_links(src, kind, workloads):
    links = [f"[{w}]({src.plot(kind, w)})" for w in workloads if src.plot(kind, w)]
    return ("\nPer workload: " + ", ".join(links) + "\n") if links else ""


def single_thread(src, groups):
    rows = [r for r in src.rows_in(groups) if r["threads"] == 1]
    impls = _impls(rows, src)
    workloads = tables.workloads_in(rows)
    idx = stats.index(rows)
    body = [[w] + [fmt_seconds(idx[(i, w, 1)]["median"]) if (i, w, 1) in idx else "–"
                   for i in impls] for w in workloads]
    out = ["Median time at one thread (lower is better):", "",
           tables.markdown(["workload"] + impls, body)]
    cpy = _ref_label(rows)
    kinds = _kinds(rows)
    ratio_cols = []
    if "gil" in impls:
        ratio_cols += [(i, "gil") for i in impls if kinds.get(i) == "ftpy" and i != "gil"]
    if cpy:
        ratio_cols += [(i, cpy) for i in impls if kinds.get(i) == "ftpy"]
    if ratio_cols:
        ratios = {b: stats.single_thread_ratios(rows, b) for b in {b for _, b in ratio_cols}}
        body = []
        for w in workloads:
            body.append([w] + [fmt_x(ratios[b].get(w, {}).get(i)) for i, b in ratio_cols])
        body.append(["**geometric mean**"] + [
            "**" + fmt_x(stats.geomean([ratios[b].get(w, {}).get(i) for w in workloads])) + "**"
            for i, b in ratio_cols])
        out += ["", "Time relative to the baseline (1.00× = as fast; above 1 is slower):", "",
                tables.markdown(["workload"] + [f"{i} / {b}" for i, b in ratio_cols], body)]
    return "\n".join(out)


def scaling(src, groups, show_rate=False):
    rows = [r for r in src.rows_in(groups) if r["threads"] >= 1]
    impls = _impls(rows, src)
    idx = stats.index(rows)
    body = []
    for w in tables.workloads_in(rows):
        for t in tables.threads_in(rows, w):
            if t == 1:
                continue
            cells = []
            for i in impls:
                r = idx.get((i, w, t))
                if r is None:
                    cells.append("–")
                    continue
                cell = f"{fmt_x(r['speedup'])} ({fmt_pct(r['efficiency'])})"
                if show_rate and "ops_per_second" in r["metrics"]:
                    cell += f", {fmt_rate(r['metrics']['ops_per_second'])}"
                cells.append(cell)
            scal = idx.get((impls[0], w, t), {}).get("scaling", "") if impls else ""
            body.append([f"{w} ({scal})" if scal else w, t] + cells)
    out = ["Speedup over one thread of the same implementation, and efficiency "
           "(speedup / threads; 100% is perfect):", "",
           tables.markdown(["workload", "threads"] + impls, body)]
    return "\n".join(out)


def convoy(src, groups):
    rows = src.rows_in(groups)
    impls = _impls(rows, src)
    idx = stats.index(rows)
    body = []
    for w in tables.workloads_in(rows):
        for t in tables.threads_in(rows, w):
            cells = []
            for i in impls:
                r = idx.get((i, w, t))
                m = r["metrics"] if r else {}
                cells.append("–" if not r else f"{fmt_ms(m.get('latency_p50_ms'))} / "
                                               f"{fmt_ms(m.get('latency_p99_ms'))}")
            body.append([w, t] + cells)
    kinds = _kinds(rows)
    gils = [i for i in impls if kinds.get(i) == "ftpy" and i.startswith("gil")]
    note = ""
    if len(gils) < 2:
        note = ("\nOnly one GIL strategy was measured here; `bench/run convoy` also runs "
                "gil-legacy (no forced switching), the GIL that shows the convoy effect.\n")
    return "\n".join([
        "I/O latency in milliseconds, p50 / p99 (convoy: wake-up lateness beyond the 1 ms "
        "sleep; convoy_echo: loopback round trip), by number of CPU-bound threads:", "",
        tables.markdown(["workload", "CPU threads"] + impls, body)]) + note


def contention(src, groups):
    rows = src.rows_in(groups)
    impls = _impls(rows, src)
    idx = stats.index(rows)
    body = []
    for w in tables.workloads_in(rows):
        for t in tables.threads_in(rows, w):
            cells = []
            for i in impls:
                r = idx.get((i, w, t))
                if r is None:
                    cells.append("–")
                    continue
                cell = fmt_seconds(r["median"])
                if t > 1 and r["speedup"] is not None:
                    cell += f" ({fmt_x(r['speedup'])})"
                if not r.get("ok_all", True):
                    cell += " **wrong result**"
                cells.append(cell)
            body.append([w, t] + cells)
    return "\n".join(["Median time (speedup over one thread of the same implementation); "
                      "every thread works on the same object:", "",
                      tables.markdown(["workload", "threads"] + impls, body)])


def gc_section(src, groups):
    rows = src.rows_in(groups)
    impls = _impls(rows, src)
    idx = stats.index(rows)
    body = []
    for w in tables.workloads_in(rows):
        for t in tables.threads_in(rows, w):
            cells = []
            for i in impls:
                r = idx.get((i, w, t))
                if r is None:
                    cells.append("–")
                    continue
                m, parts = r["metrics"], [fmt_seconds(r["median"])]
                if "pause_p99_ms" in m:
                    parts.append(f"heartbeat p99 {fmt_ms(m['pause_p99_ms'])} ms")
                if "gc_pause_max_ms" in m:
                    parts.append(f"longest collection {fmt_ms(m['gc_pause_max_ms'])} ms")
                cells.append("; ".join(parts))
            body.append([w, t] + cells)
    return "\n".join(["Median time; for gc_pauses also how late a 1 ms heartbeat thread woke up "
                      "(p99) and, where gc.callbacks exists, the longest collection:", "",
                      tables.markdown(["workload", "threads"] + impls, body)])


def processes(src, groups):
    rows = src.rows
    procs = [r for r in rows if r["group"] in groups]
    impls = _impls(procs, src)
    idx = stats.index(rows)
    body = []
    for w in tables.workloads_in(procs):
        twin = next((r["compare"] for r in procs if r["workload"] == w and r.get("compare")), None)
        latency = any("latency_p99_ms" in r["metrics"] for r in procs if r["workload"] == w)
        for t in tables.threads_in(procs, w):
            cells = []
            for i in impls:
                p = idx.get((i, w, t))
                th = idx.get((i, twin, t)) if twin else None
                if p is None:
                    cells.append("–")
                    continue
                if latency:
                    pv = p["metrics"].get("latency_p99_ms")
                    tv = th["metrics"].get("latency_p99_ms") if th else None
                    cells.append(f"{fmt_ms(tv)} / {fmt_ms(pv)} ms p99")
                else:
                    tv = th["median"] if th else None
                    cells.append(f"{fmt_seconds(tv)} / {fmt_seconds(p['median'])}")
            body.append([f"{w} vs {twin or '–'}", t] + cells)
    return "\n".join(["Threads / processes doing the same work (time, or the I/O thread's p99 "
                      "latency for the convoy pair):", "",
                      tables.markdown(["workloads", "threads or processes"] + impls, body)])


def _approach(w):
    return f"{stats.approach_of(w)} ({w})"


def workarounds(src, groups):
    """Threads vs processes vs asyncio: first, per family, the relative throughput of each
    approach at the comparison worker count (the best in bold); then, per family, every
    worker count with the times (or requests per second and p99 latency) behind it."""
    rows = src.rows
    fams = stats.families(rows, src.failures)
    if not fams:
        return "_No workload here has a processes or asyncio twin._\n"
    members = {w for _, _, ms in fams for w in ms}
    mine = [r for r in rows if r["workload"] in members]
    impls = _impls(mine + [f for f in src.failures if f["workload"] in members], src)
    idx = stats.index(rows)
    n = stats.comparison_workers(mine, src.data.get("machine", {}).get("cores"))
    if n is None:
        return "_Every run of these workloads failed._\n"

    def rel(i, w, t):
        base = next(b for b, _, ms in fams if w in ms)
        return stats.relative_throughput(idx.get((i, w, t)), idx.get((i, base, 1)))

    out = [f"Throughput with {n} worker{'s' if n != 1 else ''} (threads, processes or asyncio "
           f"tasks), relative to one thread of the threaded workload on the same "
           f"implementation; higher is better, **bold** is the best way for that "
           f"implementation:", ""]
    body = []
    for base, label, ms in fams:
        best = {i: max((v for v in (rel(i, w, n) for w in ms) if v is not None), default=None)
                for i in impls}
        for k, w in enumerate(ms):
            cells = []
            for i in impls:
                v = rel(i, w, n)
                bold = v is not None and len(ms) > 1 and v == best[i]
                cells.append(f"**{fmt_x(v)}**" if bold else fmt_x(v))
            body.append([f"{label}: {base}" if k == 0 else "", _approach(w)] + cells)
    out.append(tables.markdown(["work", "approach"] + impls, body, "ll" + "r" * len(impls)))
    plot = src.plot("workarounds", "all")
    if plot:
        out.append(f"![threads vs processes vs asyncio]({plot})\n")

    for base, label, ms in fams:
        fam = [r for r in mine if r["workload"] in ms and r["threads"] >= 1]
        rate = any("ops_per_second" in r["metrics"] for r in fam)
        what = ("relative throughput, requests per second, p99 latency" if rate else
                "relative throughput (median time)")
        body = []
        for t in tables.threads_in(fam):
            for w in ms:
                cells = []
                for i in impls:
                    r = idx.get((i, w, t))
                    if r is None:
                        cells.append("–")
                        continue
                    if rate:
                        m = r["metrics"]
                        cell = (f"{fmt_x(rel(i, w, t))}, {fmt_rate(m.get('ops_per_second'))}, "
                                f"p99 {fmt_ms(m.get('latency_p99_ms'))} ms")
                    else:
                        cell = f"{fmt_x(rel(i, w, t))} ({fmt_seconds(r['median'])})"
                    if not r.get("ok_all", True):
                        cell += " **wrong result**"
                    cells.append(cell)
                body.append([t, _approach(w)] + cells)
        out += [f"{label}, {' vs '.join(ms)} — {what}:", "",
                tables.markdown(["workers", "approach"] + impls, body, "rl" + "r" * len(impls))]
    return "\n".join(out)


def summary(sources):
    """The targets, each with its verdict and the numbers behind it."""
    lines = []
    cpu = pick(sources, ("cpu", "ftscaling"))
    if cpu:
        rows = cpu.rows_in(("cpu", "ftscaling"))
        kinds = _kinds(rows)
        ft = [i for i in _impls(rows) if stats.is_free_threaded(i, kinds.get(i))]
        two = [r for r in rows if r["threads"] == 2 and r["speedup"] is not None]
        for i in ft:
            mine = [r for r in two if r["impl"] == i]
            if not mine:
                continue
            g = stats.geomean([r["speedup"] for r in mine])
            worst = min(mine, key=lambda r: r["speedup"])
            if g is not None and worst["speedup"] >= TARGET_FT_SPEEDUP_2:
                verdict = "met"
            elif g is not None and g >= TARGET_FT_SPEEDUP_2:
                verdict = "met on average, **not for every workload**"
            else:
                verdict = "**not met**"
            lines.append(f"- **2-thread CPU-bound speedup ≥ {TARGET_FT_SPEEDUP_2}× ({i})**: "
                         f"{verdict} — geometric mean {fmt_x(g)} over "
                         f"{len(mine)} workloads, worst {worst['workload']} "
                         f"{fmt_x(worst['speedup'])}.")
        if not ft:
            lines.append("- 2-thread CPU-bound speedup: no free-threaded strategy measured.")
        ratios = stats.single_thread_ratios(rows, "gil")
        for i in [i for i in _impls(rows) if kinds.get(i) == "ftpy" and i.startswith("brc")]:
            vals = [v.get(i) for v in ratios.values() if v.get(i)]
            g = stats.geomean(vals)
            if g is None:
                continue
            ok = g <= TARGET_BRC_COST
            lines.append(f"- **{i} within {round((TARGET_BRC_COST - 1) * 100)}% of gil "
                         f"single-threaded**: {'met' if ok else '**not met**'} — {i} takes "
                         f"{fmt_x(g)} gil's time (geometric mean over {len(vals)} workloads).")
    else:
        lines.append("- CPU-bound targets: not measured yet (`bench/run` or `bench/run cpu`).")
    io = pick(sources, ("io",))
    if io:
        rows = [r for r in io.rows_in(("io",)) if r["threads"] > 1 and r["efficiency"] is not None]
        kinds = _kinds(rows)
        for i in _impls(rows):
            if kinds.get(i) != "ftpy":
                continue
            mine = [r for r in rows if r["impl"] == i]
            worst = min(mine, key=lambda r: r["efficiency"])
            ok = worst["efficiency"] >= TARGET_IO_EFFICIENCY
            lines.append(f"- **I/O-bound efficiency ≥ {fmt_pct(TARGET_IO_EFFICIENCY)} ({i})**: "
                         f"{'met' if ok else '**not met**'} — worst {worst['workload']} at "
                         f"{worst['threads']} threads, {fmt_pct(worst['efficiency'])}.")
    else:
        lines.append("- I/O-bound efficiency: not measured yet (`bench/run io`).")
    used = [s for s in (cpu, io) if s]
    if used:
        lines.append("\nFrom " + " and ".join(
            f"[{s.rel}]({s.rel}/) (`{s.data.get('command', 'bench/run')}`, "
            f"{s.data.get('started', '?')}{', quick' if s.data.get('quick') else ''})"
            for s in dict.fromkeys(used)) + "; details in the sections below.")
    newest = sources[0] if sources else None
    if newest:
        load = newest.data.get("machine", {}).get("load_average")
        cores = newest.data.get("machine", {}).get("cores")
        if load and cores and load[0] > 0.5 * cores:
            lines.append(f"\n_The machine was busy during the newest run (load average "
                         f"{load[0]:.1f} on {cores} cores): treat its numbers as noisy._")
    return "\n".join(lines) + "\n"


BUILDERS = {"single-thread": single_thread, "cpu-scaling": scaling,
            "io-scaling": lambda s, g: scaling(s, g, show_rate=True), "convoy": convoy,
            "contention": contention, "gc": gc_section, "processes": processes,
            "workarounds": workarounds}
PLOT_KINDS = {"io-scaling": ("throughput", "speedup"), "convoy": ("latency",),
              "contention": ("speedup",), "processes": ("latency",), "gc": ("pause",)}


def section_text(section_id, sources):
    sid, heading, groups, experiment, _ = next(s for s in SECTIONS if s[0] == section_id)
    if sid == "summary":
        return summary(sources)
    src = pick(sources, groups)
    if src is None:
        return f"_Not measured yet: run `bench/run {experiment}` (or `bench/run all`)._\n"
    if sid == "workarounds":
        return _workarounds_text(src, groups)
    body = src.provenance() + "\n" + BUILDERS[sid](src, groups) + _fails(src, groups)
    workloads = tables.workloads_in(src.rows_in(groups))
    if sid == "cpu-scaling":
        body += _plots(src, "scaling", _impls(src.rows_in(groups), src))
        body += _plot_links(src, "speedup", workloads)
    for kind in PLOT_KINDS.get(sid, ()):
        body += _plots(src, kind, workloads)
        if kind == "throughput" and any(src.plot("throughput", w) for w in workloads):
            break
    return body


def _workarounds_text(src, groups):
    """The workarounds section: every workload of a family, whatever its group (the
    threaded bases are cpu, io, ...), and their failures."""
    ms = [w for _, _, fam in stats.families(src.rows, src.failures) for w in fam]
    body = src.provenance() + "\n" + workarounds(src, groups)
    mine = [f for f in src.failures if f["workload"] in ms]
    return body + _fail_lines(mine)


# ---------------------------------------------------------------------------------------
# The file

def skeleton(title="# ftpy — results"):
    parts = [title, "",
             "Every number below comes from a run of `bench/run`; the sections between "
             "`bench:begin`/`bench:end` comments are regenerated by `bench/run --report` from "
             "the newest results in `bench/results/`. Text outside them is written by hand and "
             "kept.", ""]
    for sid, heading, _, _, blurb in SECTIONS:
        parts += [f"## {heading}", "", blurb, "", BEGIN.format(sid), END.format(sid), ""]
    return "\n".join(parts)


def regenerate(text, generated):
    """Replace the content between each section's markers with generated[id]; sections
    absent from the text are appended with their heading; everything else is kept."""
    if not _MARKER.search(text):
        lines = text.strip().splitlines()
        title = lines[0] if lines and lines[0].startswith("# ") else "# ftpy — results"
        rest = "\n".join(lines[1:]).strip() if lines and lines[0].startswith("# ") else text.strip()
        text = skeleton(title)
        if rest and "No measured results yet" not in rest:
            text += "\n## Notes\n\n" + rest + "\n"
    present = set(m.group(1) for m in _MARKER.finditer(text))

    def repl(m):
        sid = m.group(1)
        if sid not in generated:
            return m.group(0)
        return BEGIN.format(sid) + "\n" + generated[sid].rstrip("\n") + "\n" + END.format(sid)

    text = _MARKER.sub(repl, text)
    for sid, heading, _, _, blurb in SECTIONS:
        if sid in generated and sid not in present:
            text = text.rstrip("\n") + f"\n\n## {heading}\n\n{blurb}\n\n{BEGIN.format(sid)}\n" \
                   f"{generated[sid].rstrip()}\n{END.format(sid)}\n"
    return text if text.endswith("\n") else text + "\n"


PLOTS_DIR = os.path.join("bench", "plots")
_PLOT_LINK = re.compile(r"\]\((bench/results/[^/)]+/plots/([\w.-]+)\.png)\)")


def publish_plots(generated, root):
    """bench/results/ is not committed, so the plots RESULTS.md shows are copied to
    bench/plots/ (PNG and SVG) and the links rewritten; plots no longer shown are removed."""
    plots_dir = os.path.join(root, PLOTS_DIR)
    wanted = set()

    def repl(m):
        src, base = os.path.join(root, m.group(1)), m.group(2)
        if not os.path.exists(src):
            return m.group(0)
        os.makedirs(plots_dir, exist_ok=True)
        for ext in (".png", ".svg"):
            if os.path.exists(src[:-4] + ext):
                shutil.copyfile(src[:-4] + ext, os.path.join(plots_dir, base + ext))
                wanted.add(base + ext)
        return f"]({PLOTS_DIR}/{base}.png)"

    out = {sid: _PLOT_LINK.sub(repl, text) for sid, text in generated.items()}
    if os.path.isdir(plots_dir):
        for f in os.listdir(plots_dir):
            if f.endswith((".png", ".svg")) and f not in wanted:
                os.remove(os.path.join(plots_dir, f))
    return out


def write(results_md, sources):
    generated = {sid: section_text(sid, sources) for sid, *_ in SECTIONS}
    generated = publish_plots(generated, os.path.dirname(os.path.abspath(results_md)))
    try:
        with open(results_md) as f:
            old = f.read()
    except FileNotFoundError:
        old = ""
    new = regenerate(old, generated)
    tmp = results_md + ".tmp"
    with open(tmp, "w") as f:
        f.write(new)
    os.replace(tmp, results_md)
    return new

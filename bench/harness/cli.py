"""bench/run's command line: build the strategies, run an experiment, write the results,
print the table; or list the experiments; or regenerate RESULTS.md (--report)."""
import argparse
import datetime
import os
import shlex
import sys
import time

from . import build, deps, experiments, machine, plots, report, results, runner, stats, tables

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "bench")
EXPERIMENTS = os.path.join(BENCH, "experiments")
WORKLOADS = os.path.join(BENCH, "workloads")
RESULTS = os.path.join(BENCH, "results")
RESULTS_MD = os.path.join(ROOT, "RESULTS.md")


def show(path):
    """A path for messages: relative inside the tree, absolute outside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _int_list(text):
    try:
        values = [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of integers: {text!r}")
    if not values or any(v < 0 for v in values):
        raise argparse.ArgumentTypeError(f"thread counts must be >= 0: {text!r}")
    return values


def _name_list(text):
    values = [x for x in text.replace(" ", "").split(",") if x]
    if not values:
        raise argparse.ArgumentTypeError("an empty list")
    return values


def parser():
    p = argparse.ArgumentParser(
        prog="bench/run",
        description="Build every locking strategy of ftpy and run a benchmark experiment "
                    "(bench/experiments/<EXPERIMENT>.toml), or regenerate RESULTS.md.")
    p.add_argument("experiment", nargs="?", default="default",
                   help="experiment name or .toml path (default: default; 'all' runs them all)")
    p.add_argument("--strategies", type=_name_list, metavar="S,S",
                   help="locking strategies to build and run (default: the experiment's)")
    p.add_argument("--threads", type=_int_list, metavar="N,N",
                   help="thread counts (default: the experiment's; usually 1..nproc, 2*nproc)")
    p.add_argument("--repeat", type=int, metavar="N", help="repetitions per cell")
    p.add_argument("--quick", action="store_true",
                   help="smoke test: small sizes, threads 1 and 2, one repetition")
    p.add_argument("--pin", action="store_true",
                   help="pin each run to CPUs 0..threads-1 with taskset")
    p.add_argument("--list", action="store_true", help="list experiments and workloads")
    p.add_argument("--report", action="store_true",
                   help="regenerate the measured sections of RESULTS.md from the latest results")
    p.add_argument("--ref", action="append", default=[], metavar="PATH",
                   help="another interpreter to compare (repeatable)")
    p.add_argument("--no-ref", action="store_true",
                   help="do not run the experiment's reference interpreters (python3, pypy3)")
    p.add_argument("--no-build", action="store_true",
                   help="use the existing build/<strategy>/ftpy binaries")
    p.add_argument("--builds", metavar="DIR",
                   help="with --no-build: take DIR/<strategy>/ftpy instead of "
                        "build/<strategy>/ftpy (e.g. the builds of another checkout)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="parallel build jobs")
    p.add_argument("--results", default=RESULTS, metavar="DIR", help=argparse.SUPPRESS)
    p.add_argument("--results-md", default=RESULTS_MD, metavar="FILE", help=argparse.SUPPRESS)
    return p


def first_comment(path):
    """The first sentence of a file's opening comment."""
    words = []
    try:
        with open(path) as f:
            for line in f:
                if not line.startswith("#"):
                    break
                words.append(line.lstrip("#").strip())
    except OSError:
        pass
    text = " ".join(words)
    return text.split(". ")[0].rstrip(".") if text else ""


def list_all(ncpu, out=sys.stdout):
    print("Experiments (bench/experiments/*.toml; `bench/run NAME`):", file=out)
    for name in experiments.available(EXPERIMENTS):
        try:
            exp = experiments.load(name, EXPERIMENTS, ncpu)
            names = ", ".join(w.key for w in exp.workloads)
            print(f"  {name:<12} {exp.description}\n  {'':<12} repeat {exp.repeat}; "
                  f"strategies {', '.join(exp.strategies)}; workloads: {names}", file=out)
        except experiments.ExperimentError as e:
            print(f"  {name:<12} INVALID: {e}", file=out)
    print("\nWorkloads (bench/workloads/*.py; `IMPL bench/workloads/NAME.py THREADS SIZE`):",
          file=out)
    for f in sorted(os.listdir(WORKLOADS)):
        if f.endswith(".py") and not f.startswith("_"):
            print(f"  {f[:-3]:<20} {first_comment(os.path.join(WORKLOADS, f))}", file=out)


def do_report(args, out=sys.stdout):
    sources = report.load_sources(args.results, ROOT, results.load)
    if not sources:
        print(f"No results in {show(args.results)}/: run bench/run first.",
              file=out)
        return 1
    report.write(args.results_md, sources)
    print(f"Updated {show(args.results_md)} from {len(sources)} results "
          f"director{'y' if len(sources) == 1 else 'ies'} (newest: "
          f"{show(sources[0].path)}).", file=out)
    return 0


def build_all(strategies, jobs, out=sys.stdout):
    """Build each strategy; return {strategy: error or None}."""
    errors = {}
    for s in strategies:
        t0 = time.monotonic()
        print(f"Building {s} ...", file=out, flush=True)
        err = build.build(ROOT, s, jobs, log=lambda m: print(m, file=out, flush=True))
        errors[s] = err
        if err:
            print(f"  build of {s} FAILED; it is skipped.\n{err}", file=out, flush=True)
        else:
            print(f"  built {show(build.binary(ROOT, s))} in "
                  f"{runner.fmt_duration(time.monotonic() - t0)}", file=out, flush=True)
    return errors


def implementations(strategies, refs, explicit_refs, builds=None, out=sys.stdout):
    impls, skipped = [], []
    for s in strategies:
        impl = runner.probe_ftpy(build.binary(ROOT, s, builds), s)
        if impl:
            impls.append(impl)
        else:
            skipped.append(f"{s}: no binary at {show(build.binary(ROOT, s, builds))}")
    labels = set()
    for path in refs + explicit_refs:
        impl = runner.probe_reference(path)
        if impl is None:
            skipped.append(f"{path}: not installed or does not run")
            continue
        if impl.label in labels or impl.label in strategies:
            impl.label = f"{impl.label}:{os.path.basename(path)}"
        if impl.label in labels:
            continue
        labels.add(impl.label)
        impls.append(impl)
    for msg in skipped:
        print(f"Skipped {msg}", file=out)
    return impls


def main(argv=None, out=sys.stdout):
    args = parser().parse_args(argv)
    ncpu = machine.ncpu()
    if args.list:
        list_all(ncpu, out)
        return 0
    if args.report:
        return do_report(args, out)
    if args.repeat is not None and args.repeat < 1:
        print("bench/run: --repeat must be at least 1", file=sys.stderr)
        return 2
    if args.builds and not args.no_build:
        print("bench/run: --builds needs --no-build (the presets build into build/)",
              file=sys.stderr)
        return 2
    try:
        exp = experiments.load(args.experiment, EXPERIMENTS, ncpu)
    except experiments.ExperimentError as e:
        print(f"bench/run: {e}", file=sys.stderr)
        return 2
    ov = experiments.Overrides(strategies=args.strategies, threads=args.threads,
                               repeat=args.repeat, quick=args.quick, refs=args.ref)
    strategies = ov.strategies or exp.strategies
    started = datetime.datetime.now(datetime.timezone.utc)
    t_start = time.monotonic()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None

    build_errors = {}
    if not args.no_build:
        if not deps.ensure(log=lambda m: print(m, file=out, flush=True)):
            return 1
        build_errors = build_all(strategies, args.jobs, out)
    broken = [s for s in strategies if build_errors.get(s)]
    if broken:      # never measure a stale binary left by an earlier build
        print(f"Skipped {', '.join(broken)}: the build failed", file=out)
        strategies = [s for s in strategies if s not in broken]
    refs = [] if args.no_ref else exp.references
    builds = os.path.abspath(args.builds) if args.builds else None
    impls = implementations(strategies, refs, args.ref, builds, out)
    if not impls:
        print("bench/run: nothing to run (no ftpy build, no reference interpreter)",
              file=sys.stderr)
        return 1

    jobs = runner.plan(exp, impls, ncpu, ov, experiments.plan_threads,
                       experiments.plan_size, experiments.plan_repeat)
    print(f"\nExperiment {exp.name}: {len(exp.workloads)} workloads x "
          f"{len(impls)} implementations ({', '.join(i.label for i in impls)}) = "
          f"{len(jobs)} runs, {experiments.plan_repeat(exp, ov)} repetition(s); "
          f"{ncpu} CPUs{'; pinned' if args.pin else ''}", file=out, flush=True)
    records, failures, interrupted = runner.run_all(jobs, WORKLOADS, args.pin, ncpu, out)

    rows = stats.summarize(records)
    m = machine.describe(ROOT)
    # Other users' load shows at the start; at the end the runs themselves are in it.
    m["load_average_after"] = m.pop("load_average")
    m["load_average"] = list(load_before) if load_before else None
    path = results.new_dir(args.results, exp.name + ("-quick" if args.quick else ""), started)
    command = "bench/run" + ("".join(" " + shlex.quote(a) for a in argv)
                             if argv is not None else
                             "".join(" " + shlex.quote(a) for a in sys.argv[1:]))
    info = {
        "experiment": exp.name, "description": exp.description, "command": command,
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "finished": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": args.quick, "pinned": args.pin, "interrupted": interrupted,
        "impls": [{"label": i.label, "kind": i.kind, "path": i.path, "version": i.version}
                  for i in impls],
        "builds": {i.label: build.build_flags(ROOT, i.label, builds)
                   for i in impls if i.kind == "ftpy"},
        "build_errors": {k: v for k, v in build_errors.items() if v},
        "builds_dir": builds,
    }
    m["builds"] = info["builds"]
    m["interpreters"] = info["impls"]
    made = plots.make_all(rows, os.path.join(path, "plots"),
                          warn=lambda msg: print("warning: " + msg, file=out), ncpu=ncpu)
    info["plots"] = {f"{k}:{w}": base for (k, w), base in made.items()}
    md = tables.results_markdown(rows, failures, info, machine.one_line(m))
    results.write_all(path, info, records, failures, m, rows, md)

    print("\n" + tables.console(rows, failures, [i.label for i in impls]), file=out)
    print(f"Results: {show(path)}/ (raw.json, raw.csv, machine.json, tables.md"
          f"{', plots/' if made else ''}); took {runner.fmt_duration(time.monotonic() - t_start)}.",
          file=out)
    print("Update RESULTS.md with: bench/run --report", file=out)
    return 0 if any(r["ok"] for r in records) else 1

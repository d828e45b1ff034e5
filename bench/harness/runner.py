"""Running workloads: the implementations (ftpy per strategy, reference interpreters), the
run plan, one run as a subprocess with a timeout, parsing its JSON line, progress and ETA.

A run that fails (non-zero exit, no JSON line, timeout) is recorded with its error, and the
rest of that workload is skipped for that implementation; the harness never crashes on it."""
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

REQUIRED_FIELDS = ("workload", "seconds")


@dataclass
class Impl:
    label: str          # gil, brc, atomic, cpython3.11, pypy3.10, ...
    kind: str           # "ftpy" or "ref"
    path: str
    version: str = ""


class OutputError(Exception):
    pass


def parse_output(stdout):
    """The workload's JSON object: the last line of stdout that is a JSON object with the
    required fields. Other lines (warnings, debugging prints) are ignored."""
    bad = None
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            bad = bad or f"unparsable JSON line: {line[:120]!r} ({e})"
            continue
        if not isinstance(obj, dict):
            continue
        absent = [k for k in REQUIRED_FIELDS if k not in obj]
        if absent:
            bad = bad or f"JSON line without {', '.join(absent)}: {line[:120]!r}"
            continue
        sec = obj["seconds"]
        if isinstance(sec, bool) or not isinstance(sec, (int, float)) or sec < 0:
            bad = bad or f"seconds is not a non-negative number: {sec!r}"
            continue
        return obj
    raise OutputError(bad or "no JSON line in the output")


def error_summary(returncode, stdout, stderr):
    """One line that says why a run failed: the last line of stderr (the exception)."""
    lines = [ln.strip() for ln in (stderr or "").strip().splitlines() if ln.strip()]
    last = lines[-1] if lines else (stdout or "").strip().splitlines()[-1:] or [""]
    last = last if isinstance(last, str) else last[0]
    if returncode is not None and returncode < 0:
        return f"killed by signal {-returncode}" + (f": {last}" if last else "")
    return f"exit {returncode}" + (f": {last}" if last else "")


def probe_reference(path):
    """An Impl for a reference interpreter, or None when it is not there / does not run."""
    exe = shutil.which(path) if os.sep not in path else (path if os.access(path, os.X_OK) else None)
    if not exe:
        return None
    try:
        p = subprocess.run([exe, "-c", "import sys; i = sys.implementation; print(i.name, "
                            "'%d.%d' % sys.version_info[:2], sys.version.split()[0])"],
                           capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if p.returncode != 0 or not p.stdout.split():
        return None
    name, short, full = (p.stdout.split() + ["", "", ""])[:3]
    return Impl(label=f"{name}{short}", kind="ref", path=exe, version=full)


def probe_ftpy(path, strategy):
    if not os.access(path, os.X_OK):
        return None
    try:
        p = subprocess.run([path, "-V"], capture_output=True, text=True, timeout=30)
        version = (p.stdout or p.stderr).strip()
    except (OSError, subprocess.SubprocessError):
        version = ""
    return Impl(label=strategy, kind="ftpy", path=path, version=version)


@dataclass
class Job:
    impl: Impl
    workload: object        # experiments.Workload
    threads: int
    size: int               # the SIZE passed on the command line
    rep: int
    timeout: float


def per_thread_size(w, threads, size):
    """Strong scaling splits the total work over the threads; weak gives each thread SIZE."""
    if w.scaling == "strong" and threads > 1:
        return max(1, size // threads)
    return size


def plan(exp, impls, ncpu, ov, plan_threads, plan_size, plan_repeat):
    """Every run, repetitions outermost so that drift (thermal, other load) spreads over
    all the implementations instead of hitting one."""
    jobs = []
    repeat = plan_repeat(exp, ov)
    for rep in range(repeat):
        for w in exp.workloads:
            size = plan_size(w, ov)
            for t in plan_threads(exp, w, ncpu, ov):
                for impl in impls:
                    jobs.append(Job(impl, w, t, per_thread_size(w, t, size), rep,
                                    w.timeout or exp.timeout))
    return jobs


def command(job, workloads_dir, pin, ncpu):
    script = os.path.join(workloads_dir, job.workload.name + ".py")
    cmd = [job.impl.path, script, str(job.threads), str(job.size)]
    if pin and shutil.which("taskset"):
        k = min(max(job.threads, 1), ncpu)
        cmd = ["taskset", "-c", ",".join(str(c) for c in usable_cpus()[:k])] + cmd
    return cmd


def usable_cpus():
    """The CPUs this process may run on (a container's cpuset need not start at 0)."""
    try:
        return sorted(os.sched_getaffinity(0))
    except AttributeError:
        return list(range(os.cpu_count() or 1))


def run_one(job, workloads_dir, pin=False, ncpu=1):
    """Run one job; return a record (dict) with ok, seconds, the parsed fields or an error."""
    cmd = command(job, workloads_dir, pin, ncpu)
    rec = {"impl": job.impl.label, "kind": job.impl.kind, "workload": job.workload.key,
           "group": job.workload.group, "scaling": job.workload.scaling,
           "compare": job.workload.compare,
           "threads": job.threads, "size": job.size, "work": job.size * max(job.threads, 1),
           "rep": job.rep, "ok": False, "seconds": None, "wall": None, "error": None,
           "fields": {}}
    if not os.path.exists(cmd[-3]):
        rec["error"] = f"no workload file {cmd[-3]}"
        return rec
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=workloads_dir, capture_output=True, text=True,
                           timeout=job.timeout)
    except subprocess.TimeoutExpired:
        rec["wall"] = time.perf_counter() - start
        rec["error"] = f"timeout after {job.timeout:g} s"
        return rec
    except OSError as e:
        rec["error"] = f"cannot run {cmd[0]}: {e}"
        return rec
    rec["wall"] = time.perf_counter() - start
    if p.returncode != 0:
        rec["error"] = error_summary(p.returncode, p.stdout, p.stderr)
        return rec
    try:
        fields = parse_output(p.stdout)
    except OutputError as e:
        rec["error"] = str(e)
        return rec
    rec["fields"] = fields
    rec["seconds"] = float(fields["seconds"])
    rec["ok"] = True
    return rec


def fmt_duration(seconds):
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    """'[ 12/96] brc      intloop      threads=2 rep 1/3   0.53s   ~1m20s left'.
    The estimate uses the last wall time of the same (workload, impl, threads), else the
    mean of the same workload, else the mean of everything so far."""

    def __init__(self, jobs, out=sys.stdout):
        self.total = len(jobs)
        self.done = 0
        self.out = out
        self.by_key = {}
        self.by_workload = {}
        self.all = []
        self.repeat = max((j.rep for j in jobs), default=0) + 1

    def estimate(self, job):
        key = (job.workload.key, job.impl.label, job.threads)
        if key in self.by_key:
            return self.by_key[key]
        same = self.by_workload.get(job.workload.key)
        if same:
            return sum(same) / len(same)
        return sum(self.all) / len(self.all) if self.all else 1.0

    def record(self, job, rec, remaining):
        self.done += 1
        wall = rec["wall"] or 0.0
        self.by_key[(job.workload.key, job.impl.label, job.threads)] = wall
        self.by_workload.setdefault(job.workload.key, []).append(wall)
        self.all.append(wall)
        left = sum(self.estimate(j) for j in remaining)
        status = f"{rec['seconds']:.3f}s" if rec["ok"] else "FAILED: " + (rec["error"] or "")
        width = len(str(self.total))
        print(f"[{self.done:{width}d}/{self.total}] {job.impl.label:<12} "
              f"{job.workload.key:<20} threads={job.threads:<3} rep {job.rep + 1}/"
              f"{self.repeat}  {status:<12} ~{fmt_duration(left)} left",
              file=self.out, flush=True)


def run_all(jobs, workloads_dir, pin=False, ncpu=1, out=sys.stdout, run=run_one):
    """Run the plan; return (records, failures, interrupted). After a failure, the remaining
    runs of that (impl, workload) are skipped and the failure is listed once. Ctrl-C stops
    the plan and returns what was measured so far."""
    records, failures, failed = [], [], set()
    progress = Progress(jobs, out)
    pending = list(jobs)
    while pending:
        job = pending.pop(0)
        key = (job.impl.label, job.workload.key)
        if key in failed:
            progress.total -= 1
            continue
        try:
            rec = run(job, workloads_dir, pin, ncpu)
        except KeyboardInterrupt:
            print("\nInterrupted: keeping the runs measured so far.", file=out, flush=True)
            return records, failures, True
        records.append(rec)
        if not rec["ok"]:
            failed.add(key)
            failures.append({"impl": job.impl.label, "workload": job.workload.key,
                             "group": job.workload.group, "compare": job.workload.compare,
                             "threads": job.threads, "size": job.size, "error": rec["error"]})
            skipped = sum(1 for j in pending if (j.impl.label, j.workload.key) == key)
            progress.total -= skipped
            pending = [j for j in pending if (j.impl.label, j.workload.key) != key]
        progress.record(job, rec, pending)
    return records, failures, False

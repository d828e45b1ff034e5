"""Experiments: TOML files in bench/experiments/, loaded and validated into plain objects.

An experiment names the workloads, the locking strategies, the thread counts, the sizes,
the repetitions and the reference interpreters:

    description = "what it shows"
    strategies = ["gil", "brc", "atomic"]       # build presets (build/<name>/ftpy)
    references = ["python3", "pypy3"]           # run when installed
    threads = "default"                         # 1..nproc and 2*nproc; or a list
    repeat = 3
    timeout = 120                               # seconds per run
    include = ["cpu", "io"]                     # workloads of other experiments

    [[workloads]]
    name = "intloop"             # bench/workloads/intloop.py
    size = 30000
    quick_size = 5000            # with --quick
    scaling = "weak"             # weak: SIZE per thread; strong: SIZE split over threads
    threads = [1, 2]             # optional; "default", "default+0" (0 = no worker threads)
    group = "cpu"                # report section; guessed from the name when absent
    compare = "intloop"          # processes vs threads: the threaded twin

Unknown keys are errors that name the file, the key and the keys allowed."""
import os
import tomllib
from dataclasses import dataclass, field

TOP_KEYS = {"description", "strategies", "references", "threads", "repeat", "timeout",
            "include", "workloads"}
WORKLOAD_KEYS = {"name", "size", "quick_size", "scaling", "threads", "group", "compare",
                 "timeout"}
GROUPS = ("cpu", "ftscaling", "contention", "memory", "gc", "io", "convoy", "procs", "asyncio",
          "workarounds")
SCALINGS = ("weak", "strong")

# Report sections read these groups; a workload without `group` gets one from its name.
_GROUP_BY_PREFIX = [("ft_", "ftscaling"), ("io_", "io"), ("convoy_proc", "procs"),
                    ("convoy", "convoy"), ("procs_", "procs"), ("async_", "asyncio"), ("gc_", "gc"),
                    ("shared_", "contention"), ("lock_", "contention"),
                    ("refcount_", "contention"), ("alloc_", "memory")]


class ExperimentError(Exception):
    """A bad experiment file: the message says which file, which key, what is allowed."""


@dataclass
class Workload:
    name: str
    size: int
    quick_size: int | None = None
    scaling: str = "weak"
    threads: list | None = None
    group: str = "cpu"
    compare: str | None = None
    timeout: float | None = None

    @property
    def key(self):
        """How results name it: the file name, with '-strong' for strong scaling, so one
        workload can be measured both ways."""
        return self.name + ("-strong" if self.scaling == "strong" else "")


@dataclass
class Experiment:
    name: str
    path: str
    description: str = ""
    strategies: list = field(default_factory=lambda: ["gil", "brc", "atomic"])
    references: list = field(default_factory=lambda: ["python3", "pypy3"])
    threads: list | None = None          # None: the default set
    repeat: int = 3
    timeout: float = 120.0
    workloads: list = field(default_factory=list)


def default_threads(ncpu, with_zero=False):
    """1..ncpu and 2*ncpu (and 0 first when asked)."""
    counts = sorted(set(range(1, ncpu + 1)) | {2 * ncpu})
    return ([0] if with_zero else []) + counts


def guess_group(name):
    for prefix, group in _GROUP_BY_PREFIX:
        if name.startswith(prefix):
            return group
    return "cpu"


def _threads_value(value, where, ncpu):
    if value == "default":
        return default_threads(ncpu)
    if value == "default+0":
        return default_threads(ncpu, with_zero=True)
    if (isinstance(value, list) and value
            and all(isinstance(t, int) and not isinstance(t, bool) and t >= 0 for t in value)):
        return sorted(set(value))
    raise ExperimentError(f"{where}: threads must be \"default\", \"default+0\" or a non-empty "
                          f"list of thread counts >= 0, not {value!r}")


def _check_keys(table, allowed, where):
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ExperimentError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} "
                              f"{', '.join(map(repr, unknown))}; allowed: "
                              f"{', '.join(sorted(allowed))}")


def _positive_int(value, where, key):
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ExperimentError(f"{where}: {key} must be a positive integer, not {value!r}")
    return value


def _string_list(value, where, key):
    if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
        raise ExperimentError(f"{where}: {key} must be a list of names, not {value!r}")
    return list(value)


def parse_workload(table, where, ncpu):
    if not isinstance(table, dict):
        raise ExperimentError(f"{where}: a workload must be a table ([[workloads]])")
    if "name" not in table or not isinstance(table["name"], str) or not table["name"]:
        raise ExperimentError(f"{where}: a workload needs a name (the file in bench/workloads/)")
    name = table["name"]
    where = f"{where} ({name})"
    _check_keys(table, WORKLOAD_KEYS, where)
    if "size" not in table:
        raise ExperimentError(f"{where}: a workload needs a size")
    w = Workload(name=name, size=_positive_int(table["size"], where, "size"))
    if "quick_size" in table:
        w.quick_size = _positive_int(table["quick_size"], where, "quick_size")
    w.scaling = table.get("scaling", "weak")
    if w.scaling not in SCALINGS:
        raise ExperimentError(f"{where}: scaling must be one of {', '.join(SCALINGS)}, "
                              f"not {w.scaling!r}")
    if "threads" in table:
        w.threads = _threads_value(table["threads"], where, ncpu)
    w.group = table.get("group", guess_group(name))
    if w.group not in GROUPS:
        raise ExperimentError(f"{where}: group must be one of {', '.join(GROUPS)}, "
                              f"not {w.group!r}")
    if "compare" in table:
        if not isinstance(table["compare"], str):
            raise ExperimentError(f"{where}: compare must be a workload name")
        w.compare = table["compare"]
    if "timeout" in table:
        if not isinstance(table["timeout"], (int, float)) or table["timeout"] <= 0:
            raise ExperimentError(f"{where}: timeout must be a positive number of seconds")
        w.timeout = float(table["timeout"])
    return w


def parse_experiment(data, name, path, ncpu, loader=None, _seen=()):
    """Validate the decoded TOML `data` of experiment `name` into an Experiment.
    `loader(name)` returns another experiment, for `include`."""
    where = path
    if os.path.isabs(path) and not os.path.relpath(path).startswith(".."):
        where = os.path.relpath(path)
    _check_keys(data, TOP_KEYS, where)
    exp = Experiment(name=name, path=path)
    if "description" in data:
        if not isinstance(data["description"], str):
            raise ExperimentError(f"{where}: description must be a string")
        exp.description = data["description"]
    if "strategies" in data:
        exp.strategies = _string_list(data["strategies"], where, "strategies")
    if "references" in data:
        exp.references = _string_list(data["references"], where, "references")
    if "threads" in data:
        exp.threads = _threads_value(data["threads"], where, ncpu)
    if "repeat" in data:
        exp.repeat = _positive_int(data["repeat"], where, "repeat")
    if "timeout" in data:
        if not isinstance(data["timeout"], (int, float)) or data["timeout"] <= 0:
            raise ExperimentError(f"{where}: timeout must be a positive number of seconds")
        exp.timeout = float(data["timeout"])
    included = []
    for other in _string_list(data.get("include", []), where, "include"):
        if loader is None:
            raise ExperimentError(f"{where}: include is not available here")
        if other in _seen or other == name:
            raise ExperimentError(f"{where}: include cycle through {other!r}")
        sub = loader(other, _seen + (name,))
        for w in sub.workloads:
            if w.threads is None and sub.threads is not None:
                w.threads = list(sub.threads)
            included.append(w)
    workloads = data.get("workloads", [])
    if not isinstance(workloads, list):
        raise ExperimentError(f"{where}: workloads must be an array of tables ([[workloads]])")
    seen = set()
    for i, table in enumerate(workloads):
        w = parse_workload(table, f"{where}: workloads[{i}]", ncpu)
        if w.key in seen:
            raise ExperimentError(f"{where}: workload {w.key!r} appears twice")
        seen.add(w.key)
        exp.workloads.append(w)
    for w in included:              # an included workload measured twice runs once
        if w.key not in seen:
            seen.add(w.key)
            exp.workloads.append(w)
    if not exp.workloads:
        raise ExperimentError(f"{where}: no workloads")
    return exp


def load(name_or_path, experiments_dir, ncpu, _seen=()):
    """Load an experiment by name (bench/experiments/<name>.toml) or by path."""
    if name_or_path.endswith(".toml") or os.sep in name_or_path:
        path = name_or_path
        name = os.path.splitext(os.path.basename(path))[0]
    else:
        name = name_or_path
        path = os.path.join(experiments_dir, name + ".toml")
    if not os.path.exists(path):
        known = ", ".join(available(experiments_dir)) or "none"
        raise ExperimentError(f"no experiment {name_or_path!r} (known: {known})")
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ExperimentError(f"{path}: not valid TOML: {e}") from None

    def loader(other, seen):
        return load(other, experiments_dir, ncpu, seen)
    return parse_experiment(data, name, path, ncpu, loader, _seen)


def available(experiments_dir):
    try:
        return sorted(f[:-5] for f in os.listdir(experiments_dir) if f.endswith(".toml"))
    except FileNotFoundError:
        return []


@dataclass
class Overrides:
    """Command-line changes to an experiment."""
    strategies: list | None = None
    threads: list | None = None
    repeat: int | None = None
    quick: bool = False
    refs: list = field(default_factory=list)


QUICK_THREADS = (0, 1, 2)


def plan_threads(exp, w, ncpu, ov):
    """The thread counts one workload runs with, after overrides."""
    counts = ov.threads or w.threads or exp.threads or default_threads(ncpu)
    if ov.quick and not ov.threads:
        counts = [t for t in counts if t in QUICK_THREADS] or [min(counts)]
    return counts


def plan_size(w, ov):
    return w.quick_size if ov.quick and w.quick_size else w.size


def plan_repeat(exp, ov):
    if ov.repeat:
        return ov.repeat
    return 1 if ov.quick else exp.repeat

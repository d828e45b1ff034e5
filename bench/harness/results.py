"""The results directory of one run of bench/run: bench/results/<date>-<experiment>/

    raw.json      every repetition (and every failure), the command, the machine, dates
    raw.csv       the same runs, one row each
    machine.json  CPU, cores, kernel, compiler, git commit, interpreters and build flags
    summary.json  the statistics (median, min-max, speedup, efficiency) per cell
    tables.md     the Markdown tables
    plots/        gnuplot PNG and SVG (with their data and scripts)"""
import csv
import datetime
import json
import os

from . import stats

CSV_COLUMNS = ["experiment", "impl", "kind", "workload", "group", "scaling", "threads", "size",
               "work", "rep", "ok", "seconds", "wall", "error"]


def new_dir(results_root, experiment, now=None):
    now = now or datetime.datetime.now(datetime.timezone.utc)
    base = os.path.join(results_root, now.strftime("%Y-%m-%d-%H%M%S") + "-" + experiment)
    path, i = base, 1
    while os.path.exists(path):
        i += 1
        path = f"{base}.{i}"
    os.makedirs(path)
    return path


def write_json(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")
    os.replace(tmp, path)


def write_csv(path, records, experiment=""):
    extra = stats.numeric_fields(records)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS + extra)
        for r in records:
            row = [experiment] + [r.get(c) for c in CSV_COLUMNS[1:]]
            row += [r.get("fields", {}).get(k) for k in extra]
            w.writerow(["" if v is None else v for v in row])


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def write_all(path, run_info, records, failures, machine, rows, tables_md):
    """Write every file of a results directory (plots are written by plots.py)."""
    write_json(os.path.join(path, "raw.json"), dict(run_info, machine=machine, runs=records,
                                                    failures=failures))
    write_csv(os.path.join(path, "raw.csv"), records, run_info.get("experiment", ""))
    write_json(os.path.join(path, "machine.json"), machine)
    write_json(os.path.join(path, "summary.json"), rows)
    with open(os.path.join(path, "tables.md"), "w") as f:
        f.write(tables_md)


def load(path):
    """A results directory's raw.json, or None when it is missing or unreadable."""
    try:
        with open(os.path.join(path, "raw.json")) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    data["path"] = path
    return data


def all_dirs(results_root):
    """Results directories, newest first (names start with the UTC date and time)."""
    try:
        names = [n for n in os.listdir(results_root)
                 if os.path.isfile(os.path.join(results_root, n, "raw.json"))]
    except FileNotFoundError:
        return []
    return [os.path.join(results_root, n) for n in sorted(names, reverse=True)]

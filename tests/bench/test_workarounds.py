"""GIL workarounds (threads vs processes vs asyncio): the families of twins, the
RESULTS.md section generated from a results directory, its plot data, and the shipped
experiment's like-with-like sizes."""
import os
import tempfile
import unittest

import synthetic
from harness import experiments, plots, report, results, stats

EXPECTED = """\
_Measured with `bench/run workarounds` on 2026-11-25 01:00 UTC; Test CPU (2 cores), Linux 6.1, \
commit abc; references: cpython3.11 (3.11.7). Raw data: \
`bench/results/2026-11-25-010000-workarounds/`._

Throughput with 2 workers (threads, processes or asyncio tasks), relative to one thread of \
the threaded workload on the same implementation; higher is better, **bold** is the best way \
for that implementation:

| work | approach | gil | brc | cpython3.11 |
| --- | --- | ---: | ---: | ---: |
| CPU-bound: intloop | threads (intloop) | 1.00× | **1.90×** | – |
|  | processes (procs_intloop) | **1.73×** | 1.82× | – |
|  | asyncio (async_cpu) | 1.00× | 1.00× | – |
| I/O-bound: io_tcp_echo | threads (io_tcp_echo) | **2.00×** | **2.00×** | – |
|  | asyncio (async_echo) | – | **2.00×** | – |
| Native work (releases the lock): native_zlib | threads (native_zlib) | – | **2.00×** | – |
|  | processes (procs_zlib) | – | 1.80× | – |

![threads vs processes vs asyncio](bench/results/2026-11-25-010000-workarounds/plots/\
workarounds.png)

CPU-bound, intloop vs procs_intloop vs async_cpu — relative throughput (median time):

| workers | approach | gil | brc | cpython3.11 |
| ---: | --- | ---: | ---: | ---: |
| 1 | threads (intloop) | 1.00× (1.00 s) | 1.00× (1.00 s) | – |
| 1 | processes (procs_intloop) | 0.91× (1.10 s) | 0.91× (1.10 s) | – |
| 1 | asyncio (async_cpu) | 1.00× (1.00 s) | 1.00× (1.00 s) | – |
| 2 | threads (intloop) | 1.00× (2.00 s) | 1.90× (1.05 s) | – |
| 2 | processes (procs_intloop) | 1.73× (1.16 s) | 1.82× (1.10 s) | – |
| 2 | asyncio (async_cpu) | 1.00× (2.00 s) | 1.00× (2.00 s) | – |

I/O-bound, io_tcp_echo vs async_echo — relative throughput, requests per second, p99 latency:

| workers | approach | gil | brc | cpython3.11 |
| ---: | --- | ---: | ---: | ---: |
| 1 | threads (io_tcp_echo) | 1.00×, 2.00k/s, p99 0.750 ms | 1.00×, 2.00k/s, p99 0.750 ms | – |
| 1 | asyncio (async_echo) | – | 1.00×, 2.00k/s, p99 0.750 ms | –, 4.00k/s, p99 0.500 ms |
| 2 | threads (io_tcp_echo) | 2.00×, 4.00k/s, p99 1.5 ms | 2.00×, 4.00k/s, p99 1.5 ms | – |
| 2 | asyncio (async_echo) | – | 2.00×, 4.00k/s, p99 1.5 ms | – |

Native work (releases the lock), native_zlib vs procs_zlib — relative throughput (median time):

| workers | approach | gil | brc | cpython3.11 |
| ---: | --- | ---: | ---: | ---: |
| 1 | threads (native_zlib) | – | 1.00× (400.0 ms) | – |
| 1 | processes (procs_zlib) | – | 0.89× (450.0 ms) | – |
| 2 | threads (native_zlib) | – | 2.00× (400.0 ms) | – |
| 2 | processes (procs_zlib) | – | 1.80× (444.4 ms) | – |

Not measured (the run failed, so the workload was skipped):

- async_echo on gil (1 thread): exit 1: ModuleNotFoundError: No module named 'asyncio'
"""

INFO = {"experiment": "workarounds", "command": "bench/run workarounds",
        "started": "2026-11-25 01:00 UTC", "quick": False,
        "impls": [{"label": "gil", "kind": "ftpy"}, {"label": "brc", "kind": "ftpy"},
                  {"label": "cpython3.11", "kind": "ref", "version": "3.11.7"}],
        "builds": {}, "plots": {"workarounds:all": "workarounds"}}
MACHINE = {"cpu": "Test CPU", "cores": 2, "kernel": "6.1", "git_commit": "abc"}


def write_results(root, name, info, records, failures=()):
    """A results directory as bench/run writes it, under root/bench/results/."""
    d = os.path.join(root, "bench", "results", name)
    os.makedirs(d)
    rows = stats.summarize(records)
    results.write_all(d, info, records, list(failures), MACHINE, rows, "")
    return d


class Section(unittest.TestCase):
    def test_section_from_a_results_directory(self):
        with tempfile.TemporaryDirectory() as root:
            write_results(root, "2026-11-25-010000-workarounds", INFO,
                          synthetic.workarounds_records(), synthetic.workarounds_failures())
            sources = report.load_sources(os.path.join(root, "bench", "results"), root)
            self.maxDiff = None
            self.assertEqual(report.section_text("workarounds", sources), EXPECTED)

    def test_picks_the_newest_run_with_asyncio_not_a_procs_only_run(self):
        with tempfile.TemporaryDirectory() as root:
            write_results(root, "2026-11-25-010000-workarounds", INFO,
                          synthetic.workarounds_records())
            procs = [synthetic.record("gil", "procs_intloop", 2, 1.0, group="procs",
                                      compare="intloop"),
                     synthetic.record("gil", "intloop", 2, 2.0)]
            write_results(root, "2026-11-26-000000-procs", dict(INFO, experiment="procs"),
                          procs)
            sources = report.load_sources(os.path.join(root, "bench", "results"), root)
            text = report.section_text("workarounds", sources)
            self.assertIn("2026-11-25-010000-workarounds", text)
            # ... while the processes section takes the newer procs run
            self.assertIn("2026-11-26-000000-procs", report.section_text("processes", sources))

    def test_a_workarounds_run_feeds_no_other_section(self):
        """bench/run workarounds puts every workload in group "workarounds": a newer run of
        it must not replace the cpu, io, processes or summary sections' data."""
        recs = [dict(r, group="workarounds") for r in synthetic.workarounds_records()]
        with tempfile.TemporaryDirectory() as root:
            write_results(root, "2026-11-20-000000-cpu", dict(INFO, experiment="cpu"),
                          synthetic.cpu_records())
            write_results(root, "2026-11-25-010000-workarounds", INFO, recs)
            sources = report.load_sources(os.path.join(root, "bench", "results"), root)
            self.assertIn("2026-11-25-010000-workarounds",
                          report.section_text("workarounds", sources))
            for sid in ("cpu-scaling", "single-thread"):
                self.assertIn("2026-11-20-000000-cpu", report.section_text(sid, sources))
            self.assertIn("Not measured yet", report.section_text("processes", sources))
            self.assertIn("2026-11-20-000000-cpu", report.summary(sources))

    def test_not_measured(self):
        self.assertIn("Not measured yet: run `bench/run workarounds`",
                      report.section_text("workarounds", []))

    def test_section_follows_processes_in_results_md(self):
        ids = [sid for sid, *_ in report.SECTIONS]
        self.assertEqual(ids.index("workarounds"), ids.index("processes") + 1)
        path = os.path.join(synthetic.ROOT, "RESULTS.md")
        with open(path) as f:
            text = f.read()
        begin = text.index("<!-- bench:begin workarounds -->")
        self.assertLess(text.index("<!-- bench:end processes -->"), begin)
        self.assertLess(begin, text.index("<!-- bench:end workarounds -->"))

    def test_regenerating_a_copy_keeps_the_rest(self):
        with open(os.path.join(synthetic.ROOT, "RESULTS.md")) as f:
            text = f.read()
        out = report.regenerate(text, {"workarounds": "GENERATED\n"})
        begin, end = "<!-- bench:begin workarounds -->", "<!-- bench:end workarounds -->"
        self.assertIn(f"{begin}\nGENERATED\n{end}", out)
        self.assertEqual(out[:out.index(begin)], text[:text.index(begin)])
        self.assertEqual(out[out.index(end):], text[text.index(end):])


class Families(unittest.TestCase):
    def test_families_and_order(self):
        rows = stats.summarize(synthetic.workarounds_records())
        fams = stats.families(rows, synthetic.workarounds_failures())
        self.assertEqual(fams, [
            ("intloop", "CPU-bound", ["intloop", "procs_intloop", "async_cpu"]),
            ("io_tcp_echo", "I/O-bound", ["io_tcp_echo", "async_echo"]),
            ("native_zlib", "Native work (releases the lock)", ["native_zlib", "procs_zlib"])])

    def test_a_twin_that_failed_everywhere_is_still_listed(self):
        recs = [synthetic.record("gil", "io_sleep", 1, 0.3, group="io")]
        fail = {"impl": "gil", "workload": "async_sleep", "group": "asyncio",
                "compare": "io_sleep", "threads": 1, "error": "boom"}
        rows = stats.summarize(recs)
        self.assertEqual(stats.families(rows, [fail]),
                         [("io_sleep", "I/O-bound", ["io_sleep", "async_sleep"])])
        self.assertEqual(stats.families(rows), [])

    def test_approach_and_comparison_workers(self):
        self.assertEqual([stats.approach_of(w) for w in ("intloop", "procs_hash", "async_echo")],
                         ["threads", "processes", "asyncio"])
        rows = [{"threads": t} for t in (1, 2, 4)]
        self.assertEqual(stats.comparison_workers(rows, 2), 2)
        self.assertEqual(stats.comparison_workers(rows, 8), 4)
        self.assertEqual(stats.comparison_workers(rows, None), 4)
        self.assertEqual(stats.comparison_workers([{"threads": 1}, {"threads": 4}], 2), 4)
        self.assertEqual(stats.comparison_workers([{"threads": 1}], 2), 1)
        self.assertIsNone(stats.comparison_workers([{"threads": 0}], 2))


class Plot(unittest.TestCase):
    def test_data_of_the_bars(self):
        rows = stats.summarize(synthetic.workarounds_records())
        with tempfile.TemporaryDirectory() as d:
            base = plots.workarounds(rows, d, warn=lambda m: None, ncpu=2)
            with open(os.path.join(d, "workarounds.dat")) as f:
                dat = f.read()
            with open(os.path.join(d, "workarounds.gp")) as f:
                gp = f.read()
            if plots.available():
                self.assertEqual(base, "workarounds")
                self.assertTrue(os.path.exists(os.path.join(d, "workarounds.png")))
        blocks = dat.split("\n\n\n")
        self.assertEqual(len(blocks), 3)
        self.assertEqual(blocks[0].splitlines(), [
            "# CPU-bound: intloop; columns: implementation threads processes asyncio",
            '"gil" 1 1.727 1', '"brc" 1.9 1.818 1', '"cpython3.11" NaN NaN NaN'])
        self.assertIn('"brc" 2 NaN 2', blocks[1])           # no processes twin
        self.assertIn('newhistogram "intloop"', gp)
        self.assertIn("throughput with 2 workers", gp)

    def test_no_plot_without_twins(self):
        rows = stats.summarize(synthetic.cpu_records())
        with tempfile.TemporaryDirectory() as d:
            self.assertIsNone(plots.workarounds(rows, d, warn=lambda m: None, ncpu=2))


class Experiment(unittest.TestCase):
    DIR = os.path.join(synthetic.ROOT, "bench", "experiments")

    def test_asyncio_group(self):
        self.assertEqual(experiments.guess_group("async_echo"), "asyncio")
        self.assertEqual(experiments.guess_group("procs_zlib"), "procs")

    def test_twins_match_their_base(self):
        """Like with like: in every shipped experiment (`all` included, where a workload
        shared by two experiments runs once) a twin has its base's sizes, and its base is
        measured at every worker count of the twin."""
        for name in experiments.available(self.DIR):
            e = experiments.load(name, self.DIR, 2)
            by_key = {w.key: w for w in e.workloads}
            for w in e.workloads:
                if not w.compare:
                    continue
                with self.subTest(experiment=name, workload=w.key):
                    b = by_key.get(w.compare)
                    self.assertIsNotNone(b, f"{w.compare} is not in {name}")
                    self.assertEqual((w.size, w.quick_size), (b.size, b.quick_size))
                    ov = experiments.Overrides()
                    self.assertLessEqual(set(experiments.plan_threads(e, w, 2, ov)),
                                         set(experiments.plan_threads(e, b, 2, ov)))

    def test_workarounds_experiment(self):
        e = experiments.load("workarounds", self.DIR, 2)
        self.assertEqual({w.group for w in e.workloads}, {"workarounds"})
        self.assertEqual(e.strategies, ["gil", "gil-legacy", "brc", "atomic"])
        self.assertEqual(e.references, ["python3"])
        keys = [w.key for w in e.workloads]
        for w in ("intloop", "procs_intloop", "async_cpu", "io_tcp_echo", "async_echo",
                  "io_sleep", "async_sleep", "native_zlib", "procs_zlib", "native_hash",
                  "procs_hash"):
            self.assertIn(w, keys)
        self.assertIn("workarounds", [w for w in experiments.available(self.DIR)])
        self.assertTrue(set(keys) <= {w.key for w in experiments.load("all", self.DIR, 2)
                                      .workloads})


if __name__ == "__main__":
    unittest.main()

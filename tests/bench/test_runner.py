"""Running: a failing workload is recorded and skipped for that implementation, never a
crash; progress and estimates. Uses tiny fake workload scripts run by this python3."""
import io
import os
import sys
import tempfile
import unittest

import synthetic  # noqa: F401
from harness import experiments, runner


def fake_jobs(impls, workloads, threads=(1, 2), repeat=2):
    exp = experiments.Experiment(name="t", path="t.toml", threads=list(threads), repeat=repeat,
                                 timeout=10)
    exp.workloads = [experiments.Workload(w, 10) for w in workloads]
    return runner.plan(exp, impls, 2, experiments.Overrides(), experiments.plan_threads,
                       experiments.plan_size, experiments.plan_repeat)


class RunAll(unittest.TestCase):
    def test_failure_skips_the_rest_of_that_pair_only(self):
        impls = [runner.Impl("gil", "ftpy", "/gil"), runner.Impl("brc", "ftpy", "/brc")]
        jobs = fake_jobs(impls, ["fib", "io_tcp_echo"])

        def fake_run(job, wdir, pin, ncpu):
            ok = not (job.impl.label == "brc" and job.workload.name == "io_tcp_echo")
            return {"impl": job.impl.label, "workload": job.workload.key, "ok": ok,
                    "seconds": 0.1 if ok else None, "wall": 0.1, "threads": job.threads,
                    "error": None if ok else "exit 1: no socket"}

        out = io.StringIO()
        records, failures, interrupted = runner.run_all(jobs, "/w", out=out, run=fake_run)
        self.assertFalse(interrupted)
        self.assertEqual(len(failures), 1)
        self.assertEqual(failures[0]["error"], "exit 1: no socket")
        brc_io = [r for r in records if r["impl"] == "brc" and r["workload"] == "io_tcp_echo"]
        self.assertEqual(len(brc_io), 1)            # the rest were skipped
        self.assertEqual(len(records), len(jobs) - 3)
        self.assertIn("FAILED: exit 1: no socket", out.getvalue())
        last = out.getvalue().strip().splitlines()[-1]
        self.assertIn(f"[{len(records)}/{len(records)}]", last)

    def test_interrupt_keeps_what_was_measured(self):
        jobs = fake_jobs([runner.Impl("gil", "ftpy", "/gil")], ["fib"])
        calls = []

        def fake_run(job, *a):
            if calls:
                raise KeyboardInterrupt
            calls.append(job)
            return {"impl": "gil", "workload": "fib", "ok": True, "seconds": 0.1, "wall": 0.1,
                    "threads": job.threads, "error": None}

        records, failures, interrupted = runner.run_all(jobs, "/w", out=io.StringIO(),
                                                        run=fake_run)
        self.assertTrue(interrupted)
        self.assertEqual(len(records), 1)

    def test_duration_format(self):
        self.assertEqual(runner.fmt_duration(5), "5s")
        self.assertEqual(runner.fmt_duration(125), "2m05s")
        self.assertEqual(runner.fmt_duration(3700), "1h01m")


class RunOne(unittest.TestCase):
    """run_one with scripts standing in for workloads (this python3 as the interpreter)."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.impl = runner.Impl("py", "ref", sys.executable)

    def tearDown(self):
        self.tmp.cleanup()

    def job(self, name, text, timeout=10):
        with open(os.path.join(self.dir, name + ".py"), "w") as f:
            f.write(text)
        w = experiments.Workload(name, 5)
        return runner.Job(self.impl, w, 2, 5, 0, timeout)

    def test_good(self):
        j = self.job("good", "import sys\nprint('noise')\nprint('{\"workload\": \"good\", "
                             "\"seconds\": 0.5, \"threads\": %s}' % sys.argv[1])\n")
        rec = runner.run_one(j, self.dir)
        self.assertTrue(rec["ok"], rec["error"])
        self.assertEqual(rec["seconds"], 0.5)
        self.assertEqual(rec["fields"]["threads"], 2)
        self.assertEqual(rec["work"], 10)

    def test_exception(self):
        rec = runner.run_one(self.job("bad", "import socketz\n"), self.dir)
        self.assertFalse(rec["ok"])
        self.assertRegex(rec["error"], r"^exit 1: ModuleNotFoundError: No module named 'socketz'")

    def test_garbage(self):
        rec = runner.run_one(self.job("garbage", "print('hello')\n"), self.dir)
        self.assertFalse(rec["ok"])
        self.assertEqual(rec["error"], "no JSON line in the output")

    def test_timeout(self):
        rec = runner.run_one(self.job("slow", "import time\ntime.sleep(5)\n", timeout=0.3),
                             self.dir)
        self.assertFalse(rec["ok"])
        self.assertEqual(rec["error"], "timeout after 0.3 s")

    def test_missing_workload_file(self):
        j = runner.Job(self.impl, experiments.Workload("gc_cycles", 5), 1, 5, 0, 10)
        rec = runner.run_one(j, self.dir)
        self.assertFalse(rec["ok"])
        self.assertIn("no workload file", rec["error"])

    def test_pinning_command(self):
        j = runner.Job(self.impl, experiments.Workload("fib", 5), 4, 5, 0, 10)
        cmd = runner.command(j, "/w", True, 2)
        if cmd[0] == "taskset":
            first_two = ",".join(map(str, runner.usable_cpus()[:2]))
            self.assertEqual(cmd[:3], ["taskset", "-c", first_two])
        self.assertEqual(cmd[-4:], [sys.executable, "/w/fib.py", "4", "5"])

    def test_probe_reference(self):
        impl = runner.probe_reference(sys.executable)
        self.assertEqual(impl.kind, "ref")
        self.assertTrue(impl.label.startswith(sys.implementation.name))
        self.assertIsNone(runner.probe_reference("/no/such/python"))


if __name__ == "__main__":
    unittest.main()

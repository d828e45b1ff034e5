"""Experiment TOML loading and validation: clear errors for unknown keys and bad values."""
import os
import tempfile
import textwrap
import unittest

import synthetic
from harness import experiments, runner
from harness.experiments import ExperimentError


class Files(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        with open(os.path.join(self.dir, name + ".toml"), "w") as f:
            f.write(textwrap.dedent(text))

    def load(self, name, ncpu=2):
        return experiments.load(name, self.dir, ncpu)


class Loading(Files):
    def test_full_experiment(self):
        self.write("e", """
            description = "d"
            strategies = ["gil", "brc"]
            references = ["python3"]
            threads = [1, 2]
            repeat = 2
            timeout = 30
            [[workloads]]
            name = "intloop"
            size = 100
            quick_size = 10
            [[workloads]]
            name = "io_sleep"
            size = 5
            scaling = "strong"
            threads = "default+0"
            timeout = 9
            """)
        e = self.load("e")
        self.assertEqual(e.strategies, ["gil", "brc"])
        self.assertEqual(e.threads, [1, 2])
        self.assertEqual(e.repeat, 2)
        w1, w2 = e.workloads
        self.assertEqual((w1.name, w1.size, w1.quick_size, w1.scaling, w1.group),
                         ("intloop", 100, 10, "weak", "cpu"))
        self.assertEqual((w2.group, w2.scaling, w2.key, w2.threads, w2.timeout),
                         ("io", "strong", "io_sleep-strong", [0, 1, 2, 4], 9.0))

    def test_defaults(self):
        self.write("e", '[[workloads]]\nname = "fib"\nsize = 20\n')
        e = self.load("e")
        self.assertEqual(e.strategies, ["gil", "brc", "atomic"])
        self.assertEqual(e.repeat, 3)
        self.assertIsNone(e.threads)

    def test_default_threads(self):
        self.assertEqual(experiments.default_threads(2), [1, 2, 4])
        self.assertEqual(experiments.default_threads(4), [1, 2, 3, 4, 8])
        self.assertEqual(experiments.default_threads(1, with_zero=True), [0, 1, 2])

    def test_include_merges_and_runs_a_shared_workload_once(self):
        self.write("a", '[[workloads]]\nname = "fib"\nsize = 20\n'
                        '[[workloads]]\nname = "intloop"\nsize = 5\n')
        self.write("b", 'threads = [1, 2]\n[[workloads]]\nname = "fib"\nsize = 99\n'
                        '[[workloads]]\nname = "fib"\nscaling = "strong"\nsize = 7\n')
        self.write("all", 'include = ["a", "b"]\nrepeat = 1\n')
        e = self.load("all")
        self.assertEqual([w.key for w in e.workloads], ["fib", "intloop", "fib-strong"])
        self.assertEqual(e.workloads[0].size, 20)
        self.assertEqual(e.workloads[2].threads, [1, 2])   # from b's top level

    def test_the_shipped_experiments_load(self):
        d = os.path.join(synthetic.ROOT, "bench", "experiments")
        names = experiments.available(d)
        self.assertIn("default", names)
        self.assertIn("all", names)
        for name in names:
            with self.subTest(name=name):
                e = experiments.load(name, d, 2)
                self.assertTrue(e.workloads)
                for w in e.workloads:
                    self.assertTrue(os.path.exists(os.path.join(
                        synthetic.ROOT, "bench", "workloads", w.name + ".py"))
                        or w.name.startswith("gc_"), w.name)


class Errors(Files):
    def check(self, text, pattern):
        self.write("bad", text)
        with self.assertRaisesRegex(ExperimentError, pattern):
            self.load("bad")

    def test_unknown_top_key(self):
        self.check('repeats = 3\n[[workloads]]\nname = "fib"\nsize = 1\n',
                   r"bad\.toml: unknown key 'repeats'; allowed: .*repeat")

    def test_unknown_workload_key(self):
        self.check('[[workloads]]\nname = "fib"\nsize = 1\nsise = 2\n',
                   r"workloads\[0\] \(fib\): unknown key 'sise'; allowed: .*size")

    def test_missing_name_and_size(self):
        self.check('[[workloads]]\nsize = 1\n', "needs a name")
        self.check('[[workloads]]\nname = "fib"\n', "needs a size")

    def test_bad_values(self):
        self.check('repeat = 0\n[[workloads]]\nname = "fib"\nsize = 1\n', "repeat must be")
        self.check('threads = [1, -2]\n[[workloads]]\nname = "fib"\nsize = 1\n', "threads must")
        self.check('threads = "many"\n[[workloads]]\nname = "fib"\nsize = 1\n', "threads must")
        self.check('[[workloads]]\nname = "fib"\nsize = 1\nscaling = "linear"\n', "scaling must")
        self.check('[[workloads]]\nname = "fib"\nsize = 1\ngroup = "misc"\n', "group must")
        self.check('strategies = "gil"\n[[workloads]]\nname = "fib"\nsize = 1\n',
                   "strategies must be a list")
        self.check('[[workloads]]\nname = "fib"\nsize = 1.5\n', "size must be a positive")

    def test_no_workloads(self):
        self.check('description = "empty"\n', "no workloads")

    def test_duplicate(self):
        self.check('[[workloads]]\nname = "fib"\nsize = 1\n[[workloads]]\nname = "fib"\n'
                   'size = 2\n', "'fib' appears twice")

    def test_not_toml(self):
        self.check('[[workloads]\n', "not valid TOML")

    def test_unknown_experiment(self):
        self.write("known", '[[workloads]]\nname = "fib"\nsize = 1\n')
        with self.assertRaisesRegex(ExperimentError, r"no experiment 'nope' \(known: known\)"):
            self.load("nope")

    def test_include_cycle(self):
        self.write("x", 'include = ["y"]\n')
        self.write("y", 'include = ["x"]\n')
        with self.assertRaisesRegex(ExperimentError, "include cycle"):
            self.load("x")


class Planning(unittest.TestCase):
    def exp(self):
        e = experiments.Experiment(name="e", path="e.toml", threads=[1, 2, 4], repeat=3)
        e.workloads = [experiments.Workload("intloop", 1000, quick_size=10),
                       experiments.Workload("intloop", 1000, scaling="strong"),
                       experiments.Workload("convoy", 50, threads=[0, 1, 2, 4])]
        return e

    def test_quick(self):
        e, ov = self.exp(), experiments.Overrides(quick=True)
        self.assertEqual(experiments.plan_threads(e, e.workloads[0], 2, ov), [1, 2])
        self.assertEqual(experiments.plan_threads(e, e.workloads[2], 2, ov), [0, 1, 2])
        self.assertEqual(experiments.plan_size(e.workloads[0], ov), 10)
        self.assertEqual(experiments.plan_size(e.workloads[1], ov), 1000)
        self.assertEqual(experiments.plan_repeat(e, ov), 1)

    def test_command_line_overrides(self):
        e = self.exp()
        ov = experiments.Overrides(threads=[3], repeat=7, quick=True)
        self.assertEqual(experiments.plan_threads(e, e.workloads[2], 2, ov), [3])
        self.assertEqual(experiments.plan_repeat(e, ov), 7)

    def test_plan_order_and_strong_sizes(self):
        e = self.exp()
        impls = [runner.Impl("gil", "ftpy", "/x"), runner.Impl("brc", "ftpy", "/y")]
        jobs = runner.plan(e, impls, 2, experiments.Overrides(), experiments.plan_threads,
                           experiments.plan_size, experiments.plan_repeat)
        self.assertEqual(len(jobs), 3 * (3 + 3 + 4) * 2)
        self.assertEqual([j.rep for j in jobs[:20]], [0] * 20)     # repetitions outermost
        strong = [(j.threads, j.size) for j in jobs
                  if j.workload.scaling == "strong" and j.impl.label == "gil" and j.rep == 0]
        self.assertEqual(strong, [(1, 1000), (2, 500), (4, 250)])


if __name__ == "__main__":
    unittest.main()

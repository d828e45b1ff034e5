"""The command line: options, --list, errors, --report, dependency messages."""
import io
import os
import tempfile
import unittest
from unittest import mock

import synthetic
from harness import cli, deps, results


class CommandLine(unittest.TestCase):
    def test_options(self):
        a = cli.parser().parse_args(["cpu", "--strategies", "gil,brc", "--threads", "1,2,8",
                                     "--repeat", "2", "--quick", "--pin", "--ref", "/a/python",
                                     "--ref", "pypy3", "--no-build"])
        self.assertEqual((a.experiment, a.strategies, a.threads, a.repeat),
                         ("cpu", ["gil", "brc"], [1, 2, 8], 2))
        self.assertTrue(a.quick and a.pin and a.no_build)
        self.assertEqual(a.ref, ["/a/python", "pypy3"])
        self.assertEqual(cli.parser().parse_args([]).experiment, "default")

    def test_bad_thread_list(self):
        with mock.patch("sys.stderr", io.StringIO()), self.assertRaises(SystemExit):
            cli.parser().parse_args(["--threads", "1,x"])

    def test_list(self):
        out = io.StringIO()
        self.assertEqual(cli.main(["--list"], out=out), 0)
        text = out.getvalue()
        self.assertIn("default", text)
        self.assertIn("intloop-strong", text)
        self.assertIn("io_tcp_echo", text)

    def test_unknown_experiment(self):
        err = io.StringIO()
        with mock.patch("sys.stderr", err):
            self.assertEqual(cli.main(["no-such-experiment", "--no-build"], out=io.StringIO()), 2)
        self.assertIn("no experiment 'no-such-experiment'", err.getvalue())

    def test_report_without_results(self):
        with tempfile.TemporaryDirectory() as d:
            out = io.StringIO()
            rc = cli.main(["--report", "--results", d, "--results-md",
                           os.path.join(d, "R.md")], out=out)
            self.assertEqual(rc, 1)
            self.assertIn("No results", out.getvalue())

    def test_report_from_results(self):
        with tempfile.TemporaryDirectory() as d:
            path = results.new_dir(d, "default")
            results.write_all(path, {"experiment": "default", "command": "bench/run"},
                              synthetic.cpu_records(), [], {"cpu": "X", "cores": 2}, [], "")
            md = os.path.join(d, "R.md")
            with open(md, "w") as f:
                f.write("# Results\n\nMine.\n")
            self.assertEqual(cli.main(["--report", "--results", d, "--results-md", md],
                                      out=io.StringIO()), 0)
            with open(md) as f:
                text = f.read()
            self.assertIn("Mine.", text)
            self.assertIn("<!-- bench:begin cpu-scaling -->", text)


class Deps(unittest.TestCase):
    def test_not_root_prints_the_command(self):
        msgs = []
        with mock.patch.object(deps, "missing", return_value=["gnuplot-nox", "libck-dev"]), \
                mock.patch("os.geteuid", return_value=1000):
            self.assertFalse(deps.ensure(log=msgs.append))
        self.assertEqual(msgs, ["Missing Debian packages. Run as root:  "
                                "apt-get install -y gnuplot-nox libck-dev"])

    def test_nothing_missing(self):
        with mock.patch.object(deps, "missing", return_value=[]):
            self.assertTrue(deps.ensure(log=self.fail))

    def test_package_list(self):
        for p in ("cmake", "ninja-build", "ccache", "libjemalloc-dev", "libck-dev",
                  "libcriterion-dev", "gnuplot-nox"):
            self.assertIn(p, deps.PACKAGES)


if __name__ == "__main__":
    unittest.main()


class Build(unittest.TestCase):
    def test_preset_commands(self):
        from harness import build
        cmds = build.build_commands(synthetic.ROOT, "brc", jobs=2)
        self.assertEqual(cmds, [["cmake", "--preset", "brc"],
                                ["cmake", "--build", "--preset", "brc", "--target", "ftpy",
                                 "--parallel", "2"]])

    def test_strategy_without_preset(self):
        from harness import build
        cmds = build.build_commands(synthetic.ROOT, "spinlock-test")
        self.assertIn("-DFTPY_LOCKING=spinlock-test", cmds[0])
        self.assertEqual(cmds[1][:3], ["cmake", "--build", os.path.join("build", "spinlock-test")])
        self.assertEqual(build.binary("/r", "brc"), "/r/build/brc/ftpy")
        self.assertEqual(build.binary("/r", "brc", "/b"), "/b/brc/ftpy")

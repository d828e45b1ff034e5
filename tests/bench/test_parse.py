"""The driver's parsing of workload output: good lines, garbage, errors."""
import json
import unittest

import synthetic  # noqa: F401  (import path)
from harness import runner

GOOD = ('{"workload": "fib", "impl": "ftpy", "locking": "brc", "threads": 2, "size": 25, '
        '"seconds": 0.25, "result": 75025}')


class ParseOutput(unittest.TestCase):
    def test_good_line(self):
        obj = runner.parse_output(GOOD + "\n")
        self.assertEqual(obj["workload"], "fib")
        self.assertEqual(obj["seconds"], 0.25)
        self.assertEqual(obj["locking"], "brc")

    def test_garbage_around_the_line_is_ignored(self):
        out = "warming up\n{not json\n" + GOOD + "\nbye\n"
        self.assertEqual(runner.parse_output(out)["result"], 75025)

    def test_last_good_line_wins(self):
        first = GOOD.replace("0.25", "9.0")
        self.assertEqual(runner.parse_output(first + "\n" + GOOD)["seconds"], 0.25)

    def test_extra_fields_are_kept(self):
        line = GOOD[:-1] + ', "latency_p99_ms": 1.5, "ops_per_second": 1000.0}'
        obj = runner.parse_output(line)
        self.assertEqual(obj["latency_p99_ms"], 1.5)

    def test_no_json_line(self):
        with self.assertRaisesRegex(runner.OutputError, "no JSON line"):
            runner.parse_output("Segmentation fault\n")

    def test_empty_output(self):
        with self.assertRaises(runner.OutputError):
            runner.parse_output("")

    def test_broken_json(self):
        with self.assertRaisesRegex(runner.OutputError, "unparsable"):
            runner.parse_output('{"workload": "fib", "seconds": 0.1, "result": (1, 2)}')

    def test_missing_seconds(self):
        with self.assertRaisesRegex(runner.OutputError, "without seconds"):
            runner.parse_output('{"workload": "fib"}')

    def test_seconds_must_be_a_number(self):
        for bad in ('"fast"', "-1", "true", "null"):
            with self.subTest(bad=bad), self.assertRaises(runner.OutputError):
                runner.parse_output('{"workload": "fib", "seconds": %s}' % bad)

    def test_json_array_is_not_a_result(self):
        with self.assertRaises(runner.OutputError):
            runner.parse_output("[1, 2, 3]")


class ErrorSummary(unittest.TestCase):
    def test_last_stderr_line(self):
        err = ("Traceback (most recent call last):\n  File \"io_tcp_echo.py\", line 5\n"
               "ModuleNotFoundError: No module named 'socket'\n")
        self.assertEqual(runner.error_summary(1, "", err),
                         "exit 1: ModuleNotFoundError: No module named 'socket'")

    def test_signal(self):
        self.assertEqual(runner.error_summary(-11, "", ""), "killed by signal 11")

    def test_no_stderr_uses_stdout(self):
        self.assertEqual(runner.error_summary(2, "oops\n", ""), "exit 2: oops")


class WorkloadJson(unittest.TestCase):
    """_common.to_json writes what the driver's json.loads reads (ftpy has no json yet)."""

    def test_round_trip(self):
        import _common
        value = {"workload": "x", "n": 3, "f": 0.1, "neg": -2.5e-7, "none": None, "t": True,
                 "f2": False, "s": 'quote " backslash \\ tab \t é', "l": [1, (2, 3)],
                 "nan": float("nan")}
        back = json.loads(_common.to_json(value))
        self.assertEqual(back["s"], value["s"])
        self.assertEqual(back["l"], [1, [2, 3]])
        self.assertIsNone(back["nan"])
        self.assertEqual(back["neg"], -2.5e-7)
        self.assertIs(back["t"], True)

    def test_percentiles(self):
        import _common
        p = _common.percentiles(list(range(1, 101)))
        self.assertEqual((p["p50"], p["p90"], p["p99"], p["max"]), (50, 90, 99, 100))
        self.assertEqual(_common.percentiles([]), {})
        self.assertEqual(_common.percentiles([7])["p99"], 7)


if __name__ == "__main__":
    unittest.main()

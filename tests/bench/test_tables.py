"""Markdown and console tables from fixed rows."""
import unittest

import synthetic
from harness import stats, tables


class Formatting(unittest.TestCase):
    def test_numbers(self):
        self.assertEqual(tables.fmt_seconds(1.234), "1.23 s")
        self.assertEqual(tables.fmt_seconds(0.0123), "12.3 ms")
        self.assertEqual(tables.fmt_seconds(0.00002), "20 µs")
        self.assertEqual(tables.fmt_seconds(None), "–")
        self.assertEqual(tables.fmt_x(1.904), "1.90×")
        self.assertEqual(tables.fmt_pct(0.954), "95%")
        self.assertEqual(tables.fmt_rate(25300), "25.30k/s")

    def test_markdown_shape(self):
        md = tables.markdown(["a", "b"], [[1, 2], [3, 4]])
        self.assertEqual(md, "| a | b |\n| --- | ---: |\n| 1 | 2 |\n| 3 | 4 |\n")

    def test_text_alignment(self):
        t = tables.text(["", "x"], [["gil", "1.0"], ["brc", "10.25"]])
        lines = t.splitlines()
        self.assertEqual(len({len(l) for l in lines[1:]}), 1)
        self.assertTrue(lines[2].startswith("gil"))


class Tables(unittest.TestCase):
    def setUp(self):
        self.rows = stats.summarize(synthetic.cpu_records() + synthetic.convoy_records())

    def test_workload_table(self):
        md = tables.workload_table(self.rows, "intloop")
        self.assertIn("| implementation | threads | median | min – max | speedup | efficiency |",
                      md)
        self.assertIn("| brc | 2 |", md)
        self.assertIn("1.90×", md)
        self.assertIn("95%", md)
        self.assertIn("900.0 ms – 1.10 s", md)

    def test_metric_columns_only_when_present(self):
        self.assertNotIn("p99", tables.workload_table(self.rows, "intloop"))
        md = tables.workload_table(self.rows, "convoy")
        self.assertIn("p99 ms", md)
        self.assertIn("| gil | 2 |", md)

    def test_results_markdown_lists_failures(self):
        fails = [{"impl": "gil", "workload": "io_tcp_echo", "threads": 1,
                  "error": "exit 1: ModuleNotFoundError: No module named 'socket'"}]
        md = tables.results_markdown(self.rows, fails, {"experiment": "default",
                                                        "command": "bench/run"}, "machine")
        self.assertIn("## intloop (cpu, weak scaling)", md)
        self.assertIn("## Failures", md)
        self.assertIn("No module named 'socket'", md)

    def test_console(self):
        out = tables.console(self.rows, [])
        self.assertIn("intloop", out)
        self.assertIn("threads=2", out)
        self.assertIn("(1.90×)", out)
        self.assertNotIn("Failed", out)


if __name__ == "__main__":
    unittest.main()

"""Statistics: median, min-max, speedup, efficiency, single-thread ratios."""
import unittest

import synthetic
from harness import stats


class Basics(unittest.TestCase):
    def test_median(self):
        self.assertEqual(stats.median([3, 1, 2]), 2)
        self.assertEqual(stats.median([4, 1, 3, 2]), 2.5)
        self.assertEqual(stats.median([5]), 5)
        with self.assertRaises(ValueError):
            stats.median([])

    def test_geomean(self):
        self.assertAlmostEqual(stats.geomean([1, 4]), 2.0)
        self.assertAlmostEqual(stats.geomean([2, None, 8]), 4.0)
        self.assertIsNone(stats.geomean([]))

    def test_speedup_weak(self):
        # each of 2 threads does the same work as one thread, in the same time: 2x
        self.assertAlmostEqual(stats.speedup(1.0, 100, 1.0, 200), 2.0)
        # serialised (a GIL): twice the work in twice the time
        self.assertAlmostEqual(stats.speedup(1.0, 100, 2.0, 200), 1.0)

    def test_speedup_strong(self):
        # the same total work in half the time
        self.assertAlmostEqual(stats.speedup(1.0, 100, 0.5, 100), 2.0)

    def test_efficiency(self):
        self.assertAlmostEqual(stats.efficiency(1.8, 2), 0.9)
        self.assertIsNone(stats.efficiency(None, 2))
        self.assertIsNone(stats.efficiency(1.0, 0))


class Summarize(unittest.TestCase):
    def setUp(self):
        self.rows = stats.summarize(synthetic.cpu_records())
        self.idx = stats.index(self.rows)

    def test_one_row_per_cell(self):
        self.assertEqual(len(self.rows), 8)
        self.assertEqual(self.idx[("gil", "intloop", 1)]["n"], 3)

    def test_median_min_max(self):
        r = self.idx[("gil", "intloop", 1)]
        self.assertAlmostEqual(r["median"], 1.0)
        self.assertAlmostEqual(r["min"], 0.9)
        self.assertAlmostEqual(r["max"], 1.1)

    def test_speedup_and_efficiency(self):
        self.assertAlmostEqual(self.idx[("gil", "intloop", 2)]["speedup"], 1.0)
        self.assertAlmostEqual(self.idx[("brc", "intloop", 2)]["speedup"], 1.9)
        self.assertAlmostEqual(self.idx[("brc", "intloop", 2)]["efficiency"], 0.95)
        self.assertAlmostEqual(self.idx[("atomic", "intloop", 1)]["speedup"], 1.0)

    def test_strong_scaling(self):
        recs = [synthetic.record("brc", "intloop-strong", 1, 1.0, size=1000, scaling="strong"),
                synthetic.record("brc", "intloop-strong", 4, 0.5, size=250, scaling="strong")]
        r = stats.index(stats.summarize(recs))[("brc", "intloop-strong", 4)]
        self.assertAlmostEqual(r["speedup"], 2.0)
        self.assertAlmostEqual(r["efficiency"], 0.5)

    def test_failures_are_left_out(self):
        recs = synthetic.cpu_records() + [synthetic.record("gil", "io_tcp_echo", 1, 0, ok=False,
                                                           error="exit 1: no socket")]
        rows = stats.summarize(recs)
        self.assertFalse(any(r["workload"] == "io_tcp_echo" for r in rows))

    def test_metrics_median(self):
        recs = [synthetic.record("gil", "convoy", 2, 0.4, latency_p99_ms=v, rep=i)
                for i, v in enumerate((1.0, 9.0, 2.0))]
        r = stats.summarize(recs)[0]
        self.assertEqual(r["metrics"]["latency_p99_ms"], 2.0)
        self.assertIsNone(r["speedup"])          # no 1-thread run to compare with

    def test_wrong_result_flag(self):
        recs = [synthetic.record("brc", "shared_list_append", 2, 0.1),
                synthetic.record("brc", "shared_list_append", 2, 0.1, rep=1)]
        recs[0]["fields"]["ok"] = False
        self.assertFalse(stats.summarize(recs)[0]["ok_all"])

    def test_single_thread_ratios(self):
        ratios = stats.single_thread_ratios(self.rows, "gil")
        self.assertAlmostEqual(ratios["intloop"]["brc"], 1.05)
        self.assertAlmostEqual(ratios["intloop"]["cpython3.11"], 0.5)
        vs_cpy = stats.single_thread_ratios(self.rows, "cpython3.11")
        self.assertAlmostEqual(vs_cpy["intloop"]["gil"], 2.0)

    def test_impl_order(self):
        self.assertEqual(stats.impls_in(self.rows), ["gil", "atomic", "brc", "cpython3.11"])

    def test_free_threaded(self):
        self.assertTrue(stats.is_free_threaded("brc", "ftpy"))
        self.assertFalse(stats.is_free_threaded("gil-legacy", "ftpy"))
        self.assertFalse(stats.is_free_threaded("pypy3.10", "ref"))


if __name__ == "__main__":
    unittest.main()

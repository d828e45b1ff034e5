"""Results directory: CSV and JSON writing, reading back, newest-first listing."""
import csv
import datetime
import json
import os
import tempfile
import unittest

import synthetic
from harness import results, stats


class Writing(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_new_dir_names_date_and_experiment(self):
        when = datetime.datetime(2026, 11, 22, 1, 2, 3)
        p1 = results.new_dir(self.root, "default", when)
        p2 = results.new_dir(self.root, "default", when)
        self.assertEqual(os.path.basename(p1), "2026-11-22-010203-default")
        self.assertNotEqual(p1, p2)

    def test_csv_has_every_repetition_and_extra_metrics(self):
        recs = synthetic.cpu_records() + synthetic.convoy_records()
        recs.append(synthetic.record("gil", "io_pipe", 1, 0, ok=False, error="exit 1: no, os"))
        path = os.path.join(self.root, "raw.csv")
        results.write_csv(path, recs, "exp")
        rows = results.read_csv(path)
        self.assertEqual(len(rows), len(recs))
        self.assertEqual(rows[0]["experiment"], "exp")
        self.assertEqual(rows[0]["impl"], "gil")
        self.assertIn("latency_p99_ms", rows[0])
        convoy = [r for r in rows if r["workload"] == "convoy" and r["threads"] == "2"]
        self.assertEqual(float(convoy[0]["latency_p99_ms"]), 10.0)
        failed = rows[-1]
        self.assertEqual((failed["ok"], failed["seconds"], failed["error"]),
                         ("False", "", "exit 1: no, os"))
        with open(path, newline="") as f:
            header = next(csv.reader(f))
        self.assertEqual(header[:len(results.CSV_COLUMNS)], results.CSV_COLUMNS)

    def test_write_all_and_load(self):
        recs = synthetic.cpu_records()
        rows = stats.summarize(recs)
        path = results.new_dir(self.root, "default")
        info = {"experiment": "default", "command": "bench/run", "plots": {}}
        results.write_all(path, info, recs, [], {"cpu": "X", "cores": 2}, rows, "# t\n")
        for name in ("raw.json", "raw.csv", "machine.json", "summary.json", "tables.md"):
            self.assertTrue(os.path.exists(os.path.join(path, name)), name)
        data = results.load(path)
        self.assertEqual(len(data["runs"]), len(recs))
        self.assertEqual(data["machine"]["cores"], 2)
        self.assertEqual(data["path"], path)
        with open(os.path.join(path, "summary.json")) as f:
            self.assertEqual(len(json.load(f)), len(rows))
        self.assertFalse(os.path.exists(os.path.join(path, "raw.json.tmp")))

    def test_all_dirs_newest_first(self):
        for stamp in ("2026-01-01-000000-a", "2026-03-01-000000-b", "2026-02-01-000000-c"):
            os.makedirs(os.path.join(self.root, stamp))
            with open(os.path.join(self.root, stamp, "raw.json"), "w") as f:
                f.write("{}")
        os.makedirs(os.path.join(self.root, "2027-not-a-result"))
        names = [os.path.basename(p) for p in results.all_dirs(self.root)]
        self.assertEqual(names, ["2026-03-01-000000-b", "2026-02-01-000000-c",
                                 "2026-01-01-000000-a"])
        self.assertEqual(results.all_dirs(os.path.join(self.root, "none")), [])

    def test_load_unreadable(self):
        os.makedirs(os.path.join(self.root, "x"))
        with open(os.path.join(self.root, "x", "raw.json"), "w") as f:
            f.write("{truncated")
        self.assertIsNone(results.load(os.path.join(self.root, "x")))


if __name__ == "__main__":
    unittest.main()

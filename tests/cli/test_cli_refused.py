#!/usr/bin/python3
"""A file `tandem-cli check` calls unusable is refused by every command, in the
same words, and left byte for byte as it was."""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest

CLI = os.environ["TANDEM_CLI"]
MEASURE = "Restrictive practice incidents"
TEAM = "Delderfield Ward"


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def state(path):
    with open(path, "rb") as f:
        return f.read(), os.stat(path).st_mtime_ns


def damage_index(path):
    """Gives an index stale entries: it is hidden from the schema while the rows
    it covers change, then put back. Every page stays where it belongs, so
    only comparing the index with its table finds it (quick_check does not)."""
    db = sqlite3.connect(path, isolation_level=None)
    root, sql = db.execute("SELECT rootpage, sql FROM sqlite_schema "
                           "WHERE name = 'data_point_by_measure'").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    db.execute("DELETE FROM sqlite_schema WHERE name = 'data_point_by_measure'")
    db.close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("UPDATE data_point SET date = '2019-' || substr (date, 6)")
    db.close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA writable_schema = ON")
    db.execute("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) "
               "VALUES ('index', 'data_point_by_measure', 'data_point', ?, ?)", (root, sql))
    db.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()


class RefusedTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.good = self.path("Good.tandem")
        self.damaged = self.path("Damaged.tandem")
        self.assertEqual(run("sample", self.good).returncode, 0)
        shutil.copyfile(self.good, self.damaged)
        damage_index(self.damaged)
        r = run("check", self.damaged)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.words = r.stderr.strip()
        self.assertIn("Damaged.tandem", self.words)
        self.assertIn("damaged", self.words)
        self.assertIn("data_point_by_measure", self.words)
        self.csv = self.path("more.csv")
        with open(self.csv, "w") as f:
            f.write("date,value\n2030-01-07,4\n2030-01-14,5\n")
        # A write in the same clock tick as a command would hide in its mtime.
        time.sleep(0.02)

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def assert_refused(self, *args, output=None):
        before = state(self.damaged)
        good_before = state(self.good)
        r = run(*args)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(self.words, r.stderr)
        self.assertEqual(state(self.damaged), before)
        self.assertEqual(state(self.good), good_before)
        self.assertFalse(os.path.exists(self.damaged + "-journal"))
        if output:
            self.assertFalse(os.path.exists(output))
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".tandem-")], [])

    def test_check_again(self):
        self.assert_refused("check", self.damaged)

    def test_info(self):
        self.assert_refused("info", self.damaged)
        self.assert_refused("info", "--json", self.damaged)

    def test_export_chart(self):
        out = self.path("chart.pdf")
        self.assert_refused("export", "chart", "--measure", MEASURE, "--format", "pdf",
                            "--output", out, self.damaged, output=out)

    def test_export_diagram(self):
        out = self.path("diagram.svg")
        self.assert_refused("export", "diagram", "--team", TEAM, "--format", "svg",
                            "--output", out, self.damaged, output=out)

    def test_import_data(self):
        self.assert_refused("import", "data", "--measure", MEASURE, self.csv, self.damaged)

    def test_merge_from(self):
        self.assert_refused("merge", self.damaged, self.good)

    def test_merge_into(self):
        self.assert_refused("merge", self.good, self.damaged)

    def test_good_copy_works(self):
        # The same commands on the undamaged copy succeed: the refusals above
        # are the damage's doing.
        r = run("check", self.good)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("import", "data", "--measure", MEASURE, self.csv, self.good)
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/python3
"""tandem-cli as a script or a programme team uses it: exit codes, output, errors."""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ["TANDEM_CLI"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, timeout=120)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_new_then_info(self):
        p = self.path("Ward.tandem")
        r = run("new", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        info = json.loads(run("info", "--json", p).stdout)
        self.assertEqual(info["teams"], [])
        self.assertEqual(info["counts"]["team"], 0)
        # Creating never overwrites.
        r = run("new", p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("already exists", r.stderr)

    def test_sample_info_and_check(self):
        p = self.path("Sample.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        info = json.loads(run("info", "--json", p).stdout)
        names = [t["name"] for t in info["teams"]]
        self.assertEqual(len(names), 3)
        first = info["teams"][0]
        self.assertEqual(len(first["measures"]), 4)
        self.assertEqual(len(first["diagrams"]), 1)
        self.assertGreaterEqual(info["counts"]["change_idea"], 20)
        self.assertEqual(info["counts"]["coaching_session"], 12)
        text = run("info", p).stdout
        for name in names:
            self.assertIn(name, text)
        r = run("check", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("no problems found", r.stdout)

    def test_check_problems(self):
        p = self.path("Problems.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        db = sqlite3.connect(p)
        db.execute("INSERT INTO person (id, team_id, name) VALUES ('p', 'gone', 'Lost')")
        db.commit()
        db.close()
        r = run("check", p)
        self.assertEqual(r.returncode, 1)
        self.assertIn("does not exist", r.stderr)

    def test_check_unusable(self):
        cases = {
            "Missing.tandem": None,
            "Notes.tandem": b"Minutes of the ward meeting\n",
            "Truncated.tandem": "truncate",
            "Future.tandem": "future",
            "Contacts.tandem": "foreign",
        }
        expected = {
            "Missing.tandem": "could not be found",
            "Notes.tandem": "not a Tandem project",
            "Truncated.tandem": "damaged",
            "Future.tandem": "newer version",
            "Contacts.tandem": "not a Tandem project",
        }
        for name, how in cases.items():
            p = self.path(name)
            if isinstance(how, bytes):
                with open(p, "wb") as f:
                    f.write(how)
            elif how == "truncate":
                self.assertEqual(run("sample", p).returncode, 0)
                with open(p, "rb") as f:
                    data = f.read()
                with open(p, "wb") as f:
                    f.write(data[: len(data) // 2])
            elif how == "future":
                self.assertEqual(run("new", p).returncode, 0)
                db = sqlite3.connect(p)
                db.execute("PRAGMA user_version = 99")
                db.close()
            elif how == "foreign":
                db = sqlite3.connect(p)
                db.execute("CREATE TABLE contacts (name TEXT)")
                db.commit()
                db.close()
            before = read(p) if os.path.exists(p) else None
            r = run("check", p)
            self.assertEqual(r.returncode, 2, name)
            self.assertIn(expected[name], r.stderr, name)
            self.assertIn(name, r.stderr, name)
            r = run("info", p)
            self.assertEqual(r.returncode, 2, name)
            if before is not None:
                self.assertEqual(read(p), before, name + " was modified")

    def test_usage_errors(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("sample", "--scale", "galactic", self.path("x.tandem")).returncode, 2)
        self.assertFalse(os.path.exists(self.path("x.tandem")))
        self.assertEqual(run("--help").returncode, 0)

    def test_analyse_stdin(self):
        csv = "x,y\n" + "".join(f"2024-01-{d:02d},{v}\n" for d, v in
                                 zip(range(1, 21), [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 9, 10, 11, 10, 12, 11, 10, 12, 11, 13]))
        r = run("analyse", "--chart", "run", "-", stdin=csv)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        self.assertEqual(out["rules"], "ihi")
        self.assertEqual(len(out["points"]), 20)
        self.assertTrue(any("shift" in p["signals"] for p in out["points"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)

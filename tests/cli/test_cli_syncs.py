#!/usr/bin/python3
"""What tandem-cli asks of the disk (issue 20): `new` syncs the file once, whole,
before it has its name; `import data` logs 10,000 points as one entry."""

import datetime
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ["TANDEM_CLI"]


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def syncs(*args):
    """The process's fsync and fdatasync calls (strace), and its result."""
    # LeakSanitizer cannot run under ptrace (the sanitizer build in
    # build-aux/run-tests.sh); the same commands run untraced elsewhere with it.
    env = dict(os.environ)
    if "detect_leaks=1" in env.get("ASAN_OPTIONS", ""):
        env["ASAN_OPTIONS"] = env["ASAN_OPTIONS"].replace("detect_leaks=1", "detect_leaks=0")
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        r = subprocess.run(["strace", "-f", "-y", "-qq", "-o", log.name,
                            "-e", "trace=fsync,fdatasync,sync,syncfs,sync_file_range",
                            CLI, *args], capture_output=True, text=True, timeout=120,
                           env=env)
        calls = [line for line in log.read().splitlines() if "sync" in line]
    return calls, r


@unittest.skipIf(shutil.which("strace") is None, "strace is not installed")
class SyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_new_syncs_once(self):
        p = os.path.join(self.dir, "Ward.tandem")
        calls, r = syncs("new", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        # Once, the file under its temporary name, before it is linked to the real one.
        self.assertEqual(len(calls), 1, calls)
        self.assertIn(".tandem-new-", calls[0])
        self.assertEqual(sorted(os.listdir(self.dir)), ["Ward.tandem"])
        r = run("check", p)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        # The project is complete: its defaults are in.
        with sqlite3.connect(p) as db:
            self.assertGreater(db.execute("SELECT count (*) FROM equity_tag").fetchone()[0], 0)
            self.assertEqual(db.execute("SELECT count (*) FROM change_txn").fetchone()[0], 1)

    def test_import_is_one_entry(self):
        p = os.path.join(self.dir, "Ward.tandem")
        csv = os.path.join(self.dir, "data.csv")
        day = datetime.date(1990, 1, 1)
        with open(csv, "w") as f:
            f.write("date,value\n")
            for i in range(10000):
                f.write(f"{day + datetime.timedelta(days=i)},{i % 37}\n")
        for args in (["new", p], ["team", "add", "Ward", p],
                     ["measure", "add", "M", "--team", "Ward", "--chart", "i", "--direction", "decrease", p]):
            self.assertEqual(run(*args).returncode, 0)
        with sqlite3.connect(p) as db:
            before = db.execute("SELECT count (*) FROM change_log").fetchone()[0]
        r = run("import", "data", "--measure", "M", csv, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with sqlite3.connect(p) as db:
            self.assertEqual(db.execute("SELECT count (*) FROM data_point").fetchone()[0], 10000)
            self.assertEqual(db.execute("SELECT count (*) FROM change_log").fetchone()[0],
                             before + 1)
        r = run("check", p)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)

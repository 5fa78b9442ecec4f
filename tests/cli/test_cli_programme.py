#!/usr/bin/python3
"""`tandem-cli programme report` on a folder of teams' files, as a programme lead runs it."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ["TANDEM_CLI"]


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)


class ProgrammeReportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = os.path.join(self.tmp.name, "Collaborative")
        os.mkdir(self.dir)

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def make_folder(self):
        for name in ("North.tandem", "South.tandem"):
            r = run("sample", self.path(name))
            self.assertEqual(r.returncode, 0, r.stderr)
        shutil.copy(self.path("North.tandem"), self.path("North (copy).tandem"))
        with open(self.path("Minutes.tandem"), "w") as f:
            f.write("Minutes of the collaborative's meeting\n")

    def test_json_totals_are_the_files_summed(self):
        self.make_folder()
        out = os.path.join(self.tmp.name, "report.json")
        r = run("programme", "report", "--format", "json", "--from", "2026-01-01",
                "--to", "2026-11-21", "--output", out, self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Minutes.tandem", r.stderr)
        with open(out) as f:
            report = json.load(f)

        # Summed apart, from each file's own `info --json`.
        infos = [json.loads(run("info", "--json", self.path(n)).stdout)
                 for n in ("North.tandem", "South.tandem")]
        totals = report["totals"]
        self.assertEqual(totals["files"], 4)
        self.assertEqual(totals["files_read"], 2)
        self.assertEqual(totals["files_refused"], 1)
        self.assertEqual(totals["copies_counted_once"], 1)
        self.assertEqual(totals["teams"], sum(i["counts"]["team"] for i in infos))
        self.assertEqual(totals["change_ideas"]["total"],
                         sum(i["counts"]["change_idea"] for i in infos))
        self.assertEqual(totals["measures"], sum(i["counts"]["measure"] for i in infos))
        self.assertEqual(len(report["teams"]), totals["teams"])
        self.assertEqual(sum(t["change_ideas"]["total"] for t in report["teams"]),
                         totals["change_ideas"]["total"])
        self.assertEqual(totals["change_ideas"]["by_equity_focus"][0]["focus"],
                         "Race and ethnicity")
        self.assertTrue(report["summary"].startswith(
            "{:,} change ideas; ".format(totals["change_ideas"]["total"])))
        states = {os.path.basename(f["path"]): f["state"] for f in report["files"]}
        self.assertEqual(states["Minutes.tandem"], "refused")
        self.assertEqual(sorted(states.values()).count("duplicate"), 1)

    def test_markdown_for_the_board(self):
        self.make_folder()
        r = run("programme", "report", "--format", "md", "--to", "2026-11-21",
                "--output", "-", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        md = r.stdout
        self.assertTrue(md.startswith("# Programme report"))
        for heading in ("## Programme totals", "## Trends by quarter", "## Teams",
                        "## What is missing"):
            self.assertIn(heading, md)
        self.assertIn("focus on race equity", md)
        self.assertIn("“Minutes.tandem” could not be read", md)
        self.assertIn("A copy of the same project", md)

    def test_bad_input(self):
        r = run("programme", "report", "--format", "pdf", "--output", "-", self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("md", r.stderr)
        r = run("programme", "report", "--format", "md", "--output", "-", self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no project files", r.stderr)
        r = run("programme", "report", "--format", "md", "--from", "21/11/2026",
                "--output", "-", self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("YYYY-MM-DD", r.stderr)
        r = run("programme", "report", "--format", "md", "--output", "-",
                os.path.join(self.dir, "Gone.tandem"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("Gone.tandem", r.stderr)
        # A report never replaces a project file.
        self.assertEqual(run("new", self.path("Team.tandem")).returncode, 0)
        r = run("programme", "report", "--format", "md", "--output", self.path("Team.tandem"),
                self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(json.loads(run("info", "--json", self.path("Team.tandem")).stdout)
                         ["counts"]["team"], 0)


if __name__ == "__main__":
    unittest.main()

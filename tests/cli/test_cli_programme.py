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

    def pdf(self, *args):
        """Runs the report as PDF; returns its pages' count and its text, one space a gap."""
        out = os.path.join(self.tmp.name, "report.pdf")
        r = run("programme", "report", "--format", "pdf", "--output", out, *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(out, r.stdout)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        self.assertIn("595.276 x 841.89 pts (A4)", info)
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True,
                              check=True).stdout
        return pages, " ".join(text.split())

    def test_pdf_for_the_board(self):
        self.make_folder()
        report = json.loads(run("programme", "report", "--format", "json", "--from", "2025-11-22",
                                "--to", "2026-11-21", "--output", "-", self.dir).stdout)
        pages, text = self.pdf("--from", "2025-11-22", "--to", "2026-11-21", self.dir)

        # A cover, the totals, the trends, the standards heatmap (some of the
        # sample's teams have self-assessment rounds), a page per team, and
        # what is missing.
        teams = report["teams"]
        self.assertEqual(len(teams), report["totals"]["teams"])
        self.assertTrue(any(team["standards"] is not None for team in teams))
        self.assertEqual(pages, 3 + 1 + len(teams) + 1)
        self.assertIn("Standards heatmap", text)
        self.assertIn("Standards level", text)
        self.assertIn("Evaluation report: 12 months Collaborative 22 Nov 2025 to 21 Nov 2026", text)
        self.assertIn("{} teams".format(len(teams)), text)
        # The totals sentence, word for word as the JSON has it.
        self.assertIn(report["summary"] + ".", text)
        self.assertIn("Programme totals", text)
        self.assertIn("Trends by quarter", text)
        self.assertIn("Share of new change ideas tagged race equity", text)
        for team in teams:
            self.assertIn(team["team"], text)
            self.assertIn("{} change ideas; {} (".format(team["change_ideas"]["total"],
                                                      team["change_ideas"]["race_equity"]), text)
        # Each team with measures has its first on its page.
        self.assertIn("Key measure (the team’s first)", text)
        self.assertIn("What is missing", text)
        self.assertIn("“Minutes.tandem” could not be read", text)
        self.assertIn("A copy of the same project", text)

    def test_pdf_of_an_interim_report(self):
        for name in ("North.tandem", "South.tandem", "West.tandem"):
            self.assertEqual(run("sample", self.path(name)).returncode, 0)
        pages, text = self.pdf("--from", "2026-05-22", "--to", "2026-11-21",
                               *(self.path(n) for n in ("North.tandem", "South.tandem",
                                                        "West.tandem")))
        self.assertIn("Interim report: 6 months", text)
        self.assertIn("from 3 project files: 3 read", text)
        self.assertGreaterEqual(pages, 3 + 3 * 3 + 1)

    def test_pdf_of_the_national_split(self):
        split = os.path.join(self.tmp.name, "National")
        r = run("sample", "--scale", "national", "--split", split)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Created 52 team files", r.stdout)
        pages, text = self.pdf("--to", "2026-11-21", split)
        self.assertIn("52 teams from 52 project files: 52 read", text)
        self.assertGreaterEqual(pages, 3 + 52 + 1)
        # Key measures charted: the chart's own subtitle is on the pages.
        self.assertIn("C chart (counts)", text)
        # The sample's Culture of Care collaborative: its totals and heatmap.
        self.assertIn("12 with a self-assessment round", text)
        self.assertIn("Standards heatmap", text)
        team_pages = text[:text.index("What is missing")]
        for name in sorted(os.listdir(split)):
            self.assertEqual(team_pages.count("From the file “{}”".format(name)), 1, name)

    def test_standards_level_and_heatmap(self):
        """Each team's Standards level and heatmap row are its own, as
        `standards teams` gives them; a team without a round has none."""
        p = self.path("Ward.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        for team in ("Willow Ward", "Oak Ward", "Ash"):
            self.assertEqual(run("team", "add", team, p).returncode, 0)
        r = run("standards", "round", "add", "--team", "Willow Ward", "--date", "2026-03-02",
                "--headcount", "4", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        survey = os.path.join(self.tmp.name, "survey.csv")
        with open(survey, "w") as f:
            f.write("Role,Safety,Lived Experience\nStaff,4,3\nStaff,3,4\nStaff,3,4\n"
                    "Expert by experience,2,\n")
        r = run("standards", "import", "--team", "Willow Ward", "--round", "2026-03-02",
                "--role-column", "Role", survey, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "round", "add", "--team", "Oak Ward", "--date", "2026-01-05", p)
        self.assertEqual(r.returncode, 0, r.stderr)

        r = run("standards", "teams", "--format", "json", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        own = {t["name"]: t for t in json.loads(r.stdout)["teams"]}
        r = run("programme", "report", "--format", "json", "--from", "2026-01-01", "--to",
                "2026-11-21", "--output", "-", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        data = json.loads(r.stdout)
        teams = {t["team"]: t for t in data["teams"]}
        self.assertIsNone(teams["Ash"]["standards"])
        for name in ("Willow Ward", "Oak Ward"):
            mine, theirs = teams[name]["standards"], own[name]
            self.assertEqual(mine["round_date"], theirs["round"]["date"])
            self.assertEqual(mine["round_counts"], theirs["round"]["completion_met"])
            self.assertEqual(mine["level"], theirs["level"])
            self.assertEqual(mine["staff_responses"], theirs["round"]["staff_responses"])
            self.assertEqual(len(mine["heatmap"]), 12)
            for cell in mine["heatmap"]:
                if theirs["means"][cell["standard_id"]] is None:
                    self.assertIsNone(cell["mean"])
                else:
                    self.assertAlmostEqual(cell["mean"], theirs["means"][cell["standard_id"]])
        self.assertEqual(teams["Willow Ward"]["standards"]["level"], "bronze")
        self.assertAlmostEqual(teams["Willow Ward"]["standards"]["completion"], 0.75)
        self.assertEqual(data["totals"]["teams_with_a_standards_round"], 2)
        self.assertEqual(data["totals"]["teams_at_standards_level"],
                         {"bronze": 1, "silver": 0, "gold": 0})

        r = run("programme", "report", "--format", "md", "--from", "2026-01-01", "--to",
                "2026-11-21", "--output", "-", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("- Standards: 1 of 3 teams at Bronze or above (1 Bronze, 0 Silver, 0 Gold);"
                      " 2 with a self-assessment round.", r.stdout)
        self.assertIn("## Standards heatmap", r.stdout)
        self.assertIn("| Willow Ward | Bronze | 3.7 Strong | 3.0 Embedded |", r.stdout)
        self.assertIn("| Oak Ward | No level yet (round does not count) | – |", r.stdout)
        self.assertNotIn("| Ash |", r.stdout)
        self.assertIn("- Standards level: Bronze — round of 2 Mar 2026, 3 of 4 staff.",
                      r.stdout)

    def test_bad_input(self):
        r = run("programme", "report", "--format", "docx", "--output", "-", self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("“pdf”, “md” or “json”", r.stderr)
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

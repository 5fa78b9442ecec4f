#!/usr/bin/python3
"""tandem-cli as a script or a programme team uses it: exit codes, output, errors."""

import json
import os
import re
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

    def test_help_summaries_line_up(self):
        # Every command's summary starts in the same column, counted in
        # characters ("…" is one), and fits a terminal of 100 columns.
        lines = run("--help").stdout.splitlines()
        commands = lines[lines.index("Commands:") + 1:]
        commands = commands[:commands.index("")]
        starts = set()
        for line in commands:
            self.assertLessEqual(len(line), 100, line)
            if line.startswith("    "):
                starts.add(len(line) - len(line.lstrip()))
            else:
                usage_end = line.find("  ", 2)
                if usage_end > 0:
                    starts.add(usage_end + len(line[usage_end:]) - len(line[usage_end:].lstrip()))
        self.assertEqual(len(starts), 1, starts)

    def test_export_chart_from_damaged_file(self):
        # The structural check runs while the chart is drawn; a damaged file
        # must still leave no chart behind, and say why.
        p = self.path("Damaged.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        data = bytearray(read(p))
        middle = len(data) // 3
        data[middle:middle + 4096 * 3] = bytes((i * 7919) & 0xFF for i in range(4096 * 3))
        with open(p, "wb") as f:
            f.write(data)
        out = self.path("chart.pdf")
        r = run("export", "chart", "--measure", "Restrictive practice incidents",
                "--output", out, p)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("damaged", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".tandem-export")], [])
        self.assertEqual(read(p), bytes(data))

    def test_unchanged_file_not_checked_again(self):
        # A chain of commands: each finds the file as the last one left it
        # and does not check it again; another program's change, or bytes
        # changed in place, and it is checked (and refused if damaged).
        env = dict(os.environ, G_MESSAGES_DEBUG="Tandem-File")
        skipped = "is unchanged since it was checked"

        def debug_run(*args):
            r = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            return r.stdout  # (GLib writes debug messages there)

        p = self.path("Ward.tandem")
        csv = self.write_weeks("falls.csv", 30)
        debug_run("new", p)
        for args in (["team", "add", "Ward", p],
                     ["measure", "add", "Falls", "--team", "Ward", "--direction", "decrease", p],
                     ["import", "data", "--measure", "Falls", csv, p],
                     ["export", "chart", "--measure", "Falls", "-o", self.path("falls.pdf"), p]):
            self.assertIn(skipped, debug_run(*args), args)

        with sqlite3.connect(p) as db:
            db.execute("UPDATE team SET name = 'Ward 2'")
        db.close()
        self.assertNotIn(skipped, debug_run("info", p))
        self.assertIn(skipped, debug_run("info", p))

        data = bytearray(read(p))
        middle = len(data) // 3
        data[middle:middle + 4096 * 3] = bytes((i * 7919) & 0xFF for i in range(4096 * 3))
        with open(p, "r+b") as f:
            f.write(data)
        r = subprocess.run([CLI, "export", "chart", "--measure", "Falls", "-o", self.path("again.pdf"), p],
                           capture_output=True, text=True, timeout=120, env=env)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertNotIn(skipped, r.stdout)
        self.assertIn("damaged", r.stderr)
        self.assertFalse(os.path.exists(self.path("again.pdf")))

    def write_weeks(self, name, n, start="2024-01-01"):
        """A CSV of n weekly values, as a spreadsheet saves it."""
        import datetime
        day = datetime.date.fromisoformat(start)
        rows = ["date,value"]
        for i in range(n):
            rows.append(f"{day + datetime.timedelta(weeks=i)},{20 + (i * 7919 % 13) - 6}")
        with open(self.path(name), "w") as f:
            f.write("\n".join(rows) + "\n")
        return self.path(name)

    def pdf_text(self, path):
        return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout

    def test_chart_from_csv(self):
        csv = self.write_weeks("Falls.csv", 104)
        notes = self.path("notes.csv")
        with open(notes, "w") as f:
            f.write("date,text\n2024-06-03,New rota starts\n")
        out = self.path("falls.pdf")
        r = run("chart", csv, "--title", "Falls on the ward", "--y-label", "falls",
                "--annotations", notes, "--chart", "i", "--part", "52", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Wrote " + out, r.stdout)
        text = self.pdf_text(out)
        self.assertIn("Falls on the ward", text)
        self.assertIn("104 points", text)
        self.assertIn("New rota starts", text)
        # Standard input to standard output; the title defaults to "Chart".
        with open(csv) as f:
            r = subprocess.run([CLI, "chart", "-", "-o", "-", "--format", "svg"], stdin=f,
                               capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("<?xml"))

    def test_chart_rows_out_of_order(self):
        # Rows in any order give the chart of the same rows in date order.
        csv = self.write_weeks("in order.csv", 40)
        with open(csv) as f:
            header, *rows = f.read().splitlines()
        shuffled = self.path("shuffled.csv")
        with open(shuffled, "w") as f:
            f.write("\n".join([header] + rows[20:] + rows[:20][::-1]) + "\n")
        charts = []
        for name in (csv, shuffled):
            r = run("chart", name, "--title", "Falls", "--chart", "i", "-o", "-", "--format", "svg")
            self.assertEqual(r.returncode, 0, r.stderr)
            charts.append(r.stdout)
        self.assertEqual(charts[0], charts[1])

    def test_chart_output_dir(self):
        a = self.write_weeks("ward a.csv", 30)
        b = self.write_weeks("ward b.csv", 40)
        bad = self.path("bad.csv")
        with open(bad, "w") as f:
            f.write("date,value\n2024-01-01,3\nsoon,4\n")
        out = self.path("charts")
        os.mkdir(out)
        r = run("chart", a, bad, b, "--output-dir", out)
        # The bad file is named with its line; the good ones are still made.
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad.csv: line 3", r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["ward a.pdf", "ward b.pdf"])
        self.assertIn("ward b", self.pdf_text(os.path.join(out, "ward b.pdf")))
        r = run("chart", a, b, "--output-dir", out, "--format", "png", "--dpi", "72")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(os.path.join(out, "ward a.png"))[:4], b"\x89PNG")

    def test_chart_refuses(self):
        csv = self.write_weeks("w.csv", 20)
        project = self.path("Ward.tandem")
        self.assertEqual(run("new", project).returncode, 0)
        before = read(project)
        for args, words in [
            (["--chart", "nope", "-o", self.path("x.pdf")], "unknown chart type"),
            (["--part", "40", "-o", self.path("x.pdf")], "--part 40"),
            (["--exclude", "0", "-o", self.path("x.pdf")], "--exclude"),
            (["-o", project, "--format", "pdf"], "is a Tandem project"),
            ([], "--output FILE"),
        ]:
            r = run("chart", csv, *args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(words, r.stderr)
        self.assertEqual(read(project), before)
        self.assertFalse(os.path.exists(self.path("x.pdf")))

    def changes(self, project):
        with sqlite3.connect(project) as db:
            return [row[0] for row in db.execute("SELECT label FROM change_txn ORDER BY rowid")]

    def test_team_and_measure_setup(self):
        p = self.path("Ward.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        r = run("team", "add", "Ward 7", "--ward", "Oak", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Added team “Ward 7”", r.stdout)
        r = run("team", "rename", "Ward 7", "Oak ward", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(run("team", "list", p).stdout, "Oak ward\n")
        r = run("measure", "add", "Falls", "--team", "Oak ward", "--chart", "c",
                "--direction", "decrease", "--unit", "falls", "--frequency", "weekly",
                "--target", "3", "--kind", "outcome", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Added measure “Falls” to team “Oak ward”", r.stdout)
        r = run("measure", "set", "Falls", "--rules", "ihi", "--chart", "run", "--target", "2.5", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(run("measure", "list", p).stdout,
                         "Oak ward\tFalls\trun\tihi\tdecrease\tfalls\tweekly\t2.5\t0\n")
        # One undoable change a command, labelled as the app labels it.
        self.assertEqual(self.changes(p)[1:], ["Add team", "Rename team", "Add the measure “Falls”",
                                               "Change the measure “Falls”"])
        info = json.loads(run("info", "--json", p).stdout)
        self.assertEqual(info["teams"][0]["measures"], ["Falls"])

    def test_setup_refuses_bad_values(self):
        p = self.path("Ward.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        self.assertEqual(run("team", "add", "Oak ward", p).returncode, 0)
        self.assertEqual(run("measure", "add", "Falls", "--team", "Oak ward", "--direction",
                             "decrease", p).returncode, 0)
        before = self.changes(p)
        for args, words in [
            (["team", "add", "Oak ward", p], "already a team"),
            (["team", "add", " ", p], "name"),
            (["team", "rename", "Nobody", "X", p], "no team called"),
            (["measure", "add", "Waits", "--team", "Nobody", "--direction", "decrease", p],
             "no team called"),
            (["measure", "add", "Waits", p], "--team"),
            # Which way is better is asked, never assumed.
            (["measure", "add", "Waits", "--team", "Oak ward", p], "--direction"),
            (["measure", "add", "Falls", "--team", "Oak ward", "--direction", "decrease", p],
             "already a measure"),
            (["measure", "add", "Waits", "--team", "Oak ward", "--direction", "decrease",
              "--frequency", "hourly", p], "hourly"),
            (["measure", "add", "Waits", "--team", "Oak ward", "--direction", "decrease",
              "--chart", "pie", p], "pie"),
            (["measure", "set", "Falls", "--target", "lots", p], "lots"),
            (["measure", "set", "Falls", "--direction", "up", p], "up"),
            (["measure", "set", "Falls", "--kind", "vibe", p], "vibe"),
            (["measure", "set", "Falls", p], "Nothing to change"),
            (["measure", "set", "Nothing", "--unit", "x", p], "no measure"),
        ]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(words, r.stderr, args)
        self.assertEqual(self.changes(p), before)

    def test_import_create(self):
        p = self.path("Ward.tandem")
        csv = self.write_weeks("falls.csv", 30)
        self.assertEqual(run("new", p).returncode, 0)
        self.assertEqual(run("team", "add", "Oak ward", p).returncode, 0)
        r = run("import", "data", "--create", "--team", "Nobody", "--measure", "Falls",
                "--direction", "decrease", csv, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no team called “Nobody”", r.stderr)
        # Which way is better is asked, never assumed.
        r = run("import", "data", "--create", "--team", "Oak ward", "--measure", "Falls", csv, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--direction", r.stderr)
        r = run("import", "data", "--create", "--team", "Oak ward", "--measure", "Falls",
                "--direction", "decrease", csv, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Added measure “Falls”", r.stdout)
        self.assertIn("Imported 30 data points", r.stdout)
        self.assertEqual(self.changes(p)[-1], "Add the measure “Falls” with its data")
        self.assertIn("\tdecrease\t", run("measure", "list", p).stdout)
        # A second import finds the measure made by the first.
        r = run("import", "data", "--create", "--team", "Oak ward", "--measure", "Falls",
                "--direction", "decrease", self.write_weeks("more.csv", 4, start="2025-01-06"), p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(run("measure", "list", p).stdout.endswith("\t34\n"))

    def test_measure_broken_down_by_group(self):
        p = self.path("Ward.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        self.assertEqual(run("team", "add", "Oak", p).returncode, 0)
        self.assertEqual(run("measure", "add", "Restraint", "--team", "Oak", "--direction",
                             "decrease", p).returncode, 0)
        # Data by group need a breakdown first.
        long_csv = self.path("long.csv")
        with open(long_csv, "w") as f:
            f.write("date,ethnicity,count,occupied bed days\n"
                    "2025-01-06,A,4,420\n2025-01-06,Caribbean,3,98\n"
                    "2025-01-13,White British,5,415\n2025-01-13,M,2,105\n")
        r = run("import", "groups", "--measure", "Restraint", long_csv, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not broken down", r.stderr)
        r = run("measure", "breakdown", "--measure", "Restraint", "--team", "Oak", "--kind", "rate",
                "--per", "1000", "--denominator", "occupied bed days", "--domain", "outcomes",
                "--reference", "A", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("broken down by Ethnicity", r.stdout)
        r = run("import", "groups", "--measure", "Restraint", long_csv, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Imported 4 rows by group", r.stdout)
        self.assertEqual(self.changes(p)[-1], "Import 4 rows by group")
        # A wide file, with a group the grouping has not: every bad row by its line, nothing saved.
        wide = self.path("wide.csv")
        with open(wide, "w") as f:
            f.write("date,A,M,Purple,denominator\n2025-01-20,1,2,3,100\n")
        r = run("import", "groups", "--measure", "Restraint", wide, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("wide.csv: line 1: “Purple” is not a group", r.stderr)
        bad = self.path("bad.csv")
        with open(bad, "w") as f:
            f.write("date,group,count,denominator\n2025-01-20,A,1,400\n2025-01-20,Purple,1,10\n")
        r = run("import", "groups", "--measure", "Restraint", bad, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad.csv: line 3: “Purple” is not a group", r.stderr)
        with sqlite3.connect(p) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM breakdown_point").fetchone()[0], 4)
        # The project's own grouping, and a label edited.
        r = run("grouping", "add", "Age band", "--group", "18-25", "--group", "26-64",
                "--not-stated", "Not known", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("grouping", "relabel", "Ethnicity", "C", "White Other (incl. Gypsy, Roma, Traveller)", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        listed = run("grouping", "list", p).stdout.splitlines()
        self.assertIn("Ethnicity\tC\tWhite Other (incl. Gypsy, Roma, Traveller)\tWhite\t", listed)
        self.assertIn("Age band\t\tNot known\t\tnot stated", listed)
        self.assertEqual(run("check", p).returncode, 0)

    def test_standards(self):
        p = self.path("Ward.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        self.assertEqual(run("team", "add", "Oak", p).returncode, 0)
        r = run("standards", "round", "add", "--team", "Oak", "--date", "04/05/2026",
                "--headcount", "4", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "round", "add", "--team", "Oak", "--date", "2026-02-30", p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("“2026-02-30” is not a date", r.stderr)
        # Every bad row by its line, and nothing imported.
        bad = self.path("survey.csv")
        with open(bad, "w") as f:
            f.write("Role,Lived Experience,Safety,Choice\nStaff,4,3,5\nVisitor,3,3,3\n"
                    "EbE,2,9,2\n")
        r = run("standards", "import", "--team", "Oak", "--round", "2026-05-04", bad, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("survey.csv: line 3: “Visitor” is not a role", r.stderr)
        self.assertIn("survey.csv: line 4: “Safety”: “9” is not a score from 1 to 5", r.stderr)
        self.assertIn("nothing was imported", r.stderr)
        with sqlite3.connect(p) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM assessment_response").fetchone()[0], 0)
        good = self.path("good.csv")
        with open(good, "w") as f:
            f.write("Who,Q1,Q2\nStaff,4,3\nStaff,5,Strong\nStaff,4,3\nExpert by experience,2,3\n")
        r = run("standards", "import", "--team", "Oak", "--round", "2026-05-04", "--role-column", "Who",
                "--column", "Lived Experience=Q1", "--column", "Safety=Q2", good, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Imported 4 responses", r.stdout)
        self.assertEqual(self.changes(p)[-1], "Import 4 self-assessment responses")
        r = run("standards", "round", "list", "--team", "Oak", p)
        self.assertIn("2026-05-04  3 staff, 1 with lived experience (75% of staff); average 3.50",
                      r.stdout)
        r = run("standards", "evidence", "add", "--team", "Oak", "--standard", "Safety", "--type",
                "Governance", "--level", "bronze", "--reference", "S:/Quality/dashboard.pdf", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "evidence", "add", "--team", "Oak", "--standard", "Safety", "--type",
                "Governance", "--note", "A story", p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Say which level", r.stderr)
        r = run("standards", "priority", "add", "--team", "Oak", "--standard", "choice", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "panel", "add", "--team", "Oak", "--date", "2026-06-01", "--decision",
                "bronze", "--members", "Panel A", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "panel", "add", "--team", "Oak", "--date", "2026-06-01", "--decision",
                "platinum", p)
        self.assertEqual(r.returncode, 2)
        out = self.path("standards.json")
        r = run("export", "standards", "--team", "Oak", "--format", "json", "--output", out, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            data = json.load(f)
        first = data["rounds"][0]
        self.assertEqual(first["date"], "2026-05-04")
        self.assertEqual(first["staff_responses"], 3)
        self.assertTrue(first["completion_met"])
        lived = first["standards"][0]
        self.assertEqual(lived["standard"], "Lived Experience")
        self.assertAlmostEqual(lived["staff_mean"], 13 / 3)
        self.assertAlmostEqual(lived["lived_experience_mean"], 2)
        self.assertAlmostEqual(lived["gap"], 13 / 3 - 2)
        self.assertAlmostEqual(data["level"]["average"], (15 / 4 + 13 / 4) / 2)
        self.assertEqual(data["level"]["level"], "silver")
        self.assertEqual(len(data["level"]["standards_without_evidence"]), 11)
        self.assertEqual(data["evidence"][0]["kind"], "reference")
        self.assertEqual(data["evidence"][0]["what"], "S:/Quality/dashboard.pdf")
        self.assertEqual(data["panels"][0]["next_review_on"], "2027-06-01")
        self.assertEqual(data["priorities"][0]["standard"], "Choice")
        r = run("export", "standards", "--team", "Oak", "--format", "docx", "--output", out, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("“docx” is not a format of this export: use json, pdf, png or svg", r.stderr)
        r = run("export", "standards", "--team", "Elm", "--format", "json", "--output", out, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no team called “Elm”", r.stderr)
        self.assertEqual(run("check", p).returncode, 0)

    def test_standards_sample_export(self):
        p = self.path("Sample.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        out = self.path("delderfield.json")
        r = run("export", "standards", "--team", "Delderfield Ward", "--format", "json",
                "--output", out, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            data = json.load(f)
        self.assertEqual(len(data["rounds"]), 2)
        self.assertEqual(data["level"]["level"], "bronze")
        charts = [e["chart"] for e in data["evidence"] if "chart" in e]
        self.assertIn("shift", [c["verdict"] for c in charts])
        self.assertEqual(data["panels"][0]["decision"], "bronze")

    def test_standards_sample_pack(self):
        p = self.path("Sample.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        out = self.path("delderfield.json")
        r = run("export", "standards", "--team", "Delderfield Ward", "--format", "json",
                "--output", out, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            data = json.load(f)
        pdf = self.path("delderfield.pdf")
        r = run("export", "standards", "--team", "Delderfield Ward", "--format", "pdf",
                "--output", pdf, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = " ".join(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        self.assertIn("Culture of Care accreditation pack", text)
        self.assertIn("Delderfield Ward", text)
        # Scores reach Bronze, but not every standard is evidenced: the
        # cover does not call it the level.
        self.assertIn("Scores reach Bronze (average %.2f" % data["level"]["average"], text)
        self.assertIn("not yet the level", text)
        self.assertNotIn("Level: Bronze", text)
        unevidenced = len(data["level"]["standards_without_evidence"])
        self.assertGreater(unevidenced, 0)
        self.assertIn("%d standards have no evidence yet" % unevidenced, text)
        for standard in data["framework"]["standards"]:
            self.assertIn(standard["title"], text)
        # The widest gap of the latest round, in words.
        latest = data["rounds"][-1]["standards"]
        widest = max((s for s in latest if s["gap"] is not None), key=lambda s: abs(s["gap"]))
        self.assertRegex(text, r"%s: staff score it [0-9.]+ \(\w+\) and people with lived "
                         r"experience [0-9.]+ \(\w+\): a gap of %.1f" %
                         (widest["standard"], abs(widest["gap"])))
        # Each linked measure's chart, titled by its measure, and its verdict's reasons.
        measures = [e for e in data["evidence"] if e["kind"] == "measure"]
        self.assertTrue(measures)
        for e in measures:
            self.assertGreaterEqual(text.count(e["what"]), 2, e["what"])
            self.assertIn(e["chart"]["baseline_reason"].split()[0], text)
        self.assertIn("Panel record", text)
        self.assertIn(data["panels"][0]["date"], text)
        # A PNG of the cover.
        png = self.path("cover.png")
        r = run("export", "standards", "--team", "Delderfield Ward", "--format", "png",
                "--output", png, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_standards_pack_new_project(self):
        p = self.path("New.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        self.assertEqual(run("team", "add", "Oak", p).returncode, 0)
        pdf = self.path("oak.pdf")
        r = run("export", "standards", "--team", "Oak", "--format", "pdf", "--output", pdf, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = " ".join(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        self.assertIn("Level: not yet assessed. The team has no self-assessment round", text)
        self.assertIn("No self-assessment round yet", text)
        self.assertIn("No evidence yet", text)
        self.assertIn("No panel review yet.", text)
        # A long note flows over pages whole under its standard; the governance
        # section gives its start.
        words = ["word%d" % i for i in range(2500)]
        note = " ".join(words)[:19000].rsplit(" ", 1)[0]
        r = run("standards", "evidence", "add", "--team", "Oak", "--standard", "Safety", "--type",
                "Governance", "--level", "bronze", "--note", note, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("export", "standards", "--team", "Oak", "--format", "pdf", "--output", pdf, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = " ".join(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        # Every word, in order, once the pages' footers are taken out.
        text = re.sub(r"Accreditation pack: Oak · page \d+ of \d+ ", "", text)
        self.assertTrue(note in text, "the long note is not whole in the pack")
        self.assertEqual(text.count(note.split()[-1]), 1)
        self.assertEqual(text.count("word10 "), 2)
        self.assertIn("… (in full under Safety): Bronze", text)
        r = run("export", "standards", "--team", "Elm", "--format", "pdf", "--output", pdf, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no team called “Elm”", r.stderr)

    def test_standards_teams(self):
        p = self.path("Teams.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        for team in ("Willow Ward", "Oak | Ward", "Ash"):
            self.assertEqual(run("team", "add", team, p).returncode, 0)
        r = run("standards", "round", "add", "--team", "Willow Ward", "--date", "2026-03-02",
                "--headcount", "4", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        survey = self.path("survey.csv")
        with open(survey, "w") as f:
            f.write("Role,Safety,Lived Experience\nStaff,4,3\nStaff,3,4\nStaff,3,4\n"
                    "Expert by experience,2,\n")
        r = run("standards", "import", "--team", "Willow Ward", "--round", "2026-03-02",
                "--role-column", "Role", survey, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "round", "add", "--team", "Oak | Ward", "--date", "2026-01-05", p)
        self.assertEqual(r.returncode, 0, r.stderr)

        r = run("standards", "teams", "--format", "json", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        data = json.loads(r.stdout)
        self.assertEqual(len(data["standards"]), 12)
        self.assertEqual([t["name"] for t in data["teams"]], ["Willow Ward", "Oak | Ward", "Ash"])
        willow, oak, ash = data["teams"]
        self.assertEqual(willow["round"]["date"], "2026-03-02")
        self.assertEqual(willow["round"]["staff_responses"], 3)
        self.assertEqual(willow["round"]["lived_experience_responses"], 1)
        self.assertAlmostEqual(willow["round"]["completion"], 0.75)
        self.assertTrue(willow["round"]["completion_met"])
        self.assertAlmostEqual(willow["means"]["coc-safety"], 3.0)
        self.assertAlmostEqual(willow["means"]["coc-lived-experience"], 11 / 3)
        self.assertIsNone(willow["means"]["coc-choice"])
        self.assertAlmostEqual(willow["average"], (3 + 11 / 3) / 2)
        self.assertEqual(willow["standards_scored"], 2)
        self.assertEqual(willow["level"], "bronze")
        self.assertEqual(oak["round"]["date"], "2026-01-05")
        self.assertIsNone(oak["round"]["headcount"])
        self.assertIsNone(oak["average"])
        self.assertIsNone(oak["level"])
        self.assertIsNone(ash["round"])
        self.assertEqual(ash["standards_scored"], 0)

        r = run("standards", "teams", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("| Willow Ward | 2026-03-02 | 75% | 3.33 | Bronze | 3.7 Strong | 3.0 Embedded |"
                      " not scored |", r.stdout)
        self.assertIn("| Oak \\| Ward | 2026-01-05 | 0, headcount not known | not scored | – |",
                      r.stdout)
        self.assertIn("| Ash | no round yet | – |", r.stdout)

        r = run("standards", "teams", "--format", "csv", p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("“csv” is not a format of this command", r.stderr)
        missing = self.path("Missing.tandem")
        r = run("standards", "teams", missing, p)
        self.assertEqual(r.returncode, 2)
        r = run("standards", "teams", missing)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Missing.tandem", r.stderr)

    def test_standards_framework(self):
        p = self.path("Framework.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        self.assertEqual(run("team", "add", "Willow Ward", p).returncode, 0)
        r = run("standards", "round", "add", "--team", "Willow Ward", "--date", "2026-03-02",
                "--headcount", "4", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        survey = self.path("survey.csv")
        with open(survey, "w") as f:
            f.write("Role,Safety,Lived Experience\nStaff,4,3\nStaff,3,4\nStaff,3,3\n")
        r = run("standards", "import", "--team", "Willow Ward", "--round", "2026-03-02",
                "--role-column", "Role", survey, p)
        self.assertEqual(r.returncode, 0, r.stderr)

        r = run("standards", "framework", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("  Safety — A safe-care dashboard; learning from PSIRF; safeguarding\n", r.stdout)
        self.assertIn("  3 Embedded\n", r.stdout)
        self.assertIn("  Bronze: an average of 2.50 or more\n", r.stdout)
        self.assertIn("  Silver: an average of 3.50 or more\n", r.stdout)
        self.assertIn("  Gold: an average of 4.20 or more, and sustained outcomes\n", r.stdout)
        shipped = r.stdout
        # An average of 3.33 is Bronze by the shipped framework.
        self.assertEqual(json.loads(run("standards", "teams", "--format", "json", p).stdout)
                         ["teams"][0]["level"], "bronze")

        # Bad values are refused (exit 2), naming what is wrong, and nothing changes.
        changes = self.changes(p)
        for args, message in [
                (["--threshold", "platinum=3"], "Unknown level “platinum”: use bronze, silver or gold"),
                (["--threshold", "bronze=abc"], "“abc” is not an average for Bronze"),
                (["--threshold", "gold=5.5"], "“5.5” is not an average for Gold: give a number from 1 to 5"),
                (["--threshold", "bronze=3.6"], "Framework.tandem: the averages must rise from Bronze "
                                                "to Silver to Gold: 3.60, 3.50 and 4.20 do not"),
                (["--word", "6=Great"], "“6” is not a score: scores are 1 to 5"),
                (["--word", "3="], "give a score and its word, as in 3=Embedded"),
                (["--standard", "Kindness", "--title", "K"],
                 "Framework.tandem: there is no standard called “Kindness”. The standards are "
                 "Lived Experience, Safety, Relationships,"),
                (["--title", "Safety first"], "Say which standard to change with --standard"),
                ([], "Say what to change")]:
            r = run("standards", "framework", "set", *args, p)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(message, r.stderr)
        self.assertEqual(self.changes(p), changes)
        # A value only the file refuses (a name too long), after one that was
        # fine: that one is taken back too.
        r = run("standards", "framework", "set", "--word", "2=Growing", "--standard", "Safety",
                "--title", "x" * 300, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Framework.tandem: The standard’s name is too long", r.stderr)
        self.assertIn("Nothing was changed.", r.stderr)
        self.assertEqual(run("standards", "framework", p).stdout, shipped)

        # Silver above the shipped Gold: Gold is raised first, so each step holds.
        r = run("standards", "framework", "set", "--threshold", "silver=4.3", "--threshold",
                "GOLD=4.6", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("standards", "framework", "set", "--threshold", "silver=3.3", "--threshold",
                "bronze=2.6", "--word", "3=Established", "--standard", "safety", "--title",
                "Safety and security", "--standard", "", p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Change one standard at a time", r.stderr)
        r = run("standards", "framework", "set", "--threshold", "silver=3.3", "--threshold",
                "bronze=2.6", "--word", "3=Established", "--standard", "safety", "--title",
                "Safety and security", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.changes(p)[-4:], ["Change a level’s threshold"] * 2 +
                         ["Change a score’s word", "Rename standard"])
        r = run("standards", "framework", p)
        self.assertIn("  Bronze: an average of 2.60 or more\n", r.stdout)
        self.assertIn("  Silver: an average of 3.30 or more\n", r.stdout)
        self.assertIn("  Gold: an average of 4.60 or more, and sustained outcomes\n", r.stdout)
        self.assertIn("  3 Established\n", r.stdout)
        self.assertIn("  Safety and security — A safe-care dashboard", r.stdout)

        teams = json.loads(run("standards", "teams", "--format", "json", p).stdout)
        self.assertEqual(teams["teams"][0]["level"], "silver")
        out = self.path("standards.json")
        r = run("export", "standards", "--team", "Willow Ward", "--format", "json", "--output", out, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            data = json.load(f)
        self.assertEqual(data["framework"]["scores"][2], "Established")
        self.assertEqual([level["threshold"] for level in data["framework"]["levels"]], [2.6, 3.3, 4.6])
        self.assertEqual(data["framework"]["standards"][1]["title"], "Safety and security")
        self.assertEqual(data["level"]["level"], "silver")
        safety = [s for s in data["rounds"][0]["standards"] if s["standard"] == "Safety and security"]
        self.assertEqual(safety[0]["word"], "Established")
        self.assertEqual(run("check", p).returncode, 0)

    def test_analyse_stdin(self):
        csv = "x,y\n" + "".join(f"2024-01-{d:02d},{v}\n" for d, v in
                                 zip(range(1, 21), [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 9, 10, 11, 10, 12, 11, 10, 12, 11, 13]))
        r = run("analyse", "--chart", "run", "-", stdin=csv)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        self.assertEqual(out["rules"], "ihi")
        self.assertEqual(len(out["points"]), 20)
        self.assertTrue(any("shift" in p["signals"] for p in out["points"]))

    # --- coaching: one session's record, and private sessions left out ---
    def _coaching_sample(self):
        p = self.path("Coaching.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        db = sqlite3.connect(p)
        rows = db.execute("SELECT s.id, t.name, s.starts_at FROM coaching_session s "
                          "JOIN team t ON t.id = s.team_id WHERE s.private = 0 "
                          "ORDER BY s.starts_at").fetchall()
        session_id, team, starts_at = rows[0]
        db.execute("UPDATE coaching_session SET notes = 'Notes about the garden project' "
                   "WHERE id = ?", (session_id,))
        secret_id = rows[1][0]
        db.execute("UPDATE coaching_session SET private = 1, notes = 'Quetzalcoatl disclosure' "
                   "WHERE id = ?", (secret_id,))
        db.commit()
        db.close()
        return p, session_id, team, starts_at, secret_id

    def test_exports_say_what_is_missing(self):
        """Every export takes its format from the file's name when --format is not
        given, and says what to add (not only its help) when something is missing."""
        p = self.path("Sample.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        team = json.loads(run("info", "--json", p).stdout)["teams"][0]["name"]
        for args, out in [(["export", "peer-support", "--team", team], "ps.pdf"),
                          (["export", "diagram", "--team", team], "d.SVG"),
                          (["export", "sessions", "--team", team], "log.md"),
                          (["export", "standards", "--team", team], "pack.pdf")]:
            r = run(*args, "--output", self.path(out), p)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertGreater(os.path.getsize(self.path(out)), 0)
        with open(self.path("ps.pdf"), "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        with open(self.path("log.md"), encoding="utf-8") as f:
            self.assertTrue(f.read().startswith(f"# {team}"))
        for args, words in [
                (["export", "peer-support", "--team", team, p], "--output FILE"),
                (["export", "diagram", "--output", self.path("x.pdf"), p], "--team NAME"),
                (["export", "sessions", "--team", team, "--output", "-", p], "--format (pdf, md, txt, ics)"),
                (["export", "session", "--output", self.path("x.pdf"), p], "--id ID"),
                (["export", "peer-support", "--output", self.path("x.doc"), p], "“doc” is not a format")]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(words, r.stderr)
            self.assertNotIn("Usage:", r.stderr)

    def test_measure_breakdown_default_reference(self):
        """Without --reference the groups are compared with the grouping's first
        group, as the app does (White for the broad groups), never with none."""
        p = self.path("Ward.tandem")
        for args in (["new", p], ["team", "add", "Oak", p],
                     ["measure", "add", "Restraint", "--team", "Oak", "--direction", "decrease", p],
                     ["measure", "breakdown", "--measure", "Restraint", "--grouping",
                      "Ethnicity (broad groups)", p]):
            r = run(*args)
            self.assertEqual(r.returncode, 0, (args, r.stderr))
        with sqlite3.connect(p) as db:
            label = db.execute("SELECT c.label FROM measure_breakdown b JOIN grouping_category c"
                               " ON c.id = b.reference_id").fetchone()
        self.assertEqual(label, ("White",))

    def test_export_session(self):
        p, session_id, team, starts_at, secret_id = self._coaching_sample()
        env = dict(os.environ, TZ="UTC")

        def export(*args):
            return subprocess.run([CLI, "export", "session", *args], capture_output=True,
                                  text=True, timeout=120, env=env)

        txt, md, pdf = self.path("s.txt"), self.path("s.md"), self.path("s.pdf")
        r = export("--id", session_id, "--format", "txt", "--output", txt, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(txt, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("Notes about the garden project", text)
        self.assertIn(team, text.splitlines()[0])
        self.assertTrue(text.splitlines()[1].startswith("===="))
        self.assertNotIn("**", text)

        # By team and day (the day in local time; TZ is UTC here).
        r = export("--team", team, "--date", starts_at[:10], "--format", "md", "--output", md, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(md, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.startswith("# "))
        self.assertIn("Notes about the garden project", text)
        r = export("--team", team, "--date", starts_at[:10], "--time", starts_at[11:16],
                   "--format", "pdf", "--output", pdf, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(pdf)[:5], b"%PDF-")

        # Private sessions only on request.
        r = export("--id", secret_id, "--format", "txt", "--output", self.path("x.txt"), p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("private", r.stderr)
        self.assertFalse(os.path.exists(self.path("x.txt")))
        r = export("--id", secret_id, "--include-private", "--format", "txt",
                   "--output", self.path("x.txt"), p)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path("x.txt"), encoding="utf-8") as f:
            self.assertIn("Quetzalcoatl", f.read())

        # Mistakes are told, with status 2 and no file.
        bad = [
            ("--format", "txt", "--output", self.path("b.txt"), p),
            ("--id", session_id, "--team", team, "--format", "txt", "--output", self.path("b.txt"), p),
            ("--team", team, "--format", "txt", "--output", self.path("b.txt"), p),
            ("--id", session_id, "--format", "docx", "--output", self.path("b.txt"), p),
            ("--id", "no-such-id", "--format", "txt", "--output", self.path("b.txt"), p),
            ("--team", "Nobody", "--date", "2026-01-01", "--format", "txt", "--output", self.path("b.txt"), p),
            ("--team", team, "--date", "1999-01-01", "--format", "txt", "--output", self.path("b.txt"), p),
            ("--team", team, "--date", "01/01/2026", "--format", "txt", "--output", self.path("b.txt"), p),
        ]
        for args in bad:
            r = export(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertTrue(r.stderr.strip(), args)
            self.assertFalse(os.path.exists(self.path("b.txt")), args)
        self.assertIn("session (--id ID", run("export", "--help").stdout)

    def test_export_sessions_leaves_out_private(self):
        p, session_id, team, starts_at, secret_id = self._coaching_sample()
        for fmt in ("md", "txt", "ics", "pdf"):
            out = self.path("log." + fmt)
            r = run("export", "sessions", "--team", team, "--format", fmt, "--output", out, p)
            self.assertEqual(r.returncode, 0, r.stderr)
            data = read(out)
            self.assertNotIn(secret_id.encode(), data, fmt)
            if fmt in ("md", "txt"):
                self.assertIn(b"garden project", data)
                self.assertNotIn(b"Quetzalcoatl", data)
        r = run("export", "sessions", "--team", team, "--include-private", "--format", "md",
                "--output", self.path("all.md"), p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"Quetzalcoatl", read(self.path("all.md")))
        # The calendar counts the events: one fewer without the private one.
        r = run("export", "sessions", "--team", team, "--include-private", "--format", "ics",
                "--output", self.path("all.ics"), p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(self.path("all.ics")).count(b"BEGIN:VEVENT"),
                         read(self.path("log.ics")).count(b"BEGIN:VEVENT") + 1)
    # --- end coaching ---

    # --- measures: exports keep nothing made from a damaged file ---
    def _damage(self, p, table):
        """Overwrites the leaf pages of @table with noise; returns the file's bytes."""
        db = sqlite3.connect(p)
        size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name = ? "
                                          "AND pagetype = 'leaf'", (table,))]
        db.close()
        self.assertTrue(pages, table)
        data = bytearray(read(p))
        for n in pages:
            data[(n - 1) * size:n * size] = bytes((i * 7919 + n) & 0xFF for i in range(size))
        with open(p, "wb") as f:
            f.write(data)
        return bytes(data)

    def test_exports_from_damaged_file(self):
        # Every export opens the project for reading, with its structural
        # check on a second thread: whether the damage is in what the export
        # reads (team) or elsewhere (the measures' data, which none of these
        # read), it leaves no file behind and says why.
        for table in ("data_point", "team"):
            p, session_id, team, starts_at, secret_id = self._coaching_sample()
            db = sqlite3.connect(p)
            diagram_team = db.execute("SELECT t.name FROM team t JOIN diagram d ON d.team_id = t.id "
                                      "ORDER BY t.position LIMIT 1").fetchone()[0]
            db.close()
            out = self.path("out")
            exports = [
                ("diagram", "--team", diagram_team, "--format", "pdf"),
                ("peer-support", "--format", "pdf"),
                ("peer-support", "--team", team, "--format", "svg"),
                ("sessions", "--team", team, "--format", "md"),
                ("sessions", "--team", team, "--format", "pdf"),
                ("session", "--id", session_id, "--format", "txt"),
                ("session", "--team", team, "--date", starts_at[:10], "--format", "pdf"),
            ]
            env = dict(os.environ, TZ="UTC")
            # The intact file exports; read-only is enough.
            for args in exports:
                r = subprocess.run([CLI, "export", *args, "--output", out, p], capture_output=True,
                                   text=True, timeout=120, env=env)
                self.assertEqual(r.returncode, 0, (args, r.stderr))
                self.assertTrue(os.path.getsize(out) > 0, args)
                os.unlink(out)
            data = self._damage(p, table)
            for args in exports:
                r = subprocess.run([CLI, "export", *args, "--output", out, p], capture_output=True,
                                   text=True, timeout=120, env=env)
                self.assertEqual(r.returncode, 2, (table, args, r.stderr))
                self.assertIn("damaged", r.stderr, (table, args))
                self.assertFalse(os.path.exists(out), (table, args))
                self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".tandem-export")],
                                 [], (table, args))
                self.assertEqual(read(p), data, (table, args))
            os.unlink(p)
    # --- end measures ---

    def test_merge(self):
        mine = self.path("Ward 4.tandem")
        theirs = self.path("Ward 4 (Sam).tandem")
        self.assertEqual(run("new", mine).returncode, 0)
        with open(mine, "rb") as f:
            data = f.read()
        with open(theirs, "wb") as f:
            f.write(data)
        # Theirs adds a team, logged as Tandem logs an edit.
        db = sqlite3.connect(theirs)
        db.execute("INSERT INTO team (id, name) VALUES ('t-1', 'Larches Ward')")
        db.execute("INSERT INTO change_txn (at, author, replica, label, kind, origin_replica, origin_id) "
                   "VALUES ('2025-01-02T10:00:00Z', 'Sam Peer', 'r-sam', 'Add team', 'edit', 'r-sam', 'x-1')")
        db.execute("INSERT INTO change_log (txn, op, entity, entity_id, new_value) VALUES "
                   "((SELECT max(id) FROM change_txn), 'insert', 'team', 't-1', "
                   "json_object('id', 't-1', 'name', 'Larches Ward', 'organisation', NULL, "
                   "'service_type', NULL, 'ward', NULL, 'position', 0))")
        db.commit()
        db.close()
        before = read(theirs)

        r = run("merge", theirs, mine)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 change came in from the other copy: 1 item added.", r.stdout)
        info = json.loads(run("info", "--json", mine).stdout)
        self.assertEqual([t["name"] for t in info["teams"]], ["Larches Ward"])
        self.assertEqual(read(theirs), before)
        # Again: nothing new.
        r = run("merge", theirs, mine)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Nothing new", r.stdout)
        self.assertEqual(run("check", mine).returncode, 0)

        # Bad input: a separately created project, a missing file, wrong usage.
        other = self.path("Ward 9.tandem")
        self.assertEqual(run("new", other).returncode, 0)
        before = read(mine)
        r = run("merge", other, mine)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not a copy of this project", r.stderr)
        self.assertIn("Ward 9.tandem", r.stderr)
        r = run("merge", self.path("Missing.tandem"), mine)
        self.assertEqual(r.returncode, 2)
        self.assertIn("could not be found", r.stderr)
        self.assertEqual(read(mine), before)
        self.assertEqual(run("merge", theirs).returncode, 2)
        self.assertIn("merge", run("--help").stdout)

    # --- diagram authorship ---
    def test_export_diagram_authorship(self):
        """--authorship writes in each box who added it, as the app's preference does."""
        p = self.path("Sample.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        team = json.loads(run("info", "--json", p).stdout)["teams"][0]["name"]
        self.assertIn("--authorship", run("export", "diagram", "--help").stdout)
        texts = {}
        for flag in ([], ["--authorship"]):
            out = self.path("diagram%s.pdf" % len(flag))
            r = run("export", "diagram", "--team", team, "--format", "pdf", *flag, "--output", out, p)
            self.assertEqual(r.returncode, 0, r.stderr)
            texts[bool(flag)] = subprocess.run(["pdftotext", "-raw", out, "-"], capture_output=True,
                                               text=True, check=True).stdout
        self.assertNotIn("Added by", texts[False])
        # Every box: the aim, its drivers and change ideas (the sample credits its creator).
        self.assertGreaterEqual(texts[True].count("Added by Tandem sample"), 20, texts[True])
        # The boxes' own words are all still there.
        for line in texts[False].splitlines():
            if line.strip():
                self.assertIn(line.strip(), texts[True])
    # --- end diagram authorship ---

    # --- people ---
    def _new_with_teams(self):
        """A new project with two teams. No CLI command adds a team in this
        tree yet (`team add` is another part of the work), so they are
        written straight into the file, as the core would."""
        p = self.path("New ward.tandem")
        self.assertEqual(run("new", p).returncode, 0)
        db = sqlite3.connect(p)
        db.execute("INSERT INTO team (id, name, position) VALUES ('t-w', 'Willow Ward', 0), "
                   "('t-c', 'Cedar Team', 1)")
        db.commit()
        db.close()
        return p

    def _log_size(self, p):
        db = sqlite3.connect(p)
        n = db.execute("SELECT count(*) FROM change_txn").fetchone()[0]
        db.close()
        return n

    def test_person_add_list_edit_deactivate(self):
        p = self._new_with_teams()
        r = run("person", "add", "--team", "Willow Ward", "--role-title", "Ward manager",
                "--contact", "Email", "Zoë Ó Briain", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Added to Willow Ward: Zoë Ó Briain\tWard manager", r.stdout)
        r = run("person", "add", "--team", "Willow Ward", "--taking-part-as",
                "Lived-experience partner", "--organisation", "Mind in Harrow", "amir Haddad", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Lived-experience partner\tMind in Harrow", r.stdout)

        # Bad values exit 2, say why, and change nothing.
        before = read(p)
        for args, words in [
            (["--team", "Willow Ward", "--taking-part-as", "psychosis", "Bo"], "psychosis"),
            (["--team", "Nowhere", "Bo"], "Nowhere"),
            (["Bo"], "--team"),
            (["--team", "Willow Ward", "   "], "name"),
            (["--team", "Willow Ward", "AMIR HADDAD"], "already has"),
            (["--team", "Willow Ward", "--role-title", "x" * 201, "Bo"], "200"),
        ]:
            r = run("person", "add", *args, p)
            self.assertEqual(r.returncode, 2, (args, r.stdout))
            self.assertIn(words, r.stderr)
            self.assertEqual(read(p), before, args)

        # The same person joins a second team.
        r = run("person", "add", "--team", "Cedar Team", "--existing", "Amir Haddad", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(run("person", "list", "--team", "Cedar Team", p).stdout.split("\t")[0],
                         "amir Haddad")

        r = run("person", "edit", "--team", "Willow Ward", "--role-title", "Matron", "--contact", "",
                "zoe o briain", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Changed: Zoë Ó Briain\tMatron\tNo particular role\t-\t-", r.stdout)
        r = run("person", "edit", "--taking-part-as", "diagnosis", "Zoë Ó Briain", p)
        self.assertEqual(r.returncode, 2)

        r = run("person", "deactivate", "amir haddad", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "amir Haddad is inactive since 2026-11-21\n")

        # Active first, by name; the inactive say since when.
        r = run("person", "list", "--team", "Willow Ward", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), [
            "Zoë Ó Briain\tMatron\tNo particular role\t-\t-",
            "amir Haddad\t-\tLived-experience partner\tMind in Harrow\t-\tinactive since 2026-11-21",
        ])
        r = run("person", "deactivate", "--reactivate", "amir haddad", p)
        self.assertEqual(r.stdout, "amir Haddad is active\n")
        self.assertEqual(run("check", p).returncode, 0)

        # Every change is one undoable entry in the change log, as in the app.
        db = sqlite3.connect(p)
        labels = [row[0] for row in db.execute("SELECT label FROM change_txn WHERE kind = 'edit' "
                                               "ORDER BY id")]
        db.close()
        self.assertEqual(labels, ["Add person", "Add person", "Add person to team", "Edit person",
                                  "Deactivate person", "Reactivate person"])

    def test_person_merge(self):
        p = self._new_with_teams()
        run("person", "add", "--team", "Willow Ward", "Amir Haddad", p)
        run("person", "add", "--team", "Cedar Team", "--contact", "Phone", "A. Haddad", p)
        r = run("person", "merge", "Amir Haddad", "A. Haddad", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "Merged “A. Haddad” into “Amir Haddad”\n")
        self.assertEqual(run("person", "list", "--team", "Cedar Team", p).stdout,
                         "Amir Haddad\t-\tNo particular role\t-\tPhone\n")
        before = read(p)
        r = run("person", "merge", "Amir Haddad", "Nobody", p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Nobody", r.stderr)
        self.assertEqual(read(p), before)

    def test_person_import(self):
        p = self._new_with_teams()
        bad = self.path("bad people.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("name,role title,taking part as\nBen Ocran,,peer worker\n,,carer\nDev Rao,,patient\n")
        before = read(p)
        r = run("person", "import", "--team", "Willow Ward", bad, p)
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad people.csv", r.stderr)
        self.assertIn("line 3: Give the person a name", r.stderr)
        self.assertIn("line 4: “patient” is not a way of taking part", r.stderr)
        self.assertEqual(read(p), before)

        good = self.path("people.csv")
        with open(good, "w", encoding="utf-8") as f:
            f.write("Ben Ocran,Peer support worker,peer worker,,Text\n"
                    "\"Okafor, Chidi\",,expert by experience,Carers Trust,\n")
        r = run("person", "import", "--team", "Willow Ward", good, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "Added 2 people to Willow Ward\n")
        self.assertEqual(run("person", "list", p).stdout.splitlines(), [
            "Ben Ocran\tPeer support worker\tPeer worker\t-\tText",
            "Okafor, Chidi\t-\tExpert by experience\tCarers Trust\t-",
        ])
        # Again: nobody twice, and no empty change to undo.
        log = self._log_size(p)
        r = run("person", "import", "--team", "Willow Ward", good, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Ben Ocran is already in Willow Ward", r.stdout)
        self.assertIn("Added 0 people", r.stdout)
        self.assertEqual(self._log_size(p), log)
        self.assertEqual(run("person", "list", p).stdout.count("\n"), 2)
    # --- end people ---
    # --- analyse by group ---
    # Restraints and bed days by ethnic category over three quarters of 2025,
    # written as people write them: codes, labels, the NHS's long labels.
    BY_GROUP_CSV = (
        "date,group,value,denominator\n"
        "2025-01-06,M,7,1600\n"
        "2025-02-03,Black or Black British - African,4,2000\n"
        "2025-03-03,P,1,500\n"
        "2025-01-06,White British,20,15000\n"
        "2025-02-03,B,10,7000\n"
        "2025-03-03,Z,9,3000\n"
        "2025-04-07,A,5,5000\n"
        "2025-04-07,african,0,1000\n"
        "2025-07-07,a,0,4000\n"
        "2025-07-07,Caribbean,3,900\n"
    )

    def analyse_by_group(self, *args, csv=None):
        r = run("analyse", "--by-group", *args, "-", stdin=csv or self.BY_GROUP_CSV)
        self.assertEqual(r.returncode, 0, r.stderr)
        # JSON has no NaN or Infinity: what cannot be a number is null, and said
        def refuse(constant):
            raise AssertionError("%s in the JSON" % constant)
        return json.loads(r.stdout, parse_constant=refuse)

    def assertClose(self, got, expected):
        self.assertIsNotNone(got)
        self.assertLessEqual(abs(got - expected), 1e-9 * abs(expected), (got, expected))

    def test_analyse_by_group_pooled(self):
        """Broad groups pooled from categories, with R's exact intervals, per quarter."""
        d = self.analyse_by_group("--pool")
        self.assertEqual((d["kind"], d["per"], d["level"], d["reference"]),
                         ("rate", 1000, "broad", "White"))
        whole = {g["group"]: g for g in d["whole"]["groups"]}
        self.assertEqual(list(whole), ["White", "Black or Black British"])
        white, black = whole["White"], whole["Black or Black British"]
        self.assertEqual((white["count"], white["denominator"]), (35, 31000))
        self.assertEqual(white["status"], "reference")
        self.assertEqual([white[k] for k in ("ratio", "ratio_lcl", "ratio_ucl")], [None] * 3)
        self.assertEqual((black["count"], black["denominator"]), (15, 6000))
        self.assertClose(black["rate"], 2.5)
        # R: poisson.test(c(15, 35), c(6000, 31000))
        self.assertClose(black["ratio"], 2.2142857142857140)
        self.assertClose(black["ratio_lcl"], 1.1235438515351692)
        self.assertClose(black["ratio_ucl"], 4.1608325376759412)
        # "Not stated" is never pooled: 9 of the 59 events
        self.assertNotIn("Not stated", whole)
        self.assertClose(d["whole"]["not_stated_share"], 9 / 59)
        self.assertEqual((d["whole"]["from"], d["whole"]["to"]), ("2025-01-06", "2025-07-07"))

        quarters = {q["quarter"]: q for q in d["quarters"]}
        self.assertEqual(list(quarters), ["2025 Q1", "2025 Q2", "2025 Q3"])
        self.assertEqual((quarters["2025 Q2"]["from"], quarters["2025 Q2"]["to"]),
                         ("2025-04-01", "2025-06-30"))
        q1 = {g["group"]: g for g in quarters["2025 Q1"]["groups"]}
        # R: poisson.test(c(12, 30), c(4100, 22000))
        self.assertClose(q1["Black or Black British"]["ratio"], 2.1463414634146338)
        self.assertClose(q1["Black or Black British"]["ratio_lcl"], 1.00078057325657)
        self.assertClose(q1["Black or Black British"]["ratio_ucl"], 4.3169853611694426)
        # No events: ratio 0, a finite upper end. R: poisson.test(c(0, 5), c(1000, 5000))
        q2 = {g["group"]: g for g in quarters["2025 Q2"]["groups"]}
        self.assertEqual(q2["Black or Black British"]["ratio"], 0)
        self.assertEqual(q2["Black or Black British"]["ratio_lcl"], 0)
        self.assertClose(q2["Black or Black British"]["ratio_ucl"], 5.4563955259127299)
        self.assertEqual(quarters["2025 Q2"]["not_stated_share"], 0)
        # None in the reference: infinite, said in words; only the lower end is a number.
        # R: poisson.test(c(3, 0), c(900, 4000))
        q3 = {g["group"]: g for g in quarters["2025 Q3"]["groups"]}
        black = q3["Black or Black British"]
        self.assertEqual(black["status"], "infinite")
        self.assertIsNone(black["ratio"])
        self.assertIsNone(black["ratio_ucl"])
        self.assertClose(black["ratio_lcl"], 1.8365838001373065)
        self.assertIn("infinite", black["note"])

    def test_analyse_by_group_categories(self):
        """Categories by code or label; --reference by label; --per."""
        d = self.analyse_by_group("--reference", "Black or Black British - Caribbean",
                                  "--per", "100")
        self.assertEqual((d["level"], d["reference"], d["per"]), ("category", "Caribbean", 100))
        groups = {g["code"]: g for g in d["whole"]["groups"]}
        self.assertEqual(sorted(groups), ["A", "B", "M", "N", "P"])
        self.assertEqual(groups["M"]["status"], "reference")
        self.assertEqual(groups["N"]["group"], "African")
        self.assertEqual((groups["N"]["count"], groups["N"]["denominator"]), (4, 3000))
        self.assertClose(groups["A"]["rate"], 25 / 24000 * 100)
        # White Irish has rows only in the first quarter: no data, no rate, later
        q2 = {g["code"]: g for g in d["quarters"][1]["groups"]}
        self.assertEqual(q2["B"]["status"], "no-data")
        self.assertIsNone(q2["B"]["rate"])
        # Caribbean has no rows in Q2: no reference there
        self.assertEqual(q2["A"]["status"], "no-reference")
        self.assertIsNone(q2["A"]["ratio"])

    def test_analyse_by_group_spreadsheet(self):
        """A spreadsheet's export: byte-order mark, semicolons, CRLF, day/month dates,
        bed days with a decimal comma, the columns named in the trust's own words."""
        csv = ("\ufeffWeek;Ethnicity;Count;Bed days\r\n"
               "06/01/2025;White - British;3;100,5\r\n"
               "13/01/2025;Black or Black British: Caribbean;4;50\r\n")
        d = self.analyse_by_group(csv=csv)
        groups = {g["code"]: g for g in d["whole"]["groups"]}
        self.assertEqual(groups["A"]["denominator"], 100.5)
        self.assertEqual(groups["M"]["count"], 4)
        self.assertEqual(d["whole"]["from"], "2025-01-06")
        self.assertEqual(d["quarters"][0]["quarter"], "2025 Q1")

    def test_analyse_by_group_proportion(self):
        """Risk ratios with Katz's interval; 0.5 added when a cell is 0."""
        csv = ("date,group,value,denominator\n"
               "2025-01-06,White,15,150\n2025-01-06,Black,30,120\n2025-01-06,Mixed,0,40\n")
        d = self.analyse_by_group("--kind", "proportion", csv=csv)
        self.assertEqual((d["kind"], d["per"]), ("proportion", 100))
        groups = {g["group"]: g for g in d["whole"]["groups"]}
        black = groups["Black or Black British"]
        self.assertClose(black["rate"], 25)
        # By hand: 2.5 * exp(c(-1, 1) * qnorm(0.975) * sqrt(1/30 - 1/120 + 1/15 - 1/150))
        self.assertClose(black["ratio"], 2.5)
        self.assertClose(black["ratio_lcl"], 1.4118034736263609)
        self.assertClose(black["ratio_ucl"], 4.4269617668146388)
        self.assertNotIn("corrected", black)
        # (0.5/41)/(15.5/151), and its interval from the corrected cells
        mixed = groups["Mixed"]
        self.assertTrue(mixed["corrected"])
        self.assertClose(mixed["ratio"], (0.5 / 41) / (15.5 / 151))

    def test_analyse_by_group_suppressed(self):
        """--suppress hides counts from 1 to 4 and the ratios made from them."""
        d = self.analyse_by_group("--pool", "--suppress")
        self.assertEqual(d["suppression"]["threshold"], 4)
        self.assertIn("fewer than 5", d["suppression"]["note"])
        q3 = {g["group"]: g for g in d["quarters"][2]["groups"]}
        black = q3["Black or Black British"]
        self.assertIsNone(black["count"])
        self.assertEqual(black["count_text"], "fewer than 5")
        self.assertIsNone(black["rate"])
        self.assertIsNone(black["ratio_lcl"])
        self.assertTrue(black["ratio_suppressed"])
        # 0 and 5 or more are shown
        self.assertEqual(q3["White"]["count"], 0)
        q2 = {g["group"]: g for g in d["quarters"][1]["groups"]}
        self.assertEqual(q2["White"]["count"], 5)
        d = self.analyse_by_group("--pool", "--suppress=2")
        self.assertEqual(d["quarters"][2]["groups"][1]["count"], 3)

    def test_analyse_by_group_refused(self):
        """Unknown groups and impossible rows are refused with their line; exit 2."""
        csv = ("date,group,value,denominator\n2025-01-06,A,3,100\n2025-01-06,Martian,1,10\n"
               "2025-01-13,N,2,0\n2025-01-13,B,2.5,100\n")
        p = self.path("restraint.csv")
        with open(p, "w") as f:
            f.write(csv)
        r = run("analyse", "--by-group", p)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn("restraint.csv: line 3: “Martian” is not an ethnic category", r.stderr)
        self.assertIn("restraint.csv: line 4: 2 events but a denominator of 0", r.stderr)
        self.assertIn("restraint.csv: line 5: the value 2.5 is not a count", r.stderr)
        # categories and broad groups together would count people twice
        r = run("analyse", "--by-group", "-",
                stdin="2025-01-06,A,3,100\n2025-01-06,Black,1,10\n")
        self.assertEqual(r.returncode, 2)
        self.assertIn("line 2: the file mixes ethnic categories (line 1) and broad groups", r.stderr)
        for args, words in ((["--reference", "Z"], "“Not stated” cannot be the reference"),
                            (["--reference", "Chinese"], "“Chinese” has no rows"),
                            (["--kind", "odds"], "“odds” is not rate or proportion"),
                            (["--per", "-5"], "“-5” is not a number above 0")):
            r = run("analyse", "--by-group", *args, "-", stdin=self.BY_GROUP_CSV)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(words, r.stderr)
        self.assertIn("--reference", run("analyse", "--by-group", "--help").stdout)
    # --- end analyse by group ---
    # --- chart by group ---
    def write_by_group(self, name):
        """Two years of restraints and bed days by broad group, monthly; Black
        patients' rate falls after a year, and their third quarter of 2025
        has 3 restraints: fewer than 5."""
        rows = ["date,group,value,denominator"]
        for i in range(24):
            date = "%04d-%02d-01" % (2025 + i // 12, i % 12 + 1)
            black = 1 if 6 <= i <= 8 else (8 + i % 2 if i < 12 else 4 + i % 2)
            rows += ["%s,White,%d,3000" % (date, 6 + i % 3),
                     "%s,Black or Black British,%d,600" % (date, black),
                     "%s,Asian or Asian British,%d,400" % (date, 2 + i % 3),
                     "%s,Not stated,1,150" % date]
        path = self.path(name)
        with open(path, "w") as f:
            f.write("\n".join(rows) + "\n")
        return path

    WORDS = ["--denominator", "occupied bed days", "--people", "patients",
             "--events", "were restrained", "--exposure", "bed day",
             "--phase", "2026-01-01=cultural safety huddles",
             "--note", "2025-06-15=Restraint training"]

    def test_chart_by_group(self):
        csv = self.write_by_group("restraint.csv")
        out = self.path("groups.pdf")
        r = run("chart", "--by-group", *self.WORDS, "--title", "Restraint by ethnic group",
                "-o", out, csv)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Wrote " + out, r.stdout)
        text = " ".join(self.pdf_text(out).split())
        for words in ("Restraint by ethnic group", "White (reference)", "Black or Black British",
                      "Asian or Asian British", "per 1,000 occupied bed days", "U chart",
                      "White's mean, in every panel", "Restraint training",
                      "cultural safety huddles",
                      # poisson.test(c(54, 84), c(7200, 36000)): 3.214286, 2.240149 to 4.578043
                      "Over the last 12 months Black or Black British patients were restrained "
                      "3.2 times as often per bed day as White patients (95% interval 2.2 to 4.6); "
                      "before the ‘cultural safety huddles’ change it was"):
            self.assertIn(words, text)
        # Not stated is a note, never a panel.
        self.assertIn("“Not stated”: 6% of the events, left out of the comparison", text)

        out = self.path("disparity.pdf")
        r = run("chart", "--by-group", "--view", "disparity", *self.WORDS, "--suppress",
                "-o", out, csv)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = " ".join(self.pdf_text(out).split())
        for words in ("Rate ratio to White (log scale)", "1: the same as White", "95% interval",
                      "1 quarter is left out (marked <5)"):
            self.assertIn(words, text)

        for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
            out = self.path("chart." + fmt)
            r = run("chart", "--by-group", "--view", "disparity", "--dpi", "72", "-o", out, csv)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(read(out)[:len(magic)], magic)
        self.assertIn("--view", run("chart", "--by-group", "--help").stdout)

    def test_chart_by_group_refused(self):
        """Bad rows are named with their line, bad options with their value; exit 2,
        nothing written."""
        bad = self.path("restraint.csv")
        with open(bad, "w") as f:
            f.write("date,group,value,denominator\n2025-01-06,A,3,100\n"
                    "2025-01-06,Martian,1,10\n2025-01-13,N,2,0\n")
        out = self.path("x.pdf")
        r = run("chart", "--by-group", "-o", out, bad)
        self.assertEqual(r.returncode, 2)
        self.assertIn("restraint.csv: line 3: “Martian” is not an ethnic category", r.stderr)
        self.assertIn("restraint.csv: line 4: 2 events but a denominator of 0", r.stderr)
        self.assertFalse(os.path.exists(out))

        csv = self.write_by_group("good.csv")
        project = self.path("Ward.tandem")
        self.assertEqual(run("new", project).returncode, 0)
        before = read(project)
        white = self.path("white.csv")
        with open(white, "w") as f:
            f.write("date,group,value,denominator\n2025-01-06,White,3,100\n")
        for args, words in [
            (["--view", "pie", "-o", out, csv], "--view “pie”: use groups or disparity"),
            (["--phase", "soon=huddles", "-o", out, csv], "--phase “soon”"),
            (["--reference", "Chinese", "-o", out, csv], "“Chinese” is an ethnic category"),
            (["--suppress=few", "-o", out, csv], "“few” is not a whole number"),
            (["--view", "disparity", "-o", out, white], "nothing to compare"),
            ([csv], "--output FILE"),
            (["-o", project, "--format", "pdf", csv], "is a Tandem project"),
        ]:
            r = run("chart", "--by-group", *args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(words, r.stderr, args)
        self.assertEqual(read(project), before)
        self.assertFalse(os.path.exists(out))
        # A file that cannot be written: exit 1.
        r = run("chart", "--by-group", "-o", self.path("no such folder/x.pdf"), csv)
        self.assertEqual(r.returncode, 1, r.stderr)
    # --- end chart by group ---

    # --- export chart by group ---
    def broken_down_project(self, name):
        """A new ward whose restraints are broken down by broad ethnic group,
        two years of months: Black patients' rate falls in the second year,
        and Mixed patients were restrained 3 times in it: fewer than 5."""
        p = self.path(name)
        for args in (("new", p), ("team", "add", "Oak", p),
                     ("measure", "add", "Restraint", "--team", "Oak", "--direction", "decrease", p),
                     ("measure", "add", "Falls", "--team", "Oak", "--direction", "decrease", p),
                     ("measure", "breakdown", "--measure", "Restraint", "--team", "Oak",
                      "--grouping", "Ethnicity (broad groups)", "--denominator",
                      "occupied bed days", "--reference", "White", p)):
            r = run(*args)
            self.assertEqual(r.returncode, 0, (args, r.stderr))
        rows = ["date,group,count,denominator"]
        for i in range(24):
            date = "%04d-%02d-01" % (2025 + i // 12, i % 12 + 1)
            rows += ["%s,White,%d,3000" % (date, 6 + i % 3),
                     "%s,Black or Black British,%d,600" % (date, 8 + i % 2 if i < 12 else 4 + i % 2),
                     "%s,Mixed,%d,200" % (date, 1 if i in (13, 17, 21) else 0),
                     "%s,Not stated,1,150" % date]
        csv = self.path(name + ".csv")
        with open(csv, "w") as f:
            f.write("\n".join(rows) + "\n")
        r = run("import", "groups", "--measure", "Restraint", "--team", "Oak", csv, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        return p

    def test_export_chart_by_group(self):
        """A project's broken-down measure: the charts and words chart --by-group
        draws, with the measure's phases and notes."""
        p = self.path("Sample.tandem")
        self.assertEqual(run("sample", p).returncode, 0)
        out = self.path("groups.pdf")
        r = run("export", "chart", "--measure", "Restrictive practice incidents",
                "--team", "Delderfield Ward", "--view", "groups", "--output", out, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(out)[:5], b"%PDF-")
        text = " ".join(self.pdf_text(out).split())
        for words in ("Restrictive practice incidents", "White (reference)",
                      "Black or Black British", "per 1,000 occupied bed days", "U chart",
                      "Twice-daily safety huddles", "Debriefs by the peer support worker begin",
                      "Over the last 12 months Black or Black British people had the event",
                      "before the ‘Twice-daily safety huddles’ change it was"):
            self.assertIn(words, text)

        out = self.path("disparity.svg")
        r = run("export", "chart", "--measure", "Restrictive practice incidents",
                "--view", "disparity", "--output", out, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(out)[:5], b"<?xml")

    def test_export_chart_by_group_suppressed(self):
        """--suppress hides small counts at the file's threshold (4 unless the
        file says otherwise); --suppress=N overrides it."""
        p = self.broken_down_project("Ward.tandem")
        shown = self.path("shown.pdf")
        r = run("export", "chart", "--measure", "Restraint", "--view", "disparity",
                "--output", shown, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = " ".join(self.pdf_text(shown).split())
        # poisson.test(c(3, 84), c(2400, 36000)): 0.536, 0.108 to 1.620
        self.assertIn("Mixed people had the event 0.54 times as often as White people, but the "
                      "95% interval (0.11 to 1.6) includes 1", text)
        self.assertNotIn("fewer than 5", text)
        self.assertNotIn("too small to share", text)

        hidden = self.path("hidden.pdf")
        r = run("export", "chart", "--measure", "Restraint", "--view", "disparity",
                "--suppress", "--output", hidden, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = " ".join(self.pdf_text(hidden).split())
        self.assertIn("Mixed people had the event fewer than 5 times: the numbers are too small "
                      "to share", text)
        # Black patients' ratio is not small: it is still said.
        self.assertIn("Over the last 12 months Black or Black British people had the event", text)

        r = run("export", "chart", "--measure", "Restraint", "--view", "groups",
                "--suppress=2", "--output", hidden, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("too small to share", " ".join(self.pdf_text(hidden).split()))

        # The file's own threshold is what every exporter of it uses.
        with sqlite3.connect(p) as db:
            db.execute("INSERT INTO meta (key, value) VALUES ('disparity_threshold', '2')")
        r = run("export", "chart", "--measure", "Restraint", "--view", "disparity",
                "--suppress", "--output", hidden, p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("too small to share", " ".join(self.pdf_text(hidden).split()))

    def test_export_chart_by_group_refused(self):
        """A measure with no breakdown, or no data by group: exit 2, a clear
        message naming the file and the measure, nothing written."""
        p = self.broken_down_project("Ward.tandem")
        before = read(p)
        out = self.path("x.pdf")
        for args, words in [
            (["--measure", "Falls", "--view", "groups"],
             "Ward.tandem: “Falls” is not broken down by group"),
            (["--measure", "Restraint", "--view", "pie"], "--view “pie”: use groups or disparity"),
            (["--measure", "Restraint", "--view", "groups", "--suppress=few"],
             "“few” is not a whole number"),
            (["--measure", "Restraint", "--suppress"], "--suppress goes with --view"),
            (["--measure", "Restraint", "--team", "Elm", "--view", "groups"],
             "no team called “Elm”"),
        ]:
            r = run("export", "chart", *args, "--output", out, p)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertIn(words, r.stderr, args)
            self.assertFalse(os.path.exists(out))
        r = run("measure", "breakdown", "--measure", "Falls", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        before = read(p)
        r = run("export", "chart", "--measure", "Falls", "--view", "disparity", "--output", out, p)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("Ward.tandem: “Falls” has no data by group yet", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(read(p), before)

    def test_measure_breakdown_threshold(self):
        """measure breakdown --threshold N sets the project's small-number
        threshold, as the app's Measures page does, with or without a
        measure; every export for sharing then hides counts up to it."""
        p = self.broken_down_project("Ward.tandem")

        def threshold():
            with sqlite3.connect("file:%s?mode=ro" % p, uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE key = 'disparity_threshold'").fetchone()
            return row[0] if row else None

        hidden = self.path("hidden.pdf")

        def mixed_hidden():
            r = run("export", "chart", "--measure", "Restraint", "--view", "disparity",
                    "--suppress", "--output", hidden, p)
            self.assertEqual(r.returncode, 0, r.stderr)
            return "Mixed people had the event fewer than" in " ".join(self.pdf_text(hidden).split())

        self.assertIsNone(threshold())
        self.assertTrue(mixed_hidden())
        # Mixed patients were restrained 3 times: a threshold of 2 shows them.
        r = run("measure", "breakdown", "--threshold", "2", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("small-number threshold is 2", r.stdout)
        self.assertIn("“fewer than 3”", r.stdout)
        self.assertEqual(threshold(), "2")
        self.assertFalse(mixed_hidden())
        # With a measure, its other settings change too.
        r = run("measure", "breakdown", "--measure", "Restraint", "--threshold", "3",
                "--denominator", "bed days", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(threshold(), "3")
        self.assertTrue(mixed_hidden())
        with sqlite3.connect("file:%s?mode=ro" % p, uri=True) as db:
            self.assertEqual(db.execute("SELECT denominator_name FROM measure_breakdown").fetchone()[0],
                             "bed days")

        before = read(p)
        for args, words in [
            (["--threshold", "0"], "--threshold: “0” is not a whole number from 1 to 99."),
            (["--threshold", "100"], "--threshold: “100” is not a whole number from 1 to 99."),
            (["--threshold", "few"], "--threshold: “few” is not a whole number from 1 to 99"),
            (["--threshold", "2", "--kind", "rate"], "Say which measure to break down with --measure"),
            ([], "Say which measure to break down with --measure NAME, or set --threshold N"),
        ]:
            r = run("measure", "breakdown", *args, p)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertIn(words, r.stderr, args)
        self.assertEqual(read(p), before)
    # --- end export chart by group ---


if __name__ == "__main__":
    unittest.main(verbosity=2)

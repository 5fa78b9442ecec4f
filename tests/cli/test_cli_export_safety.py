#!/usr/bin/python3
"""No export can destroy work: not the project, not an earlier file, not a link."""

import os
import pty
import sqlite3
import stat
import subprocess
import tempfile
import threading
import unittest

CLI = os.environ["TANDEM_CLI"]
TEAM = "Delderfield Ward"
MEASURE = "Staff sickness"
EARLIER = b"An earlier export that must survive\n"

# Every kind and format of export, without --output: (arguments, extension).
EXPORTS = [
    (("chart", "--measure", MEASURE, "--format", "pdf"), "pdf"),
    (("chart", "--measure", MEASURE, "--format", "svg"), "svg"),
    (("chart", "--measure", MEASURE, "--format", "png"), "png"),
    (("diagram", "--team", TEAM, "--format", "pdf"), "pdf"),
    (("peer-support", "--format", "pdf", "--today", "2026-11-30"), "pdf"),
    (("peer-support", "--team", TEAM, "--format", "pdf", "--today", "2026-11-30"), "pdf"),
    (("sessions", "--team", TEAM, "--format", "pdf"), "pdf"),
    (("sessions", "--team", TEAM, "--format", "md"), "md"),
    (("sessions", "--team", TEAM, "--format", "txt"), "txt"),
    (("sessions", "--team", TEAM, "--format", "ics"), "ics"),
    (("session", "--id", "SESSION", "--format", "pdf"), "pdf"),
    (("session", "--id", "SESSION", "--format", "md"), "md"),
    (("session", "--id", "SESSION", "--format", "txt"), "txt"),
    (("session", "--id", "SESSION", "--format", "ics"), "ics"),
    (("standards", "--team", TEAM, "--format", "pdf"), "pdf"),
    (("standards", "--team", TEAM, "--format", "png"), "png"),
    (("standards", "--team", TEAM, "--format", "json"), "json"),
]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def drain(fd):
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def run(*args, cwd=None, stdout=subprocess.PIPE):
    return subprocess.run([CLI, *args], stdout=stdout, stderr=subprocess.PIPE, cwd=cwd,
                          timeout=120)


def export(args, output, project, **kwargs):
    kind, *rest = args
    rest = [ExportSafetyTest.session if a == "SESSION" else a for a in rest]
    return run("export", kind, *rest, "--output", output, project, **kwargs)


class ExportSafetyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sample_dir = tempfile.TemporaryDirectory()
        cls.sample = os.path.join(cls.sample_dir.name, "Sample.tandem")
        r = run("sample", cls.sample)
        assert r.returncode == 0, r.stderr
        db = sqlite3.connect(cls.sample)
        cls.session = db.execute("SELECT id FROM coaching_session WHERE starts_at = "
                                 "'2026-11-18T10:00:00Z'").fetchone()[0]
        db.close()

    @classmethod
    def tearDownClass(cls):
        cls.sample_dir.cleanup()

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.project = self.path("Ward.tandem")
        write(self.project, read(self.sample))

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def assertRefused(self, r, name, before, path):
        stderr = r.stderr.decode()
        self.assertEqual(r.returncode, 2, stderr)
        self.assertIn(name, stderr)
        self.assertIn("project", stderr)
        self.assertEqual(read(path), before)

    # --- a project is never the output of an export ---

    def test_export_onto_its_own_project_is_refused(self):
        before = read(self.project)
        for args, _ in EXPORTS:
            with self.subTest(args=args):
                r = export(args, self.project, self.project)
                self.assertRefused(r, "Ward.tandem", before, self.project)
        self.assertEqual(sorted(os.listdir(self.dir)), ["Ward.tandem"])

    def test_export_onto_its_project_through_a_link_is_refused(self):
        before = read(self.project)
        os.symlink("Ward.tandem", self.path("Shortcut.pdf"))
        os.link(self.project, self.path("Hard.pdf"))
        for name in ("Shortcut.pdf", "Hard.pdf"):
            for args, _ in (EXPORTS[0], EXPORTS[7]):
                with self.subTest(name=name, args=args):
                    r = export(args, self.path(name), self.project)
                    self.assertRefused(r, name, before, self.project)
        self.assertTrue(os.path.islink(self.path("Shortcut.pdf")))
        self.assertEqual(os.stat(self.path("Hard.pdf")).st_ino, os.stat(self.project).st_ino)

    def test_export_onto_another_project_is_refused(self):
        other = self.path("Other.tandem")
        self.assertEqual(run("new", other).returncode, 0)
        before = read(other)
        for args, _ in (EXPORTS[0], EXPORTS[3], EXPORTS[4], EXPORTS[6], EXPORTS[9]):
            with self.subTest(args=args):
                self.assertRefused(export(args, other, self.project), "Other.tandem", before, other)

    def test_a_plain_sqlite_file_is_not_a_project(self):
        # Only Tandem's own files (application_id “Tand”) are protected.
        path = self.path("notes.db")
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
        r = export(EXPORTS[0][0], path, self.project)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(read(path)[:5], b"%PDF-")

    # --- links are followed, devices written directly ---

    def test_symlink_is_followed(self):
        os.mkdir(self.path("exports"))
        target = self.path("exports/chart.pdf")
        write(target, EARLIER)
        os.chmod(target, 0o640)
        os.symlink("exports/chart.pdf", self.path("latest.pdf"))
        r = export(EXPORTS[0][0], self.path("latest.pdf"), self.project)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertTrue(os.path.islink(self.path("latest.pdf")))
        self.assertEqual(read(target)[:5], b"%PDF-")
        # The file replaced keeps its permissions.
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o640)
        self.assertEqual(sorted(os.listdir(self.path("exports"))), ["chart.pdf"])

        # A link to a file not there yet makes the file, and stays a link.
        os.symlink("exports/log.md", self.path("log.md"))
        r = export(EXPORTS[7][0], self.path("log.md"), self.project)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertTrue(os.path.islink(self.path("log.md")))
        self.assertIn(TEAM, read(self.path("exports/log.md")).decode())

    def test_link_to_standard_output_writes_to_it(self):
        os.symlink("/dev/stdout", self.path("out.svg"))
        r = export(EXPORTS[1][0], self.path("out.svg"), self.project)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn(b"<svg", r.stdout)
        self.assertTrue(os.path.islink(self.path("out.svg")))
        self.assertEqual(os.readlink(self.path("out.svg")), "/dev/stdout")

    def test_a_new_file_gets_the_usual_permissions(self):
        old = os.umask(0o022)
        try:
            r = export(EXPORTS[1][0], self.path("chart.svg"), self.project)
        finally:
            os.umask(old)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(stat.S_IMODE(os.stat(self.path("chart.svg")).st_mode), 0o644)

    # --- “-” is standard output ---

    def test_dash_writes_to_standard_output(self):
        for args, ext in EXPORTS:
            with self.subTest(args=args):
                r = export(args, "-", self.project, cwd=self.dir)
                self.assertEqual(r.returncode, 0, r.stderr.decode())
                start = {"pdf": b"%PDF-", "png": b"\x89PNG", "svg": b"<?xml", "md": b"#",
                         "txt": TEAM.encode(), "ics": b"BEGIN:VCALENDAR", "json": b"{"}[ext]
                self.assertIn(start, r.stdout[:200])
        # Nothing else is said on standard output, and no file “-” is made.
        self.assertEqual(sorted(os.listdir(self.dir)), ["Ward.tandem"])

    def test_dash_refuses_binary_to_a_terminal(self):
        main, secondary = pty.openpty()
        # The terminal is read, so that text written to it never blocks.
        reader = threading.Thread(target=drain, args=(main,), daemon=True)
        reader.start()
        try:
            for args, ext in EXPORTS:
                with self.subTest(args=args):
                    r = export(args, "-", self.project, cwd=self.dir, stdout=secondary)
                    if ext in ("pdf", "png"):
                        self.assertEqual(r.returncode, 2)
                        self.assertIn("terminal", r.stderr.decode())
                    else:
                        self.assertEqual(r.returncode, 0, r.stderr.decode())
        finally:
            os.close(secondary)
            reader.join(timeout=10)
            os.close(main)
        help_text = run("export", "chart", "--help").stdout.decode()
        self.assertIn("standard output", help_text)

    # --- a full disk ---

    def test_full_disk(self):
        if os.geteuid() != 0:
            self.skipTest("mounting a small file system to fill needs root")
        disk = self.path("disk")
        os.mkdir(disk)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", disk],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: " + r.stderr.strip())
        try:
            self.check_full_disk(disk)
        finally:
            subprocess.run(["umount", disk], check=True)

    def check_full_disk(self, disk):
        outputs = []
        for i, (args, ext) in enumerate(EXPORTS):
            name = "export-%d.%s" % (i, ext)
            write(os.path.join(disk, name), EARLIER)
            outputs.append(name)
        # Fill every byte that is left.
        with open(os.path.join(disk, "filler"), "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        for (args, ext), name in zip(EXPORTS, outputs):
            with self.subTest(args=args):
                path = os.path.join(disk, name)
                r = export(args, path, self.project)
                stderr = r.stderr.decode()
                self.assertNotEqual(r.returncode, 0, stderr)
                self.assertIn(name, stderr)
                self.assertIn("disk full", stderr.lower())
                self.assertNotIn(".tandem-export", stderr)
                self.assertNotIn("Wrote", r.stdout.decode())
                self.assertEqual(read(path), EARLIER)
        self.assertEqual(sorted(os.listdir(disk)), sorted(outputs + ["filler"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)

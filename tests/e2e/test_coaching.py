#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The coaching journey, end to end, through the accessibility tree and the
keyboard: log a session for Delderfield Ward with three people present and
two actions, export its record as PDF, open the next session and review the
two actions (one done, one carried forward), find the first session's notes
by search, then quit and check the file and the PDF.

It reuses the journey's machinery (tests/e2e/test_journey.py). Run it as CI
does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        meson test -C build --suite e2e --print-errorlogs
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402

PEOPLE = ["Joanna Whitlock", "Marcus Bell", "Grace Mensah"]
NOTES = "Talked about the trampoline park trip for the evening group."   # plain ASCII
ACTIONS = [("Book the minibus for the trip", "2026-11-26"),
           ("Ask patients which evening they prefer", "2026-12-03")]
FIRST_DAY = "2026-11-19"
NEXT_DAY = "2026-11-20"
SAMPLE_SESSIONS = set()


def in_file(path):
    """What the file holds about the sessions this journey logs."""
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        def rows(sql, *params):
            return db.execute(sql, params).fetchall()
        # The sessions this journey logged: those the sample did not have.
        sessions = [r for r in rows("SELECT s.id, substr (s.starts_at, 1, 10), s.notes "
                                    "FROM coaching_session s JOIN team t ON t.id = s.team_id "
                                    "WHERE t.name = ? ORDER BY s.rowid", tj.SAMPLE_TEAM)
                    if r[0] not in SAMPLE_SESSIONS]
        result = {"sessions": sessions, "present": [], "actions": [], "next_actions": []}
        if sessions:
            first = sessions[0][0]
            result["present"] = sorted(n for (n,) in rows(
                "SELECT p.name FROM attendance a JOIN person p ON p.id = a.person_id "
                "WHERE a.session_id = ? AND a.status = 'present'", first))
            result["actions"] = rows("SELECT id, what, status FROM action WHERE session_id = ? "
                                     "ORDER BY rowid", first)
        if len(sessions) > 1:
            result["next_actions"] = rows("SELECT what, due_on, carried_from FROM action "
                                          "WHERE session_id = ?", sessions[1][0])
        return result
    finally:
        db.close()


def focused_text(frame, name):
    return tj.find_one(frame, "text", name, lambda n: "FOCUSED" in tj.states(n))


def editor_open(frame, sessions):
    """Waits for a new session: counted on the page, its title in the editor."""
    tj.wait_for(f"the page to count {sessions} sessions and show the new one's title",
                lambda: tj.find_first(frame, "label", None,
                                      lambda n: (n.name or "").startswith(
                                          f"Coaching sessions logged: {sessions}."))
                and tj.find_first(frame, "label", None,
                                  lambda n: (n.name or "").startswith(tj.SAMPLE_TEAM + " \u2014 ")))


def press(keys, what):
    from dogtail import rawinput
    tj.log(f"pressing {keys} ({what})")
    rawinput.keyCombo(keys)


def type_into(frame, keys, field, words, check_focus=False):
    """Focuses @field with its mnemonic, selects what is there and types.
    GTK 4.8 reports the focus of a text view but not of an entry row's text,
    whose words are checked where they land: the file."""
    from dogtail import rawinput
    press(keys, f'to the "{field}" field')
    if check_focus:
        tj.wait_for(f'the "{field}" field to have the keyboard focus',
                    lambda: focused_text(frame, field))
    rawinput.keyCombo("<Control>a")
    tj.log(f"typing {words!r}")
    rawinput.typeText(words)


def button(frame, name):
    """A button (GTK 4.8 calls toggle and menu buttons push buttons too)."""
    def find():
        # Breadth first, stopping at the first match: the page is large.
        for role in ("push button", "toggle button"):
            node = tj.find_first(frame, role, name, lambda n: "SENSITIVE" in tj.states(n))
            if node is None:
                continue
            if "click" in node.actions:
                return node
            # A menu button: its inner button takes the click.
            inner = [n for r in ("push button", "toggle button") for n in tj.find_all(node, r)
                     if "click" in n.actions]
            if inner:
                return inner[0]
        return None
    return tj.wait_for(f'the button "{name}"', find)


def export_pdf(app_node, frame, path):
    """Ctrl+E, then the file chooser: type the whole path and press Enter."""
    from dogtail import rawinput
    press("<Control>e", "Export…")
    dialog = tj.wait_for('a window called "Export Session Record"',
                         lambda: next((w for w in app_node.children
                                       if w.name == "Export Session Record"), None))
    tj.wait_for("the file name field to have the keyboard focus",
                lambda: any("FOCUSED" in tj.states(n) for n in tj.find_all(dialog, "text")))
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(path)
    rawinput.pressKey("Return")
    tj.wait_for("the export window to close",
                lambda: not any(w.name == "Export Session Record" for w in app_node.children))
    tj.wait_for(f"the PDF at {path}", lambda: os.path.exists(path) and os.path.getsize(path) > 1000)
    tj.wait_for("the project window to be active again", lambda: "ACTIVE" in tj.states(frame))


def journey(app, sample_path, pdf_path):
    from dogtail import rawinput

    app_node = tj.wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for('a window titled "Sample project"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == "Sample project"),
                                     None), timeout=tj.START_WAIT)
    tj.wait_for(f'the team selector to show {tj.SAMPLE_TEAM!r}',
                lambda: tj.selector_text(frame) == tj.SAMPLE_TEAM, timeout=tj.START_WAIT)

    uri = "file:" + urllib.parse.quote(sample_path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    SAMPLE_SESSIONS.update(i for (i,) in db.execute("SELECT id FROM coaching_session"))
    db.close()

    switcher = tj.wait_for("the view switcher", lambda: tj.visible_view_switcher(frame))
    tj.click(tj.wait_for('the "Coaching" tab', lambda: tj.find_one(switcher, "page tab", "Coaching")),
             'the view switcher button "Coaching"')
    # From here on, look only inside the Coaching page: the whole window's
    # tree (every page's) is large and slow to search.
    page = tj.wait_for("the Coaching page",
                       lambda: tj.find_first(frame, "filler", "TandemCoachingPage"))
    tj.wait_for('the Coaching page saying how many sessions are logged',
                lambda: tj.find_first(page, "label", None,
                                      lambda n: (n.name or "").startswith(
                                          "Coaching sessions logged: 7.")))
    frame_for_keys = frame
    frame = page

    # The first session.
    tj.click(button(frame, "New Session"), 'the "New Session" button')
    editor_open(frame, 8)
    type_into(frame, "<Alt>d", "Date", FIRST_DAY)
    for person in PEOPLE:
        toggle = button(frame, f"{person} was present")
        tj.click(toggle, f'"{person} was present"')
        tj.wait_for(f"{person} marked present", lambda t=toggle: "CHECKED" in tj.states(t)
                    or "PRESSED" in tj.states(t))
    type_into(frame, "<Alt>n", "Notes", NOTES, check_focus=True)
    for what, due in ACTIONS:
        type_into(frame, "<Alt>w", "What will be done", what)
        type_into(frame, "<Alt>b", "By when", due)
        press("<Alt>a", "Add Action")
        tj.wait_for(f'"{what}" in the file',
                    lambda what=what: what in [a[1] for a in in_file(sample_path)["actions"]])
    tj.click(button(frame, "Save"), 'the "Save" button')
    tj.wait_for("the session's date, notes and three people present in the file",
                lambda: (lambda f: f["sessions"] and f["sessions"][0][1] == FIRST_DAY
                         and f["sessions"][0][2] == NOTES and f["present"] == sorted(PEOPLE))(
                             in_file(sample_path)))
    tj.screenshot("coaching-session")

    export_pdf(app_node, frame_for_keys, pdf_path)

    # The next session reviews last time's actions.
    tj.click(button(frame, "Back to the sessions"), 'the "Back" button')
    tj.click(button(frame, "New Session"), 'the "New Session" button')
    editor_open(frame, 9)
    type_into(frame, "<Alt>d", "Date", NEXT_DAY)
    done = button(frame, f"Mark \u201c{ACTIONS[0][0]}\u201d done")
    tj.click(done, f'"Mark \u201c{ACTIONS[0][0]}\u201d done"')
    tj.wait_for("the first action done in the file",
                lambda: [a[2] for a in in_file(sample_path)["actions"]] == ["done", "open"])
    carry = button(frame, f"Carry \u201c{ACTIONS[1][0]}\u201d forward")
    tj.click(carry, "Carry forward")
    # The menu button opens a small form: the new date (filled in, two weeks
    # on) and the button that carries the action forward (the one with a
    # mnemonic; the menu buttons of the other rows have none).
    confirm = tj.wait_for('the "Carry Forward" button under the new date',
                          lambda: next((n for n in tj.find_all(carry.parent, "push button")
                                        if (n.name or "").startswith("_Carry Forward")
                                        and "click" in n.actions), None))
    tj.click(confirm, 'the "Carry Forward" button')
    tj.click(button(frame, "Save"), 'the "Save" button')
    tj.wait_for("the second action carried forward to the next session in the file",
                lambda: (lambda f: [a[2] for a in f["actions"]] == ["done", "dropped"]
                         and len(f["next_actions"]) == 1
                         and f["next_actions"][0][0] == ACTIONS[1][0]
                         and f["next_actions"][0][2] == f["actions"][1][0])(in_file(sample_path)))
    tj.screenshot("coaching-review")

    # Find the first session's notes by search: Ctrl+F goes to the search
    # field (GTK 4.8 does not report an entry's focus: the result shows the
    # words landed).
    tj.wait_for("the project window to be active", lambda: "ACTIVE" in tj.states(frame_for_keys))
    press("<Control>f", "to the search field")
    rawinput.typeText("trampoline")
    found = tj.wait_for("a search result holding the notes",
                        lambda: next((n for n in tj.find_all(frame, "label")
                                      if "trampoline park trip" in (n.name or "")
                                      and n.parent is not None
                                      and "Session" in (n.parent.name or "") + " ".join(
                                          c.name or "" for c in n.parent.children)), None)
                        or next((n for n in tj.find_all(frame, "label")
                                 if (n.name or "").startswith("1 result")), None))
    tj.log(f"search found: {found.name!r}")
    tj.screenshot("coaching-search")

    press("<Control>q", "quit")
    try:
        code = app.process.wait(timeout=tj.EXIT_WAIT)
    except subprocess.TimeoutExpired:
        tj.fail(f"Tandem was still running {tj.EXIT_WAIT:.0f} s after Ctrl+Q")
    if code != 0:
        tj.fail(f"Tandem exited with status {code}. Its output:\n{app.output()}")

    final = in_file(sample_path)
    if len(final["sessions"]) != 2:
        tj.fail(f"the file should hold the two sessions, not {final['sessions']}")
    check = tj.cli("check", sample_path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")

    with open(pdf_path, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF-"):
        tj.fail(f"{pdf_path} is not a PDF")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    if pages != 1:
        tj.fail(f"the session record should be one page, not {pages}")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True,
                              text=True, timeout=30).stdout
        words = " ".join(text.split())
        for expected in ["Coaching session: " + tj.SAMPLE_TEAM, "trampoline park trip",
                         *PEOPLE, ACTIONS[0][0], ACTIONS[1][0]]:
            if expected not in words:
                tj.fail(f"the PDF does not say {expected!r}; it says:\n{text}")
    tj.log(f"the file holds {final} and the record PDF says what was logged")


def main():
    return tj.run("coaching", lambda app, sample, top:
                  journey(app, sample, os.path.join(top, "record.pdf")))


if __name__ == "__main__":
    sys.exit(main())

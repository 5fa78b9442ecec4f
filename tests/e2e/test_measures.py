#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Measures journey, end to end, as a person with a screen reader would:
open the Measures page, change the label of a phase of the first measure and
link one of its notes to a PDSA cycle, add a measure and name it, paste two
months of values copied from a spreadsheet, agree to the import preview, and
hear the signal the chart shows described in words. Then quit and check the
file.

It reuses the journey's machinery (tests/e2e/test_journey.py): the private
environment, the app's process, waiting, finding and clicking. Run it as CI
does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        meson test -C build --suite e2e --print-errorlogs
"""

import datetime
import os
import sqlite3
import subprocess
import sys
import urllib.parse

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402

MEASURE = "Seclusion hours"   # typed key by key: plain ASCII
# Ten weeks around 10 hours, then eight around 4: a shift below the median.
VALUES = [10, 11, 9, 12, 10, 11, 10, 9, 12, 11, 4, 3, 5, 4, 3, 4, 5, 3]
SIGNAL = "Shift: 8 points below the median"

FIRST_MEASURE = "Restrictive practice incidents"
PHASE = "Twice-daily safety huddles"
PHASE_NEW = "Huddles on every shift"   # typed key by key: plain ASCII
NOTE = "3. Debriefs by the peer support worker begin"
PDSA = "Twice-daily huddles, with night staff"

CLIPBOARD_OWNER = r"""
import sys, gi
gi.require_version("Gtk", "3.0")
from gi.repository import Gtk, Gdk, GLib
text = sys.stdin.read()
clipboard = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
clipboard.set_text(text, -1)
clipboard.store()
print("ready", flush=True)
GLib.timeout_add_seconds(120, Gtk.main_quit)
Gtk.main()
"""


def pasted_text():
    """The cells as a spreadsheet copies them: tab-separated, dates day first."""
    first = datetime.date(2026, 1, 5)
    rows = ["Week\tHours"]
    for i, value in enumerate(VALUES):
        day = first + datetime.timedelta(weeks=i)
        rows.append(f"{day.strftime('%d/%m/%Y')}\t{value}")
    return "\n".join(rows) + "\n"


def own_clipboard(text):
    """Holds the clipboard (X has no clipboard manager here) until stopped."""
    owner = subprocess.Popen(["/usr/bin/python3", "-c", CLIPBOARD_OWNER], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    owner.stdin.write(text)
    owner.stdin.close()
    if owner.stdout.readline().strip() != "ready":
        tj.fail("could not put the values on the clipboard")
    return owner


def measure_in_file(path, name):
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        row = db.execute("SELECT id FROM measure WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        (points,) = db.execute("SELECT count(*) FROM data_point WHERE measure_id = ?",
                               row).fetchone()
        return points
    finally:
        db.close()


def query_file(path, sql, args):
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def phase_labels(path):
    return [label for (label,) in query_file(
        path, "SELECT p.label FROM phase p JOIN measure m ON m.id = p.measure_id "
              "WHERE m.name = ? ORDER BY p.starts_on", (FIRST_MEASURE,))]


def note_pdsa(path):
    rows = query_file(path, "SELECT p.title FROM annotation a JOIN measure m ON m.id = a.measure_id "
                            "LEFT JOIN pdsa_cycle p ON p.id = a.pdsa_id "
                            "WHERE m.name = ? AND a.text LIKE 'Debriefs%'", (FIRST_MEASURE,))
    return rows[0][0] if rows else None


def window_called(app_node, title):
    return next((w for w in app_node.children if w.name == title), None)


def give_keyboard_to(title, node):
    """With no window manager, a new window may not get the keyboard: give it."""
    subprocess.run(["xdotool", "search", "--name", f"^{title}$", "windowfocus", "--sync"],
                   check=False, timeout=20)
    tj.wait_for(f'the "{title}" window to be active', lambda: "ACTIVE" in tj.states(node))


def edit_phase_and_note(app_node, frame, sample_path):
    """Changes the first measure's phase in its window, by keyboard, and links
    a note to a PDSA cycle chosen from the note's list of changes."""
    from dogtail import rawinput

    # Search near what is looked for: a project window has thousands of nodes.
    phases = tj.wait_for('the list of phases', lambda: tj.find_first(frame, "list", "Phases"))
    notes = tj.wait_for('the list of notes on the chart',
                        lambda: tj.find_first(frame, "list", "Changes and notes on the chart"))
    button = tj.wait_for(f'the "Change Phase: {PHASE}" button',
                         lambda: tj.find_one(phases, "push button", f"Change Phase: {PHASE}"))
    tj.click(button, f'the "Change Phase: {PHASE}" button')
    dialog = tj.wait_for('a window called "Change the Phase"',
                         lambda: window_called(app_node, "Change the Phase"))
    give_keyboard_to("Change the Phase", dialog)
    # The window opens with the keyboard in "What changed": replace it, then Enter saves.
    tj.log(f"typing {PHASE_NEW!r} over the phase's label, then Enter")
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(PHASE_NEW)
    tj.screenshot("measures-phase")
    rawinput.pressKey("Return")
    tj.wait_for(f"the phase to be called {PHASE_NEW!r} in the file",
                lambda: phase_labels(sample_path) == [PHASE_NEW])
    tj.wait_for('the "Change the Phase" window to close',
                lambda: window_called(app_node, "Change the Phase") is None)

    button = tj.wait_for(f'the "Change Note: {NOTE}" button',
                         lambda: tj.find_one(notes, "push button", f"Change Note: {NOTE}"))
    tj.click(button, f'the "Change Note: {NOTE}" button')
    dialog = tj.wait_for('a window called "Change the Note"',
                         lambda: window_called(app_node, "Change the Note"))
    give_keyboard_to("Change the Note", dialog)
    # From "What happened", Tab goes to the list of changes the note can be
    # about; Space opens it; the arrow keys go down it to the PDSA cycle.
    rawinput.pressKey("Tab")
    rawinput.pressKey("space")
    choice = f"PDSA cycle: {PDSA}"
    label = tj.wait_for(f'"{choice}" in the open list',
                        lambda: tj.find_first(dialog, "label", choice))

    def chosen_focused():
        node = label.parent
        while node is not None and node.roleName not in ("list item", "row"):
            node = node.parent
        return node is not None and "FOCUSED" in tj.states(node)
    for _ in range(60):
        if chosen_focused():
            break
        rawinput.pressKey("Down")
    else:
        tj.screenshot("measures-note-list")
        tj.fail(f'the arrow keys never reached "{choice}"')
    rawinput.pressKey("Return")
    tj.screenshot("measures-note")
    save = tj.wait_for('the "Save" button', lambda: tj.find_first(dialog, "push button", "Save"))
    tj.click(save, 'the "Save" button')
    tj.wait_for(f'the note to be about the PDSA cycle "{PDSA}" in the file',
                lambda: note_pdsa(sample_path) == PDSA)
    tj.wait_for('the "Change the Note" window to close',
                lambda: window_called(app_node, "Change the Note") is None)
    subprocess.run(["xdotool", "search", "--name", "^Sample project$", "windowfocus", "--sync"],
                   check=False, timeout=20)
    tj.wait_for("the project window to be active again", lambda: "ACTIVE" in tj.states(frame))


def measures_page_shown(frame):
    heading = tj.find_one(frame, "label", "Measures and Charts")
    if heading is None or heading.parent is None:
        return None
    return next((n.name for n in heading.parent.children
                 if (n.name or "").startswith("Measures for this team: 4.")), None)


def label_text(node):
    """A label's text, read through the Text interface: AT-SPI's cached name
    of a label can lag behind its new text."""
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return node.name or ""


def summary_text(frame):
    """The chart's summary: the label under the heading "What the Chart Shows"."""
    heading = tj.find_one(frame, "label", "What the Chart Shows")
    if heading is None or heading.parent is None:
        return None
    siblings = list(heading.parent.children)
    index = next(i for i, n in enumerate(siblings) if n == heading)
    return label_text(siblings[index + 1]) if index + 1 < len(siblings) else None


def journey(app, sample_path):
    from dogtail import rawinput

    app_node = tj.wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for('a window titled "Sample project"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == "Sample project"),
                                     None), timeout=tj.START_WAIT)
    tj.wait_for("the project window to be active", lambda: "ACTIVE" in tj.states(frame))
    tj.log("pressing Alt+2 for the Measures page")
    rawinput.keyCombo("<Alt>2")
    tj.wait_for('the Measures page ("Measures and Charts", and what the team has)',
                lambda: measures_page_shown(frame))

    edit_phase_and_note(app_node, frame, sample_path)

    add = tj.wait_for('the "Add Measure" button',
                      lambda: tj.find_one(frame, "push button", "Add Measure"))
    tj.click(add, 'the "Add Measure" button')
    # A window asks the name (focused, its text selected, so typing replaces
    # "New measure"), which way is better (no default: seclusion is better
    # lower) and what it counts; Enter creates.
    dialog = tj.wait_for('a window called "New Measure"',
                         lambda: next((w for w in app_node.children
                                       if w.name == "New Measure"), None))
    tj.wait_for('the "Name" field', lambda: tj.find_one(dialog, "text", "Name"))
    tj.log(f"typing {MEASURE!r} into the Name field, Alt+L for lower is better, then Enter")
    rawinput.typeText(MEASURE)
    rawinput.keyCombo("<Alt>l")
    rawinput.pressKey("Return")
    tj.wait_for(f"the measure to be called {MEASURE!r} in the file",
                lambda: measure_in_file(sample_path, MEASURE) == 0)
    tj.log("the new measure is in the file")

    owner = own_clipboard(pasted_text())
    try:
        paste = tj.wait_for('the "Paste from Spreadsheet" button',
                            lambda: tj.find_one(frame, "push button", "Paste from Spreadsheet"))
        tj.click(paste, 'the "Paste from Spreadsheet" button')
        dialog = tj.wait_for('a window called "Import Values"',
                             lambda: next((w for w in app_node.children
                                           if w.name == "Import Values"), None))
        label = f"Import {len(VALUES)} Rows"
        accept = tj.wait_for(f'the "{label}" button in the preview',
                             lambda: tj.find_one(dialog, "push button", label))
        if measure_in_file(sample_path, MEASURE) != 0:
            tj.fail("values were saved before the import was agreed to")
        tj.screenshot("measures-import")
        tj.click(accept, f'the "{label}" button')
    finally:
        owner.terminate()
        owner.wait(timeout=10)

    tj.wait_for(f"{len(VALUES)} values in the file",
                lambda: measure_in_file(sample_path, MEASURE) == len(VALUES))
    seen = [None]

    def says_signal():
        text = summary_text(frame)
        if text != seen[0]:
            tj.log(f"the summary reads {text!r}")
            seen[0] = text
        return text if text and SIGNAL in text else None
    text = tj.wait_for(f'the chart\'s summary to say "{SIGNAL}"', says_signal)
    tj.log(f"the page says: {text!r}")
    tj.screenshot("measures")

    # With no window manager, closing the import window does not give the
    # keyboard back to the project window: give it back, as a person would by
    # clicking it.
    subprocess.run(["xdotool", "search", "--name", "^Sample project$", "windowfocus", "--sync"],
                   check=False, timeout=20)
    tj.wait_for("the project window to be active again, to take Ctrl+Q",
                lambda: "ACTIVE" in tj.states(frame))
    rawinput.keyCombo("<Control>q")
    try:
        code = app.process.wait(timeout=tj.EXIT_WAIT)
    except subprocess.TimeoutExpired:
        tj.fail(f"Tandem was still running {tj.EXIT_WAIT:.0f} s after Ctrl+Q")
    if code != 0:
        tj.fail(f"Tandem exited with status {code}. Its output:\n{app.output()}")
    check = tj.cli("check", sample_path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")
    analysed = tj.cli("info", sample_path)
    if MEASURE not in analysed.stdout:
        tj.fail(f"`tandem-cli info` does not list {MEASURE!r}")


def main():
    return tj.run("measures", lambda app, sample, top: journey(app, sample))


if __name__ == "__main__":
    sys.exit(main())

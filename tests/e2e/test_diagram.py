#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The driver-diagram journey, end to end, with the keyboard only after the
first click, as a screen-reader user would: make a new diagram from the
Mental Health Act programme's template, open its outline, add a secondary
driver under the first primary driver and three change ideas under it
(Tab adds to the right, Enter adds below, typing fills the words), undo and
move the last one a column left and back with Ctrl+Left and Ctrl+Right, in the
outline and on the canvas, undo all of that and the last one, redo, then quit
and check the file.

It reuses the journey's machinery (tests/e2e/test_journey.py). Run it as CI
does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        meson test -C build --suite e2e --print-errorlogs
"""

import os
import sqlite3
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402

DIAGRAM = "Our MHA diagram"          # typed key by key: plain ASCII
SECONDARY = "Staff learn about culture and faith"
IDEAS = [
    "Culture conversation in the first 72 hours",
    "Weekly faith and reflection group",
    "Interpreters at every ward round",
]
FIRST_PRIMARY = "Primary driver: Patients and their carers are empowered"


def diagram_in_file(path):
    """What the file holds for DIAGRAM: kinds counted, the secondary's change
    ideas in order, and the number of groups; None if it is not there."""
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        row = db.execute("SELECT id FROM diagram WHERE name = ?", (DIAGRAM,)).fetchone()
        if row is None:
            return None
        kinds = dict(db.execute("SELECT kind, count(*) FROM node WHERE diagram_id = ? "
                                "GROUP BY kind", row).fetchall())
        groups = db.execute("SELECT count(*) FROM node_group WHERE diagram_id = ?", row).fetchone()[0]
        ideas = [t for (t,) in db.execute(
            "SELECT c.title FROM node_link l JOIN node c ON c.id = l.child_id "
            "JOIN node p ON p.id = l.parent_id WHERE p.title = ? AND l.diagram_id = ? "
            "ORDER BY l.position", (SECONDARY, row[0]))]
        under_primary = db.execute(
            "SELECT p.title FROM node_link l JOIN node p ON p.id = l.parent_id "
            "JOIN node c ON c.id = l.child_id WHERE c.title = ?", (SECONDARY,)).fetchall()
        return {"kinds": kinds, "groups": groups, "ideas": ideas,
                "secondary_under": [t for (t,) in under_primary]}
    finally:
        db.close()


def kind_of(path, title):
    """The kind of the node called @title, from the file."""
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        row = db.execute("SELECT kind FROM node WHERE title = ?", (title,)).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def row_label(outline, prefix):
    """An outline row's words, starting with @prefix. (Searching only the
    outline, not the whole window, keeps each look quick.)"""
    found = [n for n in tj.find_all(outline, "label") if (n.name or "").startswith(prefix)]
    return found[0] if found else None


def type_item(outline, heading_start, words):
    """Waits for the in-place editor (focused, its heading saying what is being
    added), types the words and presses Enter. The editor floats over the
    outline, so it is looked for near it."""
    from dogtail import rawinput

    def editor():
        scope = outline
        for _ in range(6):
            scope = scope.parent
            found = [n for n in tj.find_all(scope, "text")
                     if (n.name or "").startswith(heading_start) and "FOCUSED" in tj.states(n)]
            if found:
                return found[0]
        return None
    tj.wait_for(f'the editor for "{heading_start}…", focused', editor)
    tj.log(f"typing {words!r}, then Enter")
    rawinput.typeText(words)
    rawinput.pressKey("Return")


def journey(app, sample_path):
    from dogtail import rawinput

    app_node = tj.wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for('a window titled "Sample project"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == "Sample project"),
                                     None), timeout=tj.START_WAIT)
    tj.wait_for(f'the team selector to show {tj.SAMPLE_TEAM!r}',
                lambda: tj.selector_text(frame) == tj.SAMPLE_TEAM, timeout=tj.START_WAIT)

    new = tj.wait_for('the "New Diagram…" button',
                      lambda: tj.find_one(frame, "push button", "New Diagram…",
                                          lambda n: "click" in n.actions))
    tj.click(new, 'the "New Diagram…" button')
    dialog = tj.wait_for('a window called "New Driver Diagram"',
                         lambda: next((w for w in app_node.children
                                       if w.name == "New Driver Diagram"), None))
    tj.wait_for('the "Name" field, focused',
                lambda: tj.find_one(dialog, "text", "Name",
                                    lambda n: "FOCUSED" in tj.states(n)))
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(DIAGRAM)
    template = tj.wait_for("the Mental Health Act template choice",
                           lambda: next((n for n in tj.find_all(dialog, "radio button")
                                         + tj.find_all(dialog, "check box")
                                         if "Mental Health Act" in (n.name or "")
                                         or any("Mental Health Act" in (t or "")
                                                for t in tj.labelled_by(n))), None))
    tj.log("Alt+M chooses the Mental Health Act template")
    rawinput.keyCombo("<Alt>m")
    tj.wait_for("the template to be chosen", lambda: "CHECKED" in tj.states(template))
    create = tj.wait_for('the "Create" button', lambda: tj.find_one(dialog, "push button", "Create"))
    tj.click(create, 'the "Create" button')
    tj.wait_for("the diagram in the file, with the aim and four primary drivers",
                lambda: (lambda d: d and d["kinds"].get("primary") == 4)(diagram_in_file(sample_path)))

    # Both view buttons in one look: each look at the window's tree is slow.
    buttons = tj.wait_for('the "Outline" and "Canvas" buttons',
                          lambda: (lambda found: found if len(found) == 2 else None)(
                              {name: n for n in tj.find_all(frame, "toggle button")
                               + tj.find_all(frame, "push button")
                               for name in ("Outline", "Canvas")
                               if (n.name or "").endswith(name) and "click" in n.actions}))
    outline_button = outline = buttons["Outline"]
    # No window manager hands the focus back when the dialog closes: X sends
    # keys to the window under the pointer (see test_journey.py).
    tj.point_at(frame, "the project window")
    tj.click(outline, 'the "Outline" button')
    outline = tj.wait_for('the list "Diagram outline"',
                          lambda: tj.find_one(frame, "list", "Diagram outline"))
    tj.wait_for(f'the outline to list "{FIRST_PRIMARY}…"', lambda: row_label(outline, FIRST_PRIMARY))
    # Choosing the Outline takes the keyboard into it, on the aim (GTK 4.8
    # does not report which row has the focus, so the editor is what is
    # waited for below).
    tj.log("Down to the first primary driver, then Tab to add a secondary driver")
    rawinput.pressKey("Down")
    rawinput.pressKey("Tab")
    type_item(outline, "New secondary driver", SECONDARY)
    tj.wait_for("the secondary driver in the outline",
                lambda: row_label(outline, f"Secondary driver: {SECONDARY}"))

    rawinput.pressKey("Tab")
    type_item(outline, "New change idea under", IDEAS[0])
    tj.wait_for("the first change idea in the outline", lambda: row_label(outline, f"Change idea: {IDEAS[0]}"))
    for idea in IDEAS[1:]:
        rawinput.pressKey("Return")
        type_item(outline, "New change idea below", idea)
        tj.wait_for(f'"{idea}" in the outline', lambda idea=idea: row_label(outline, f"Change idea: {idea}"))
    tj.screenshot("diagram-outline")

    in_file = diagram_in_file(sample_path)
    if in_file["ideas"] != IDEAS:
        tj.fail(f"the file lists the change ideas {in_file['ideas']}, not {IDEAS}")

    tj.log("Ctrl+Left makes the last change idea a secondary driver; Ctrl+Right puts it back")
    rawinput.keyCombo("<Control>Left")
    tj.wait_for("it to be a secondary driver in the file",
                lambda: kind_of(sample_path, IDEAS[2]) == "secondary")
    tj.wait_for("it to be a secondary driver in the outline",
                lambda: row_label(outline, f"Secondary driver: {IDEAS[2]}"))
    rawinput.keyCombo("<Control>Right")
    tj.wait_for("it to be the last change idea again",
                lambda: diagram_in_file(sample_path)["ideas"] == IDEAS)

    # Looked up again, near the Outline button: the one found first may have
    # been replaced since.
    canvas_button = tj.wait_for('the "Canvas" button, beside "Outline"',
                                lambda: next((n for n in tj.children_of(outline_button.parent)
                                              if (n.name or "").endswith("Canvas")
                                              and "click" in n.actions), None))
    tj.click(canvas_button, 'the "Canvas" button')
    # Choosing the Canvas takes the keyboard there, on the same item (the
    # file, not the accessibility tree, says whether the keys worked).
    tj.log("the same keys on the canvas")
    rawinput.keyCombo("<Control>Left")
    tj.wait_for("it to be a secondary driver again",
                lambda: kind_of(sample_path, IDEAS[2]) == "secondary")
    rawinput.keyCombo("<Control>Right")
    tj.wait_for("it to be a change idea again",
                lambda: diagram_in_file(sample_path)["ideas"] == IDEAS)
    tj.screenshot("diagram-canvas")
    tj.click(outline_button, 'the "Outline" button')

    tj.log("Ctrl+Z four times undoes the moves, one at a time")
    for expected in ("secondary", "change_idea", "secondary", "change_idea"):
        rawinput.keyCombo("<Control>z")
        tj.wait_for(f"it to be a {expected} after undo",
                    lambda expected=expected: kind_of(sample_path, IDEAS[2]) == expected)
    tj.wait_for("the change ideas in their order", lambda: diagram_in_file(sample_path)["ideas"] == IDEAS)

    tj.log("Ctrl+Z takes the last change idea away; Shift+Ctrl+Z brings it back")
    rawinput.keyCombo("<Control>z")
    tj.wait_for("the last change idea to go from the file",
                lambda: diagram_in_file(sample_path)["ideas"] == IDEAS[:2])
    tj.wait_for("the last change idea to go from the outline",
                lambda: row_label(outline, f"Change idea: {IDEAS[2]}") is None)
    rawinput.keyCombo("<Shift><Control>z")
    tj.wait_for("the last change idea to come back",
                lambda: diagram_in_file(sample_path)["ideas"] == IDEAS)
    tj.wait_for("the page's summary to count 3 change ideas",
                lambda: any((n.name or "").startswith("3 change ideas") for n in tj.find_all(frame, "label")))

    rawinput.keyCombo("<Control>q")
    try:
        code = app.process.wait(timeout=tj.EXIT_WAIT)
    except subprocess.TimeoutExpired:
        tj.fail(f"Tandem was still running {tj.EXIT_WAIT:.0f} s after Ctrl+Q")
    if code != 0:
        tj.fail(f"Tandem exited with status {code}. Its output:\n{app.output()}")

    final = diagram_in_file(sample_path)
    if final["kinds"] != {"aim": 1, "primary": 4, "secondary": 1, "change_idea": 3}:
        tj.fail(f"the diagram in the file holds {final['kinds']}")
    if final["groups"] != 2:
        tj.fail(f"the diagram should have the two lenses as groups, not {final['groups']}")
    if len(final["secondary_under"]) != 1 or \
            not final["secondary_under"][0].startswith("Patients and their carers are empowered"):
        tj.fail(f"the secondary driver is under {final['secondary_under']}")
    check = tj.cli("check", sample_path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")
    tj.log(f"the file holds {final}")


def main():
    return tj.run("diagram", lambda app, sample, top: journey(app, sample))


if __name__ == "__main__":
    sys.exit(main())

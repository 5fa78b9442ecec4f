#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer-support journey through the real Tandem, driven as a person would.

Start Tandem on the sample project, open Peer Support for Rowan View (a team
with nothing tracked yet), add two peer roles and a supervision record for
each, mark one framework item as in place with the keyboard, see the
progress in words, quit with Ctrl+Q, then check the FILE.

It reuses test_journey.py's helpers (the environment, AT-SPI search, the App
process) and runs the same way:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        meson test -C build --suite e2e --print-errorlogs
"""

import os
import sqlite3
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as J  # noqa: E402

TEAM = "Delderfield Ward"
ITEM = "Evaluation is aligned with peer values"


def log(message):
    print("peer-support: " + message, flush=True)


def choose_team(app_node, frame, name):
    combo = J.wait_for('the team selector ("Team")', lambda: J.find_one(frame, "combo box", "Team"))
    J.click(combo, "the team selector")
    item = J.wait_for(f'"{name}" in the team list',
                      lambda: next((n for n in J.find_all(app_node, "label")
                                    if n.name == name and n.parent is not None
                                    and n.parent.roleName != "push button"
                                    and n.parent.roleName != "toggle button"), None))
    from dogtail import rawinput
    # The list is open with the keyboard focus in it: move to the team, pick it.
    for _ in range(2):
        rawinput.pressKey("Down")
    rawinput.pressKey("Return")
    J.wait_for(f"the team selector to show {name!r}", lambda: J.selector_text(frame) == name)
    del item


def view_button(frame, name):
    # Breadth first: the switcher is near the top of the page.
    return J.wait_for(f'the "{name}" view button',
                      lambda: J.find_first(frame, "page tab", name)
                      or J.find_first(frame, "toggle button", name))


def file_counts(path):
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        (team,) = db.execute("SELECT id FROM team WHERE name = ?", (TEAM,)).fetchone()
        roles = db.execute("SELECT count(*) FROM peer_role WHERE team_id = ?", (team,)).fetchone()[0]
        records = db.execute("SELECT count(*) FROM supervision JOIN peer_role r ON r.id = role_id "
                             "WHERE r.team_id = ?", (team,)).fetchone()[0]
        status = db.execute("SELECT s.status FROM framework_status s JOIN framework_item i "
                            "ON i.id = s.item_id WHERE s.team_id = ? AND i.title = ?",
                            (team, ITEM)).fetchone()
        history = db.execute("SELECT count(*) FROM change_log WHERE entity = 'framework_status'"
                             ).fetchone()[0]
    finally:
        db.close()
    return roles, records, status[0] if status else None, history


def journey(app, sample_path):
    from dogtail import rawinput

    app_node = J.wait_for("Tandem on the accessibility bus",
                          lambda: J.find_app_node(app.process.pid), timeout=J.START_WAIT)
    frame = J.wait_for('a window titled "Sample project"',
                       lambda: next((w for w in app_node.children
                                     if w.roleName == "frame" and w.name == "Sample project"),
                                    None), timeout=J.START_WAIT)
    J.wait_for("the team selector to show a team", lambda: J.selector_text(frame),
               timeout=J.START_WAIT)
    J.wait_for(f"the team selector to show {TEAM!r}", lambda: J.selector_text(frame) == TEAM,
               timeout=J.START_WAIT)
    roles0, records0, _, _ = file_counts(sample_path)
    tab = J.wait_for('the "Peer Support" page tab', lambda: J.find_first(frame, "page tab", "Peer Support"))
    J.click(tab, 'the "Peer Support" page tab')
    # Everything below is on the page: search it, not the whole window (each
    # node looked at is a D-Bus round trip, and the other pages hold most).
    window = frame
    frame = J.wait_for("the peer-support page",
                       lambda: J.find_first(window, "filler", "TandemPeerSupportPage"))
    J.wait_for(f'the page to say "Peer-support roles: {roles0}."',
               lambda: J.find_first(frame, "label", None,
                                    lambda n: (n.name or "").startswith(
                                        f"Peer-support roles: {roles0}.")))

    # Two peer roles, each with a supervision record.
    J.click(view_button(frame, "Roles"), 'the "Roles" view')
    roles_view = J.wait_for('the "Roles" view', lambda: J.find_first(frame, "panel", "Roles"))
    for n in (1, 2):
        add = J.wait_for('the "Add Peer Role" button',
                         lambda: J.find_first(roles_view, "push button", "Add Peer Role"))
        J.click_until(add, 'the "Add Peer Role" button',
                      lambda: file_counts(sample_path)[0] == roles0 + n,
                      f"{n} new peer role(s) in the file")
        records = J.wait_for(f'{roles0 + n} "Add Record" buttons',
                             lambda: (lambda b: b if len(b) == roles0 + n else None)(
                                 J.find_all(roles_view, "push button", "Add Record")))
        J.click_until(records[-1], 'the new role\'s "Add Record" button',
                      lambda: file_counts(sample_path)[1] == records0 + n,
                      f"{n} new supervision record(s) in the file")
    J.screenshot("peer-support-roles")

    # Mark an item as in place, with the keyboard in its status drop-down.
    J.click(view_button(frame, "Checklist"), 'the "Checklist" view')
    status = J.wait_for(f'the status drop-down of "{ITEM}"',
                        lambda: J.find_first(frame, "combo box", f"Status of “{ITEM}”"))
    opener = next((c for c in status.children if "click" in c.actions), None) or \
        next((c for c in J.find_all(status, "toggle button") + J.find_all(status, "push button")
              if "click" in c.actions), None)
    if opener is None:
        J.fail(f'the status drop-down of "{ITEM}" has nothing to open it with')
    J.click(opener, f'the status of "{ITEM}"')
    time.sleep(0.5)  # the list opens under the pointer-free keyboard focus
    for _ in range(3):
        rawinput.pressKey("Down")
    rawinput.pressKey("Return")
    J.wait_for(f'"{ITEM}" to be in place in the file',
               lambda: file_counts(sample_path)[2] == "in_place")

    # The progress, in words.
    J.click(view_button(frame, "Progress"), 'the "Progress" view')
    progress_view = J.find_first(frame, "panel", "Progress") or frame
    J.wait_for("the progress in words",
               lambda: J.find_first(progress_view, "label", None,
                                    lambda n: "Evaluation: 1 of 5 items in place" in (n.name or "")))
    J.wait_for("retention in words",
               lambda: J.find_first(progress_view, "label", None,
                                    lambda n: "After 1 year:" in (n.name or "")))
    J.screenshot("peer-support-progress")

    J.wait_for("the project window to be active, to take Ctrl+Q",
               lambda: "ACTIVE" in J.states(window))
    rawinput.keyCombo("<Control>q")
    code = app.process.wait(timeout=J.EXIT_WAIT)
    if code != 0:
        J.fail(f"Tandem exited with status {code} after Ctrl+Q")

    roles, records, state, history = file_counts(sample_path)
    if (roles, records, state) != (roles0 + 2, records0 + 2, "in_place") or history < 1:
        J.fail(f"the file holds {roles} roles, {records} records, status {state!r}, "
               f"{history} status changes in its log")
    check = J.cli("check", sample_path, check=False)
    if check.returncode != 0:
        J.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")
    out = os.path.join(os.path.dirname(sample_path), "summary.pdf")
    J.cli("export", "peer-support", "--team", TEAM, "--format", "pdf", "--output", out, sample_path)
    with open(out, "rb") as f:
        if not f.read(5) == b"%PDF-":
            J.fail("the exported summary is not a PDF")
    log(f"the file holds {roles} roles, {records} records, the item in place; check passes")


def main():
    return J.run("peer-support", lambda app, sample, top: journey(app, sample))


if __name__ == "__main__":
    sys.exit(main())

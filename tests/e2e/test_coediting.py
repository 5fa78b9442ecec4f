#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Live co-editing, end to end: two Tandems (two processes, as on two
laptops sharing a drive) open the same project file; a team renamed in one
shows, without reopening, in the other's team selector; then a team added
in the second shows up in the first. Finally the file is checked.

It reuses the journey's machinery (tests/e2e/test_journey.py). The second
Tandem runs with --new-instance, so that it is not merged into the first by
the one-instance-per-user rule. Run it as CI does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        meson test -C build --suite e2e --print-errorlogs
"""

import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402

RENAMED = "Delderfield Ward East"   # typed key by key: plain ASCII
ADDED = "Rowan Ward"


class SecondApp(tj.App):
    """Another Tandem process on the same file."""

    def __init__(self, binary, path, log_path):
        self.log_path = log_path
        self.log_file = open(log_path, "w")
        self.process = subprocess.Popen([binary, "--new-instance", path], stdout=self.log_file,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        tj.log(f"started a second {binary} --new-instance (pid {self.process.pid})")


def team_names(path):
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        return [name for (name,) in db.execute("SELECT name FROM team ORDER BY position, rowid")]
    finally:
        db.close()


def open_project(app, what):
    app_node = tj.wait_for(f"{what} (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for(f'{what}\'s window titled "Sample project"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == "Sample project"),
                                     None), timeout=tj.START_WAIT)
    combo = tj.wait_for(f"{what}'s team selector",
                        lambda: tj.find_first(frame, "combo box", "Team"), timeout=tj.START_WAIT)
    tj.wait_for(f"{what}'s team selector to show {tj.SAMPLE_TEAM!r}",
                lambda: tj.team_shown(combo) == tj.SAMPLE_TEAM, timeout=tj.START_WAIT)
    return app_node, frame, combo


def edit_team_name(app_node, frame, name):
    """Main menu → Edit Team…, select the name, type @name, Save."""
    from dogtail import rawinput
    menu = tj.wait_for('the "Main menu" button',
                       lambda: tj.find_first(frame, "push button", "Main menu",
                                             lambda n: "click" in n.actions))
    tj.click(menu, 'the "Main menu" button')
    tj.wait_for('the main menu to open',
                lambda: tj.states(menu) & {"PRESSED", "CHECKED", "EXPANDED"})
    item = tj.wait_for('the item "Edit Team…" in the main menu, enabled',
                       lambda: tj.find_first(menu.parent, "menu item", "Edit Team…",
                                             lambda n: "SENSITIVE" in tj.states(n)))
    tj.click(item, 'the menu item "Edit Team…"')
    dialog = tj.wait_for('a window called "Edit Team"',
                         lambda: next((w for w in app_node.children if w.name == "Edit Team"),
                                      None))
    tj.wait_for('the "Team name" field in the "Edit Team" window',
                lambda: tj.find_one(dialog, "text", "Team name"))
    save = tj.wait_for('the "Save" button in the "Edit Team" window',
                       lambda: tj.find_one(dialog, "push button", "Save"))
    tj.wait_for('the keyboard focus to move to the "Edit Team" window',
                lambda: "ACTIVE" not in tj.states(frame))
    rawinput.keyCombo("<Control>a")
    tj.log(f"typing {name!r} over the team's name")
    rawinput.typeText(name)
    tj.screenshot("coediting-edit-team")
    tj.click(save, 'the "Save" button')
    tj.wait_for('the "Edit Team" window to close',
                lambda: not any(w.name == "Edit Team" for w in app_node.children))


def journey(app, sample_path, top):
    binary = tj.require_env("TANDEM_BIN")
    first_node, first_frame, first_combo = open_project(app, "the first Tandem")
    if not os.path.exists(sample_path):
        tj.fail(f"the first Tandem shows the sample project but there is no copy at {sample_path}")

    second = SecondApp(binary, sample_path, os.path.join(top, "tandem-second.log"))
    try:
        if second.process.poll() is not None:
            tj.fail("the second Tandem exited at once: --new-instance did not keep it apart")
        second_node, second_frame, second_combo = open_project(second, "the second Tandem")
        if second_node is first_node or second.process.pid == app.process.pid:
            tj.fail("both windows belong to one process")

        # 1. Renamed in the first: the second's selector follows.
        edit_team_name(first_node, first_frame, RENAMED)
        tj.wait_for(f"the file to have {RENAMED!r}", lambda: RENAMED in team_names(sample_path))
        saved = time.monotonic()
        tj.wait_for(f"the second Tandem's selector to show {RENAMED!r}, without reopening",
                    lambda: tj.team_shown(second_combo) == RENAMED, timeout=10)
        seen = time.monotonic() - saved
        tj.log(f"the second Tandem showed the rename {seen * 1000:.0f} ms after it reached "
               "the file (read through the accessibility bus, which adds its own delay)")
        tj.wait_for(f"the first Tandem's selector to show {RENAMED!r}",
                    lambda: tj.team_shown(first_combo) == RENAMED)
        tj.screenshot("coediting-renamed")

        # 2. Added in the second while the first has the file open too: the
        # write goes through, and the first carries on showing its team.
        tj.add_team(second_node, second_frame, second_combo, ADDED)
        tj.wait_for(f"the file to list {ADDED!r}", lambda: ADDED in team_names(sample_path))
        tj.wait_for(f"the first Tandem to keep showing {RENAMED!r}",
                    lambda: tj.team_shown(first_combo) == RENAMED)
        second.check_running()
        app.check_running()
    finally:
        second.stop()

    names = team_names(sample_path)
    if RENAMED not in names or tj.SAMPLE_TEAM in names or ADDED not in names:
        tj.fail(f"the file should list {RENAMED!r} and {ADDED!r} (and no longer "
                f"{tj.SAMPLE_TEAM!r}), but lists {names}")
    check = tj.cli("check", sample_path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode} after two Tandems wrote the file:\n"
                f"{check.stdout}{check.stderr}")
    tj.log(f"the file lists {names} and `tandem-cli check` finds no problems")


def main():
    return tj.run("coediting", journey)


if __name__ == "__main__":
    sys.exit(main())

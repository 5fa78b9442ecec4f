#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A programme lead's journey, end to end (issue 19): Tandem is pointed at a
folder of teams' project files, sorts the teams by their race-equity share,
and opens the team at the top of the table in its own window.

The folder holds six of the national sample's 52 team files (made with
`tandem-cli sample --scale national --split`), and which team has the largest
race-equity share is read from `tandem-cli programme report --format json`,
not from the app. It reuses the journeys' machinery (tests/e2e/test_journey.py).
Run it as CI does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        meson test -C build --suite e2e --print-errorlogs programme-journey
"""

import json
import os
import shutil
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402

N_TEAMS = 6


def make_folder(top):
    """The programme's folder: the first six files of the national sample."""
    split = os.path.join(top, "national")
    folder = os.path.join(top, "Teams")
    os.makedirs(folder)
    tj.cli("sample", "--scale", "national", "--split", split)
    names = sorted(n for n in os.listdir(split) if n.endswith(".tandem"))
    if len(names) != 52:
        tj.fail(f"`tandem-cli sample --scale national --split` wrote {len(names)} files, not 52")
    for name in names[:N_TEAMS]:
        shutil.copy(os.path.join(split, name), folder)
    tj.log(f"the programme's folder {folder} holds {names[:N_TEAMS]}")
    return folder


def race_shares(folder, top):
    """Each team's race-equity share, as tandem-cli reports it."""
    report = os.path.join(top, "report.json")
    tj.cli("programme", "report", "--format", "json", "--output", report, folder)
    with open(report) as f:
        teams = json.load(f)["teams"]
    if len(teams) != N_TEAMS:
        tj.fail(f"tandem-cli's report counts {len(teams)} teams in {folder}, not {N_TEAMS}")
    return {t["team"]: t["change_ideas"]["race_equity_share"] for t in teams}


def table_rows(frame):
    """The teams as the table shows them, top to bottom: (name, its label)."""
    table = tj.find_first(frame, "tree table", "Teams of the programme")
    if table is None:
        return None
    rows = tj.find_all(table, "table row")
    shown = []
    for row in rows:
        cells = [c for c in tj.children_of(row) if c.roleName == "table cell"]
        if not cells:
            continue            # the row of column titles
        labels = [c for c in tj.children_of(cells[0]) if c.roleName == "label"]
        if labels:
            shown.append((labels[0].name, labels[0]))
    return shown


def column_title(frame, title):
    table = tj.find_first(frame, "tree table", "Teams of the programme")
    return tj.find_first(table, "label", title) if table is not None else None


def journey(app, folder, top):
    from dogtail import rawinput

    shares = race_shares(folder, top)
    ranked = sorted(shares, key=lambda team: shares[team], reverse=True)
    if shares[ranked[0]] == shares[ranked[1]]:
        tj.fail(f"two teams share the largest race-equity share: {shares}")
    tj.log(f"race-equity shares from tandem-cli: {shares}")

    app_node = tj.wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for('the window titled "Programme"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == "Programme"), None),
                        timeout=tj.START_WAIT)
    tj.wait_for(f"the table to show {N_TEAMS} teams",
                lambda: (rows := table_rows(frame)) is not None and len(rows) == N_TEAMS)
    tj.wait_for("the summary to count the teams and files",
                lambda: tj.find_first(frame, "label", None,
                                      lambda n: n.name.startswith(f"{N_TEAMS} teams · "
                                                                  f"{N_TEAMS} files read")))

    # Sorting by the race-equity share: the column's title, clicked once for
    # the smallest first and again for the largest first.
    title = tj.wait_for('the "Race equity" column', lambda: column_title(frame, "Race equity"))
    for order, expected in (("smallest", ranked[::-1]), ("largest", ranked)):
        x, y = title.position
        w, h = title.size
        tj.log(f'clicking the "Race equity" title for the {order} share first')
        rawinput.click(x + w // 2, y + h // 2)
        tj.wait_for(f"the teams in order of race-equity share, {order} first: {expected}",
                    lambda: [name for name, _ in (table_rows(frame) or [])] == expected)
    tj.screenshot("programme-sorted")

    # The team at the top opens in its own window, at that team.
    top_team = ranked[0]
    rows = table_rows(frame)
    label = rows[0][1]
    x, y = label.position
    w, h = label.size
    tj.log(f"double-clicking {top_team!r}, the table's first row")
    rawinput.doubleClick(x + min(w // 2, 40), y + h // 2)
    team_frame = tj.wait_for(
        f"a project window showing {top_team!r}",
        lambda: next((f for f in app_node.children
                      if f.roleName == "frame" and f.name != "Programme"
                      and tj.selector_text(f) == top_team), None),
        timeout=tj.START_WAIT)
    tj.log(f"the team's window is titled {team_frame.name!r} and shows {top_team!r}")
    tj.screenshot("programme-team-opened")
    # The programme stays open beside it.
    if not any(f.roleName == "frame" and f.name == "Programme" for f in app_node.children):
        tj.fail("the programme's window closed when a team was opened")


def main():
    return tj.run("programme-journey", journey, make_folder)


if __name__ == "__main__":
    sys.exit(main())

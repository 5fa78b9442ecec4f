#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Equity of outcomes, end to end (issue 18), as a screen-reader user would
do it: through the accessibility tree and the keyboard only.

It starts from a new project made with `tandem-cli` (new, team add, measure
add --direction decrease), not the sample:
- on the Measures page, the measure's Equity part breaks it down by broad
  ethnic group (compared with White patients unless told otherwise) and
  says it is about experience (restraint is, in PCREF's terms);
- a long CSV (date, group, count, denominator: two years of weeks, Black
  patients restrained about three times as often per bed day as White
  patients) is imported through the file chooser and the import preview,
  by keyboard;
- the words under the chart by group are read from the accessibility tree:
  "… times as often … (95% interval … to …)", checked against the ratio
  worked out here from the same numbers;
- the Equity of Outcomes overview shows the measure's row, under
  Experience, with that ratio and how it compares with the 12 months before.
Then the file is checked, read-only, with sqlite3 and tandem-cli.

It reuses the journeys' machinery (tests/e2e/test_journey.py). Run it as
CI does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        meson test -C build --suite e2e --print-errorlogs
"""

import datetime
import math
import os
import re
import sqlite3
import subprocess
import sys
import urllib.parse

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402
import test_measures as measures  # noqa: E402

FILE_NAME = "equity"                  # the window is titled with it
TEAM = "Oak Ward"
MEASURE = "Restraint"
GROUPING = "Ethnicity (broad groups)"
DOMAIN = ("Experience", "experience")     # as the app says it, as the file keeps it
REFERENCE = "White"
FOCUS = "Black or Black British"
CSV_NAME = "restraint-by-group.csv"   # typed key by key: plain ASCII
FIRST_WEEK = datetime.date(2024, 11, 25)   # a Monday; 104 weeks to 16/11/2026
WEEKS = 104
TABS = 120                            # at most, from one control to another


def weekly_rows():
    """Two years of weeks by broad group: (date, group, count, bed days).
    White patients: about 3 restraints a week in 2,100 bed days; Black
    patients about 2 in 420 (some 3.3 times the rate); Asian patients few;
    the group not stated for a few."""
    rows = []
    for week in range(WEEKS):
        day = (FIRST_WEEK + datetime.timedelta(weeks=week)).isoformat()
        rows += [(day, "White", 2 + week % 3, 2100),
                 (day, FOCUS, 1 + week % 3 if week % 4 else 3, 420),
                 (day, "Asian or Asian British", 1 if week % 5 == 0 else 0, 350),
                 (day, "Not stated", 1 if week % 13 == 0 else 0, 70)]
    return rows


def write_csv(path):
    with open(path, "w") as f:
        f.write("date,group,count,denominator\n")
        for day, group, count, denominator in weekly_rows():
            f.write(f"{day},{group},{count},{denominator}\n")


def events_and_exposure(years_back):
    """Events and bed days per group over the last 12 months of the data
    (the words' span), or the 12 months before those, from the rows."""
    rows = weekly_rows()
    last = datetime.date.fromisoformat(rows[-1][0])
    end = last.replace(year=last.year - years_back)
    cutoff = last.replace(year=last.year - years_back - 1)
    count = {}
    exposure = {}
    for day, group, n, denominator in rows:
        if cutoff < datetime.date.fromisoformat(day) <= end:
            count[group] = count.get(group, 0) + n
            exposure[group] = exposure.get(group, 0) + denominator
    return count, exposure


def expected_ratio(years_back=0):
    count, exposure = events_and_exposure(years_back)
    return (count[FOCUS] / exposure[FOCUS]) / (count[REFERENCE] / exposure[REFERENCE])


def binomial_tail(k, n, p, upper):
    """P(X >= k) if @upper, else P(X <= k), for X ~ Binomial(n, p)."""
    terms = range(k, n + 1) if upper else range(0, k + 1)
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in terms)


def expected_interval():
    """The exact conditional 95% interval of the ratio over the last 12
    months (what R's poisson.test reports): a Clopper-Pearson interval for
    a / (a + b), by bisection, turned into the ratio."""
    count, exposure = events_and_exposure(0)
    a, b = count[FOCUS], count[REFERENCE]
    n = a + b

    def solve(upper):
        low, high = 0.0, 1.0
        for _ in range(100):
            mid = (low + high) / 2
            tail = binomial_tail(a, n, mid, True) if upper else binomial_tail(a, n, mid, False)
            # The lower limit: P(X >= a) = 2.5%; the upper: P(X <= a) = 2.5%.
            if (tail < 0.025) == upper:
                low = mid
            else:
                high = mid
        return (low + high) / 2
    scale = exposure[REFERENCE] / exposure[FOCUS]
    return tuple(p / (1 - p) * scale for p in (solve(True), solve(False)))


# --------------------------------------------------------------------------
# The file, read-only


def query(path, sql, *params):
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def breakdown_in_file(path):
    """(grouping, reference group's label, domain) of the measure, or None."""
    rows = query(path, "SELECT g.name, c.label, b.domain FROM measure_breakdown b "
                       "JOIN measure m ON m.id = b.measure_id JOIN grouping g ON g.id = b.grouping_id "
                       "LEFT JOIN grouping_category c ON c.id = b.reference_id WHERE m.name = ?",
                 MEASURE)
    return rows[0] if rows else None


def points_in_file(path):
    """The measure's data by group: (rows, events, bed days) per group label."""
    return {label: (n, events, days) for label, n, events, days in query(
        path, "SELECT c.label, count(*), sum(p.count), sum(p.denominator) FROM breakdown_point p "
              "JOIN measure m ON m.id = p.measure_id JOIN grouping_category c ON c.id = p.category_id "
              "WHERE m.name = ? GROUP BY c.label", MEASURE)}


def make_project(top):
    path = os.path.join(top, FILE_NAME + ".tandem")
    tj.cli("new", path)
    tj.cli("team", "add", TEAM, path)
    tj.cli("measure", "add", MEASURE, "--team", TEAM, "--direction", "decrease", path)
    write_csv(os.path.join(top, CSV_NAME))
    if breakdown_in_file(path) is not None:
        tj.fail(f"{MEASURE!r} is broken down before the journey")
    tj.log(f"`tandem-cli` made {path}, with {TEAM!r} and {MEASURE!r}; the CSV has "
           f"{WEEKS * 4} rows")
    return path


# --------------------------------------------------------------------------
# The journey


def choose_in_combo_row(frame, title, choice):
    """Opens the combo row called @title with Space and goes down its list
    with the arrow keys to @choice, then Enter."""
    from dogtail import rawinput

    row = tj.wait_for(f'the "{title}" choice',
                      lambda: tj.find_first(frame, "combo box", title))
    # GTK's rows offer no "click" and no "grab focus" to AT-SPI: Tab to it,
    # as a person using the keyboard does.
    for _ in range(TABS):
        if "FOCUSED" in tj.states(row):
            break
        rawinput.pressKey("Tab")
    else:
        tj.screenshot("equity-tab")
        tj.fail(f'{TABS} presses of Tab never reached the "{title}" choice')
    tj.log(f'the "{title}" choice has the keyboard focus: Space opens it')
    rawinput.pressKey("space")
    label = tj.wait_for(f'"{choice}" in the open list',
                        lambda: tj.find_first(row, "label", choice))

    def chosen_focused():
        node = label.parent
        while node is not None and node.roleName not in ("list item", "row"):
            node = node.parent
        return node is not None and "FOCUSED" in tj.states(node)
    for _ in range(30):
        if chosen_focused():
            break
        rawinput.pressKey("Down")
    else:
        tj.screenshot("equity-choice")
        tj.fail(f'the arrow keys never reached "{choice}" in "{title}"')
    rawinput.pressKey("Return")


def words_text(frame):
    """The words about the chart by group, as a screen reader says them when
    the chart has the focus: its description (the same sentences are shown
    under it)."""
    chart = tj.find_first(frame, "filler", "Chart by group")
    return chart.description if chart is not None else None


def journey(app, path, top):
    from dogtail import rawinput

    app_node = tj.wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for(f'a window titled "{FILE_NAME}"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == FILE_NAME),
                                     None), timeout=tj.START_WAIT)
    tj.wait_for("the project window to be active", lambda: "ACTIVE" in tj.states(frame))
    tj.log("pressing Alt+2 for the Measures page")
    rawinput.keyCombo("<Alt>2")
    tj.wait_for(f'the Measures page showing "{MEASURE}"',
                lambda: tj.find_first(frame, "label", "Equity: By Group"))

    tj.log(f'breaking {MEASURE!r} down by "{GROUPING}"')
    choose_in_combo_row(frame, "Broken down by", GROUPING)
    # Broad groups are compared with White patients unless the person
    # chooses another reference group.
    tj.wait_for(f'the measure to be broken down by "{GROUPING}", compared with {REFERENCE!r}, '
                'in the file', lambda: breakdown_in_file(path) == (GROUPING, REFERENCE, "outcomes"))
    choose_in_combo_row(frame, "About access, experience or outcomes", DOMAIN[0])
    tj.wait_for(f'the measure to be about {DOMAIN[1]} in the file',
                lambda: breakdown_in_file(path) == (GROUPING, REFERENCE, DOMAIN[1]))

    # GTK 4.8 names it by its accessible label, then its label, "Import CSV…",
    # as the measure's own import is called.
    button = tj.wait_for('the "Import data by group from a CSV file" button',
                         lambda: tj.find_first(frame, "push button", None, lambda n: (
                             n.name or "").startswith("Import data by group from a CSV file")))
    tj.click(button, 'the "Import data by group from a CSV file" button')
    chooser_title = "Import Data by Group from a CSV File"
    chooser = tj.wait_for(f'a window called "{chooser_title}"',
                          lambda: measures.window_called(app_node, chooser_title))
    # With no window manager, give it the keyboard, as a click on it would.
    subprocess.run(["xdotool", "search", "--name", f"^{chooser_title}$", "windowfocus", "--sync"],
                   check=False, timeout=20)
    csv_path = os.path.join(top, CSV_NAME)
    tj.log(f"Ctrl+L, then typing {csv_path!r}")
    rawinput.keyCombo("<Control>l")
    tj.wait_for("the location field to have the keyboard focus",
                lambda: any("FOCUSED" in tj.states(n) for n in tj.find_all(chooser, "text")))
    rawinput.typeText(csv_path)
    # Enter in the location field can go to its completion: press Open once
    # the chooser has taken the path.
    open_button = tj.wait_for('the chooser\'s "Open" button',
                              lambda: tj.find_first(chooser, "push button", "Open"))
    tj.click(open_button, 'the chooser\'s "Open" button')

    preview_title = f"Import \u201c{CSV_NAME}\u201d by Group"
    preview = tj.wait_for(f'a window called "{preview_title}"',
                          lambda: measures.window_called(app_node, preview_title))
    label = f"Import {WEEKS * 4} Rows"
    accept = tj.wait_for(f'the "{label}" button in the preview',
                         lambda: tj.find_one(preview, "push button", label))
    if points_in_file(path):
        tj.fail("data by group were saved before the import was agreed to")
    # The title's curly quotes are left out of xdotool's pattern.
    subprocess.run(["xdotool", "search", "--name", f"^Import .{re.escape(CSV_NAME)}. by Group$",
                    "windowfocus", "--sync"], check=False, timeout=20)
    tj.wait_for(f'the "{label}" button to have the keyboard focus',
                lambda: "FOCUSED" in tj.states(accept))
    tj.screenshot("equity-import")
    tj.log("Enter agrees to the import")
    rawinput.pressKey("Return")
    tj.wait_for(f"{WEEKS * 4} rows by group in the file",
                lambda: sum(n for n, _, _ in points_in_file(path).values()) == WEEKS * 4)
    tj.wait_for(f'the "{preview_title}" window to close',
                lambda: measures.window_called(app_node, preview_title) is None)
    subprocess.run(["xdotool", "search", "--name", f"^{FILE_NAME}$", "windowfocus", "--sync"],
                   check=False, timeout=20)
    tj.wait_for("the project window to be active again", lambda: "ACTIVE" in tj.states(frame))

    ratio = expected_ratio()
    sentence = re.compile(re.escape(FOCUS) + r" people had the event (\d+(?:\.\d+)?) times as often"
                          r" .*as " + re.escape(REFERENCE) + r" people \(95% interval "
                          r"(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)\)")
    seen = [None]

    def says_ratio():
        text = words_text(frame)
        if text != seen[0]:
            tj.log(f"the words under the chart read {text!r}")
            seen[0] = text
        return sentence.search(text or "")
    found = tj.wait_for('the words to say "... times as often ... (95% interval ... to ...)"',
                        says_ratio)
    said, lcl, ucl = (float(x) for x in found.groups())
    low, high = expected_interval()
    # Said to two significant figures.
    if abs(said - ratio) > 0.051 or abs(lcl - low) > 0.051 or abs(ucl - high) > 0.051:
        tj.fail(f"the words say {said} times (95% interval {lcl} to {ucl}); "
                f"the rows give {ratio:.3f} ({low:.3f} to {high:.3f})")
    tj.log(f"the words say {said} times as often ({lcl} to {ucl}); worked out here: "
           f"{ratio:.3f} ({low:.3f} to {high:.3f})")
    tj.screenshot("equity-words")

    button = tj.wait_for('the "Equity of Outcomes" button',
                         lambda: tj.find_first(frame, "push button", "Equity of Outcomes"))
    tj.click(button, 'the "Equity of Outcomes" button')
    # The overview's heading is a label of its own, not the button's.
    heading = tj.wait_for('the overview\'s heading "Equity of Outcomes"',
                          lambda: tj.find_first(frame, "label", "Equity of Outcomes",
                                                lambda n: n.parent.roleName != "push button"))
    overview = heading.parent
    overview_words = (f"{FOCUS}: {found.group(1)} times as often as {REFERENCE} "
                      f"(95% interval {found.group(2)} to {found.group(3)})")

    def measure_row():
        """The measure's row's words and the heading of its part."""
        for row in tj.find_all(overview, "list item"):
            text = " ".join(n.name or "" for n in [row, *tj.find_all(row, "label")])
            if MEASURE in text and overview_words in text:
                part = row.parent
                while part is not None and not any(
                        c.roleName == "label" and c.name in ("Access", "Experience", "Outcomes")
                        for c in tj.find_all(part, "label")):
                    part = part.parent
                headings = [c.name for c in tj.find_all(part, "label")
                            if c.name in ("Access", "Experience", "Outcomes")] if part else []
                return text, headings
        return None
    text, headings = tj.wait_for(f'the overview\'s row for {MEASURE!r} to say "{overview_words}"',
                                 measure_row)
    tj.log(f"the overview says, under {headings}: {text!r}")
    if headings != [DOMAIN[0]]:
        tj.fail(f"the overview shows {MEASURE!r} under {headings}, not {DOMAIN[0]!r}")
    # The 12 months before: 3.8 times, so the gap has narrowed a little.
    earlier = expected_ratio(years_back=1)
    before = re.search(re.escape(overview_words) + r"; narrowed: (\d+(?:\.\d+)?) in the 12 months "
                       r"before", text)
    if ratio >= earlier or before is None or abs(float(before.group(1)) - earlier) > 0.051:
        tj.fail(f"the overview does not say the gap narrowed from {earlier:.3f}: {text!r}")
    tj.screenshot("equity-overview")

    rawinput.keyCombo("<Control>q")
    try:
        code = app.process.wait(timeout=tj.EXIT_WAIT)
    except subprocess.TimeoutExpired:
        tj.fail(f"Tandem was still running {tj.EXIT_WAIT:.0f} s after Ctrl+Q")
    if code != 0:
        tj.fail(f"Tandem exited with status {code}. Its output:\n{app.output()}")

    points = points_in_file(path)
    expected = {}
    for _, group, n, denominator in weekly_rows():
        rows, events, days = expected.get(group, (0, 0, 0))
        expected[group] = (rows + 1, events + n, days + denominator)
    if points != expected:
        tj.fail(f"the file has {points} by group, not {expected}")
    check = tj.cli("check", path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")
    tj.log("the file has every row by group and `tandem-cli check` finds no problems")


def main():
    return tj.run("equity", journey, make_project)


if __name__ == "__main__":
    sys.exit(main())

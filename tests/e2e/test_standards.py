#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Standards journey, end to end (issue 17), as a screen-reader user
would do it: through the accessibility tree and the keyboard only.

It starts from a project made with tandem-cli (a team, two people, and a
measure, lower is better, with twenty weeks of values), not the sample:
- the Standards page (Alt+5) says there is no level yet;
- a self-assessment round is added, its date typed day first;
- a member of staff's response scores all twelve standards by keyboard,
  some by number and some by word, and the page says what the scores reach;
- a lived-experience partner's response brings the average down a level,
  and the page says so;
- the measure is linked as evidence through "Add Evidence", its standard chosen from the list,
  and the page counts one standard fewer without evidence.
Then the file is checked, read-only, with sqlite3 and with
`tandem-cli export standards --format json`.

It reuses the journeys' machinery (tests/e2e/test_journey.py) and helpers of
the new-team journey. Run it as CI does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        meson test -C build --suite e2e --print-errorlogs
"""

import datetime
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402
import test_new_team as nt  # noqa: E402

# Everything typed key by key: plain ASCII.
FILE_NAME = "maple"                  # the window is titled with it
TEAM = "Maple Ward"
PEOPLE = ["Rosa Lind", "Tom Beck"]
MEASURE = "Seclusion hours"
# Twelve weeks around 10 hours, then eight around 4 (lower is better).
FIRST_VALUE_DAY = datetime.date(2026, 1, 5)
VALUES = [10, 11, 9, 12, 10, 11, 10, 9, 12, 11, 10, 11, 4, 3, 5, 4, 3, 4, 5, 3]

ROUND_DAY = ("14/11/2026", "2026-11-14")
HEADCOUNT = "4"

# The twelve standards, in the framework's order, and the first letter of
# each that the response window underlines (Alt+letter goes to its score).
STANDARDS = ["Lived Experience", "Safety", "Relationships", "Staff Support", "Equality",
             "Avoiding Harm", "Needs Led", "Choice", "Environment", "Things To Do",
             "Therapeutic Support", "Transparency"]
# The staff member scores 4, 3, 4, 3…: typed as the number, or as the word.
STAFF_TYPED = ["4", "embedded", "4", "3", "strong", "3", "4", "Embedded", "4", "3", "4", "3"]
STAFF_SCORES = [4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3]
LIVED_TYPED = ["3"] * 12
LIVED_SCORES = [3] * 12
LIVED_ROLE = "Lived experience partner"
# Average of the standards' means: staff alone 3.50 (Silver); with the
# partner's threes, (3.5 + 3) / 2 = 3.25 (Bronze).
STAFF_HEADING = ("Scores reach Silver (average 3.50, Strong), but 12 standards have no "
                 "evidence yet")
BOTH_HEADING = ("Scores reach Bronze (average 3.25, Embedded), but 12 standards have no "
                "evidence yet")
EVIDENCE_STANDARD = "Safety"
EVIDENCE_TYPE = "coc-evidence-quantitative"   # "Quantitative data", the first type
EVIDENCE_HEADING = ("Scores reach Bronze (average 3.25, Embedded), but 11 standards have no "
                    "evidence yet")


# --------------------------------------------------------------------------
# The file, read-only


def responses_in_file(path):
    """Each response's role and its scores, in the framework's order of the
    standards: [(role, [(standard's title, score)…])…]."""
    rows = nt.query(path, "SELECT r.id, r.role FROM assessment_response r "
                          "JOIN assessment_round d ON d.id = r.round_id "
                          "JOIN team t ON t.id = d.team_id WHERE t.name = ? "
                          "ORDER BY r.rowid", TEAM)
    out = []
    for response_id, role in rows:
        scores = nt.query(path, "SELECT s.title, c.score FROM assessment_score c "
                                "JOIN standard s ON s.id = c.standard_id "
                                "WHERE c.response_id = ? ORDER BY s.position", response_id)
        out.append((role, scores))
    return out


def rounds_in_file(path):
    return nt.query(path, "SELECT d.date, d.headcount FROM assessment_round d "
                          "JOIN team t ON t.id = d.team_id WHERE t.name = ?", TEAM)


def evidence_in_file(path):
    """Each piece of evidence as (standard's title, type's id, measure's name)."""
    return nt.query(path, "SELECT s.title, e.type_id, m.name FROM standard_evidence e "
                          "JOIN standard s ON s.id = e.standard_id "
                          "LEFT JOIN measure m ON m.id = e.measure_id "
                          "JOIN team t ON t.id = e.team_id WHERE t.name = ?", TEAM)


# --------------------------------------------------------------------------
# The page


_HEADING = []


def level_heading(frame):
    """The level in words: the label under the page's heading "Culture of
    Care Standards", read through its Text interface (a label's cached name
    can lag behind its new text). The heading stays: it is found once."""
    if not _HEADING:
        found = tj.find_first(frame, "label", "Culture of Care Standards")
        if found is None or found.parent is None:
            return None
        _HEADING.append(found)
    heading = _HEADING[0]
    siblings = list(heading.parent.children)
    index = next(i for i, n in enumerate(siblings) if n == heading)
    if index + 1 >= len(siblings):
        return None
    from test_measures import label_text
    return label_text(siblings[index + 1])


def page(frame):
    """The Standards page's contents: what holds its heading."""
    if not _HEADING:
        level_heading(frame)
    return _HEADING[0].parent


def wait_for_heading(frame, words):
    """Waits for the level's words to hold @words; logs each change read."""
    seen = [None]

    def says():
        text = level_heading(frame)
        if text != seen[0]:
            tj.log(f"the level reads {text!r}")
            seen[0] = text
        return text if text and words in text else None
    return tj.wait_for(f'the level to say "{words}"', says)


def choose(combo, choice, what):
    """Opens the drop-down @combo with Space and takes @choice from its list
    with Home, Down… and Enter, each key waited for."""
    from dogtail import rawinput
    rawinput.pressKey("space")

    def ancestor(node, role):
        while node is not None and node != combo:
            if node.roleName == role:
                return node
            node = node.parent
        return None
    item = tj.wait_for(f'"{choice}" in the open list of {what}',
                       lambda: next((ancestor(n, "list item") for n in tj.find_all(combo, "label")
                                     if n.name == choice and ancestor(n, "scroll pane")
                                     and ancestor(n, "list item")), None))
    items = tj.find_all(ancestor(item, "list"), "list item")
    target = next(i for i, n in enumerate(items) if n == item)
    rawinput.pressKey("Home")
    tj.wait_for("the keyboard on the first choice", lambda: "FOCUSED" in tj.states(items[0]))
    for step in range(1, target + 1):
        rawinput.pressKey("Down")
        tj.wait_for(f"the arrow key to reach choice {step + 1} of the list",
                    lambda step=step: "FOCUSED" in tj.states(items[step]))
    rawinput.pressKey("Return")
    tj.wait_for(f'{what} to show "{choice}"',
                lambda: shown(combo) == choice)


def shown(combo):
    """What a drop-down shows: its labels outside its list of choices, but
    for GtkDropDown's "(None)", the words for no choice, kept while hidden."""
    def in_list(node):
        while node is not None and node != combo:
            if node.roleName == "scroll pane":
                return True
            node = node.parent
        return False
    # A row (AdwComboRow) shows its title too, which is its name: not a choice.
    names = [n.name for n in tj.find_all(combo, "label")
             if n.name and n.name not in ("(None)", combo.name) and not in_list(n)]
    return names[0] if names else None


def focused(node):
    return "FOCUSED" in tj.states(node)


def has_keyboard(combo):
    """Whether the drop-down @combo has the keyboard: GTK gives it to the
    button inside it."""
    return focused(combo) or any(focused(n) for n in combo.children)


def add_round(frame, path):
    date = tj.wait_for('the "Round date" field',
                       lambda: tj.find_first(page(frame), "text", "Round date"))
    nt.press("<Alt>d", "to the round's date")
    tj.wait_for('the "Round date" field to have the keyboard', lambda: focused(date))
    nt.type_words(ROUND_DAY[0])
    form = date.parent.parent.parent   # the round's form, not the whole window
    headcount = tj.wait_for('the "Staff headcount" field',
                            lambda: tj.find_first(form, "spin button", "Staff headcount"))
    nt.press("<Alt>h", "to the staff headcount")
    tj.wait_for('the "Staff headcount" field to have the keyboard', lambda: focused(headcount))
    nt.press("<Control>a", "all of the headcount, to type over it")
    nt.type_words(HEADCOUNT)
    nt.press("<Alt>a", "Add Round")
    tj.wait_for(f"a round of {ROUND_DAY[1]} in the file",
                lambda: rounds_in_file(path) == [(ROUND_DAY[1], int(HEADCOUNT))])
    wait_for_heading(frame, "No level yet: the latest round has no scores")


def score_response(app_node, frame, path, role, typed, n_before):
    """Opens "Add a Response" from the page with Alt+R, chooses @role, and
    types the twelve scores, Tab by Tab; Ctrl+Enter saves."""
    nt.press("<Alt>r", "Add a Response to the Latest Round")
    dialog = tj.wait_for('a window called "Add a Response"',
                         lambda: nt.window_called(app_node, "Add a Response"))
    # With no window manager, a new window may not get the keyboard: give it.
    subprocess.run(["xdotool", "search", "--name", "^Add a Response$", "windowfocus"],
                   check=False, timeout=20)
    combo = tj.wait_for('the "Respondent" choice',
                        lambda: tj.find_first(dialog, "combo box", "Respondent"))
    # The keyboard is in its button, inside it.
    tj.wait_for('the "Respondent" choice to have the keyboard', lambda: has_keyboard(combo))
    if role != "Staff":
        choose(combo, role, '"Respondent"')
    elif shown(combo) != "Staff":
        tj.fail('a new response is not from "Staff" until told')
    spins = [tj.wait_for(f'the score of "{title}"',
                         lambda title=title: tj.find_first(dialog, "spin button", title))
             for title in STANDARDS]
    nt.press("<Alt>l", f'to the score of "{STANDARDS[0]}"')
    for i, (title, words) in enumerate(zip(STANDARDS, typed)):
        tj.wait_for(f'the score of "{title}" to have the keyboard',
                    lambda i=i: focused(spins[i]))
        nt.type_words(words)
        if i + 1 < len(STANDARDS):
            from dogtail import rawinput
            rawinput.pressKey("Tab")   # to its comment
            rawinput.pressKey("Tab")   # to the next standard's score
    # Leaving a score shows it as its number and word.
    from test_measures import label_text
    words = {1: "Emerging", 2: "Developing", 3: "Embedded", 4: "Strong", 5: "Exemplar"}
    score = int(typed[0])
    tj.wait_for(f'the score of "{STANDARDS[0]}" to show "{score} {words[score]}"',
                lambda: label_text(spins[0]) == f"{score} {words[score]}")
    tj.screenshot(f"standards-response-{len(typed)}-{role.split()[0].lower()}")
    nt.press("<Control>Return", "Save Response")
    tj.wait_for('the "Add a Response" window to close',
                lambda: nt.window_called(app_node, "Add a Response") is None)
    tj.wait_for(f"{n_before + 1} responses in the file",
                lambda: len(responses_in_file(path)) == n_before + 1)
    nt.give_keyboard_to(FILE_NAME, frame)


def tab_to_choice(combo, what, limit=80):
    """Presses Tab until the keyboard is in the drop-down @combo (in its
    button, inside it), waiting after each press for GTK to say where the
    focus went."""
    from dogtail import rawinput
    for _ in range(limit):
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            if has_keyboard(combo):
                tj.log(f"{what} has the keyboard focus")
                return
            time.sleep(tj.POLL)
        rawinput.pressKey("Tab")
    tj.fail(f"{limit} presses of Tab never reached {what}")


def link_measure(app_node, frame, path):
    """Opens "Add Evidence" with Alt+V, Tabs to its Standard, chooses it,
    leaves the type (quantitative data), the kind (a measure) and the
    measure as they are, and adds it with Ctrl+Enter."""
    nt.press("<Alt>v", "Add Evidence…")
    dialog = tj.wait_for('a window called "Add Evidence"',
                         lambda: nt.window_called(app_node, "Add Evidence"))
    # With no window manager, a new window may not get the keyboard: give it.
    subprocess.run(["xdotool", "search", "--name", "^Add Evidence$", "windowfocus"],
                   check=False, timeout=20)
    standard = tj.wait_for('the choice "Standard"',
                           lambda: tj.find_first(dialog, "combo box", "Standard"))
    target = tj.wait_for('the choice "Measure"',
                         lambda: tj.find_first(dialog, "combo box", "Measure"))
    if shown(target) != MEASURE:
        tj.fail(f'the measure to link is not offered first as "{MEASURE}" '
                f'but as {shown(target)!r}')
    tab_to_choice(standard, '"Standard"')
    choose(standard, EVIDENCE_STANDARD, '"Standard"')
    tj.screenshot("standards-evidence")
    nt.press("<Control>Return", "Add Evidence")
    tj.wait_for('the "Add Evidence" window to close',
                lambda: nt.window_called(app_node, "Add Evidence") is None)
    tj.wait_for(f"the measure linked to {EVIDENCE_STANDARD} in the file",
                lambda: evidence_in_file(path) == [(EVIDENCE_STANDARD, EVIDENCE_TYPE, MEASURE)])
    nt.give_keyboard_to(FILE_NAME, frame)


def check_file(path):
    responses = responses_in_file(path)
    want = [("staff", list(zip(STANDARDS, STAFF_SCORES))),
            ("lived_experience_partner", list(zip(STANDARDS, LIVED_SCORES)))]
    if responses != want:
        tj.fail(f"the file holds the responses {responses}, not {want}")
    tj.log("the file holds a staff and a lived-experience partner's response, twelve scores each")

    result = tj.cli("export", "standards", "--team", TEAM, "--format", "json",
                    "--output", "-", path)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        tj.fail(f"`tandem-cli export standards --format json` did not print JSON: {error}")
    level = report["level"]
    if level["level"] != "bronze" or abs(level["average"] - 3.25) > 1e-9:
        tj.fail(f"the JSON says the level is {level['level']!r} at {level['average']}, "
                "not bronze at 3.25")
    if len(level["standards_without_evidence"]) != 11:
        tj.fail(f"the JSON lists {len(level['standards_without_evidence'])} standards without "
                "evidence, not 11")
    tj.log(f"the JSON says {level['level']} at {level['average']}, with "
           f"{len(level['standards_without_evidence'])} standards still to evidence")
    check = tj.cli("check", path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")


def make_project(top):
    path = os.path.join(top, FILE_NAME + ".tandem")
    tj.cli("new", path)
    tj.cli("team", "add", TEAM, path)
    for name in PEOPLE:
        tj.cli("person", "add", "--team", TEAM, name, path)
    tj.cli("measure", "add", "--team", TEAM, "--direction", "decrease", "--frequency", "weekly",
           MEASURE, path)
    csv = os.path.join(top, "seclusion.csv")
    with open(csv, "w") as f:
        f.write("date,value\n")
        for i, value in enumerate(VALUES):
            f.write(f"{(FIRST_VALUE_DAY + datetime.timedelta(weeks=i)).isoformat()},{value}\n")
    tj.cli("import", "data", "--measure", MEASURE, csv, path)
    return path


def journey(app, path, top):
    started = time.monotonic()
    app_node, frame = nt.open_project_window(app, FILE_NAME)
    tj.wait_for(f'the team selector to show {TEAM!r}', lambda: tj.selector_text(frame) == TEAM,
                timeout=tj.START_WAIT)
    nt.give_keyboard_to(FILE_NAME, frame)
    nt.press("<Alt>5", "the Standards page")
    wait_for_heading(frame, "No level yet")

    add_round(frame, path)
    score_response(app_node, frame, path, "Staff", STAFF_TYPED, 0)
    wait_for_heading(frame, STAFF_HEADING)
    score_response(app_node, frame, path, LIVED_ROLE, LIVED_TYPED, 1)
    wait_for_heading(frame, BOTH_HEADING)
    link_measure(app_node, frame, path)
    wait_for_heading(frame, EVIDENCE_HEADING)
    tj.screenshot("standards")

    nt.give_keyboard_to(FILE_NAME, frame)
    nt.press("<Control>q", "Quit")
    nt.wait_for_exit(app, "Ctrl+Q")
    check_file(path)
    tj.log(f"the journey took {time.monotonic() - started:.1f} s")


def main():
    return tj.run("standards", journey, make_project)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A new team from scratch, end to end (issue 15), as a screen-reader user
would do it: through the accessibility tree and the keyboard only.

It starts from `tandem-cli new` (no team, no people), not the sample:
- the team is added from the "No Teams Yet" page;
- three people from the main menu's "People…" window, one of them taking
  part as a lived-experience partner;
- a small driver diagram: an aim, a primary and a secondary driver and two
  change ideas, added and titled with the keyboard in the outline;
- a measure, lower is better, and 30 values pasted from a spreadsheet with
  day-first dates (22/10/2026 to 20/11/2026);
- a coaching session: the three people present, two actions (one owned by
  someone chosen from the people), and notes typed last, saved by no button:
  the window is closed with Ctrl+W while the session editor is open;
- the app is opened again on the file: the notes and the attendance are
  there; a second session reviews the two actions (Done, Carry Forward).
Then the file is checked, read-only, with sqlite3 and tandem-cli.

It reuses the journeys' machinery (tests/e2e/test_journey.py) and helpers of
the coaching and measures journeys. Run it as CI does:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        meson test -C build --suite e2e --print-errorlogs
"""

import datetime
import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as tj  # noqa: E402
import test_coaching as coaching  # noqa: E402
import test_measures as measures  # noqa: E402

# Everything typed key by key: plain ASCII.
FILE_NAME = "riverside"               # the window is titled with it
TEAM = "Riverside Ward"
# (name, job title, takes part as a lived-experience partner)
PEOPLE = [("Amara Okafor", "Peer support lead", True),
          ("Dev Patel", "Ward manager", False),
          ("Nell Hughes", "Occupational therapist", False)]
LIVED_EXPERIENCE = "Lived-experience partner"   # the choice's words in the form

DIAGRAM = "Calmer evenings"
AIM = "Fewer restraints in the evening"
PRIMARY = "Evenings have things to do"
SECONDARY = "Activities after tea"
IDEAS = ["Games night on Tuesdays", "Evening walk in the garden"]

MEASURE = "Evening restraints"
FIRST_VALUE_DAY = datetime.date(2026, 10, 22)
VALUES = [5, 4, 6, 5, 7, 5, 4, 6, 5, 6, 4, 5, 6, 5, 4,
          3, 2, 3, 2, 3, 2, 1, 2, 3, 2, 2, 1, 2, 3, 2]

# Dates as a person in the UK types them: day first.
SESSION_DAY = ("19/11/2026", "2026-11-19")
NEXT_SESSION_DAY = ("20/11/2026", "2026-11-20")
# (what, by when typed, by when stored, owner or None)
ACTIONS = [("Plan a games night", "26/11/2026", "2026-11-26", "Dev Patel"),
           ("Ask patients about evening music", "03/12/2026", "2026-12-03", None)]
NOTES = "The team chose the games night first. Amara will ask about music."


# --------------------------------------------------------------------------
# The file, read-only


def query(path, sql, *params):
    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def people_in_file(path):
    """The team's people as (name, job title, taking part as)."""
    return query(path, "SELECT p.name, p.role_title, p.taking_part_as FROM person p "
                       "JOIN team_member m ON m.person_id = p.id JOIN team t ON t.id = m.team_id "
                       "WHERE t.name = ? ORDER BY p.name", TEAM)


def nodes_in_file(path):
    """The diagram's items as (kind, title, parent's title), parent first."""
    return query(path, "SELECT n.kind, n.title, p.title FROM node n JOIN diagram d "
                       "ON d.id = n.diagram_id LEFT JOIN node_link l ON l.child_id = n.id "
                       "LEFT JOIN node p ON p.id = l.parent_id WHERE d.name = ? "
                       "ORDER BY CASE n.kind WHEN 'aim' THEN 0 WHEN 'primary' THEN 1 "
                       "WHEN 'secondary' THEN 2 ELSE 3 END, l.position", DIAGRAM)


def sessions_in_file(path):
    return query(path, "SELECT s.id, substr (s.starts_at, 1, 10), s.notes FROM coaching_session s "
                       "JOIN team t ON t.id = s.team_id WHERE t.name = ? ORDER BY s.starts_at",
                 TEAM)


def actions_in_file(path):
    """(what, due, status, owner's name, session's day, carried from what)."""
    return query(path, "SELECT a.what, a.due_on, a.status, p.name, substr (s.starts_at, 1, 10), "
                       "f.what FROM action a LEFT JOIN person p ON p.id = a.owner_id "
                       "LEFT JOIN coaching_session s ON s.id = a.session_id "
                       "LEFT JOIN action f ON f.id = a.carried_from ORDER BY s.starts_at, a.rowid")


def present_in_file(path, day):
    return sorted(n for (n,) in query(
        path, "SELECT p.name FROM attendance a JOIN person p ON p.id = a.person_id "
              "JOIN coaching_session s ON s.id = a.session_id "
              "WHERE substr (s.starts_at, 1, 10) = ? AND a.status = 'present'", day))


# --------------------------------------------------------------------------
# Windows and the keyboard


def window_called(app_node, title):
    return next((w for w in app_node.children if w.name == title), None)


def give_keyboard_to(title, node):
    """With no window manager, a window that comes back from under a closed
    one does not get the keyboard: give it, as a person would by clicking."""
    subprocess.run(["xdotool", "search", "--name", f"^{title}$", "windowfocus", "--sync"],
                   check=False, timeout=20)
    tj.wait_for(f'the "{title}" window to be active', lambda: "ACTIVE" in tj.states(node))


def press(keys, what):
    from dogtail import rawinput
    tj.log(f"pressing {keys} ({what})")
    rawinput.keyCombo(keys)


def type_words(words):
    from dogtail import rawinput
    tj.log(f"typing {words!r}")
    rawinput.typeText(words)


def tab_to(node, what, limit=60):
    """Presses Tab until @node has the keyboard focus, as a keyboard user
    moves through a page. After each press it waits for the focus to arrive
    (GTK answers over the accessibility bus); a slow answer only means one
    more time round the page."""
    from dogtail import rawinput
    for _ in range(limit):
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            if "FOCUSED" in tj.states(node):
                tj.log(f"{what} has the keyboard focus")
                return
            time.sleep(tj.POLL)
        rawinput.pressKey("Tab")
    tj.fail(f"{limit} presses of Tab never reached {what}")


def open_project_window(app, title):
    app_node = tj.wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                           lambda: tj.find_app_node(app.process.pid), timeout=tj.START_WAIT)
    frame = tj.wait_for(f'a window titled "{title}"',
                        lambda: next((w for w in app_node.children
                                      if w.roleName == "frame" and w.name == title), None),
                        timeout=tj.START_WAIT)
    return app_node, frame


def wait_for_exit(app, keys):
    try:
        code = app.process.wait(timeout=tj.EXIT_WAIT)
    except subprocess.TimeoutExpired:
        tj.fail(f"Tandem was still running {tj.EXIT_WAIT:.0f} s after {keys}")
    if code != 0:
        tj.fail(f"Tandem exited with status {code} after {keys}. Its output:\n{app.output()}")
    tj.log(f"Tandem exited with status 0 after {keys}")


# --------------------------------------------------------------------------
# The steps


def add_team(app_node, frame):
    tj.wait_for('the "No Teams Yet" page',
                lambda: tj.find_first(frame, "label", "No Teams Yet"), timeout=tj.START_WAIT)
    add = tj.wait_for('the "Add a Team…" button',
                      lambda: tj.find_first(frame, "push button", "Add a Team…",
                                            lambda n: "click" in n.actions))
    tj.click(add, 'the "Add a Team…" button')
    dialog = tj.wait_for('a window called "New Team"', lambda: window_called(app_node, "New Team"))
    tj.wait_for('the "Team name" field', lambda: tj.find_one(dialog, "text", "Team name"))
    tj.wait_for('the keyboard to move to the "New Team" window',
                lambda: "ACTIVE" not in tj.states(frame))
    create = tj.wait_for('the "Add" button', lambda: tj.find_one(dialog, "push button", "Add"))
    type_words(TEAM)
    tj.wait_for('"Add" to be enabled once the name is typed',
                lambda: "SENSITIVE" in tj.states(create))
    tj.screenshot("new-team-team")
    tj.click(create, 'the "Add" button')
    tj.wait_for('the "New Team" window to close',
                lambda: window_called(app_node, "New Team") is None)
    tj.wait_for(f"the team selector to show {TEAM!r}", lambda: tj.selector_text(frame) == TEAM)


def choose_lived_experience(window):
    """From the job title, Tab to "Takes part as", open its list with Space,
    and take the choice from the list."""
    from dogtail import rawinput
    combo = tj.wait_for('the "Takes part as" choice',
                        lambda: tj.find_first(window, "combo box", "Takes part as"))
    tab_to(combo, '"Takes part as"')
    rawinput.pressKey("space")

    def ancestor(node, role):
        while node is not None and node != combo:
            if node.roleName == role:
                return node
            node = node.parent
        return None
    # The open list is in a scroll pane; the row's own list shows the choice.
    item = tj.wait_for(f'"{LIVED_EXPERIENCE}" in the open list',
                       lambda: next((ancestor(n, "list item") for n in tj.find_all(combo, "label")
                                     if n.name == LIVED_EXPERIENCE and ancestor(n, "scroll pane")
                                     and ancestor(n, "list item")), None))
    # Home puts the keyboard on the list's first choice wherever it opened
    # (counting from the focus GTK 4.8 reports once chose the next one down);
    # each Down from there is waited for before the next.
    items = tj.find_all(ancestor(item, "list"), "list item")
    target = next(i for i, n in enumerate(items) if n == item)
    rawinput.pressKey("Home")
    tj.wait_for("the keyboard on the first choice", lambda: "FOCUSED" in tj.states(items[0]))
    for step in range(1, target + 1):
        rawinput.pressKey("Down")
        tj.wait_for(f"the arrow key to reach choice {step + 1} of the list",
                    lambda step=step: "FOCUSED" in tj.states(items[step]))
    rawinput.pressKey("Return")
    # The row shows what is chosen (its first list, outside the popup).
    tj.wait_for(f'"Takes part as" to show "{LIVED_EXPERIENCE}"',
                lambda: [n.name for n in tj.find_all(combo, "label")][1:2] == [LIVED_EXPERIENCE])


def add_people(app_node, frame, path):
    menu = tj.wait_for('the "Main menu" button',
                       lambda: tj.find_first(frame, "push button", "Main menu",
                                             lambda n: "click" in n.actions))
    tj.click(menu, 'the "Main menu" button')
    tj.wait_for("the main menu to open",
                lambda: tj.states(menu) & {"PRESSED", "CHECKED", "EXPANDED"})
    item = tj.wait_for('the item "People…" in the main menu, enabled',
                       lambda: tj.find_first(menu.parent, "menu item", "People…",
                                             lambda n: "SENSITIVE" in tj.states(n)))
    tj.click(item, 'the menu item "People…"')
    listing = f"People in {TEAM}"
    window = tj.wait_for(f'a window called "{listing}"', lambda: window_called(app_node, listing))
    tj.wait_for(f'the "{listing}" window to have the keyboard',
                lambda: "ACTIVE" in tj.states(window))
    tj.wait_for("the window to say the team has no one yet",
                lambda: tj.find_first(window, "list item", None,
                                      lambda n: (n.name or "").startswith("No one yet")))
    for n, (name, job, lived) in enumerate(PEOPLE, start=1):
        press("<Alt>a", "Add Person…")
        tj.wait_for('the form "New Person"', lambda: window.name == "New Person")
        type_words(name)
        press("<Alt>r", "to the job or role title")
        type_words(job)
        if lived:
            choose_lived_experience(window)
            tj.screenshot("new-team-person")
        press("<Alt>s", "Save")
        tj.wait_for(f'the list of people again, with "{name}"',
                    lambda name=name: window.name == listing and tj.find_first(
                        window, "list item", name))
        tj.wait_for(f"{n} people in the file", lambda n=n: len(people_in_file(path)) == n)
    tj.screenshot("new-team-people")
    close = tj.wait_for('the window\'s "Close" button',
                        lambda: tj.find_one(window, "push button", "Close"))
    tj.click(close, f'the "Close" button of "{listing}"')
    tj.wait_for(f'the "{listing}" window to close', lambda: window_called(app_node, listing) is None)


def type_item(outline, heading_start, words):
    """Waits for the in-place editor, focused, whose heading says what is
    being written; types the words and Enter."""
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
    tj.wait_for(f'the editor "{heading_start}…", focused', editor)
    type_words(words)
    rawinput.pressKey("Return")


def build_diagram(app_node, frame, path):
    from dogtail import rawinput
    give_keyboard_to(FILE_NAME, frame)
    # The button on the page that says there is no diagram yet (GTK 4.8 also
    # shows the toolbar's, on the hidden page for a diagram, which does nothing).
    empty = tj.wait_for('the page "No Driver Diagram Yet"',
                        lambda: tj.find_first(frame, "panel", "No Driver Diagram Yet"))
    new = tj.wait_for('the "New Diagram…" button',
                      lambda: tj.find_first(empty, "push button", "New Diagram…",
                                            lambda n: "SENSITIVE" in tj.states(n)))
    tj.click(new, 'the "New Diagram…" button')
    dialog = tj.wait_for('a window called "New Driver Diagram"',
                         lambda: window_called(app_node, "New Driver Diagram"))
    tj.wait_for('the "Name" field, focused',
                lambda: tj.find_one(dialog, "text", "Name", lambda n: "FOCUSED" in tj.states(n)))
    # Called by its words as shown: no mnemonic's underline read out.
    blank = tj.wait_for('the choice "Blank: just an aim to write"',
                        lambda: tj.find_first(dialog, "check box",
                                              "Blank: just an aim to write"))
    if "CHECKED" not in tj.states(blank):
        tj.fail("a new diagram does not start blank")
    rawinput.keyCombo("<Control>a")
    type_words(DIAGRAM)
    rawinput.pressKey("Return")
    tj.wait_for(f'the diagram "{DIAGRAM}" in the file, with its aim',
                lambda: [k for (k, _t, _p) in nodes_in_file(path)] == ["aim"])
    tj.wait_for('the "New Driver Diagram" window to close',
                lambda: window_called(app_node, "New Driver Diagram") is None)

    give_keyboard_to(FILE_NAME, frame)
    outline_button = tj.wait_for('the "Outline" button',
                                 lambda: tj.find_first(frame, "push button", "Outline",
                                                       lambda n: "click" in n.actions))
    tj.click(outline_button, 'the "Outline" button')
    outline = tj.wait_for('the list "Diagram outline"',
                          lambda: tj.find_first(frame, "list", "Diagram outline"))
    tj.wait_for("the aim in the outline, not written yet",
                lambda: tj.find_first(outline, "label", "Aim: (nothing written yet)"))

    def in_outline(words):
        tj.wait_for(f'"{words}" in the outline', lambda: tj.find_first(outline, "label", words))

    # F2 writes the aim's words; Tab adds an item in the next column, under
    # the one chosen; Enter after a change idea adds the next one below it.
    press("F2", "write the aim's words")
    type_item(outline, "Words of this aim", AIM)
    in_outline(f"Aim: {AIM}")
    for key, heading, words, shown in (
            ("Tab", "New primary driver under", PRIMARY, f"Primary driver: {PRIMARY}"),
            ("Tab", "New secondary driver under", SECONDARY, f"Secondary driver: {SECONDARY}"),
            ("Tab", "New change idea under", IDEAS[0], f"Change idea: {IDEAS[0]} \u2014 Idea"),
            ("Return", "New change idea below", IDEAS[1], f"Change idea: {IDEAS[1]} \u2014 Idea")):
        press(key, heading.lower())
        type_item(outline, heading, words)
        in_outline(shown)
    tj.screenshot("new-team-diagram")


def make_measure(app_node, frame, path):
    from dogtail import rawinput
    give_keyboard_to(FILE_NAME, frame)
    press("<Alt>2", "the Measures page")
    add = tj.wait_for('the "Add Measure" button',
                      lambda: tj.find_first(frame, "push button", "Add Measure"))
    tj.click(add, 'the "Add Measure" button')
    dialog = tj.wait_for('a window called "New Measure"',
                         lambda: window_called(app_node, "New Measure"))
    tj.wait_for('the "Name" field, focused',
                lambda: tj.find_one(dialog, "text", "Name", lambda n: "FOCUSED" in tj.states(n)))
    rawinput.keyCombo("<Control>a")
    type_words(MEASURE)
    press("<Alt>l", "Lower is better")
    lower = tj.wait_for('the answer "Lower is better"', lambda: tj.find_first(
        dialog, "check box", "Lower is better (e.g. restraint, seclusion, incidents)"))
    tj.wait_for('"Lower is better" to be chosen', lambda: "CHECKED" in tj.states(lower))
    rawinput.pressKey("Return")
    tj.wait_for(f'the measure "{MEASURE}" in the file, lower is better',
                lambda: query(path, "SELECT direction FROM measure WHERE name = ?", MEASURE)
                == [("decrease",)])
    tj.wait_for('the "New Measure" window to close',
                lambda: window_called(app_node, "New Measure") is None)

    # Cells as a spreadsheet copies them: tab-separated, dates day first.
    rows = ["Date\tRestraints"] + [
        f"{(FIRST_VALUE_DAY + datetime.timedelta(days=i)).strftime('%d/%m/%Y')}\t{v}"
        for i, v in enumerate(VALUES)]
    if rows[-1] != "20/11/2026\t2":
        tj.fail(f"the pasted values should end on 20/11/2026, not {rows[-1]!r}")
    give_keyboard_to(FILE_NAME, frame)
    owner = measures.own_clipboard("\n".join(rows) + "\n")
    try:
        paste = tj.wait_for('the "Paste from Spreadsheet" button',
                            lambda: tj.find_first(frame, "push button", "Paste from Spreadsheet"))
        tj.click(paste, 'the "Paste from Spreadsheet" button')
        dialog = tj.wait_for('a window called "Import Values"',
                             lambda: window_called(app_node, "Import Values"))
        label = f"Import {len(VALUES)} Rows"
        tj.wait_for(f'the "{label}" button in the preview',
                    lambda: tj.find_one(dialog, "push button", label))
    finally:
        owner.terminate()
        owner.wait(timeout=10)
    dates = tj.wait_for('"Dates are written as"', lambda: tj.find_one(dialog, "combo box",
                                                                       "Dates are written as"))
    shown = [n.name for n in tj.find_all(dates, "label") if n.name != "(None)"]
    if not any("(day first)" in s for s in shown):
        tj.fail(f"the import reads the dates as {shown}, not day first")
    tj.wait_for('the choice "The first row names the columns", ticked', lambda: tj.find_first(
        dialog, "check box", "The first row names the columns",
        lambda n: "CHECKED" in tj.states(n)))
    preview = tj.wait_for("the preview's words", lambda: tj.find_first(
        dialog, "label", None, lambda n: (n.name or "").startswith(f"{len(VALUES)} rows are ready")))
    if "22 Oct 2026: 5" not in preview.name:
        tj.fail(f"the preview does not read 22/10/2026 as 22 October: {preview.name!r}")
    if query(path, "SELECT count(*) FROM data_point")[0][0] != 0:
        tj.fail("values were saved before the import was agreed to")
    tj.wait_for('the "Import Values" window to have the keyboard',
                lambda: "ACTIVE" in tj.states(dialog))
    tj.screenshot("new-team-import")
    press("<Alt>i", label)
    tj.wait_for(f"{len(VALUES)} values in the file",
                lambda: query(path, "SELECT count(*) FROM data_point")[0][0] == len(VALUES))
    tj.wait_for('the "Import Values" window to close',
                lambda: window_called(app_node, "Import Values") is None)


def log_session(frame, path):
    """The first session, left open in the editor: its notes are typed last
    and saved by no button."""
    give_keyboard_to(FILE_NAME, frame)
    press("<Alt>3", "the Coaching page")
    page = tj.wait_for("the Coaching page",
                       lambda: tj.find_first(frame, "filler", "TandemCoachingPage"))
    tj.click(coaching.button(page, "New Session"), 'the "New Session" button')
    tj.wait_for("the new session in the editor",
                lambda: tj.find_first(page, "label", None,
                                      lambda n: (n.name or "").startswith(TEAM + " \u2014 ")))
    coaching.type_into(page, "<Alt>d", "Date", SESSION_DAY[0])
    for name, _job, _lived in PEOPLE:
        toggle = coaching.button(page, f"{name} was present")
        tj.click(toggle, f'"{name} was present"')
        tj.wait_for(f"{name} marked present",
                    lambda t=toggle: tj.states(t) & {"CHECKED", "PRESSED"})

    owner_entry = tj.wait_for('the "Who will do it" field',
                              lambda: tj.find_first(page, "text", "Who will do it"))
    for n, (what, due, due_iso, owner) in enumerate(ACTIONS, start=1):
        coaching.type_into(page, "<Alt>w", "What will be done", what)
        coaching.type_into(page, "<Alt>b", "By when", due)
        if owner:
            tab_to(owner_entry, '"Who will do it"')
            type_words(owner.split()[0])
            offers = tj.wait_for("the people offered",
                                 lambda: tj.find_first(page, "list", "People offered"))
            tj.wait_for(f'"{owner}" offered first',
                        lambda: [i.name for i in tj.find_all(offers, "list item")][:1]
                        == [f"{owner}, {dict((p[0], p[1]) for p in PEOPLE)[owner]}"])
            press("Return", f"take {owner}")
        press("<Alt>a", "Add Action")
        tj.wait_for(f'"{what}" in the file, due {due_iso}, owned by {owner}',
                    lambda what=what, due_iso=due_iso, owner=owner, n=n:
                    [a[:4] for a in actions_in_file(path)][n - 1:n]
                    == [(what, due_iso, "open", owner)])

    tj.screenshot("new-team-session")
    # The notes last: Ctrl+W follows at once, well inside the pause in typing
    # after which the editor saves by itself.
    coaching.type_into(page, "<Alt>n", "Notes", NOTES, check_focus=True)


def review_actions(page, path):
    """A second session, where the first one's actions are reviewed."""
    from dogtail import rawinput
    tj.click(coaching.button(page, "New Session"), 'the "New Session" button')
    tj.wait_for("the page to count 2 sessions",
                lambda: tj.find_first(page, "label", None, lambda n: (n.name or "").startswith(
                    "Coaching sessions logged: 2.")))
    coaching.type_into(page, "<Alt>d", "Date", NEXT_SESSION_DAY[0])
    # Leaving the field saves the date (and shows the form again as saved).
    rawinput.pressKey("Tab")
    tj.wait_for(f"the second session on {NEXT_SESSION_DAY[1]} in the file",
                lambda: [s[1] for s in sessions_in_file(path)]
                == [SESSION_DAY[1], NEXT_SESSION_DAY[1]])

    done_label = f"Mark \u201c{ACTIONS[0][0]}\u201d done"
    tj.click(coaching.button(page, done_label), f'"{done_label}"')
    tj.wait_for(f'"{ACTIONS[0][0]}" done in the file',
                lambda: [a[2] for a in actions_in_file(path)] == ["done", "open"])
    carry = coaching.button(page, f"Carry \u201c{ACTIONS[1][0]}\u201d forward")
    tj.click(carry, "Carry forward")
    confirm = tj.wait_for('the "Carry Forward" button under the new date',
                          lambda: next((n for n in tj.find_all(carry.parent, "push button")
                                        if (n.name or "").startswith("_Carry Forward")
                                        and "click" in n.actions), None))
    tj.click(confirm, 'the "Carry Forward" button')
    tj.wait_for(f'"{ACTIONS[1][0]}" carried forward to the second session in the file',
                lambda: [(a[2], a[4], a[5]) for a in actions_in_file(path)][1:]
                == [("dropped", SESSION_DAY[1], None),
                    ("open", NEXT_SESSION_DAY[1], ACTIONS[1][0])])
    tj.click(coaching.button(page, "Save"), 'the "Save" button')
    tj.screenshot("new-team-review")


def check_file(path):
    people = people_in_file(path)
    expected = sorted((name, job, "lived_experience_partner" if lived else None)
                      for (name, job, lived) in PEOPLE)
    if people != expected or query(path, "SELECT count(*) FROM person") != [(len(PEOPLE),)]:
        tj.fail(f"the team's people in the file are {people}, not {expected}")
    info = tj.cli_info(path)
    teams = info["teams"]
    if [t["name"] for t in teams] != [TEAM]:
        tj.fail(f"`tandem-cli info --json` lists the teams {[t['name'] for t in teams]}")
    if teams[0]["diagrams"] != [DIAGRAM] or teams[0]["measures"] != [MEASURE]:
        tj.fail(f"the team should have the diagram {DIAGRAM!r} and the measure {MEASURE!r}: "
                f"{teams[0]}")

    nodes = nodes_in_file(path)
    expected_nodes = [("aim", AIM, None), ("primary", PRIMARY, AIM),
                      ("secondary", SECONDARY, PRIMARY),
                      ("change_idea", IDEAS[0], SECONDARY), ("change_idea", IDEAS[1], SECONDARY)]
    if nodes != expected_nodes:
        tj.fail(f"the diagram holds {nodes}, not {expected_nodes}")

    points = query(path, "SELECT d.date, d.value FROM data_point d JOIN measure m "
                         "ON m.id = d.measure_id WHERE m.name = ? ORDER BY d.date", MEASURE)
    expected_points = [((FIRST_VALUE_DAY + datetime.timedelta(days=i)).isoformat(), float(v))
                       for i, v in enumerate(VALUES)]
    if points != expected_points:
        tj.fail(f"the measure holds {points}, not {expected_points}")

    sessions = sessions_in_file(path)
    if [(s[1], s[2]) for s in sessions] != [(SESSION_DAY[1], NOTES), (NEXT_SESSION_DAY[1], None)]:
        tj.fail(f"the file holds the sessions {[(s[1], s[2]) for s in sessions]}")
    present = present_in_file(path, SESSION_DAY[1])
    if present != sorted(p[0] for p in PEOPLE):
        tj.fail(f"the first session's attendance is {present}")

    actions = actions_in_file(path)
    # Carry Forward offers two weeks from the day it is done (the test's day).
    today = datetime.date.fromisoformat(tj.require_env("TANDEM_TEST_NOW")[:10])
    carried_to = (today + datetime.timedelta(weeks=2)).isoformat()
    expected_actions = [
        (ACTIONS[0][0], ACTIONS[0][2], "done", ACTIONS[0][3], SESSION_DAY[1], None),
        (ACTIONS[1][0], ACTIONS[1][2], "dropped", None, SESSION_DAY[1], None),
        (ACTIONS[1][0], carried_to, "open", None, NEXT_SESSION_DAY[1], ACTIONS[1][0])]
    if actions != expected_actions:
        tj.fail(f"the file holds the actions {actions}, not {expected_actions}")

    check = tj.cli("check", path, check=False)
    if check.returncode != 0:
        tj.fail(f"`tandem-cli check` exits {check.returncode}:\n{check.stdout}{check.stderr}")
    tj.log("the file holds the team, its 3 people, the diagram, 30 values, both sessions with "
           "the notes and the attendance, one action done and one carried forward; "
           "`tandem-cli check` finds no problems")


def make_project(top):
    path = os.path.join(top, FILE_NAME + ".tandem")
    tj.cli("new", path)
    info = tj.cli_info(path)
    if info["teams"] or query(path, "SELECT count(*) FROM person")[0][0] != 0:
        tj.fail(f"`tandem-cli new` made a project that is not empty: {info}")
    tj.log(f"`tandem-cli new` made {path}, with no team and no people")
    return path


def journey(app, path, top):
    app_node, frame = open_project_window(app, FILE_NAME)
    add_team(app_node, frame)
    add_people(app_node, frame, path)
    build_diagram(app_node, frame, path)
    make_measure(app_node, frame, path)
    log_session(frame, path)

    # Ctrl+W with the session editor open and its notes saved by no button.
    # (What the file holds just before is only logged: when the editor saves
    # by itself is the app's business; that nothing is lost is the test's.)
    tj.log(f"just before Ctrl+W the file holds the notes {sessions_in_file(path)[0][2]!r} "
           f"and {len(present_in_file(path, SESSION_DAY[1]))} people present")
    press("<Control>w", "close the window")
    wait_for_exit(app, "Ctrl+W")
    app.stop()

    # Opened again: the first session holds what was typed.
    again = tj.App(tj.require_env("TANDEM_BIN"), os.path.join(top, "tandem-again.log"), [path])
    tj.APP = again
    app_node, frame = open_project_window(again, FILE_NAME)
    tj.wait_for(f"the team selector to show {TEAM!r}", lambda: tj.selector_text(frame) == TEAM,
                timeout=tj.START_WAIT)
    give_keyboard_to(FILE_NAME, frame)
    press("<Alt>3", "the Coaching page")
    page = tj.wait_for("the Coaching page",
                       lambda: tj.find_first(frame, "filler", "TandemCoachingPage"))
    sessions = tj.wait_for("the list of sessions", lambda: tj.find_first(page, "list", "Sessions"))
    row = tj.wait_for("the first session in the list",
                      lambda: tj.find_first(sessions, "list item", None,
                                            lambda n: (n.name or "").startswith(
                                                "Thursday 19 November 2026")))
    tab_to(row, "the first session in the list")
    press("Return", "open the session")
    tj.wait_for("the first session in the editor",
                lambda: tj.find_first(page, "label", None, lambda n: (n.name or "").startswith(
                    TEAM + " \u2014 Thursday 19 November 2026")))
    notes = tj.wait_for('the "Notes" field', lambda: tj.find_first(page, "text", "Notes"))

    def notes_text():
        text = notes.queryText()
        return text.getText(0, text.characterCount)
    tj.wait_for("the notes typed before Ctrl+W", lambda: notes_text() == NOTES)
    who = tj.find_first(page, "list", "Who took part")
    present = sorted(b.name for b in tj.find_all(who, "push button")
                     if tj.states(b) & {"CHECKED", "PRESSED"})
    if present != sorted(f"{p[0]} was present" for p in PEOPLE):
        tj.fail(f"after reopening, the session shows {present}")
    tj.log(f"after reopening, the notes read {NOTES!r} and {len(present)} people were present")
    tj.screenshot("new-team-reopened")
    tj.click(coaching.button(page, "Back to the sessions"), 'the "Back" button')

    review_actions(page, path)
    give_keyboard_to(FILE_NAME, frame)
    press("<Control>q", "quit")
    wait_for_exit(again, "Ctrl+Q")
    check_file(path)


def main():
    return tj.run("new-team", journey, make_project)


if __name__ == "__main__":
    sys.exit(main())

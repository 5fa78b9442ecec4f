#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility walk: every control a person can use has a name.

Start Tandem on the sample project and walk its accessibility tree the way a
screen-reader user goes through it. The project window is walked on its
Diagram page; then each of the five pages is chosen from the view switcher
(its "page tab" nodes) and walked once its content is there, with the thing
a person works on opened so that its detail pane is walked too:

- Diagram: the Outline view, and a change idea chosen in it (its details:
  people, equity focus, PDSA cycles);
- Measures: the first measure (its chart, data, notes and settings);
- Coaching: the list of sessions, then the newest session opened in the
  session editor (attendance, review and actions);
- Peer Support: each of its views (Progress, Checklist, Roles, Timeline,
  All Teams) chosen from its own switcher, then the page walked once;
- Standards: the page with its rounds, panels and evidence.

Then the Preferences, Help, Keyboard Shortcuts and People windows, opened
from the main menu, and the project window again in workshop mode. A node
that is not VISIBLE (a hidden widget, a page not yet loaded) is skipped with
everything under it. (GTK 4.8 keeps the views of a stack VISIBLE when not
shown, so a page once loaded is walked again with the whole window.)

Any interactive element (button, toggle, check box, combo box, text field,
tab, slider, spin button, link, menu item) without an accessible name — or
named only after its widget type, such as "GtkMenuButton" — is a control a
screen-reader user cannot find, and fails the test with the path to it.

Runs like the journey (see test_journey.py, whose helpers it uses).
"""

import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_journey as J  # noqa: E402

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "text", "entry", "password text", "spin button", "slider", "link",
    "menu item", "check menu item", "radio menu item", "page tab", "switch",
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Tandem)[A-Z][A-Za-z]+$")


def log(message):
    print("accessibility: " + message, flush=True)


def path_of(node):
    parts = []
    while node is not None and len(parts) < 8:
        try:
            parts.append(f"{node.roleName}:{node.name!r}" if node.name else node.roleName)
            node = node.parent
        except Exception:
            break
    return " < ".join(parts)


def unnamed_controls(root):
    """Breadth-first walk, one D-Bus round trip a node (GTK 4.8 keeps no
    AT-SPI cache). A node that is not VISIBLE is not on screen, nor is
    anything under it: its subtree is skipped."""
    problems = []
    seen = 0
    queue = collections.deque([root])
    while queue:
        node = queue.popleft()
        seen += 1
        try:
            if "VISIBLE" not in J.states(node):
                continue
            role = node.roleName
            if role in INTERACTIVE:
                name = (node.name or "").strip()
                if not name and not any(n.strip() for n in J.labelled_by(node)) \
                        or TYPE_NAME.match(name):
                    problems.append(path_of(node))
            queue.extend(J.children_of(node))
        except Exception:
            continue  # a node that went away while we looked
    return problems, seen


def walk(what, window):
    problems, seen = unnamed_controls(window)
    log(f"{what}: {seen} nodes walked, {len(problems)} unnamed controls")
    return [f"{what}: {p}" for p in problems]


def label_starting(root, prefix):
    return J.find_first(root, "label", None, lambda n: (n.name or "").startswith(prefix))


def shown(node):
    return "VISIBLE" in J.states(node)


def choose_page(frame, area, page_type, ready_what, ready):
    """Chooses @area with its tab in the view switcher, as a screen-reader
    user does, and returns its page (the node named @page_type) once
    @ready(page) says its content is there."""
    switcher = J.wait_for("the view switcher", lambda: J.visible_view_switcher(frame))
    tab = J.wait_for(f'the "{area}" tab', lambda: J.find_one(switcher, "page tab", area))
    J.click(tab, f'the view switcher tab "{area}"')
    J.wait_for(f'the "{area}" tab to be selected', lambda: "SELECTED" in J.states(tab))
    page = J.wait_for(f"the {area} page",
                      lambda: J.find_first(frame, "filler", page_type, shown))
    J.wait_for(f"the {area} page to show {ready_what}", lambda: ready(page))
    return page


def press_until(key, what, probe, limit=30):
    """Presses @key until @probe() gives something, looking for half a
    second after each press (GTK answers over the accessibility bus)."""
    import time
    from dogtail import rawinput
    for _ in range(limit):
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            found = probe()
            if found:
                return found
            time.sleep(J.POLL)
        rawinput.pressKey(key)
    J.fail(f"{limit} presses of {key} never reached {what}")


def button_called(root, name):
    """A clickable button, toggle or tab called @name under @root."""
    for role in ("push button", "toggle button", "page tab"):
        node = J.find_first(root, role, name, lambda n: "click" in n.actions)
        if node is not None:
            return node
    return None


def diagram_page(frame):
    """The Outline view, and a change idea chosen in it: its details pane."""
    page = J.wait_for("the Diagram page",
                      lambda: J.find_first(frame, "filler", "TandemDiagramPage"))
    outline_button = J.wait_for('the "Outline" button',
                                lambda: next((n for n in J.find_all(page, "toggle button")
                                              + J.find_all(page, "push button")
                                              if (n.name or "").endswith("Outline")
                                              and "click" in n.actions), None))
    J.click(outline_button, 'the "Outline" button')
    J.wait_for('the list "Diagram outline"', lambda: J.find_one(page, "list", "Diagram outline"))
    # Choosing the Outline takes the keyboard into it, on the aim: Down to
    # the first change idea, whose details have the most to walk.
    press_until("Down", "a change idea's details",
                lambda: J.find_first(page, "label", "PDSA cycles", shown))
    return walk("Diagram page: the outline and a change idea's details", page)


def measures_page(frame):
    """The first measure, chosen when the page opens: its chart, data, notes
    and settings, one below the other."""
    page = choose_page(frame, "Measures", "TandemMeasuresPage", "the first measure's chart",
                       lambda p: J.find_first(p, "label", "What the Chart Shows", shown))
    return walk("Measures page and its first measure", page)


def coaching_page(frame):
    """The list of sessions, then the newest session in the editor."""
    from dogtail import rawinput
    page = choose_page(frame, "Coaching", "TandemCoachingPage", "its sessions",
                       lambda p: J.find_first(p, "list", "Sessions"))
    problems = walk("Coaching page: its sessions", page)
    sessions = J.find_first(page, "list", "Sessions")
    row = J.wait_for("the newest session in the list",
                     lambda: J.find_first(sessions, "list item"))
    # Tab to the row, as a keyboard user does, and open it with Enter.
    press_until("Tab", "the newest session", lambda: "FOCUSED" in J.states(row), limit=80)
    rawinput.pressKey("Return")
    J.wait_for("the session editor (the session's title)",
               lambda: label_starting(page, J.SAMPLE_TEAM + " \u2014 "))
    problems += walk("Coaching page: a session in the editor", page)
    back = J.wait_for('the "Back to the sessions" button',
                      lambda: button_called(page, "Back to the sessions"))
    J.click(back, 'the "Back to the sessions" button')
    return problems


def peer_support_page(frame):
    """Each of the page's views, chosen from its own switcher, then the page
    walked once: GTK 4.8 keeps every view of its stack VISIBLE, so one walk
    covers them all, each built by its visit."""
    page = choose_page(frame, "Peer Support", "TandemPeerSupportPage", "its progress",
                       lambda p: J.find_first(p, "label", "Peer-Support Implementation", shown))
    for view in ("Checklist", "Roles", "Timeline", "All Teams"):
        button = J.wait_for(f'the "{view}" view button', lambda: button_called(page, view))
        J.click(button, f'the "{view}" view button')
        J.wait_for(f'the "{view}" view to be chosen',
                   lambda: J.states(button) & {"CHECKED", "PRESSED", "SELECTED"})
    return walk("Peer Support page, its five views", page)


def standards_page(frame):
    """The rounds, the panels and the evidence."""
    page = choose_page(frame, "Standards", "TandemStandardsPage", "its rounds",
                       lambda p: label_starting(p, "Round of "))
    return walk("Standards page", page)


def journey(app):
    from dogtail import rawinput

    app_node = J.wait_for("Tandem on the accessibility bus",
                          lambda: J.find_app_node(app.process.pid), timeout=J.START_WAIT)
    frame = J.wait_for('a window titled "Sample project"',
                       lambda: next((w for w in app_node.children
                                     if w.roleName == "frame" and w.name == "Sample project"),
                                    None), timeout=J.START_WAIT)
    J.wait_for("the team selector", lambda: J.find_first(frame, "combo box", "Team"),
               timeout=J.START_WAIT)
    problems = walk("project window", frame)
    # Keys (Down, Tab, Enter) go to the window under the pointer: there is
    # no window manager to give the keyboard to the project window.
    J.point_at(frame, "the project window")
    problems += diagram_page(frame)
    problems += measures_page(frame)
    problems += coaching_page(frame)
    problems += peer_support_page(frame)
    problems += standards_page(frame)

    def other_window(title):
        return next((w for w in app_node.children if w.name == title), None)

    # Each window is opened from the main menu, as a screen-reader user would
    # (the menu's items are walked on the way).
    menu_button = J.wait_for('the "Main menu" button',
                             lambda: J.find_first(frame, "push button", "Main menu",
                                                  lambda n: "click" in n.actions))
    # The shortcuts window also checks that a window closed while a screen
    # reader walks the windows does not crash GTK 4.8 (no hidden windows kept).
    for title, item in (("Preferences", "Preferences"), ("Tandem Help", "Help"),
                        ("Keyboard Shortcuts", "Keyboard Shortcuts"),
                        ("People in Delderfield Ward", "People…")):
        J.click(menu_button, 'the "Main menu" button')
        entry = J.wait_for(f'the "{item}" item in the main menu',
                           lambda: J.find_first(menu_button.parent, "menu item", item,
                                                lambda n: "SENSITIVE" in J.states(n)))
        J.click(entry, f'the "{item}" menu item')
        window = J.wait_for(f'the "{title}" window', lambda: other_window(title))
        problems += walk(title, window)
        close = J.find_first(window, "push button", "Close")
        if close is not None:
            J.click(close, f'the "{title}" window\'s Close button')
        else:
            rawinput.keyCombo("Escape")
        J.wait_for(f'the "{title}" window to close', lambda: other_window(title) is None)

    problems += workshop_mode(frame, menu_button)

    if problems:
        J.fail(f"{len(problems)} controls have no accessible name:\n  " + "\n  ".join(problems))


def menu_entry(menu_button, item, sensitive=True):
    """The main menu's @item (a plain or a check item), or None."""
    def wanted(n):
        return n.roleName in ("menu item", "check menu item") and J.called(n, item) and \
            (not sensitive or {"SENSITIVE", "VISIBLE"} <= J.states(n))
    candidates = list(J.find_all(menu_button.parent, "menu item")) + \
        list(J.find_all(menu_button.parent, "check menu item"))
    return next((n for n in candidates if wanted(n)), None)


def open_main_menu(frame):
    """Finds the main menu button afresh (after a relayout the old node may be
    gone) and opens the menu; returns the button."""
    button = J.wait_for('the "Main menu" button',
                        lambda: J.find_first(frame, "push button", "Main menu",
                                             lambda n: "click" in n.actions),
                        timeout=J.START_WAIT)
    J.click(button, 'the "Main menu" button')
    return button


def workshop_mode(frame, menu_button):
    """Workshop mode from the main menu: every control keeps its name in
    large type, and its High Contrast option is offered only there."""
    from dogtail import rawinput

    menu_button = open_main_menu(frame)
    entry = J.wait_for('the "Workshop Mode" item in the main menu',
                       lambda: menu_entry(menu_button, "Workshop Mode"))
    if menu_entry(menu_button, "High Contrast") is not None:
        J.fail("High Contrast is offered outside workshop mode")
    J.click(entry, 'the "Workshop Mode" menu item')
    # The whole window lays itself out again in larger type, which takes a
    # while on a slow machine: wait for its controls to be there again.
    J.wait_for("the team selector in workshop mode",
               lambda: J.find_first(frame, "combo box", "Team"), timeout=J.START_WAIT)
    problems = walk("project window in workshop mode", frame)

    menu_button = open_main_menu(frame)
    J.wait_for('the "High Contrast" item in the main menu, in workshop mode',
               lambda: menu_entry(menu_button, "High Contrast"))
    # Leaving workshop mode (and that it restores the window) is checked in
    # process by tests/app/test-window.c: relaying out the whole window in
    # larger type keeps a slow machine too busy to answer AT-SPI reliably.
    rawinput.keyCombo("Escape")
    return problems


def main():
    return J.run("accessibility", lambda app, sample, top: journey(app))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility walk: every control a person can use has a name.

Start Tandem on the sample project and walk the whole accessibility tree of
the project window (all four pages are built, so all are walked), then of the
Preferences window and the help window. Any interactive element (button,
toggle, check box, combo box, text field, tab, slider, spin button, link,
menu item) without an accessible name — or named only after its widget
type, such as "GtkMenuButton" — is a control a screen-reader user cannot
find, and fails the test with the path to it.

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


def dropdown_part(node):
    """GTK 4.8's GtkDropDown is a named combo box holding an unnamed toggle
    button; a screen reader announces the combo box, so the part is not a
    control of its own."""
    parent = node.parent
    return (node.roleName in ("toggle button", "push button") and parent is not None
            and parent.roleName == "combo box" and bool((parent.name or "").strip()))


def unnamed_controls(root):
    """Breadth-first walk, one D-Bus round trip a node (GTK 4.8 keeps no
    AT-SPI cache)."""
    problems = []
    seen = 0
    queue = collections.deque([root])
    while queue:
        node = queue.popleft()
        seen += 1
        try:
            role = node.roleName
            if role in INTERACTIVE and "VISIBLE" in J.states(node) and not dropdown_part(node):
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

    def other_window(title):
        return next((w for w in app_node.children if w.name == title), None)

    # Each window is opened from the main menu, as a screen-reader user would
    # (the menu's items are walked on the way).
    menu_button = J.wait_for('the "Main menu" button',
                             lambda: J.find_first(frame, "push button", "Main menu",
                                                  lambda n: "click" in n.actions))
    for title, item in (("Preferences", "Preferences"), ("Tandem Help", "Help")):
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

    if problems:
        J.fail(f"{len(problems)} controls have no accessible name:\n  " + "\n  ".join(problems))


def main():
    return J.run("accessibility", lambda app, sample, top: journey(app))


if __name__ == "__main__":
    sys.exit(main())

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
            if role in INTERACTIVE and "VISIBLE" in J.states(node):
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

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One end-to-end journey through the real Tandem, driven as a person would.

The app runs as its own process and is driven only through its accessibility
tree (AT-SPI, with dogtail) and the keyboard, as a screen-reader user would:
start it on the sample project, check the team selector, visit each page with
the view switcher, add a team from the main menu, quit with Ctrl+Q, and then
check the project FILE with tandem-cli.

Run it the way CI does (build-aux/run-tests.sh):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        meson test -C build --suite e2e --print-errorlogs

It needs a display and a session bus of its own. Without them it is skipped
(exit 77), unless TANDEM_REQUIRE_DISPLAY=1, when it fails.

Paths come from the environment (tests/e2e/meson.build sets them):
TANDEM_BIN, TANDEM_CLI, GSETTINGS_SCHEMA_DIR, and TANDEM_TEST_NOW, the day the
app and tandem-cli take for today (they inherit it).
Screenshots go to $TANDEM_E2E_SCREENSHOTS (default /tmp) as e2e-journey-*.png.

Notes on GTK 4.8's accessibility tree, which shape how this test looks:
- SHOWING is reported only for windows, not for the widgets in them, and the
  extents of hidden widgets are stale, so "which page is on screen" is read
  from the view switcher's SELECTED state, as a screen reader reads it.
- A button with a label is named "<label with mnemonic> <label>" (for
  example "_Add Add") and is LABELLED_BY its label, so buttons are matched by
  their name or by the label that labels them.
- The text typed into an AdwEntryRow cannot be read back through AT-SPI, so
  the typed team name is checked where it lands: the team selector and the
  file.
- There is no AT-SPI cache: every look at a node is a D-Bus round trip, and
  a project window holds thousands of nodes. So nodes that stay (the team
  selector, the view switchers, the stack of pages) are found once, and
  searches start near what they look for (find_first, breadth first).
"""

import collections
import ctypes
import ctypes.util
import datetime
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse

SKIP = 77
WAIT = 20.0          # seconds to wait for any one thing to happen
START_WAIT = 40.0    # seconds for the app to start and open the sample
EXIT_WAIT = 20.0     # seconds for the app to exit after Ctrl+Q
POLL = 0.1

SAMPLE_TEAM = "Delderfield Ward"
NEW_TEAM = "Willow Ward"    # typed key by key: keep it plain ASCII

# The five areas, in the order of the view switcher and of the pages.
AREAS = ["Diagram", "Measures", "Coaching", "Peer Support", "Standards"]


class JourneyFailed(Exception):
    pass


_STARTED = time.monotonic()


def log(message):
    print(f"journey: [{time.monotonic() - _STARTED:6.1f} s] {message}", flush=True)


def fail(message):
    raise JourneyFailed(message)


# --------------------------------------------------------------------------
# The environment: private folders, private settings, accessibility on


def require_env(name):
    value = os.environ.get(name)
    if not value:
        fail(f"${name} is not set: run this test with `meson test --suite e2e`")
    return value


def check_display():
    """Returns a reason to skip, or None when there is a display and a bus."""
    if not os.environ.get("DISPLAY"):
        return "no X display (run under xvfb-run)"
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session bus (run under dbus-run-session)"
    return None


def private_environment(top):
    """Points every per-user folder into @top, so that the recent-files list,
    the sample copy and the settings never touch the user's own."""
    folders = {
        "HOME": "home",
        "XDG_DATA_HOME": "data",
        "XDG_CONFIG_HOME": "config",
        "XDG_CACHE_HOME": "cache",
    }
    if not os.environ.get("XAUTHORITY"):
        # Keep X authorisation working once HOME moves.
        old = os.path.join(os.path.expanduser("~"), ".Xauthority")
        if os.path.exists(old):
            os.environ["XAUTHORITY"] = old
    for var, sub in folders.items():
        path = os.path.join(top, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        os.environ[var] = path
    # Settings go to a key file under the private XDG_CONFIG_HOME. (dconf is
    # not used: its service is started by the session bus with the bus's
    # environment, so it would write to the user's real settings.)
    os.environ["GSETTINGS_BACKEND"] = "keyfile"
    # The English strings the test looks for; the X display of xvfb-run.
    os.environ["LC_ALL"] = "C.UTF-8"
    os.environ.pop("LANGUAGE", None)
    os.environ["GDK_BACKEND"] = "x11"
    os.environ.pop("WAYLAND_DISPLAY", None)
    # GTK 4 speaks AT-SPI whenever the accessibility bus is there, unless this
    # turns it off.
    os.environ.pop("GTK_A11Y", None)
    os.environ.pop("NO_AT_BRIDGE", None)


def enable_accessibility():
    """Turns on toolkit-accessibility (dogtail insists on it) and checks that
    it stuck."""
    key = ["org.gnome.desktop.interface", "toolkit-accessibility"]
    result = subprocess.run(["gsettings", "set", *key, "true"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail("could not turn accessibility on with `gsettings set "
             f"{' '.join(key)} true`: {result.stderr.strip()} "
             "(is gsettings-desktop-schemas installed?)")
    got = subprocess.run(["gsettings", "get", *key], capture_output=True, text=True)
    if got.stdout.strip() != "true":
        fail(f"toolkit-accessibility did not stick: gsettings get says "
             f"{got.stdout.strip()!r} {got.stderr.strip()}")


def name_the_author():
    """Gives the journeys' author a name up front, as a returning user has,
    so the bar that asks for it once stays out of the way of the journey."""
    for key, value in (("author-name", "Journey Tester"), ("author-asked", "true")):
        result = subprocess.run(["gsettings", "set", "org.tandemqi.Tandem", key, value],
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"could not set {key} with gsettings: {result.stderr.strip()}")


# --------------------------------------------------------------------------
# Screenshots (for people reading a failure, not for assertions)

class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int),
        ("width", ctypes.c_int), ("height", ctypes.c_int),
        ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong),
        ("class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]


def _mapped_toplevels():
    """The mapped top-level X windows, bottom to top, as (id, x, y, w, h)."""
    name = ctypes.util.find_library("X11")
    if not name:
        return []
    x11 = ctypes.CDLL(name)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                               ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                               ctypes.POINTER(ctypes.c_uint)]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                         ctypes.POINTER(_XWindowAttributes)]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        return []
    windows = []
    try:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        n = ctypes.c_uint()
        if x11.XQueryTree(display, x11.XDefaultRootWindow(display), ctypes.byref(root),
                          ctypes.byref(parent), ctypes.byref(children), ctypes.byref(n)):
            for i in range(n.value):
                attrs = _XWindowAttributes()
                if (x11.XGetWindowAttributes(display, children[i], ctypes.byref(attrs))
                        and attrs.map_state == 2 and attrs.width > 1 and attrs.height > 1):
                    windows.append((children[i], attrs.x, attrs.y, attrs.width, attrs.height))
            if children:
                x11.XFree(children)
    finally:
        x11.XCloseDisplay(display)
    return windows


def screenshot(label):
    """Saves what is on the screen as e2e-journey-LABEL.png. Dialogs and
    menus are 32-bit windows, which `xwd -root` leaves out, so each mapped
    window is grabbed on its own and laid over the root in stacking order."""
    if not (shutil.which("xwd") and shutil.which("convert")):
        log("no screenshot: xwd or convert is missing")
        return None
    out_dir = os.environ.get("TANDEM_E2E_SCREENSHOTS", "/tmp")
    path = os.path.join(out_dir, f"e2e-journey-{label}.png")
    work = tempfile.mkdtemp(prefix="e2e-shot-")
    try:
        root_xwd = os.path.join(work, "root.xwd")
        subprocess.run(["xwd", "-root", "-silent", "-out", root_xwd], check=True,
                       stderr=subprocess.DEVNULL, timeout=20)
        command = ["convert", "xwd:" + root_xwd]
        for i, (wid, x, y, _w, _h) in enumerate(_mapped_toplevels()):
            win_xwd = os.path.join(work, f"w{i}.xwd")
            if subprocess.run(["xwd", "-id", str(wid), "-silent", "-out", win_xwd],
                              stderr=subprocess.DEVNULL, timeout=20).returncode == 0:
                command += ["xwd:" + win_xwd, "-geometry", f"+{x}+{y}", "-composite"]
        subprocess.run(command + [path], check=True, stderr=subprocess.DEVNULL, timeout=30)
        log(f"screenshot: {path}")
        return path
    except (subprocess.SubprocessError, OSError) as error:
        log(f"no screenshot ({error})")
        return None
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------------
# Waiting and finding, with deadlines and clear messages

class App:
    """The app's process and its output."""

    def __init__(self, binary, log_path, args=("--sample",)):
        self.log_path = log_path
        self.log_file = open(log_path, "w")
        self.process = subprocess.Popen([binary, *args], stdout=self.log_file,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log(f"started {binary} {' '.join(args)} (pid {self.process.pid})")

    def output(self):
        if not self.log_file.closed:
            self.log_file.flush()
        with open(self.log_path, errors="replace") as f:
            text = f.read()
        return text[-4000:] if text else "(nothing)"

    def check_running(self):
        code = self.process.poll()
        if code is not None:
            hint = (" (a Tandem already running on this session bus may have taken the "
                    "request)" if code == 0 else "")
            fail(f"Tandem exited unexpectedly with status {code}{hint}. "
                 f"Its output:\n{self.output()}")

    def stop(self):
        if self.process.poll() is None:
            log(f"stopping Tandem (pid {self.process.pid})")
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log_file.close()


APP = None


def wait_for(what, probe, timeout=WAIT):
    """Polls @probe until it returns something true and returns that; fails
    after @timeout seconds saying what it was waiting for."""
    from gi.repository import GLib

    log(f"waiting for {what}")
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        if APP is not None:
            APP.check_running()
        try:
            result = probe()
            if result:
                return result
        except (GLib.GError, LookupError, AttributeError) as error:
            # A widget that went away mid-search; look again.
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            fail(f"gave up after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(POLL)


def states(node):
    import pyatspi
    names = set()
    for state in node.getState().getStates():
        names.add(pyatspi.stateToString(state).upper().replace("-", "_").replace(" ", "_"))
    return names


def labelled_by(node):
    import pyatspi
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                names.append(relation.getTarget(i).name)
    return names


def called(node, name):
    """Whether a screen reader would call @node @name: by its accessible name
    or by the label that labels it (GTK 4.8 names a labelled button
    "<mnemonic> <label>", see the top of this file)."""
    return node.name == name or name in labelled_by(node)


def find_all(root, role, name=None):
    from dogtail import predicate
    found = root.findChildren(predicate.GenericPredicate(roleName=role))
    if name is not None:
        found = [n for n in found if called(n, name)]
    return found


def find_one(root, role, name, extra=None):
    """The one @role called @name under @root (satisfying @extra), or None."""
    found = [n for n in find_all(root, role, name) if extra is None or extra(n)]
    return found[0] if found else None


def children_of(node):
    return [node.getChildAtIndex(i) for i in range(node.childCount)]


def find_first(root, role, name=None, extra=None):
    """Like find_one, but breadth first and stopping at the first match. GTK
    4.8 has no AT-SPI cache, so each look at a node is a D-Bus round trip and
    a window holds thousands of nodes: search near the top, or in a part."""
    queue = collections.deque(children_of(root))
    while queue:
        node = queue.popleft()
        if node.roleName == role and (name is None or called(node, name)) \
                and (extra is None or extra(node)):
            return node
        queue.extend(children_of(node))
    return None


def click(node, what):
    """Activates @node the way a screen reader does: its 'click' action."""
    if "click" not in node.actions:
        fail(f"{what} has no 'click' action (it has {sorted(node.actions)})")
    # A control that is not yet sensitive ignores the click, as it would a
    # person's: wait until it can be used, as a person waits for it.
    wait_for(f"{what} to be sensitive", lambda: "SENSITIVE" in states(node))
    log(f"clicking {what}")
    node.doActionNamed("click")


def click_until(node, what, done, what_done, tries=3, each=5):
    """Clicks @node and waits for @done; if nothing happened after @each
    seconds, clicks again (at most @tries times), as a person would. GTK 4.8
    starts a button's click only once the button is realized, and a button in
    a view just switched to may not be yet: its AT-SPI click is then lost
    (the app never hears it), while a person's click, which comes later,
    lands. Use only where a second click cannot do the thing twice: @done
    must tell the first click's effect from the second's."""
    for attempt in range(tries):
        click(node, what)
        try:
            return wait_for(what_done, done, timeout=each)
        except JourneyFailed:
            if attempt == tries - 1:
                raise
            log(f"nothing came of {what}: clicking again")


# --------------------------------------------------------------------------
# What the file says


def cli(*args, check=True):
    binary = require_env("TANDEM_CLI")
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        fail(f"`tandem-cli {' '.join(args)}` failed with status {result.returncode}:\n"
             f"{result.stdout}{result.stderr}")
    return result


def cli_info(path):
    try:
        return json.loads(cli("info", "--json", path).stdout)
    except json.JSONDecodeError as error:
        fail(f"`tandem-cli info --json` did not print JSON: {error}")


def expected_pages(path, team_name):
    """What each area's page must show for @team_name: a heading and, on the
    same page, words with counts from the file. The team's diagrams and
    measures come from `tandem-cli info --json`; the other counts from the
    file itself, opened read-only."""
    info = cli_info(path)
    teams = [t for t in info["teams"] if t["name"] == team_name]
    if len(teams) != 1:
        fail(f"`tandem-cli info --json` lists {len(teams)} teams named {team_name!r} "
             f"in {path}: {[t['name'] for t in info['teams']]}")
    diagrams, measures = teams[0]["diagrams"], teams[0]["measures"]
    if not diagrams or not measures:
        fail(f"the sample project's {team_name} has no diagram or no measure to check")

    uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        def count(sql, *params):
            return db.execute(sql, params).fetchone()[0]
        (team,) = db.execute("SELECT id FROM team WHERE name = ?", (team_name,)).fetchone()
        # The Diagram page opens on the team's first diagram.
        ideas = count("SELECT count(*) FROM node WHERE kind = 'change_idea' AND diagram_id ="
                      " (SELECT id FROM diagram WHERE team_id = ? ORDER BY position LIMIT 1)",
                      team)
        points = count("SELECT count(*) FROM data_point JOIN measure"
                       " ON data_point.measure_id = measure.id WHERE measure.team_id = ?", team)
        sessions = count("SELECT count(*) FROM coaching_session WHERE team_id = ?", team)
        actions = count("SELECT count(*) FROM action WHERE team_id = ?", team)
        still_open = count("SELECT count(*) FROM action WHERE team_id = ? AND status = 'open'", team)
        roles = count("SELECT count(*) FROM peer_role WHERE team_id = ?", team)
        tracked = count("SELECT count(*) FROM framework_status WHERE team_id = ?", team)
    finally:
        db.close()

    # The Standards page says what the latest round's scores reach, and,
    # while a standard has no evidence, that the level waits for it.
    try:
        level = json.loads(cli("export", "standards", "--team", team_name, "--format", "json",
                               "--output", "-", path).stdout)["level"]
    except (json.JSONDecodeError, KeyError) as error:
        fail(f"`tandem-cli export standards` did not give the level: {error}")
    reached = level["level"].capitalize()
    standards_words = (f"Scores reach {reached}" if level["standards_without_evidence"]
                       else f"Level reached: {reached}")

    if ideas == 0 or points == 0 or sessions == 0:
        fail(f"the sample project's {team_name} has too little to check the pages with "
             f"(change ideas {ideas}, data points {points}, coaching sessions {sessions})")
    return {
        # The Diagram page's heading is its diagram selector, showing the
        # diagram's name.
        "Diagram": (diagrams[0], [f"{ideas} change idea{'' if ideas == 1 else 's'}"]),
        "Measures": ("Measures and Charts",
                     [f"Measures for this team: {len(measures)}.", f"Data points: {points}."]),
        "Coaching": ("Coaching Sessions",
                     [f"Coaching sessions logged: {sessions}.",
                      f"Actions: {actions}, {still_open} still open."]),
        "Peer Support": ("Peer-Support Implementation",
                         [f"Peer-support roles: {roles}.", f"Framework items tracked: {tracked}."]),
        "Standards": ("Culture of Care Standards", [standards_words]),
    }


# --------------------------------------------------------------------------
# The journey


def find_app_node(pid):
    from dogtail import tree
    for node in tree.root.applications():
        try:
            if node.get_process_id() == pid:
                return node
        except Exception:  # an application that went away
            continue
    return None


def team_shown(combo):
    """What the team selector @combo shows."""
    # Under its button are the chosen item's label and GtkDropDown's "(None)",
    # the label for no choice, which stays in the tree while hidden.
    shown = [label.name for label in find_all(combo, "label")
             if label.name and label.name != "(None)"]
    return shown[0] if len(shown) == 1 else None


def selector_text(frame):
    """What the team selector (the combo box named "Team") shows."""
    combo = find_first(frame, "combo box", "Team")
    return team_shown(combo) if combo is not None else None


def view_switchers(frame):
    """The view switchers in the header: the tab lists whose tabs are the
    four areas. The header's title holds a wide and a narrow one, side by
    side; both (and the bottom bar's, used in narrow windows) drive the same
    pages."""
    def is_switcher(node):
        return [tab.name for tab in children_of(node)] == AREAS
    first = find_first(frame, "page tab list", extra=is_switcher)
    if first is None:
        return []
    return [node for node in children_of(first.parent)
            if node.roleName == "page tab list" and is_switcher(node)]


def pick_view_switcher(switchers):
    """The view switcher on screen. GTK 4.8 does not say which one that is
    (no SHOWING), so take the one holding the keyboard focus, as a
    screen-reader user would, or else the first, which is in the header."""
    for switcher in switchers:
        if any("FOCUSED" in states(tab) for tab in switcher.children):
            return switcher
    return switchers[0] if switchers else None


def visible_view_switcher(frame):
    return pick_view_switcher(view_switchers(frame))


def page_stack(frame, headings):
    """The stack of the four area pages: where the labels @headings (of
    three different pages) part ways. One walk through the window, ended as
    soon as all are found."""
    paths = {}
    stack = [(frame, [])]
    while stack and len(paths) < len(headings):
        node, path = stack.pop()
        if node.roleName == "label" and node.name in headings and node.name not in paths:
            paths[node.name] = path
        kids = children_of(node)
        for i in range(len(kids) - 1, -1, -1):
            stack.append((kids[i], path + [i]))
    if len(paths) < len(headings):
        return None
    common = []
    for steps in zip(*paths.values()):
        if len(set(steps)) != 1:
            break
        common.append(steps[0])
    node = frame
    for i in common:
        node = node.getChildAtIndex(i)
    if node.childCount != len(AREAS):
        fail(f"the pages with the headings {headings} are not in a stack of "
             f"{len(AREAS)} pages (it has {node.childCount})")
    return node


def page_shows(page, heading, sentences):
    """The words on @page that hold all of @sentences, if @page also shows
    @heading; None otherwise."""
    seen_heading, text = False, None
    queue = collections.deque(children_of(page))
    while queue and not (seen_heading and text):
        node = queue.popleft()
        if node.roleName == "label":
            name = node.name or ""
            if name == heading:
                seen_heading = True
            elif all(s in name for s in sentences):
                text = name
        queue.extend(children_of(node))
    return text if seen_heading else None


def visit_page(switchers, stack, area, heading, sentences):
    """Chooses @area in the view switcher and checks that it is the one
    selected and that its page (in @stack) shows @heading and @sentences."""
    switcher = pick_view_switcher(switchers)
    tab = find_one(switcher, "page tab", area)
    if tab is None:
        fail(f'the view switcher has no "{area}" button')
    click(tab, f'the view switcher button "{area}"')

    def selected():
        every = [tab for switcher in switchers for tab in switcher.children]
        mine = [t for t in every if t.name == area]
        return mine and all("SELECTED" in states(t) for t in mine) and \
            not any("SELECTED" in states(t) for t in every if t.name != area)
    wait_for(f'"{area}" to be the selected page (and no other)', selected)

    page = stack.getChildAtIndex(AREAS.index(area))
    text = wait_for(f'the {area} page to show "{heading}" and the words '
                    f'{" ".join(sentences)!r}',
                    lambda: page_shows(page, heading, sentences))
    log(f'the {area} page shows "{heading}" and {text!r}')


def add_team(app_node, frame, combo, name):
    menu = wait_for('the "Main menu" button',
                    lambda: find_first(frame, "push button", "Main menu",
                                       lambda n: "click" in n.actions))
    click(menu, 'the "Main menu" button')
    wait_for('the main menu to open (the "Main menu" button pressed)',
             lambda: states(menu) & {"PRESSED", "CHECKED", "EXPANDED"})
    # The menu hangs from the menu button (the parent of the one clicked).
    item = wait_for('the item "New Team…" in the main menu, enabled',
                    lambda: find_first(menu.parent, "menu item", "New Team…",
                                       lambda n: "SENSITIVE" in states(n)))
    click(item, 'the menu item "New Team…"')

    dialog = wait_for('a window called "New Team"',
                      lambda: next((w for w in app_node.children if w.name == "New Team"), None))
    wait_for('the "Team name" field in the "New Team" window',
             lambda: find_one(dialog, "text", "Team name"))
    add = wait_for('the "Add" button in the "New Team" window',
                   lambda: find_one(dialog, "push button", "Add"))
    if "SENSITIVE" in states(add):
        fail('"Add" is enabled before a team name has been typed')
    # The dialog takes the keyboard focus from the project window.
    wait_for('the keyboard focus to move to the "New Team" window '
             '(the project window no longer active)',
             lambda: "ACTIVE" not in states(frame))

    from dogtail import rawinput
    log(f"typing {name!r} into the Team name field")
    rawinput.typeText(name)
    wait_for('"Add" to become enabled once a name is typed (if not, the keys '
             'went elsewhere)', lambda: "SENSITIVE" in states(add))
    screenshot("new-team")
    click(add, 'the "Add" button')

    wait_for('the "New Team" window to close',
             lambda: not any(w.name == "New Team" for w in app_node.children))
    wait_for(f'the team selector to show {name!r}', lambda: team_shown(combo) == name)


def point_at(window, what):
    """Moves the mouse pointer to the middle of @window. GTK 4.8 does not give
    a window's place on the screen, so its X window is found by size: the
    X window is a little larger, by the margin for its shadow."""
    from dogtail import rawinput
    width, height = window.size
    matches = [(x, y, w, h) for (_wid, x, y, w, h) in _mapped_toplevels()
               if 0 <= w - width <= 100 and 0 <= h - height <= 100]
    if len(matches) != 1:
        fail(f"cannot tell which X window is {what} ({width}x{height}): "
             f"{len(matches)} windows of that size are mapped")
    x, y, w, h = matches[0]
    log(f"moving the pointer to the middle of {what}")
    rawinput.absoluteMotion(x + w // 2, y + h // 2)


def journey(app, sample_path):
    from dogtail import rawinput

    app_node = wait_for(f"Tandem (pid {app.process.pid}) on the accessibility bus",
                        lambda: find_app_node(app.process.pid), timeout=START_WAIT)
    log(f"found the application {app_node.name!r}")
    frame = wait_for('a window titled "Sample project"',
                     lambda: next((w for w in app_node.children
                                   if w.roleName == "frame" and w.name == "Sample project"),
                                  None), timeout=START_WAIT)
    combo = wait_for('the team selector (a combo box named "Team")',
                     lambda: find_first(frame, "combo box", "Team"), timeout=START_WAIT)
    wait_for(f'the team selector to show {SAMPLE_TEAM!r}',
             lambda: team_shown(combo) == SAMPLE_TEAM, timeout=START_WAIT)

    if not os.path.exists(sample_path):
        fail(f"Tandem shows the sample project but there is no copy at {sample_path}")
    before = cli_info(sample_path)
    expected = expected_pages(sample_path, SAMPLE_TEAM)

    switchers = wait_for("the view switcher (Diagram, Measures, Coaching, Peer Support, Standards)",
                         lambda: view_switchers(frame))
    headings = [expected[area][0] for area in AREAS[1:]]
    stack = wait_for(f"the pages of the five areas (with the headings {headings})",
                     lambda: page_stack(frame, headings))
    for area in AREAS:
        visit_page(switchers, stack, area, *expected[area])
    screenshot("pages")

    add_team(app_node, frame, combo, NEW_TEAM)
    # The page on screen (Peer Support, the last visited) now speaks of the
    # new team, which has nothing yet.
    visit_page(switchers, stack, "Peer Support", "Peer-Support Implementation",
               ["Peer-support roles: 0.", "Framework items tracked: 0."])

    # With no window manager (Xvfb has none) nothing hands the focus back to
    # the project window when the dialog closes: X then sends keys to the
    # window under the pointer. So, as a person would, put the pointer on the
    # project window before pressing a shortcut.
    point_at(frame, "the project window")
    log("pressing Ctrl+Q")
    rawinput.keyCombo("<Control>q")
    log("waiting for Tandem to exit")
    try:
        code = app.process.wait(timeout=EXIT_WAIT)
    except subprocess.TimeoutExpired:
        fail(f"Tandem was still running {EXIT_WAIT:.0f} s after Ctrl+Q")
    if code != 0:
        fail(f"Tandem exited with status {code} after Ctrl+Q. Its output:\n{app.output()}")
    log("Tandem exited with status 0")

    after = cli_info(sample_path)
    names_before = [t["name"] for t in before["teams"]]
    names_after = [t["name"] for t in after["teams"]]
    if len(names_before) != 3:
        fail(f"the sample project should start with 3 teams, not {names_before}")
    if names_after != names_before + [NEW_TEAM]:
        fail(f"after the journey the file should list the teams {names_before + [NEW_TEAM]}, "
             f"but `tandem-cli info --json` lists {names_after}")
    if after["counts"]["team"] != 4:
        fail(f"`tandem-cli info --json` counts {after['counts']['team']} teams, not 4")
    check = cli("check", sample_path, check=False)
    if check.returncode != 0:
        fail(f"`tandem-cli check` exits {check.returncode} on the file after the journey:\n"
             f"{check.stdout}{check.stderr}")
    log(f"the file lists {names_after} and `tandem-cli check` finds no problems")



def run(name, journey_func, make_project=None):
    """Runs another area's journey the way this file runs its own: a private
    environment, accessibility on, the app started on the sample, a
    screenshot and the app's output on failure, the app stopped at the end.
    @journey_func is called with the app, the sample copy's path and a
    private folder for files the journey writes. With @make_project, the app
    opens the file that make_project(folder) makes and returns, instead of
    the sample, and that file's path is passed for the sample's. Returns the
    exit status."""
    global APP

    reason = check_display()
    if reason:
        if os.environ.get("TANDEM_REQUIRE_DISPLAY") == "1":
            print(f"{name}: FAIL: {reason}, and TANDEM_REQUIRE_DISPLAY=1", flush=True)
            return 1
        print(f"{name}: SKIP: {reason}", flush=True)
        return SKIP

    # meson stops a test that runs too long with SIGTERM: leave through the
    # finally below, which stops Tandem, rather than leaving it running.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.monotonic()
    top = tempfile.mkdtemp(prefix=f"tandem-e2e-{name}-")
    ok = False
    try:
        binary = require_env("TANDEM_BIN")
        require_env("TANDEM_CLI")
        require_env("GSETTINGS_SCHEMA_DIR")
        private_environment(top)
        enable_accessibility()
        name_the_author()
        from dogtail.config import config
        config.logDebugToFile = False
        config.actionDelay = 0.2
        config.typingDelay = 0.05
        config.defaultDelay = 0.2

        if make_project is None:
            sample_path = os.path.join(os.environ["XDG_DATA_HOME"], "tandem",
                                       "Sample project.tandem")
            APP = App(binary, os.path.join(top, "tandem.log"))
        else:
            sample_path = make_project(top)
            APP = App(binary, os.path.join(top, "tandem.log"), [sample_path])
        journey_func(APP, sample_path, top)
        ok = True
        log(f"{name} PASS in {time.monotonic() - started:.1f} s")
        return 0
    except JourneyFailed as error:
        print(f"{name}: FAIL: {error}", flush=True)
        screenshot(f"{name}-failure")
        return 1
    except Exception:
        print(f"{name}: FAIL: unexpected error:\n" + traceback.format_exc(), flush=True)
        screenshot(f"{name}-failure")
        return 1
    finally:
        if APP is not None:
            APP.stop()
            if not ok:
                print(f"{name}: Tandem's output:\n{APP.output()}", flush=True)
        if ok:
            shutil.rmtree(top, ignore_errors=True)
        else:
            print(f"{name}: kept the private folders in {top}", flush=True)

def check_sample_made_today(sample_path):
    """The copy of the sample the app made is set around the day it was made
    (the test's day): its last coaching session is in the five weeks before."""
    today = datetime.datetime.fromisoformat(
        require_env("TANDEM_TEST_NOW").replace("Z", "+00:00")).date()
    uri = "file:" + urllib.parse.quote(sample_path) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True)
    try:
        last = db.execute("SELECT max(date(starts_at)) FROM coaching_session").fetchone()[0]
    finally:
        db.close()
    earliest = (today - datetime.timedelta(days=35)).isoformat()
    if last is None or not earliest <= last <= today.isoformat():
        fail(f"the sample copy's last coaching session is on {last}, not in the five weeks "
             f"before {today} (TANDEM_TEST_NOW)")
    log(f"the sample copy's last coaching session is on {last}")


def main():
    def journey_then_check_sample(app, sample_path, top):
        journey(app, sample_path)
        check_sample_made_today(sample_path)

    return run("journey", journey_then_check_sample)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# Check that po/POTFILES.in is complete and current.
#
# Fails if a file under src/ or ui/ holds translatable strings but is not listed
# in po/POTFILES.in (so its strings would never reach translators), or if
# POTFILES.in lists a file that does not exist (which breaks `ninja tandem-pot`).
# Files listed in po/POTFILES.skip, if there is one, are exempt.
# Also fails if a piece of the user guide (a TandemHelpBlock in src/) is not
# marked with N_(), or if the guide went back to an untranslatable text file.
#
# Usage: check-potfiles.py SOURCE_ROOT

import os
import re
import sys

SCANNED_DIRS = ("src", "ui")
C_SUFFIXES = (".c", ".h")
UI_SUFFIXES = (".ui",)

# _("…"), N_("…"), C_("ctx", "…"), NC_("ctx", "…"), with or without a space
# before the parenthesis; and the gettext function family.
C_PATTERN = re.compile(
    r'(?<![A-Za-z0-9_])(?:N?C_|N_|_)\s*\(\s*"'
    r'|(?<![A-Za-z0-9_])(?:g_)?d?c?n?gettext\s*\('
    r'|(?<![A-Za-z0-9_])g_dpgettext2?\s*\('
)
C_COMMENT = re.compile(r"/\*.*?\*/", re.S)
UI_PATTERN = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"', re.I)
# { TANDEM_HELP_PARAGRAPH, "…" } — guide text without N_() is never translated.
HELP_UNMARKED = re.compile(r'\{\s*TANDEM_HELP_[A-Z]+\s*,\s*"')
HELP_MARKED = re.compile(r'\{\s*TANDEM_HELP_[A-Z]+\s*,\s*N_\s*\(')


def read_list(path):
    """Return the file names in a POTFILES-style list (comments and blanks dropped)."""
    names = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                # Allow intltool-style "[type: gettext/glade]path" prefixes.
                line = re.sub(r"^\[[^]]*\]\s*", "", line)
                names.append(os.path.normpath(line))
    except FileNotFoundError:
        pass
    return names


def has_translatable_strings(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return False
    if path.endswith(UI_SUFFIXES):
        return UI_PATTERN.search(text) is not None
    return C_PATTERN.search(C_COMMENT.sub("", text)) is not None


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} SOURCE_ROOT", file=sys.stderr)
        return 2
    root = argv[1]
    potfiles_in = os.path.join(root, "po", "POTFILES.in")
    if not os.path.isfile(potfiles_in):
        print(f"FAIL: {potfiles_in} does not exist")
        return 1

    listed = read_list(potfiles_in)
    skipped = set(read_list(os.path.join(root, "po", "POTFILES.skip")))
    failed = False

    missing_on_disk = [n for n in listed if not os.path.isfile(os.path.join(root, n))]
    for name in missing_on_disk:
        print(f"FAIL: po/POTFILES.in lists {name}, which does not exist")
        failed = True

    seen = set()
    for name in listed:
        if name in seen:
            print(f"FAIL: po/POTFILES.in lists {name} twice")
            failed = True
        seen.add(name)

    unlisted = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for filename in sorted(filenames):
                if not filename.endswith(C_SUFFIXES + UI_SUFFIXES):
                    continue
                path = os.path.join(dirpath, filename)
                rel = os.path.normpath(os.path.relpath(path, root))
                if rel in seen or rel in skipped:
                    continue
                if has_translatable_strings(path):
                    unlisted.append(rel)
    for name in unlisted:
        print(f"FAIL: {name} has translatable strings but is not in po/POTFILES.in")
        failed = True

    help_blocks = 0
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, "src")):
        for filename in sorted(filenames):
            if not filename.endswith(".c"):
                continue
            path = os.path.join(dirpath, filename)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = C_COMMENT.sub("", f.read())
            rel = os.path.relpath(path, root)
            for match in HELP_UNMARKED.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                print(f"FAIL: {rel}:{line}: user-guide text not marked with N_()")
                failed = True
            help_blocks += len(HELP_MARKED.findall(text))
    if help_blocks == 0:
        print("FAIL: no user-guide text marked with N_() found under src/")
        failed = True
    for top in ("ui", "data"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            for filename in filenames:
                if filename.endswith(".txt"):
                    rel = os.path.relpath(os.path.join(dirpath, filename), root)
                    print(f"FAIL: {rel}: text shown to users must be translatable "
                          "(the guide lives in src/app/tandem-help-topics.c)")
                    failed = True

    if failed:
        return 1
    print(f"OK: po/POTFILES.in lists {len(listed)} files; none missing, none unlisted")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

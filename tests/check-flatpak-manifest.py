#!/usr/bin/python3
# Check the Flatpak manifest: it parses, names the right app and command,
# builds Tandem last from this source tree, and asks for no broad file access
# (files are opened and saved through the file-chooser portal).
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID

import json
import sys

BROAD_FILESYSTEMS = ("host", "host-os", "host-etc", "home")


def check(manifest, app_id):
    problems = []

    def need(condition, message):
        if not condition:
            problems.append(message)

    need(manifest.get("app-id") == app_id,
         f"app-id is {manifest.get('app-id')!r}, not {app_id!r}")
    need(manifest.get("command") == "tandem", "command is not 'tandem'")
    for key in ("runtime", "runtime-version", "sdk"):
        need(isinstance(manifest.get(key), str) and manifest.get(key), f"no {key}")
    need(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
    need(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")

    finish_args = manifest.get("finish-args", [])
    need(isinstance(finish_args, list), "finish-args is not a list")
    for arg in finish_args:
        if arg.startswith("--filesystem="):
            place = arg.split("=", 1)[1].split(":", 1)[0].rstrip("/")
            need(place not in BROAD_FILESYSTEMS and not place.startswith("/"),
                 f"finish-args grants broad file access: {arg}")
    for arg in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11"):
        need(arg in finish_args, f"finish-args lacks {arg}")
    need("--socket=x11" not in finish_args, "use --socket=fallback-x11, not --socket=x11")

    modules = manifest.get("modules")
    need(isinstance(modules, list) and modules, "no modules")
    if isinstance(modules, list) and modules:
        for module in modules:
            if not isinstance(module, dict):
                continue  # a path to a separate module file
            name = module.get("name", "?")
            need(module.get("sources"), f"module {name} has no sources")
            for source in module.get("sources", []):
                if source.get("type") in ("archive", "file") and "url" in source:
                    need(len(source.get("sha256", "")) == 64,
                         f"module {name}: {source['url']} has no sha256")
                if source.get("type") == "git":
                    need("commit" in source or "tag" in source,
                         f"module {name}: git source is not pinned to a commit or tag")
        last = modules[-1]
        need(isinstance(last, dict) and last.get("name") == "tandem",
             "the last module is not tandem")
        if isinstance(last, dict):
            need(last.get("buildsystem") == "meson", "tandem is not built with meson")
            need({"type": "dir", "path": ".."} in last.get("sources", []),
                 "tandem is not built from this source tree (type dir, path ..)")
    return problems


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} MANIFEST APP_ID", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL: {argv[1]}: {e}")
        return 1
    problems = check(manifest, argv[2])
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        return 1
    print(f"OK: {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

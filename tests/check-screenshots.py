#!/usr/bin/python3
# Check that every screenshot the AppStream metainfo names is in
# data/screenshots/, is a PNG of the size the metainfo declares, and that
# exactly one is the default. The pictures come from the app itself:
# build-aux/take-screenshots.sh.
#
# Usage: check-screenshots.py METAINFO SCREENSHOT_DIR

import os
import struct
import sys
import xml.etree.ElementTree as ET


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} METAINFO SCREENSHOT_DIR", file=sys.stderr)
        return 2
    root = ET.parse(argv[1]).getroot()
    shots = root.findall("./screenshots/screenshot")
    failed = False
    if not shots:
        print("FAIL: the metainfo has no screenshots")
        return 1
    defaults = [s for s in shots if s.get("type") == "default"]
    if len(defaults) != 1 or shots[0] is not defaults[0]:
        print("FAIL: the first screenshot, and only it, must be type=\"default\"")
        failed = True
    for shot in shots:
        caption = shot.find("caption")
        if caption is None or not (caption.text or "").strip():
            print("FAIL: a screenshot has no caption")
            failed = True
        for image in shot.findall("image"):
            name = os.path.basename(image.text.strip())
            path = os.path.join(argv[2], name)
            size = png_size(path) if os.path.isfile(path) else None
            if size is None:
                print(f"FAIL: {name} is not a PNG in {argv[2]}")
                failed = True
                continue
            declared = (int(image.get("width", 0)), int(image.get("height", 0)))
            if declared != size:
                print(f"FAIL: {name} is {size[0]}×{size[1]}, the metainfo says "
                      f"{declared[0]}×{declared[1]}")
                failed = True
    if failed:
        return 1
    print(f"OK: {len(shots)} screenshots, all present")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

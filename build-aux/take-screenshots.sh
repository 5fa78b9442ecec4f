#!/usr/bin/env bash
# Takes the screenshots the AppStream metainfo shows, from the real app on the
# sample project (a fresh copy), in a private X server (Xvfb) and D-Bus session.
#
#   build-aux/take-screenshots.sh [BUILD_DIR [OUTPUT_DIR]]
#
# BUILD_DIR defaults to build (it must be built); OUTPUT_DIR to
# data/screenshots. Needs xvfb-run, dbus-run-session, xdotool and ImageMagick
# (import, convert); openbox, if installed, for the workshop-mode shot. Each page is saved as the window alone, 16:9 as AppStream
# recommends: diagram.png, measures.png, coaching.png, peer-support.png, and
# workshop.png (workshop mode, over the diagram).
#
# Extra variables for looking at other settings (not for the metainfo):
#   TANDEM_SHOT_HIGH_CONTRAST=1   the system's high-contrast setting
#   TANDEM_SHOT_SIZE=480x800      window size
# (Large text needs a settings daemon to set Xft/DPI, which this X server
# lacks; workshop.png shows the same large-type path.)
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$top/build}" && pwd)"
out="${2:-$top/data/screenshots}"
size="${TANDEM_SHOT_SIZE:-1248x702}"
width="${size%x*}"
height="${size#*x}"

if [ -z "${TANDEM_SHOT_INSIDE:-}" ]; then
  for tool in xvfb-run dbus-run-session xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "take-screenshots: $tool is needed" >&2; exit 2; }
  done
  [ -x "$build/src/app/tandem" ] || { echo "take-screenshots: build $build first" >&2; exit 2; }
  mkdir -p "$out"
  export TANDEM_SHOT_INSIDE=1
  exec xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
    dbus-run-session -- "$0" "$build" "$(cd "$out" && pwd)"
fi

# A fresh home: a new copy of the sample, no recent files, default settings.
home="$(mktemp -d)"
trap 'kill "${app:-0}" "${wm:-0}" 2>/dev/null || true; rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
export XDG_CACHE_HOME="$home/cache"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=keyfile
export LANG=en_GB.UTF-8 LC_ALL=
export GTK_A11Y=none NO_AT_BRIDGE=1
gsettings set org.tandemqi.Tandem window-width "$width"
gsettings set org.tandemqi.Tandem window-height "$height"
gsettings set org.tandemqi.Tandem window-maximized false
# A name of one's own, so the window does not ask for one.
gsettings set org.tandemqi.Tandem author-name "Alex Morgan"
if [ -n "${TANDEM_SHOT_HIGH_CONTRAST:-}" ]; then
  gsettings set org.gnome.desktop.a11y.interface high-contrast true
fi

# A window manager, if there is one, grants full screen (workshop mode);
# without one GTK waits for an answer that never comes and the workshop
# screenshot is skipped.
wm=""
if command -v openbox >/dev/null; then
  openbox --sm-disable >/dev/null 2>&1 &
  wm=$!
  sleep 1
fi

"$build/src/app/tandem" --sample &
app=$!

# Wait for the project window (titled after the project) to show.
window=""
for _ in $(seq 1 150); do
  window="$(xdotool search --onlyvisible --name '^Sample project$' 2>/dev/null | head -n1 || true)"
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "take-screenshots: the window did not appear" >&2; exit 1; }
xdotool windowmove "$window" 0 0

# Waits until the app is idle: a relayout (a page's first showing, or
# workshop mode's larger type) can take seconds on a slow machine, and the
# window shows nothing new until it ends. Up to 60 s.
cpu_ticks () {
  awk '{ print $14 + $15 }' "/proc/$app/stat"
}
settle () {
  local last now quiet=0
  last="$(cpu_ticks)"
  for _ in $(seq 1 120); do
    sleep 0.5
    now="$(cpu_ticks)"
    if [ $((now - last)) -le 3 ]; then
      quiet=$((quiet + 1))
      [ "$quiet" -ge 2 ] && return 0
    else
      quiet=0
    fi
    last="$now"
  done
}

# How light the window is (0 black … 1 white): it is black until first drawn.
lightness () {
  import -window "$window" -resize 10% miff:- 2>/dev/null | convert miff:- -format '%[fx:mean]' info: 2>/dev/null || echo 0
}
for _ in $(seq 1 100); do
  awk "BEGIN { exit !($(lightness) > 0.5) }" && break
  sleep 0.2
done
settle

# Without a window manager, focus the window by hand; keys then go to it.
xdotool windowfocus --sync "$window"

shoot () {
  local name="$1" keys="$2"
  xdotool windowfocus --sync "$window"
  xdotool keyup ctrl shift alt 2>/dev/null || true
  xdotool key --delay 80 $keys
  xdotool keyup ctrl shift alt 2>/dev/null || true
  sleep 0.5
  settle
  import -window "$window" "$out/$name.png"
  echo "take-screenshots: $out/$name.png ($(identify -format '%wx%h' "$out/$name.png"))"
}

shoot measures alt+2
shoot coaching alt+3
shoot peer-support alt+4
# The diagram closer than fitted: zoom in on the canvas (it takes the focus
# when clicked) so its words can be read.
xdotool key alt+1
sleep 1
xdotool mousemove --window "$window" 420 400 click 1
shoot diagram "ctrl+plus ctrl+plus"
[ -n "$wm" ] && shoot workshop F11

#!/usr/bin/env bash
# Installs the Debian 12 packages Tandem needs to build, run and test, if any
# are missing. Sourced by run-sample.sh and run-tests.sh.
set -euo pipefail

TANDEM_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libjson-glib-dev libcsv-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream gsettings-desktop-schemas
  adwaita-icon-theme fonts-cantarell fonts-dejavu-core
)

# To run it: GTK shows a print preview in the document viewer (evince).
TANDEM_RUN_PACKAGES=(
  evince
)

# xdotool: e2e/measures focuses windows with it; gir1.2-gtk-3.0: the same test
# holds the clipboard from a small GTK 3 Python program.
TANDEM_TEST_PACKAGES=(
  xvfb xauth dbus-x11 dbus at-spi2-core python3 python3-dogtail python3-gi
  gir1.2-atspi-2.0 gir1.2-gtk-3.0 x11-apps xdotool imagemagick poppler-utils librsvg2-bin
  libclang-rt-14-dev clang-14 strace
)

# apt-get install waits up to 10 minutes for another install to finish
# (DPkg::Lock::Timeout). apt 2.6 (bookworm) has no such wait for the lock on
# the package lists that apt-get update takes, so that one is tried again
# while another apt holds it, for as long.
tandem_apt_update () {
  local sudo="$1"
  local output
  local tries=0
  while true; do
    if output="$($sudo env LC_ALL=C apt-get update 2>&1)"; then
      printf '%s\n' "$output"
      return 0
    fi
    if ! grep -q "Could not get lock" <<<"$output" || [ "$tries" -ge 60 ]; then
      printf '%s\n' "$output" >&2
      return 1
    fi
    tries=$((tries + 1))
    echo "Waiting for another apt-get to release the package lists..."
    sleep 10
  done
}

tandem_install_missing () {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  echo "Installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  tandem_apt_update "$sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -o DPkg::Lock::Timeout=600 -y \
    --no-install-recommends "${missing[@]}"
}

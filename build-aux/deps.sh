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

TANDEM_TEST_PACKAGES=(
  xvfb xauth dbus-x11 dbus at-spi2-core python3 python3-dogtail python3-gi
  gir1.2-atspi-2.0 x11-apps imagemagick poppler-utils librsvg2-bin
  libclang-rt-14-dev clang-14
)

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
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

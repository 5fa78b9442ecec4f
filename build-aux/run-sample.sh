#!/usr/bin/env bash
# Installs what is missing, builds Tandem and runs it on the sample project.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/build-aux/deps.sh"
tandem_install_missing "${TANDEM_BUILD_PACKAGES[@]}" "${TANDEM_RUN_PACKAGES[@]}"

cd "$top"
[ -d build ] || meson setup build
meson compile -C build

# Run uninstalled: the settings schema from the build tree.
export GSETTINGS_SCHEMA_DIR="$top/build/data"
exec "$top/build/src/app/tandem" --sample "$@"

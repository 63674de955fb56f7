#!/usr/bin/env bash
# The fixture of the package tests: builds the Debian package with cpack into OUT_DIR (emptied
# first), as `make package` does. Skips (exit 77) only when the shared data folder, whose
# borough boundaries the package ships, is absent, like the other tests that need it.
# Usage: build_deb.sh CPACK CPACK_CONFIG OUT_DIR SHARED_DIR
set -euo pipefail
cpack=$1 config=$2 out=$3 shared=$4
if [[ ! -f $shared/data/boundaries/london_boroughs_gla.geojson ]]; then
  echo "package: SKIP: $shared/data/boundaries is absent (the package ships the boundaries)"
  exit 77
fi
rm -rf "$out"
mkdir -p "$out"
"$cpack" -G DEB -B "$out" --config "$config"
rm -rf "$out/_CPack_Packages"
ls -l "$out"/*.deb

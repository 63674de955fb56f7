#!/usr/bin/env bash
# `make demo`: the main job on a synthetic London borough: generates Hackney with 200 pupils,
# plans its morning and afternoon SEN transport runs (30 s) and shows where the files are; then
# runs the platform (scripts/demo-platform.sh: server, accounts, upload, plan via the API) and the
# SEND data dashboard (scripts/demo-dashboard.sh: DfE statistics imported, forecast, profile); then
# solves the Cordeau DARP instance a4-24 for 5 seconds and checks that plan with the independent
# checker.
# Usage: scripts/demo.sh BUILD_DIR SHARED_DIR   (writes out/demo/ in the repository)
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SHARED_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
shared_dir=$2
instance="$shared_dir/benchmarks/darp_cordeau/a_instances/a4-24.txt"
best_known=375.02

if [[ ! -f $instance ]]; then
  echo "demo: the benchmark instance $instance is missing." >&2
  echo "demo: SHARED_DIR must be the shared/ folder holding benchmarks/ (make demo SHARED=/path/to/shared)." >&2
  exit 1
fi
sendplan="$build_dir/sendplan"
checker="$build_dir/tests/checker/sendplan_check"
for program in "$sendplan" "$checker"; do
  if [[ ! -x $program ]]; then
    echo "demo: $program is not built; run 'make build' first." >&2
    exit 1
  fi
done

cd "$repo"
mkdir -p out/demo
boundaries="$shared_dir/data/boundaries/london_boroughs_gla.geojson"
if [[ -f $boundaries ]]; then
  echo "== sendplan demo 1: a synthetic borough's SEN transport (Hackney, 200 pupils, 30 s) =="
  "$sendplan" generate --borough Hackney --pupils 200 --seed 1 --out out/demo/hackney \
    --boundaries "$boundaries"
  plan_status=0
  "$sendplan" plan --pupils out/demo/hackney/pupils.csv --schools out/demo/hackney/schools.csv \
    --fleet out/demo/hackney/fleet.csv --time-limit 30 --out out/demo/hackney/plan || plan_status=$?
  if [[ $plan_status -ne 0 && $plan_status -ne 1 ]]; then
    echo "demo: sendplan plan failed (exit $plan_status)." >&2
    exit "$plan_status"
  fi
  echo "Open out/demo/hackney/plan/route_sheets.html in a browser for the operators' sheets,"
  echo "and out/demo/hackney/plan/routes.geojson in QGIS for the map."
  echo
  echo "== sendplan demo 2: the platform on the embedded store (SQLite): upload, plan, regional view =="
  scripts/demo-platform.sh "$build_dir" "$shared_dir"
  echo
  echo "== sendplan demo 3: the SEND data dashboard: DfE statistics imported, forecast, Hackney's profile =="
  scripts/demo-dashboard.sh "$build_dir" "$shared_dir"
  echo
  echo "== sendplan demo 4: the practice repository: example entries stored, searched and exported =="
  scripts/demo-practice.sh "$build_dir" "$shared_dir"
  echo
else
  echo "demo: no borough boundaries at $boundaries: skipping the borough demo." >&2
fi
plan=out/demo/a4-24.json
echo "== sendplan demo 5: the engine on Cordeau DARP a4-24 (4 vehicles, 24 requests, max ride time 30 min), 5 s =="
solve_status=0
"$sendplan" solve --format cordeau "$instance" --time-limit 5 --output "$plan" || solve_status=$?
if [[ $solve_status -ne 0 && $solve_status -ne 1 ]]; then
  echo "demo: sendplan failed (exit $solve_status)." >&2
  exit "$solve_status"
fi

check_status=0
verdict=$("$checker" --format cordeau "$instance" "$plan" 2>&1) || check_status=$?
first_line=$(head -n 1 <<<"$verdict")
cost=$(sed -n 's/.*cost=\([0-9.eE+-]*\).*/\1/p' <<<"$first_line")
routes=$(sed -n 's/.*routes=\([0-9]*\).*/\1/p' <<<"$first_line")

echo
echo "plan:        $plan"
if [[ -n $cost ]]; then
  gap=$(awk -v c="$cost" -v b="$best_known" 'BEGIN { g = 100 * (c - b) / b; if (g > -0.005 && g < 0.005) g = 0; printf "%+.2f", g }')
  echo "cost:        $(awk -v c="$cost" 'BEGIN { printf "%.2f", c }') (best known $best_known, gap $gap %)"
fi
if [[ -n $routes ]]; then echo "routes:      $routes"; fi
if [[ $check_status -eq 0 ]]; then
  echo "checker:     $first_line (independent check of every constraint)"
else
  echo "checker:     exit $check_status"
  echo "$verdict" | sed 's/^/             /'
fi
if [[ $solve_status -ne 0 || $check_status -ne 0 ]]; then
  echo "demo: the plan is not fully feasible (see above)." >&2
  exit 1
fi

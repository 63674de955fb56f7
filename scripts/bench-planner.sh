#!/usr/bin/env bash
# `make bench-planner`: the planner at borough scale. Generates synthetic boroughs, plans them
# with `sendplan plan` and `sendplan pool`, and prints a table of wall-clock time, cost and
# service (also written to out/bench/planner.csv).
#   1. Hackney, 300 pupils, 20 s
#   2. Croydon, 1,500 pupils, 100 s (target: both runs in under 2 minutes)
#   3. a pool of 4 boroughs (Camden, Islington, Hackney, Haringey; 400 pupils each), 90 s per
#      day plan: 4 stand-alone plans and the pooled one (target: under 10 minutes)
# Usage: scripts/bench-planner.sh BUILD_DIR SHARED_DIR
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SHARED_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
shared_dir=$2
sendplan="$build_dir/sendplan"
boundaries="$shared_dir/data/boundaries/london_boroughs_gla.geojson"
[[ -x $sendplan ]] || { echo "bench-planner: $sendplan is not built" >&2; exit 1; }
[[ -f $boundaries ]] || { echo "bench-planner: no boundaries at $boundaries" >&2; exit 1; }

out="$repo/out/bench/planner"
rm -rf "$out"
mkdir -p "$out"
csv="$repo/out/bench/planner.csv"
echo "case,pupils,time_limit_s,wall_s,cost_per_day,vehicles,routes_am,routes_pm,unserved,not_compliant" >"$csv"

# field NAME FILE: the first number after "NAME": in a summary.json.
field() { sed -n "s/.*\"$1\": \\([0-9.]*\\).*/\\1/p" "$2" | head -n 1; }
routes() { tr -d '\n ' <"$2" | sed -n "s/.*\"routes\":{\"AM\":\\([0-9]*\\),\"PM\":\\([0-9]*\\)}.*/\\$1/p"; }

row() {  # case pupils limit wall summary.json
  local summary=$5
  printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' "$1" "$2" "$3" "$4" \
    "$(field cost_per_day "$summary")" "$(field vehicles "$summary")" \
    "$(routes 1 "$summary")" "$(routes 2 "$summary")" \
    "$(field unserved "$summary")" "$(field over_limit "$summary")" >>"$csv"
}

generate() {  # borough pupils seed dir
  "$sendplan" generate --borough "$1" --pupils "$2" --seed "$3" --out "$4" \
    --boundaries "$boundaries" >/dev/null
}

plan_case() {  # name borough pupils seed limit
  local dir="$out/$1"
  generate "$2" "$3" "$4" "$dir"
  echo "== $1: $2, $3 pupils, --time-limit $5 =="
  local start end status=0
  start=$(date +%s.%N)
  "$sendplan" plan --pupils "$dir/pupils.csv" --schools "$dir/schools.csv" \
    --fleet "$dir/fleet.csv" --time-limit "$5" --out "$dir/plan" || status=$?
  end=$(date +%s.%N)
  [[ $status -le 1 ]] || { echo "bench-planner: plan failed ($status)" >&2; exit 1; }
  row "$1" "$3" "$5" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')" \
    "$dir/plan/summary.json"
}

plan_case hackney-300 Hackney 300 1 20
plan_case croydon-1500 Croydon 1500 3 100

echo "== pool of 4 boroughs, 400 pupils each, --time-limit 90 per day plan =="
args=()
seed=10
for borough in Camden Islington Hackney Haringey; do
  label=$(tr '[:upper:]' '[:lower:]' <<<"$borough")
  generate "$borough" 400 "$seed" "$out/pool-in/$label"
  args+=(--borough "$label=$out/pool-in/$label")
  seed=$((seed + 1))
done
start=$(date +%s.%N)
"$sendplan" pool "${args[@]}" --time-limit 90 --out "$out/pool"
end=$(date +%s.%N)
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
row pool-4x400-pooled 1600 90 "$wall (all 5 plans)" "$out/pool/pooled/summary.json"
for label in camden islington hackney haringey; do
  row "pool-4x400-$label-alone" 400 90 "" "$out/pool/$label/summary.json"
done

echo
echo "Written to $csv:"
column -s, -t <"$csv"

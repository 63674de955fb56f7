#!/usr/bin/env bash
# `make bench-planner`: the planner at borough scale. Generates synthetic boroughs, plans them
# with `sendplan plan` and `sendplan pool`, and prints a table of wall-clock time, cost and
# service (also written to out/bench/planner.csv).
#   1. Hackney, 300 pupils, 20 s
#   2. Croydon, 1,500 pupils, 100 s (target: both runs in under 2 minutes)
#   3. outer London (issue 12): Havering 300 pupils (30 s; also with the uniform travel model)
#      and Bromley 1,500 pupils (100 s):
#      planned children, the three journey-time groups, cost, vehicles, time; then 20 mid-term
#      changes to the 1,500-pupil borough (7 leave, 7 join, 6 move house) planned two ways:
#      `plan --update` from the plan in force, and from scratch
#   4. a pool of 4 boroughs (Camden, Islington, Hackney, Haringey; 400 pupils each), 90 s per
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
echo "case,pupils,time_limit_s,wall_s,cost_per_day,vehicles,routes_am,routes_pm,unserved,not_compliant,within,unavoidable,avoidable" >"$csv"

# The summary's figures (jq, installed by scripts/install-deps.sh).
summary_field() { jq -r ".summary.$1 // \"\"" "$2"; }

row() {  # case pupils limit wall summary.json
  local summary=$5
  printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' "$1" "$2" "$3" "$4" \
    "$(summary_field cost_per_day "$summary")" "$(summary_field vehicles "$summary")" \
    "$(summary_field routes.AM "$summary")" "$(summary_field routes.PM "$summary")" \
    "$(summary_field unserved "$summary")" "$(summary_field over_limit "$summary")" \
    "$(summary_field journey_time.within_guidance "$summary")" \
    "$(summary_field journey_time.over_guidance_unavoidable "$summary")" \
    "$(summary_field journey_time.over_guidance_avoidable "$summary")" >>"$csv"
}

generate() {  # borough pupils seed dir
  "$sendplan" generate --borough "$1" --pupils "$2" --seed "$3" --out "$4" \
    --boundaries "$boundaries" >/dev/null
}

plan_case() {  # name borough pupils seed limit [travel model]
  local dir="$out/$1"
  generate "$2" "$3" "$4" "$dir"
  echo "== $1: $2, $3 pupils, --time-limit $5, ${6:-zones} travel model =="
  local start end status=0
  start=$(date +%s.%N)
  "$sendplan" plan --pupils "$dir/pupils.csv" --schools "$dir/schools.csv" \
    --fleet "$dir/fleet.csv" --time-limit "$5" --out "$dir/plan" \
    --boundaries "$boundaries" --travel-model "${6:-zones}" || status=$?
  end=$(date +%s.%N)
  [[ $status -le 1 ]] || { echo "bench-planner: plan failed ($status)" >&2; exit 1; }
  row "$1" "$3" "$5" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')" \
    "$dir/plan/summary.json"
}

seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

plan_case hackney-300 Hackney 300 1 20
plan_case croydon-1500 Croydon 1500 3 100
plan_case havering-300 Havering 300 5 30
plan_case havering-300-uniform Havering 300 5 30 uniform
plan_case bromley-1500 Bromley 1500 7 100

# 20 changes to Bromley: rows 2-8 leave, rows 9-14 move about 1 km north, and 7 new children
# (copies of rows 15-21 with new ids, about 350 m east). The generated file has no quoted cells.
echo "== bromley-1500: 20 mid-term changes, --update against planning from scratch =="
changed="$out/bromley-1500-changed"
mkdir -p "$changed"
cp "$out/bromley-1500/schools.csv" "$out/bromley-1500/fleet.csv" "$changed/"
awk -F, -v OFS=, '
  FNR == NR { if (FNR >= 2 && FNR <= 8) gone[$1] = 1; next }  # first pass: who leaves
  FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; print; next }
  FNR >= 2 && FNR <= 8 { next }
  { # nobody may name a leaver in not_with
    n = split($col["not_with"], ids, ";"); kept = ""
    for (i = 1; i <= n; i++) if (!(ids[i] in gone)) kept = kept (kept == "" ? "" : ";") ids[i]
    $col["not_with"] = kept }
  FNR >= 9 && FNR <= 14 { $col["home_lat"] = sprintf("%.6f", $col["home_lat"] + 0.009) }
  { print }
  FNR >= 15 && FNR <= 21 { $col["pupil_id"] = sprintf("N%04d", FNR); $col["not_with"] = "";
                           $col["home_lon"] = sprintf("%.6f", $col["home_lon"] + 0.005); print }
' "$out/bromley-1500/pupils.csv" "$out/bromley-1500/pupils.csv" >"$changed/pupils.csv"
start=$(date +%s.%N)
status=0
"$sendplan" plan --pupils "$changed/pupils.csv" --schools "$changed/schools.csv" \
  --fleet "$changed/fleet.csv" --update "$out/bromley-1500/plan/routes.csv" \
  --boundaries "$boundaries" --out "$changed/update" >"$changed/update.txt" || status=$?
[[ $status -le 1 ]] || { echo "bench-planner: update failed ($status)" >&2; exit 1; }
row bromley-1500-update-20 1500 "" "$(seconds_since "$start")" "$changed/update/summary.json"
grep '^Update:' "$changed/update.txt" || true
start=$(date +%s.%N)
status=0
"$sendplan" plan --pupils "$changed/pupils.csv" --schools "$changed/schools.csv" \
  --fleet "$changed/fleet.csv" --time-limit 100 --boundaries "$boundaries" \
  --out "$changed/scratch" || status=$?
[[ $status -le 1 ]] || { echo "bench-planner: plan failed ($status)" >&2; exit 1; }
row bromley-1500-changed-from-scratch 1500 100 "$(seconds_since "$start")" \
  "$changed/scratch/summary.json"

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

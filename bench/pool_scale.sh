#!/usr/bin/env bash
# How pooling grows from 1 to 8 neighbouring boroughs (issue 13): generates regions of
# neighbouring south London boroughs that share schools (`sendplan generate --region`), pools
# the first 2, 4 and 8 of them with `sendplan pool`, plans the first alone with `sendplan plan`,
# and prints one table row per size from pool.json: stand-alone cost, pooled cost, saving,
# vehicles, time and the Shapley shares. Wall times include everything else the machine does.
#
#   bench/pool_scale.sh [PUPILS_EACH] [TIME_LIMIT_PER_RUN] [CLUSTER_ITERATIONS] [SIZES...]
#   (defaults: 1000 60 1000 1 2 4 8; run from the repository root after `make build`)
set -euo pipefail
pupils=${1:-1000}
limit=${2:-60}
iterations=${3:-1000}
shift $(( $# < 3 ? $# : 3 ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 8)
bin=${SENDPLAN:-build/sendplan}
work=${WORK:-$(mktemp -d /tmp/sendplan-pool-scale.XXXXXX)}
region=("Croydon" "Sutton" "Merton" "Kingston upon Thames" "Wandsworth" "Lambeth" "Bromley"
        "Lewisham")
echo "pupils per borough: $pupils; first plans: $limit s a run; $iterations iterations a cluster; in $work"
printf '| boroughs | pupils | shared schools | first plans £/day | alone £/day | pooled £/day | saving | vs first plans | vehicles alone → pooled | clusters pooled | time | shares (Shapley, saving %%) |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for k in "${sizes[@]}"; do
  names=$(IFS=,; echo "${region[*]:0:$k}")
  dir="$work/region-$k"
  if [ "$k" -eq 1 ]; then
    "$bin" generate --borough "${region[0]}" --pupils "$pupils" --seed 1 --out "$dir/one" >/dev/null
    start=$(date +%s.%N)
    "$bin" plan --pupils "$dir/one/pupils.csv" --schools "$dir/one/schools.csv" \
      --fleet "$dir/one/fleet.csv" --time-limit "$limit" --out "$dir/out" >/dev/null 2>&1
    end=$(date +%s.%N)
    jq -r --arg t "$(echo "$end - $start" | bc)" '"| 1 | \(.summary.pupils) | – | \(.summary.cost_per_day_pence/100 | floor) | – | – | – | – | \(.summary.vehicles) | – | \($t | tonumber | floor) s | – |"' "$dir/out/summary.json"
    continue
  fi
  "$bin" generate --region "$names" --pupils "$pupils" --seed 1 --out "$dir/in" >/dev/null
  args=()
  for d in "$dir"/in/*/; do args+=(--borough "$(basename "$d")=$d"); done
  "$bin" pool "${args[@]}" --time-limit "$limit" --cluster-iterations "$iterations" \
    --out "$dir/out" >/dev/null 2>"$dir/pool.log"
  alone_vehicles=0
  for d in "$dir"/in/*/; do
    v=$(jq '.summary.vehicles' "$dir/out/$(basename "$d")/summary.json")
    alone_vehicles=$((alone_vehicles + v))
  done
  pooled_vehicles=$(jq '.summary.vehicles' "$dir/out/pooled/summary.json")
  jq -r --arg av "$alone_vehicles" --arg pv "$pooled_vehicles" '
    "| \(.boroughs | length) | \([.boroughs[].pupils] | add) | \(.shared_schools) | \(.first_plans_per_day_pence/100 | floor) | \(.standalone_total_per_day_pence/100 | floor) | \(.pooled_per_day_pence/100 | floor) | \(.saving_percent * 10 | round / 10) % | \(.saving_against_first_plans_percent * 10 | round / 10) % | \($av) → \($pv) | \(.search.clusters_in_pooled_plan) of \(.search.clusters) | \(.search.seconds.total | floor) s | \([.boroughs[] | "\(.label) \(.saving_percent * 10 | round / 10)"] | join(", ")) |"' \
    "$dir/out/pool.json"
done

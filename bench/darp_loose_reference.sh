#!/usr/bin/env bash
# The reference costs of the looser DARP set (bench/instances/darp_loose, issue 15): the best of
# RUNS long runs of SECONDS each per instance (seeds 1..RUNS, one core each, two at a time), every
# plan checked by the independent checker, written as a best-known-value file that
# `sendplan bench darp --bks` reads.
#
#   bench/darp_loose_reference.sh [RUNS=5] [SECONDS=120] [OUT=bench/instances/darp_loose/reference.csv]
#   (from the repository root after `make build`; FIRST_SEED=k runs seeds k..k+RUNS-1 instead)
set -euo pipefail
runs=${1:-5}
seconds=${2:-120}
out=${3:-bench/instances/darp_loose/reference.csv}
first=${FIRST_SEED:-1}
bin=${SENDPLAN:-build/sendplan}
checker=${CHECKER:-build/tests/checker/sendplan_check}
work=$(mktemp -d /tmp/darp-loose-reference.XXXXXX)
jobs=()
for file in bench/instances/darp_loose/*.txt; do
  name=$(basename "$file" .txt)
  for seed in $(seq "$first" $((first + runs - 1))); do jobs+=("$file $name $seed"); done
done
run() {
  read -r file name seed <<<"$1"
  "$bin" solve --format cordeau "$file" --time-limit "$seconds" --seed "$seed" \
    --output "$work/$name-$seed.json" >/dev/null 2>&1 || true
  if "$checker" --format cordeau "$file" "$work/$name-$seed.json" --quiet >/dev/null 2>&1; then
    echo "$name $seed $(jq '.cost' "$work/$name-$seed.json")" >>"$work/costs"
  else
    echo "$name $seed infeasible" >>"$work/costs"
  fi
}
export -f run
export bin checker work seconds
printf '%s\n' "${jobs[@]}" | xargs -P 2 -I{} bash -c 'run "$@"' _ {}
{
  echo "instance,bks_cost,source,set,verification"
  sort -k1,1 -k3,3g "$work/costs" | awk -v runs="$runs" -v s="$seconds" -v first="$first" '
    $3 != "infeasible" && !($1 in best) { best[$1] = $3; order[++n] = $1 }
    END { for (i = 1; i <= n; i++)
            printf "%s,%.2f,best of %d runs of %d s (seeds %d-%d) by sendplan,darp_loose,checked by sendplan_check\n",
                   order[i], best[order[i]], runs, s, first, first + runs - 1 }'
} >"$out"
echo "wrote $out ($(($(wc -l <"$out") - 1)) instances); runs in $work"

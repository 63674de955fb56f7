#!/usr/bin/env bash
# `make bench`: solution-quality benchmarks with the independent checker on every plan: Cordeau
# DARP sets a and b and the looser generated set bench/instances/darp_loose (10 s per instance;
# the loose set against its long-run reference), Solomon VRPTW (1 s; distance-only BKS) and
# Li & Lim PDPTW (1 s). TIME, when given, is the time per instance for all sets. Tables go to out/bench/*.txt, CSVs to
# out/bench/*.csv and plans to out/bench/solutions/<set>/. Gaps never fail the run; errors and
# checker disagreements do (after every set has run).
# Usage: scripts/bench.sh BUILD_DIR SHARED_DIR [TIME]
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 BUILD_DIR SHARED_DIR [TIME_SECONDS]" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
benchmarks="$2/benchmarks"
darp_time=${3:-10}
short_time=${3:-1}

if [[ ! -d $benchmarks ]]; then
  echo "bench: no $benchmarks; SHARED_DIR must be the shared/ folder (make bench SHARED=/path/to/shared)." >&2
  exit 1
fi
sendplan="$build_dir/sendplan"
checker="$build_dir/tests/checker/sendplan_check"
for program in "$sendplan" "$checker"; do
  if [[ ! -x $program ]]; then
    echo "bench: $program is not built; run 'make build' first." >&2
    exit 1
  fi
done

cd "$repo"
mkdir -p out/bench
failed=0

# run_set NAME SET INSTANCE_DIR BKS TIME
run_set() {
  local name=$1 set=$2 dir=$3 bks=$4 time=$5 status=0
  echo "== $name: $set, $time s per instance =="
  "$sendplan" bench "$set" --instances "$dir" --bks "$bks" --time-limit "$time" \
    --checker "$checker" --solutions "out/bench/solutions/$name" --csv "out/bench/$name.csv" |
    tee "out/bench/$name.txt" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "bench: $name failed (exit $status)" >&2
    failed=1
  fi
  echo
}

run_set darp-a darp "$benchmarks/darp_cordeau/a_instances" "$benchmarks/darp_cordeau/BKS.csv" "$darp_time"
run_set darp-b darp "$benchmarks/darp_cordeau/b_instances" "$benchmarks/darp_cordeau/BKS.csv" "$darp_time"
run_set darp-loose darp bench/instances/darp_loose bench/instances/darp_loose/reference.csv "$darp_time"
run_set solomon solomon "$benchmarks/vrptw_solomon/instances" "$benchmarks/vrptw_solomon/BKS.csv" "$short_time"
run_set lilim lilim "$benchmarks/pdptw_lilim/instances" "$benchmarks/pdptw_lilim/BKS.csv" "$short_time"

echo "Tables: out/bench/{darp-a,darp-b,darp-loose,solomon,lilim}.txt (CSV alongside)."
exit "$failed"

#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan and UBSan) in build-fuzz and runs each for
# SECONDS (default 60). New corpus entries are kept in build-fuzz/corpus/TARGET (not in git; the
# seeds in fuzz/corpus/TARGET are read, never written); crash, leak, timeout and out-of-memory
# inputs go to build-fuzz/crashes/TARGET/ and each run's output to build-fuzz/logs/TARGET.log.
# Exits 1 when any target found something (and says where the input is).
#
#   scripts/fuzz.sh [SECONDS]
#   SENDPLAN_FUZZ_TARGETS="fuzz_http_request" scripts/fuzz.sh 300   # only some targets
#   SENDPLAN_SHARED=/path/to/shared scripts/fuzz.sh                 # boundaries elsewhere
#   SENDPLAN_FUZZ_IGNORE="out_of_range.406" scripts/fuzz.sh         # go on past known bugs
#
# Reproduce one input: build-fuzz/TARGET path/to/crash-... (runs it once, with the stack).
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SENDPLAN_FUZZ_BUILD:-$root/build-fuzz}"
read -r -a targets <<<"${SENDPLAN_FUZZ_TARGETS:-fuzz_csv_inputs fuzz_http_request}"

cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build"

# Sanitizer reports stop the run and print the stack; UB counts as a crash.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

dictionary_of() {
  case "$1" in
    fuzz_csv_inputs) echo "$root/fuzz/csv.dict" ;;
    fuzz_http_request) echo "$root/fuzz/http.dict" ;;
  esac
}

# The number after LABEL in the last line of stdin that has one ("" when none).
number_after() {
  grep -o "$1 [0-9]*" | tail -1 | awk '{print $2}' || true
}

found=0
summary=""
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  log="$build/logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
        -artifact_prefix="$crashes/")
  dictionary="$(dictionary_of "$target")"
  [ -n "$dictionary" ] && [ -f "$dictionary" ] && args+=(-dict="$dictionary")
  seeds=()
  [ -d "$root/fuzz/corpus/$target" ] && seeds+=("$root/fuzz/corpus/$target")

  echo "== $target: ${seconds} s (log: $log)"
  before="$(find "$crashes" -type f | wc -l)"
  touch "$log.started"
  status=0
  # The first corpus folder receives the new entries; the seeds are only read.
  "$build/$target" "${args[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?

  runs="$(number_after 'stat::number_of_executed_units:' <"$log")"
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  cov="$(number_after 'cov:' <<<"$last")"
  ft="$(number_after 'ft:' <<<"$last")"
  rate="$(number_after 'exec/s:' <<<"$last")"
  entries="$(find "$corpus" -type f | wc -l)"
  line="$(printf '%-18s runs %-9s exec/s %-6s coverage %-6s features %-6s corpus %s' \
    "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$entries")"
  after="$(find "$crashes" -type f | wc -l)"
  if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
    found=1
    line+="  FOUND SOMETHING (exit $status)"
    echo "$target found a problem; the input is in:" >&2
    find "$crashes" -type f -newer "$log.started" >&2
    grep -E 'ERROR: |SUMMARY: |runtime error|fuzz_(http_request|csv_inputs):|^  (request|response|server log):|Test unit written' \
      "$log" | head -20 >&2 || true
    echo "full report: $log" >&2
  fi
  summary+="$line"$'\n'
  rm -f "$log.started"
done

echo
echo "== summary (${seconds} s each)"
printf '%s' "$summary"
exit "$found"

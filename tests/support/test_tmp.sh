#!/usr/bin/env bash
# test_tmp.sh setup|check DIR — the temp folder every test gets as TMPDIR (tests/CMakeLists.txt).
#   setup: empties DIR (keeping a cached PostgreSQL template, which is kept on purpose).
#   check: fails, naming them, when tests left anything in DIR; then removes it.
set -euo pipefail
mode=$1 dir=$2
keep='sendplan-postgres-template-*'
mkdir -p "$dir"
left=()
while IFS= read -r -d '' entry; do
  name=${entry##*/}
  # shellcheck disable=SC2053
  [[ $name == $keep ]] && continue
  left+=("$name")
  rm -rf -- "$entry"
done < <(find "$dir" -mindepth 1 -maxdepth 1 -print0)
if [[ $mode == check && ${#left[@]} -gt 0 ]]; then
  echo "test_tmp_check: tests left ${#left[@]} entries in $dir (now removed): ${left[*]:0:20}" >&2
  exit 1
fi
echo "test_tmp $mode: $dir is clean"

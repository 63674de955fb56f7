#!/usr/bin/env bash
# `make demo`, the practice repository part: stores the synthetic example practice entries (all
# 9 Practice Spotlight categories, marked as examples) in the demo store (out/demo/sendplan.db,
# made by demo-platform.sh), searches them from the command line, and exports them as CSV.
# `make serve` then shows them on the web app's Practice tab.
# Usage: scripts/demo-practice.sh BUILD_DIR SHARED_DIR   (run from the repository)
set -euo pipefail

sendplan="$(cd "$1" && pwd)/sendplan"
shared=$2
db=sqlite:out/demo/sendplan.db

"$sendplan" practice seed --database "$db" --shared "$shared"
echo "Searching for 'assessments within 20 weeks' (any word; stems match; best first):"
"$sendplan" practice search --database "$db" --limit 3 "assessments within 20 weeks"
"$sendplan" practice export --database "$db" --out out/demo/practice.csv

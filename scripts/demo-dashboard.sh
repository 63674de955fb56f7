#!/usr/bin/env bash
# `make demo`, the dashboard part: imports DfE's published SEND statistics from SHARED/data into
# the demo store (out/demo/sendplan.db, made by demo-platform.sh), prints the forecast method's
# back-test and Hackney's forecast, and writes Hackney's SEND profile as one HTML file; then
# loads the DfE provider lists and a synthetic London placements dataset into the register.
# Usage: scripts/demo-dashboard.sh BUILD_DIR SHARED_DIR   (run from the repository)
set -euo pipefail

sendplan="$(cd "$1" && pwd)/sendplan"
data=$2/data
db=sqlite:out/demo/sendplan.db

files=()
for pattern in "sen2_ehcp/ehcp2025_*_totals_all_la.csv" "sen2_ehcp/ehcp2025_*_by_placement_type_all_la.csv" \
               "sen2_ehcp/ehcp2025_sen2_dmo_dco.csv" "sen2_ehcp/ehcp2022_*.csv" "school_census_sen/*.csv" \
               "lait/lait_send_finance_context_long.csv" "lait/statistical_neighbours_may_2025.csv" \
               "high_needs_finance/*.csv" "ofsted_area_send/ofsted_area_send_inspections_2023_framework.csv" \
               "ofsted_area_send/ofsted_area_send_2016_framework_to_aug2022.csv"; do
  for file in $data/$pattern; do
    [[ -f $file ]] && files+=("$file")
  done
done
if [[ ${#files[@]} -eq 0 ]]; then
  echo "demo: no DfE files under $data: skipping the dashboard demo." >&2
  exit 0
fi
"$sendplan" import dfe --database "$db" "${files[@]}" 2>/dev/null | tail -n 4
echo "(importing the same files again changes nothing:)"
"$sendplan" import dfe --database "$db" "${files[@]}" 2>/dev/null | tail -n 1
echo
"$sendplan" forecast --database "$db" --borough Hackney
echo
"$sendplan" report --database "$db" --borough Hackney --out out/demo/hackney-send-profile.html
echo
echo "Placements register: the DfE provider lists and a synthetic London placements dataset:"
"$sendplan" placements --database "$db" import-providers "$data"/inmss/*.csv | tail -n 1
"$sendplan" placements --database "$db" generate --seed 1 --shared "$2"
"$sendplan" placements --database "$db" export --borough Hackney --out out/demo/hackney-placements.csv
echo "Open out/demo/hackney-send-profile.html in a browser (one self-contained file for a paper);"
echo "'make serve' shows the same profile, the London map, rankings and inspections under 'SEND data',"
echo "and the register, analysis, gaps and matching under 'Placements'."

#!/usr/bin/env bash
# `make demo`, part 3: the platform on the embedded store (SQLite). Creates out/demo/sendplan.db
# with three demo accounts, starts `sendplan serve`, and as a Hackney officer uploads the
# synthetic Hackney files (made by part 1), plans them through the API with a progress line,
# shows the regional view as an analyst, and stops the server gracefully. Then `make serve`
# opens the same store for a browser.
# Usage: scripts/demo-platform.sh BUILD_DIR SHARED_DIR   (run from the repository)
set -euo pipefail

sendplan="$(cd "$1" && pwd)/sendplan"
shared=$2
inputs=out/demo/hackney
db=out/demo/sendplan.db
password=demo-password-1  # demo accounts on synthetic data only
work=$(mktemp -d)
trap 'rm -rf "$work"; if [[ -n ${server_pid:-} ]]; then kill "$server_pid" 2>/dev/null || true; fi' EXIT

rm -f "$db" "$db-wal" "$db-shm"
for account in "hackney.officer officer Hackney" "analyst analyst" "admin admin"; do
  read -r name role borough <<<"$account"
  echo "$password" | "$sendplan" user add --database "sqlite:$db" --shared "$shared" \
    --username "$name" --role "$role" ${borough:+--borough "$borough"} --password-stdin
done

"$sendplan" serve --database "sqlite:$db" --shared "$shared" --port 0 >"$work/out" 2>"$work/log" &
server_pid=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^sendplan: listening on \(http[^ ]*\)$/\1/p' "$work/out")
  [[ -n $url ]] && break
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "demo: the server did not start:" >&2
  cat "$work/log" >&2
  exit 1
fi
echo "Server on $url (store: $db)"

# A JSON string field of the text on stdin (enough for these flat answers).
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\)\"\{0,1\}.*/\1/p" | head -n 1; }
api() { curl -sS --fail-with-body -b "$work/$1" -c "$work/$1" -H "X-CSRF-Token: $(cat "$work/$1.csrf" 2>/dev/null)" "${@:2}"; }
sign_in() {
  curl -sS --fail-with-body -c "$work/$1" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$url/api/login" | field csrf_token >"$work/$1.csrf"
}

sign_in hackney.officer
for kind in pupils schools fleet; do
  rows=$(api hackney.officer -X PUT -H 'Content-Type: text/csv' --data-binary "@$inputs/$kind.csv" \
    "$url/api/boroughs/Hackney/inputs/$kind?file_name=$kind.csv" | field rows)
  echo "Uploaded $kind.csv: $rows rows"
done
plan=$(api hackney.officer -H 'Content-Type: application/json' -d '{"time_limit_seconds":10}' \
  "$url/api/boroughs/Hackney/plans" | field id)
status=queued
while [[ $status == queued || $status == running ]]; do
  sleep 1
  answer=$(api hackney.officer "$url/api/plans/$plan")
  status=$(field status <<<"$answer")
  progress=$(field progress <<<"$answer")
  printf '\rPlan %s: %-8s %3.0f %%' "$plan" "$status" "$(awk -v p="$progress" 'BEGIN{print 100*p}')"
done
echo
if [[ $status != done ]]; then
  echo "demo: the plan $status: $(field message <<<"$answer")" >&2
  exit 1
fi
echo "Plan $plan: £$(field cost_per_day <<<"$answer") a day, $(field vehicles <<<"$answer") vehicles"
api hackney.officer -o out/demo/plan-routes.csv "$url/api/plans/$plan/files/routes.csv"
echo "Routes downloaded through the API to out/demo/plan-routes.csv"

sign_in analyst
api analyst "$url/api/region/summary" | node -e '
  const region = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const shown = (row, key) => row[key] === null ? "<5" : row[key];
  console.log("Regional view (analyst; counts of 1 to 4 children are suppressed):");
  for (const row of region.boroughs.filter((r) => r.pupils !== 0))
    console.log(`  ${row.borough}: ${shown(row, "pupils")} pupils, ${shown(row, "wheelchair_pupils")} ` +
                `wheelchair users, ${row.plans} plan(s), latest £${row.latest_plan?.cost_per_day} a day`);'
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/analyst" "$url/api/boroughs/Hackney/pupils")
echo "Analyst asking for Hackney's pupils: HTTP $code (aggregates only)"

kill -TERM "$server_pid"
wait "$server_pid" && echo "Server stopped cleanly."
server_pid=""
echo
echo "To explore in a browser: make serve, then open http://127.0.0.1:8080 and sign in as"
echo "hackney.officer, analyst or admin with the password $password (demo data only)."

#!/usr/bin/env bash
# Load test of the web server: a throw-away SQLite store in a temporary folder with an officer
# (Hackney) and an analyst; Hackney inputs from the generator (200 pupils) uploaded and a 5 s
# plan made through the API (curl, as the web app would); then sendplan_load as the officer
# (region summary, Hackney's plan list, the newest plan, health) and as the analyst (region
# summary only: the officer's paths would be 403), each printing its latency table. Finally the
# server is stopped with SIGTERM and must exit 0. Fails when any request failed.
# Usage: scripts/load-test.sh BUILD_DIR SHARED_DIR [REQUESTS [CONNECTIONS]]
#   (defaults 10000 and 4; needs curl and jq; sendplan_load is build/bench/load/sendplan_load)
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
  echo "usage: $0 BUILD_DIR SHARED_DIR [REQUESTS [CONNECTIONS]]" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
shared_dir=$(cd "$2" && pwd)
requests=${3:-10000}
connections=${4:-4}
sendplan="$build_dir/sendplan"
load="$build_dir/bench/load/sendplan_load"
boundaries="$shared_dir/data/boundaries/london_boroughs_gla.geojson"
for program in "$sendplan" "$load"; do
  if [[ ! -x $program ]]; then
    echo "load-test: $program is not built (cmake --build $build_dir --target sendplan sendplan_load)." >&2
    exit 1
  fi
done
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "load-test: needs $tool" >&2; exit 1; }
done
if [[ ! -f $boundaries ]]; then
  echo "load-test: no $boundaries; SHARED_DIR must be the shared/ folder." >&2
  exit 1
fi

dir=$(mktemp -d -t sendplan-load.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
  rm -rf "$dir"
}
trap cleanup EXIT

database="sqlite:$dir/db.sqlite"
officer=load.officer
analyst=load.analyst
password="load-test-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

echo "== accounts and inputs (in $dir)"
printf '%s\n' "$password" | "$sendplan" user add --database "$database" --username "$officer" \
  --role officer --borough Hackney --shared "$shared_dir" --password-stdin
printf '%s\n' "$password" | "$sendplan" user add --database "$database" --username "$analyst" \
  --role analyst --shared "$shared_dir" --password-stdin
"$sendplan" generate --borough Hackney --pupils 200 --seed 1 --out "$dir/in" \
  --boundaries "$boundaries"

echo "== starting the server"
"$sendplan" serve --database "$database" --port 0 --shared "$shared_dir" \
  >"$dir/server.out" 2>"$dir/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url=$(sed -n 's/^sendplan: listening on \(http:[^ ]*\)$/\1/p' "$dir/server.out")
  [[ -n $url ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "load-test: the server did not start:" >&2
  cat "$dir/server.out" "$dir/server.err" >&2
  exit 1
fi
echo "server $url (pid $server_pid)"

# A signed-in curl: the session cookie from Set-Cookie, the CSRF token from the body.
curl -sS -f -D "$dir/login.headers" -o "$dir/login.json" -H 'Content-Type: application/json' \
  --data "$(jq -n --arg u "$officer" --arg p "$password" '{username: $u, password: $p}')" \
  "$url/api/login"
cookie=$(tr -d '\r' <"$dir/login.headers" | sed -n 's/^[Ss]et-[Cc]ookie: \(sendplan_session=[^;]*\).*/\1/p')
csrf=$(jq -r .csrf_token "$dir/login.json")
api() {
  curl -sS -f -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" "$@"
}
for kind in pupils schools fleet; do
  api -X PUT -H 'Content-Type: text/csv' --data-binary "@$dir/in/$kind.csv" \
    "$url/api/boroughs/Hackney/inputs/$kind?file_name=$kind.csv" | jq -c .dataset
done
plan_id=$(api -H 'Content-Type: application/json' --data '{"time_limit_seconds": 5}' \
  "$url/api/boroughs/Hackney/plans" | jq -r .plan.id)
echo "plan $plan_id queued"
status=""
for _ in $(seq 1 120); do
  status=$(api "$url/api/plans/$plan_id" | jq -r .status)
  [[ $status == done || $status == failed ]] && break
  sleep 0.5
done
if [[ $status != done ]]; then
  echo "load-test: plan $plan_id ended '$status':" >&2
  api "$url/api/plans/$plan_id" | jq . >&2
  exit 1
fi
echo "plan $plan_id done: $(api "$url/api/plans/$plan_id" | jq -c '.summary.summary | {cost_per_day, vehicles, unserved}')"

rss_kb() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$server_pid/status"; }
rss_before=$(rss_kb)
failed=0
echo
echo "== load as the officer"
printf '%s\n' "$password" | "$load" --url "$url" --username "$officer" --password-stdin \
  --requests "$requests" --connections "$connections" || failed=1
echo
echo "== load as the analyst (region summary)"
printf '%s\n' "$password" | "$load" --url "$url" --username "$analyst" --password-stdin \
  --requests "$requests" --connections "$connections" --path /api/region/summary || failed=1
echo
echo "server memory: VmRSS ${rss_before} kB before the load, $(rss_kb) kB after;" \
  "peak $(sed -n 's/^VmHWM:[[:space:]]*//p' "/proc/$server_pid/status")"

echo "== stopping the server (SIGTERM)"
kill -TERM "$server_pid"
server_status=0
wait "$server_pid" || server_status=$?
server_pid=""
if [[ $server_status -ne 0 ]]; then
  echo "load-test: the server exited with $server_status:" >&2
  cat "$dir/server.err" >&2
  failed=1
else
  echo "the server stopped cleanly (exit 0)"
fi
if grep -qiE 'error|critical' "$dir/server.err"; then
  echo "load-test: the server logged errors:" >&2
  grep -iE 'error|critical' "$dir/server.err" | head -20 >&2
  failed=1
fi
exit "$failed"

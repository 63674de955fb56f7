#!/usr/bin/env bash
# The Debian package as a council's IT gets it: unpacked into a throw-away root (dpkg-deb -x, no
# maintainer scripts), every file where the unit, the man page and docs/deploy.md say; the
# program's --version and --help; then the server started from the installed paths the way
# sendplan.service starts it (its Environment= defaults, /etc/sendplan/sendplan.conf over them,
# its ExecStart= line) with the store in the throw-away folder and any free port, the first
# administrator added as deploy.md says, the sign-in page, the web app's libraries and a sign-in
# fetched with curl, and a graceful stop. The folder is removed at the end, even on failure.
# Usage: deb_test.sh DIR_WITH_THE_DEB
set -uo pipefail
deb=$(ls "$1"/sendplan_*.deb 2>/dev/null | head -1)
if [[ -z $deb ]]; then
  echo "FAIL: no sendplan_*.deb in $1 (the package_deb_build fixture makes it)" >&2
  exit 1
fi
tmp=$(mktemp -d)
server=""
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
root=$tmp/root
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
  echo "FAIL: $*" >&2
  failed=$((failed + 1))
}
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}

dpkg-deb -x "$deb" "$root" || { fail "dpkg-deb -x $deb"; finish; }
dpkg-deb -e "$deb" "$tmp/control" || { fail "dpkg-deb -e $deb"; finish; }

# The control part: the conffile, the maintainer scripts, the dependencies.
grep -qx /etc/sendplan/sendplan.conf "$tmp/control/conffiles" && pass ||
  fail "conffiles does not list /etc/sendplan/sendplan.conf"
for script in postinst prerm postrm; do
  [[ -x $tmp/control/$script ]] && pass || fail "no executable maintainer script $script"
done
grep -q 'adduser --system' "$tmp/control/postinst" && pass || fail "postinst adds no system user"
grep -q '^Depends:.*adduser' "$tmp/control/control" && pass || fail "Depends lacks adduser"
grep -q '^Depends:.*libsqlite3' "$tmp/control/control" && pass ||
  fail "Depends lacks the shared libraries (dpkg-shlibdeps)"

# The files, where the unit, the man page and deploy.md say they are.
share=$root/usr/share/sendplan
for file in usr/bin/sendplan lib/systemd/system/sendplan.service etc/sendplan/sendplan.conf \
    usr/share/man/man1/sendplan.1.gz usr/share/sendplan/openapi.json \
    usr/share/sendplan/web/index.html usr/share/sendplan/web/app/main.js \
    usr/share/sendplan/web/app/signin.js usr/share/sendplan/web/app/style.css \
    usr/share/sendplan/vendor/leaflet/dist/leaflet.js \
    usr/share/sendplan/vendor/leaflet/dist/leaflet.css \
    usr/share/sendplan/vendor/chart.js/dist/chart.umd.min.js \
    usr/share/sendplan/data/boundaries/london_boroughs_gla.geojson \
    usr/share/sendplan/data/boundaries/london_boroughs.csv \
    usr/share/doc/sendplan/copyright usr/share/doc/sendplan/deploy.md \
    usr/share/doc/sendplan/examples/nginx-sendplan.conf; do
  [[ -f $root/$file ]] && pass || fail "/$file is not in the package"
done
[[ -x $root/usr/bin/sendplan ]] && pass || fail "/usr/bin/sendplan is not executable"
# Every web app file is installed.
for file in "$(dirname "$0")"/../../web/app/*; do
  cmp -s "$file" "$share/web/app/$(basename "$file")" && pass ||
    fail "web/app/$(basename "$file") is missing or differs in the package"
done
jq empty "$share/openapi.json" && pass ||
  fail "openapi.json is not JSON"
# (Outputs go to files first: `grep -q` stops reading early, and pipefail would count that.)
zcat "$root/usr/share/man/man1/sendplan.1.gz" >"$tmp/sendplan.1"
grep -q '^\.TH SENDPLAN' "$tmp/sendplan.1" && pass ||
  fail "sendplan.1.gz is not a man page"
for word in 'sendplan practice search' 'sendplan user add' '/etc/sendplan/sendplan.conf'; do
  grep -q -- "$word" "$tmp/sendplan.1" && pass ||
    fail "the man page lacks '$word'"
done
unit=$root/lib/systemd/system/sendplan.service
for line in 'EnvironmentFile=/etc/sendplan/sendplan.conf' 'ExecStart=/usr/bin/sendplan serve' \
    'User=sendplan' 'StateDirectory=sendplan' 'ProtectSystem=strict' 'NoNewPrivileges=yes' \
    'CapabilityBoundingSet=' 'PrivateTmp=yes' 'ProtectHome=yes'; do
  grep -q "^$line" "$unit" && pass || fail "sendplan.service lacks $line"
done

# The program runs from the root, with the package's libraries found on this system.
"$root/usr/bin/sendplan" --version >"$tmp/version" && grep -q '^sendplan [0-9]' "$tmp/version" &&
  pass || fail "--version"
"$root/usr/bin/sendplan" --help >"$tmp/help" && grep -q 'SEN transport planning' "$tmp/help" &&
  pass || fail "--help"

# The server, started as sendplan.service starts it: the unit's defaults, the conffile over
# them, the unit's ExecStart= line with the root's program; then the throw-away store, any free
# port and the root's shared folder in place of the system's.
# The unit's Environment= defaults, then the conffile over them, as systemd reads them.
service_environment() {
  set -a
  while IFS= read -r assignment; do
    eval "${assignment#Environment=}"
  done < <(grep '^Environment=' "$unit")
  # shellcheck disable=SC1091
  . "$root/etc/sendplan/sendplan.conf"
  set +a
}
(service_environment && env | grep '^SENDPLAN_' | sort) >"$tmp/environment"
for setting in SENDPLAN_DATABASE=sqlite:/var/lib/sendplan/sendplan.db SENDPLAN_HOST=127.0.0.1 \
    SENDPLAN_PORT=8080 SENDPLAN_SHARED=/usr/share/sendplan \
    SENDPLAN_SERVE_OPTIONS=--trust-forwarded-for; do
  grep -qx -- "$setting" "$tmp/environment" && pass ||
    fail "the service's settings lack $setting: $(cat "$tmp/environment")"
done
mkdir -p "$tmp/state"
: >"$tmp/server.out"
(
  service_environment
  export SENDPLAN_DATABASE=sqlite:$tmp/state/sendplan.db SENDPLAN_PORT=0 \
    SENDPLAN_SHARED=$root/usr/share/sendplan
  exec_start=$(sed -n 's|^ExecStart=/usr/bin/sendplan |'"$root"'/usr/bin/sendplan |p' "$unit")
  cd "$tmp/state" && eval "exec $exec_start"
) >"$tmp/server.out" 2>"$tmp/server.err" &
server=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's|^sendplan: listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$tmp/server.out")
  [[ -n $port ]] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $port ]]; then
  fail "the installed server did not start; its output:"
  cat "$tmp/server.out" "$tmp/server.err" >&2
  finish
fi
pass
grep -q "web app: $share/web" "$tmp/server.err" "$tmp/server.out" && pass ||
  fail "the server did not take the web app from $share/web"
url=http://127.0.0.1:$port
curl -fsS "$url/" -o "$tmp/index.html" && grep -q 'SEND planning and data for London boroughs' \
  "$tmp/index.html" && pass || fail "GET / is not the web app's page"
curl -fsS "$url/app/signin.js" -o "$tmp/signin.js" && grep -q "'Sign in'" "$tmp/signin.js" &&
  pass || fail "GET /app/signin.js"
for path in /vendor/leaflet/leaflet.js /vendor/leaflet/leaflet.css /vendor/chart.js/chart.umd.min.js \
    /api/openapi.json; do
  curl -fsS -o /dev/null "$url$path" && pass || fail "GET $path"
done

# The first administrator, as deploy.md says (here as this user, on the throw-away store).
password='a long enough password 2027'
echo "$password" | "$root/usr/bin/sendplan" user add --database "sqlite:$tmp/state/sendplan.db" \
  --username it.admin --role admin --password-stdin >"$tmp/user.out" 2>&1 && pass ||
  { fail "sendplan user add"; cat "$tmp/user.out" >&2; }
status=$(curl -sS -o "$tmp/login.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"username\":\"it.admin\",\"password\":\"$password\"}" "$url/api/login")
[[ $status == 200 ]] && grep -q '"role":"admin"' "$tmp/login.json" && pass ||
  fail "sign-in as the first administrator: HTTP $status $(cat "$tmp/login.json")"

# A graceful stop, exit code 0.
kill -TERM "$server"
wait "$server"
code=$?
server=""
[[ $code -eq 0 ]] && pass || fail "the server exited $code on SIGTERM"
finish

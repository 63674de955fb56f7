#!/usr/bin/env bash
# The systemd unit (packaging/systemd/sendplan.service): `systemd-analyze verify` finds nothing to
# say about it (a misspelt or unknown setting is only a warning there, so any output fails), and
# `systemd-analyze security --offline` rates its exposure at most 2.0 ("OK"; 10 is unprotected).
# Its program is pointed at the built one, which verify requires to exist. Skips (exit 77) when
# systemd-analyze is missing.
# Usage: systemd_unit_test.sh UNIT SENDPLAN
set -uo pipefail
unit=$1
sendplan=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "systemd_unit: SKIP: systemd-analyze is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

sed "s|/usr/bin/sendplan|$sendplan|" "$unit" >"$tmp/sendplan.service"
if systemd-analyze verify --man=no "$tmp/sendplan.service" >"$tmp/verify.out" 2>&1 &&
   [[ ! -s $tmp/verify.out ]]; then
  passed=$((passed + 1))
else
  echo "FAIL: systemd-analyze verify:" >&2
  cat "$tmp/verify.out" >&2
  failed=$((failed + 1))
fi

systemd-analyze security --offline=true "$tmp/sendplan.service" >"$tmp/security.out" 2>&1
level=$(sed -n 's/.*Overall exposure level for sendplan.service: \([0-9.]*\).*/\1/p' \
  "$tmp/security.out")
if [[ -n $level ]] && awk -v level="$level" 'BEGIN { exit !(level <= 2.0) }'; then
  echo "exposure level $level"
  passed=$((passed + 1))
else
  echo "FAIL: systemd-analyze security: exposure '${level:-?}' (at most 2.0 wanted):" >&2
  grep -v '✓' "$tmp/security.out" >&2
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# The nginx example (packaging/nginx/sendplan.conf, shipped as
# /usr/share/doc/sendplan/examples/nginx-sendplan.conf) is a configuration nginx accepts:
# `nginx -t` on a throw-away main configuration that includes it, as Debian's nginx.conf includes
# sites-enabled/, with its certificate paths pointed at a self-signed certificate made here.
# Skips (exit 77) with the reason when nginx is not installed (scripts/install-deps.sh installs it).
# Usage: nginx_test.sh SITE.conf
set -euo pipefail
site=$1
nginx=$(command -v nginx || true)
[[ -z $nginx && -x /usr/sbin/nginx ]] && nginx=/usr/sbin/nginx
if [[ -z $nginx ]]; then
  echo "nginx_example: SKIP: nginx is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj '/CN=sendplan.example.gov.uk' \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
sed -e "s|/etc/ssl/sendplan/|$tmp/|g" "$site" >"$tmp/sendplan.conf"
grep -q "ssl_certificate *$tmp/fullchain.pem;" "$tmp/sendplan.conf" ||
  { echo "FAIL: the example no longer names /etc/ssl/sendplan/fullchain.pem" >&2; exit 1; }
modules=""
[[ -d /etc/nginx/modules-enabled ]] && modules="include /etc/nginx/modules-enabled/*.conf;"
cat >"$tmp/nginx.conf" <<CONF
# As Debian's /etc/nginx/nginx.conf, reduced to what the test needs.
$modules
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log $tmp/access.log;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/sendplan.conf;
}
CONF
if "$nginx" -t -q -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" 2>"$tmp/test.out"; then
  echo "1 passed, 0 failed"
else
  cat "$tmp/test.out" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

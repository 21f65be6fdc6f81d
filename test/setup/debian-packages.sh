#!/bin/sh
# Run by `npm test` (pretest): the Debian packages the tests need. As root it installs the missing
# ones (apt-get update first); otherwise it stops at once with the exact line to run.
# chromium: end-to-end tests; socat: pseudo-terminal serial links; fonts-noto-core: receipt and
# screen text; mosquitto: the fleet tests' MQTT broker; openssl: a throw-away CA for the gateway's
# mutual TLS tests; cage + xwayland: the kiosk session (packaging/linux), run on a headless backend.
PACKAGES="${KHIDMA_DEBIAN_PACKAGES:-chromium socat fonts-noto-core mosquitto openssl cage xwayland}"

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "test set-up: not a Debian system (no dpkg-query); make sure these are installed: $PACKAGES" >&2
  exit 0
fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
missing="${missing# }"

line="apt-get update && apt-get install -y --no-install-recommends $missing"
if [ "$(id -u)" -ne 0 ]; then
  echo "test set-up: missing Debian packages: $missing" >&2
  echo "Run this as root, then npm test again:" >&2
  echo "  sudo sh -c '$line'" >&2
  exit 1
fi
echo "test set-up: installing $missing" >&2
export DEBIAN_FRONTEND=noninteractive
sh -c "$line" >&2 || { echo "test set-up: apt-get failed" >&2; exit 1; }

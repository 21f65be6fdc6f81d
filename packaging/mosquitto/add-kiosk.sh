#!/usr/bin/env bash
# Adds (or resets) one kiosk's broker credentials: ./add-kiosk.sh KW-GOVMALL-07 [passwd file]
# Prints the generated password once; put it in that kiosk's config (fleet.password).
set -euo pipefail
id="${1:?kiosk id}"
file="${2:-/etc/mosquitto/khidma/passwd}"
[[ "$id" =~ ^[A-Za-z0-9-]{1,32}$ ]] || { echo "kiosk id must be letters, digits and -" >&2; exit 1; }
pw="$(openssl rand -base64 24)"
[ -f "$file" ] || install -m 600 /dev/null "$file"
mosquitto_passwd -b "$file" "$id" "$pw"
echo "$pw"

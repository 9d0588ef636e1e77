#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; install it when it is absent and we may.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "kube-posture: installing Debian's chromium for the browser tests…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  exit 0
fi
echo "kube-posture: the browser tests need Chromium at $CHROMIUM (Debian: apt-get install chromium, or set CHROMIUM_PATH)" >&2
exit 1

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the store tests and prints its URL.
# Installs Debian's postgresql when absent (as root); fails loudly when it cannot.
set -euo pipefail
PORT="${PG_TEST_PORT:-5433}"
# A port nobody listens on (a server left from an earlier run keeps its own).
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { echo "kube-posture: PostgreSQL is needed for the store tests (apt-get install postgresql)" >&2; exit 1; }
  echo "kube-posture: installing Debian's postgresql for the store tests…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
DIR=$(mktemp -d /tmp/kp-pg.XXXXXX)
chown postgres "$DIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -l "$DIR/log" -w start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres kube_posture_test
echo "$BIN/pg_ctl -D $DIR/data -m fast stop" > "${PG_STOP_FILE:-/dev/null}"
echo "postgres://postgres@127.0.0.1:$PORT/kube_posture_test"

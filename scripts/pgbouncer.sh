#!/usr/bin/env bash
# PgBouncer in transaction mode in front of the throwaway PostgreSQL (scripts/postgres.sh), for the
# tests of a city's shared deployment behind a connection pooler.
#
#   bash scripts/pgbouncer.sh start    start it (or reuse the running one), print its URL on stdout
#   bash scripts/pgbouncer.sh stop     stop it
#   bash scripts/pgbouncer.sh status   exit 0 if it is running
#
# Listens on 127.0.0.1 port ${AGENTDESK_PGBOUNCER_PORT:-16432}; every database name goes to the
# PostgreSQL on ${AGENTDESK_PG_PORT:-15432} (the tests make a database per test); user postgres,
# trust authentication. pool_mode = transaction, default_pool_size 10: a few server connections
# serve every client, as for 200 desks. PostgreSQL must be running. Debian's pgbouncer package is
# installed if missing (as root). As root it runs as the postgres user (PgBouncer refuses root).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${AGENTDESK_PGBOUNCER_PORT:-16432}"
PG_PORT="${AGENTDESK_PG_PORT:-15432}"
URL="postgresql://postgres@127.0.0.1:$PORT/agentdesk_test"
DIR="${AGENTDESK_PGBOUNCER_DIR:-$REPO/.tmp/pgbouncer}"

say() { echo "pgbouncer: $*" >&2; }
die() { say "$*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
as_owner() {
    if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

resolve_dir() {
    if is_root && id -u postgres >/dev/null 2>&1; then
        mkdir -p "$DIR"
        chown postgres: "$DIR"
        if ! (cd / && runuser -u postgres -- test -w "$DIR" -a -x "$DIR") 2>/dev/null; then
            DIR="/tmp/agentdesk-pgbouncer-$(echo "$DIR" | sha256sum | cut -c1-12)"
            mkdir -p "$DIR"
            chown postgres: "$DIR"
        fi
    fi
    mkdir -p "$DIR"
    PIDFILE="$DIR/pgbouncer.pid"
}

ensure_binary() {
    if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
        is_root || die "not root: install PgBouncer yourself (sudo apt-get install -y pgbouncer)"
        # shellcheck source=scripts/setup.sh
        source "$REPO/scripts/setup.sh" --lib
        agentdesk_apt_ensure pgbouncer
        # Debian starts its own instance on 6432; ours has its own port and files.
        systemctl disable --now pgbouncer >/dev/null 2>&1 || service pgbouncer stop >/dev/null 2>&1 || true
    fi
    BIN="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

answers() {
    local psql
    psql="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n1)"
    [ -n "$psql" ] || psql="$(command -v psql)"
    "$psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d agentdesk_test -tAc 'select 1' >/dev/null 2>&1
}

start() {
    resolve_dir
    ensure_binary
    if running && answers; then
        say "reusing PgBouncer on 127.0.0.1:$PORT"
        echo "$URL"
        return 0
    fi
    bash "$REPO/scripts/postgres.sh" status >/dev/null 2>&1 || die "PostgreSQL is not running: bash scripts/postgres.sh start"
    cat >"$DIR/users.txt" <<USERS
"postgres" ""
USERS
    cat >"$DIR/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/users.txt
pool_mode = transaction
default_pool_size = 10
max_client_conn = 1000
max_db_connections = 40
server_reset_query =
ignore_startup_parameters = extra_float_digits
logfile = $DIR/pgbouncer.log
pidfile = $PIDFILE
INI
    if is_root; then chown -R postgres: "$DIR"; fi
    say "starting PgBouncer on 127.0.0.1:$PORT -> PostgreSQL 127.0.0.1:$PG_PORT (transaction mode)"
    as_owner "$BIN" -d "$DIR/pgbouncer.ini" || { tail -n 20 "$DIR/pgbouncer.log" >&2 || true; die "pgbouncer did not start"; }
    local i
    for i in $(seq 1 40); do
        answers && { say "ready: $URL"; echo "$URL"; return 0; }
        sleep 0.25
    done
    tail -n 20 "$DIR/pgbouncer.log" >&2 || true
    die "PgBouncer started but does not answer on 127.0.0.1:$PORT"
}

stop() {
    resolve_dir
    if running; then
        kill "$(cat "$PIDFILE")" && say "stopped PgBouncer"
        rm -f "$PIDFILE"
    else
        say "no PgBouncer running from $DIR"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) resolve_dir; running ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

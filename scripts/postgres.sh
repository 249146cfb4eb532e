#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests.
#
#   bash scripts/postgres.sh start    start it (or reuse the running one), create database
#                                     agentdesk_test, print its URL on stdout
#   bash scripts/postgres.sh stop     stop it
#   bash scripts/postgres.sh status   exit 0 if it is running
#   bash scripts/postgres.sh url      print the URL
#
# The cluster lives in ${AGENTDESK_PG_DIR:-<repo>/.tmp/pg} and listens on 127.0.0.1 port
# ${AGENTDESK_PG_PORT:-15432} only, user postgres, trust authentication, no password.
# As root (CI) the server runs as the `postgres` user, since initdb refuses root; as anyone
# else it runs as that user. If no PostgreSQL server binaries are found, Debian's
# `postgresql` package is installed (as root). Only the URL goes to stdout.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${AGENTDESK_PG_PORT:-15432}"
DB=agentdesk_test
URL="postgresql://postgres@127.0.0.1:$PORT/$DB"

say() { echo "postgres: $*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as the server's owner, from a folder that owner may enter.
as_owner() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

find_bindir() {
    local d best=""
    # The highest installed version of Debian's layout first, then whatever is on PATH.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && best="$d"
    done
    if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best="$(dirname "$(readlink -f "$(command -v initdb)")")"
    fi
    echo "$best"
}

ensure_binaries() {
    BIN="$(find_bindir)"
    if [ -z "$BIN" ]; then
        say "no PostgreSQL server binaries (initdb) found; installing Debian's postgresql"
        is_root || die "not root: install PostgreSQL yourself (sudo apt-get install -y postgresql)"
        # shellcheck source=scripts/setup.sh
        source "$REPO/scripts/setup.sh" --lib
        agentdesk_apt_ensure postgresql
        BIN="$(find_bindir)"
        [ -n "$BIN" ] || die "installed postgresql but still found no initdb under /usr/lib/postgresql/*/bin"
    fi
    for tool in psql createdb pg_isready; do
        [ -x "$BIN/$tool" ] || die "$BIN/$tool is missing"
    done
}

ensure_user() {
    is_root || return 0
    if ! id -u postgres >/dev/null 2>&1; then
        say "creating the system user postgres"
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
            --shell /bin/bash postgres
    fi
}

# The data folder. As root, the postgres user must be able to reach it; a clone under a
# private home (/root is mode 700) does not allow that, so fall back to a folder in /tmp.
resolve_dir() {
    PGDIR="${AGENTDESK_PG_DIR:-$REPO/.tmp/pg}"
    if is_root && id -u postgres >/dev/null 2>&1; then
        mkdir -p "$PGDIR"
        chown postgres: "$PGDIR"
        if ! (cd / && runuser -u postgres -- test -w "$PGDIR" -a -x "$PGDIR") 2>/dev/null; then
            local fallback
            fallback="/tmp/agentdesk-pg-$(echo "$PGDIR" | sha256sum | cut -c1-12)"
            say "user postgres cannot reach $PGDIR; using $fallback"
            PGDIR="$fallback"
        fi
    fi
    DATA="$PGDIR/data"
    LOG="$PGDIR/pg.log"
}

server_running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

port_answers() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1; }

psql_admin() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"; }

wait_ready() {
    local i
    for i in $(seq 1 60); do
        port_answers && psql_admin -tAc 'select 1' >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    return 1
}

ensure_database() {
    local exists
    exists="$(psql_admin -tAc "select 1 from pg_database where datname = '$DB'")" ||
        die "cannot query the server on 127.0.0.1:$PORT as postgres"
    if [ "$exists" != 1 ]; then
        "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" || die "createdb $DB failed"
    fi
}

init_cluster() {
    local want_ver
    want_ver="$("$BIN/postgres" --version | awk '{print $3}' | cut -d. -f1)"
    if [ -f "$DATA/PG_VERSION" ] && [ "$(cat "$DATA/PG_VERSION")" != "$want_ver" ]; then
        say "the cluster in $DATA is version $(cat "$DATA/PG_VERSION"), the server $want_ver: recreating it"
        rm -rf "$DATA"
    fi
    if [ -f "$DATA/PG_VERSION" ]; then
        return 0
    fi
    rm -rf "$DATA"
    mkdir -p "$PGDIR"
    if is_root; then chown -R postgres: "$PGDIR"; fi
    say "initdb $DATA ($("$BIN/postgres" --version))"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$PGDIR/initdb.log" 2>&1 || {
        cat "$PGDIR/initdb.log" >&2
        die "initdb failed"
    }
    # Throwaway data: durability is not wanted, speed is.
    cat >>"$DATA/postgresql.conf" <<'EOF'

# scripts/postgres.sh: a throwaway test server
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
}

start() {
    ensure_binaries
    ensure_user
    resolve_dir

    if server_running; then
        if wait_ready; then
            say "reusing the server already running from $DATA"
            ensure_database
            echo "$URL"
            return 0
        fi
        say "the server in $DATA runs but does not answer on 127.0.0.1:$PORT; restarting it"
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    elif port_answers; then
        # Something else listens there: use it only if it is a trusting PostgreSQL.
        if psql_admin -tAc 'select 1' >/dev/null 2>&1; then
            say "reusing the PostgreSQL server already listening on 127.0.0.1:$PORT"
            ensure_database
            echo "$URL"
            return 0
        fi
        die "port $PORT is taken by a server that does not let postgres in; set AGENTDESK_PG_PORT"
    fi

    init_cluster
    if is_root; then chown -R postgres: "$PGDIR"; fi

    # The Unix socket goes in the data folder unless its path would pass the ~107-byte limit;
    # the tests use TCP anyway.
    local sockdir="$PGDIR"
    if [ "${#sockdir}" -gt 90 ]; then sockdir="''"; fi

    say "starting PostgreSQL on 127.0.0.1:$PORT (log: $LOG)"
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $sockdir" start >/dev/null; then
        tail -n 30 "$LOG" >&2 || true
        die "pg_ctl start failed"
    fi
    wait_ready || {
        tail -n 30 "$LOG" >&2 || true
        die "the server started but does not answer on 127.0.0.1:$PORT"
    }
    ensure_database
    say "ready: $URL"
    echo "$URL"
}

stop() {
    BIN="$(find_bindir)"
    [ -n "$BIN" ] || { say "no PostgreSQL binaries; nothing to stop"; return 0; }
    resolve_dir
    if server_running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
        say "stopped the server in $DATA"
    else
        say "no server running from $DATA"
    fi
}

status() {
    BIN="$(find_bindir)"
    [ -n "$BIN" ] || return 1
    resolve_dir
    server_running
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    url) echo "$URL" ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac

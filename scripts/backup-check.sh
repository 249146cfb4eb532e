#!/usr/bin/env bash
# Back up an AgentDesk PostgreSQL database and prove the backup restores: pg_dump (custom format) of
# SOURCE_URL, pg_restore into a new database on the same server, then every table's row count and the
# schema revision compared between the two. The restored copy is dropped afterwards unless --keep.
#
#   bash scripts/backup-check.sh postgresql://USER@HOST:PORT/DB [--out FILE.dump] [--keep]
#
# Prints one line per table with differing counts and "backup-check: OK (N tables, M rows)" or exits 1.
# The password, if any, comes from ~/.pgpass or PGPASSWORD (never from the command line).
set -euo pipefail

SOURCE="${1:?usage: backup-check.sh postgresql://USER@HOST:PORT/DB [--out FILE] [--keep]}"
shift
OUT="" KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) OUT="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        *) echo "backup-check: unknown option $1" >&2; exit 2 ;;
    esac
done

bin() {
    local tool="$1" d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    if [ -n "$d" ] && [ -x "$d/$tool" ]; then echo "$d/$tool"; else command -v "$tool"; fi
}
PSQL="$(bin psql)" PG_DUMP="$(bin pg_dump)" PG_RESTORE="$(bin pg_restore)"

base="${SOURCE%/*}"
name="${SOURCE##*/}"
copy="${name}_restore_check_$$"
COPY_URL="$base/$copy"
[ -n "$OUT" ] || OUT="$(mktemp -t agentdesk-backup-XXXXXX.dump)"

q() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -tA "$@"; }

echo "backup-check: pg_dump $name -> $OUT" >&2
"$PG_DUMP" --format=custom --no-owner --file="$OUT" "$SOURCE"
q "$base/postgres" -c "CREATE DATABASE $copy"
cleanup() { [ "$KEEP" = 1 ] || q "$base/postgres" -c "DROP DATABASE IF EXISTS $copy WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT
echo "backup-check: pg_restore into $copy" >&2
"$PG_RESTORE" --no-owner --exit-on-error --dbname="$COPY_URL" "$OUT"

counts() {
    local url="$1" t
    for t in $(q "$url" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
        echo "$t $(q "$url" -c "SELECT count(*) FROM \"$t\"")"
    done
}
before="$(counts "$SOURCE")"
after="$(counts "$COPY_URL")"
if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    echo "backup-check: FAILED: the restored copy differs" >&2
    exit 1
fi
rev_before="$(q "$SOURCE" -c "SELECT version_num FROM alembic_version" 2>/dev/null || echo none)"
rev_after="$(q "$COPY_URL" -c "SELECT version_num FROM alembic_version" 2>/dev/null || echo none)"
[ "$rev_before" = "$rev_after" ] || { echo "backup-check: FAILED: schema $rev_before, restored $rev_after" >&2; exit 1; }
tables="$(echo "$before" | grep -c . || true)"
rows="$(echo "$before" | awk '{s += $2} END {print s + 0}')"
echo "backup-check: OK ($tables tables, $rows rows, schema $rev_before)"

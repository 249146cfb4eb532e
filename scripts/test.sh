#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run):
#
#   bash scripts/test.sh [PYTEST ARGS...]
#
# 1. sets up .venv (desktop + test extras, plugins) and .venv-core (the core without PySide6)
# 2. makes sure the system libraries Qt's offscreen platform needs are there
# 3. starts the throwaway PostgreSQL (scripts/postgres.sh) and exports AGENTDESK_TEST_PG_URL, PgBouncer
#    in front of it (scripts/pgbouncer.sh, AGENTDESK_TEST_PGBOUNCER_URL),
#    and the throwaway mail servers (scripts/mailservers.sh) and exports AGENTDESK_TEST_IMAP/_SMTP,
#    and the throwaway directory (scripts/slapd.sh: OpenLDAP with ppolicy) and exports AGENTDESK_TEST_LDAP_URL
# 4. lint-imports (the import contracts), ruff check, ruff format --check and mypy, as configured in
#    pyproject.toml
# 5. tests/core in .venv-core, where PySide6 is not installed: the core must run without Qt
# 6. the whole suite in .venv with QT_QPA_PLATFORM=offscreen; extra arguments go to this run
#
# Every step runs even if an earlier check failed; the exit code is non-zero if any failed
# (pytest's 5, "no tests collected", counts as a failure). PostgreSQL, the mail servers and the
# directory are stopped at exit unless they were already running before (or AGENTDESK_PG_KEEP=1 /
# AGENTDESK_MAIL_KEEP=1 / AGENTDESK_LDAP_KEEP=1).
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

section() { printf '\n==== %s ====\n' "$*"; }

# --- set-up: any failure here stops the run -----------------------------------------
section "set-up: .venv (desktop + test extras)"
bash scripts/setup.sh || { echo "test: set-up of .venv failed" >&2; exit 1; }

section "set-up: .venv-core (no PySide6)"
bash scripts/setup.sh --core || { echo "test: set-up of .venv-core failed" >&2; exit 1; }

section "set-up: system libraries for Qt offscreen"
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --lib
agentdesk_apt_ensure libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 ||
    { echo "test: the Qt offscreen libraries are missing" >&2; exit 1; }
echo "present"

section "set-up: headless Chromium (the citizen web pages' browser tests)"
agentdesk_apt_ensure chromium chromium-driver ||
    { echo "test: Chromium and its driver are missing (apt-get install chromium chromium-driver)" >&2; exit 1; }
echo "present"

section "PostgreSQL"
pg_was_running=0
bash scripts/postgres.sh status 2>/dev/null && pg_was_running=1
stop_pg() {
    if [ "${bouncer_was_running:-1}" = 0 ] && [ "${AGENTDESK_PG_KEEP:-0}" != 1 ]; then
        bash "$REPO/scripts/pgbouncer.sh" stop || true
    fi
    if [ "$pg_was_running" = 0 ] && [ "${AGENTDESK_PG_KEEP:-0}" != 1 ]; then
        bash "$REPO/scripts/postgres.sh" stop || true
    fi
}
mail_was_running=0
stop_mail() {
    if [ "$mail_was_running" = 0 ] && [ "${AGENTDESK_MAIL_KEEP:-0}" != 1 ]; then
        bash "$REPO/scripts/mailservers.sh" stop || true
    fi
}
ldap_was_running=0
stop_ldap() {
    if [ "$ldap_was_running" = 0 ] && [ "${AGENTDESK_LDAP_KEEP:-0}" != 1 ]; then
        bash "$REPO/scripts/slapd.sh" stop || true
    fi
}
trap 'stop_pg; stop_mail; stop_ldap' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
AGENTDESK_TEST_PG_URL="$(bash scripts/postgres.sh start)" ||
    { echo "test: PostgreSQL did not start" >&2; exit 1; }
export AGENTDESK_TEST_PG_URL
export AGENTDESK_REQUIRE_PG=1  # a missing server is an error here, never a skip
echo "AGENTDESK_TEST_PG_URL=$AGENTDESK_TEST_PG_URL"

section "PgBouncer (transaction mode, in front of PostgreSQL)"
bouncer_was_running=0
bash scripts/pgbouncer.sh status 2>/dev/null && bouncer_was_running=1
AGENTDESK_TEST_PGBOUNCER_URL="$(bash scripts/pgbouncer.sh start)" ||
    { echo "test: PgBouncer did not start" >&2; exit 1; }
export AGENTDESK_TEST_PGBOUNCER_URL
echo "AGENTDESK_TEST_PGBOUNCER_URL=$AGENTDESK_TEST_PGBOUNCER_URL"

section "mail servers (Dovecot IMAP, SMTP)"
bash scripts/mailservers.sh status 2>/dev/null && mail_was_running=1
mail_env="$(bash scripts/mailservers.sh start)" || { echo "test: the mail servers did not start" >&2; exit 1; }
eval "$mail_env"  # exports AGENTDESK_TEST_IMAP, AGENTDESK_TEST_SMTP and the test users' password
echo "AGENTDESK_TEST_IMAP=$AGENTDESK_TEST_IMAP AGENTDESK_TEST_SMTP=$AGENTDESK_TEST_SMTP"

section "directory (OpenLDAP slapd with ppolicy, for the staff sign-in)"
bash scripts/slapd.sh status 2>/dev/null && ldap_was_running=1
ldap_env="$(bash scripts/slapd.sh start)" || { echo "test: the directory (slapd) did not start" >&2; exit 1; }
eval "$ldap_env"  # exports AGENTDESK_TEST_LDAP_URL, the base DN and the test accounts' passwords
echo "AGENTDESK_TEST_LDAP_URL=$AGENTDESK_TEST_LDAP_URL"

export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1

failed=()
run_step() { # NAME COMMAND...
    local name="$1" rc
    shift
    "$@"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "test: FAILED: $name (exit code $rc$([ "$rc" -eq 5 ] && echo ', no tests collected'))" >&2
        failed+=("$name")
    fi
    return 0
}

# --- checks --------------------------------------------------------------------------
section "lint-imports (import contracts)"
run_step "lint-imports" .venv/bin/lint-imports --no-logo --cache-dir .tmp/import_linter_cache

section "ruff check (lint)"
run_step "ruff check" .venv/bin/ruff check --no-cache .

section "ruff format --check"
run_step "ruff format --check" .venv/bin/ruff format --check --no-cache .

section "mypy (strict on the core, the plugin API and the desktop modules listed in pyproject.toml)"
run_step "mypy" .venv/bin/mypy --cache-dir .tmp/mypy_cache

section "core tests without Qt (.venv-core: pytest tests/core)"
run_step "core tests without Qt" .venv-core/bin/python -m pytest tests/core -q

section "full test suite (.venv: pytest)"
run_step "full test suite" .venv/bin/python -m pytest -q "$@"

section "summary"
if [ "${#failed[@]}" -ne 0 ]; then
    printf 'FAILED: %s\n' "${failed[@]}"
    exit 1
fi
echo "all checks passed"

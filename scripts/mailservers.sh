#!/usr/bin/env bash
# Throwaway mail servers for the e-mail channel's tests: a real Dovecot (IMAP with IDLE, and
# LMTP for delivery) and an aiosmtpd SMTP server that delivers into Dovecot over LMTP, the way
# Postfix does in production. A reply sent from the desk over SMTP can so be read over IMAP.
#
#   bash scripts/mailservers.sh start    start both (or reuse the running ones); prints the env lines
#   bash scripts/mailservers.sh stop     stop both
#   bash scripts/mailservers.sh status   exit 0 if both are running
#   bash scripts/mailservers.sh env      print the env lines:
#       export AGENTDESK_TEST_IMAP=127.0.0.1:14143
#       export AGENTDESK_TEST_SMTP=127.0.0.1:10025
#       export AGENTDESK_TEST_MAIL_USERS=neuvonta@city.example,tekniset@city.example,asiakas@example.fi
#       export AGENTDESK_TEST_MAIL_PASSWORD=...     (one random password for every test user)
#   eval "$(bash scripts/mailservers.sh env)"   puts them in your shell
#
# Everything lives in ${AGENTDESK_MAIL_DIR:-<repo>/.tmp/mail} (a folder in /tmp when the mail
# user cannot reach that one). Ports: ${AGENTDESK_IMAP_PORT:-14143} (IMAP),
# ${AGENTDESK_SMTP_PORT:-10025} (SMTP), ${AGENTDESK_LMTP_PORT:-14024} (LMTP), on 127.0.0.1 only.
# Test users (passwd-file): one per queue mailbox, neuvonta@city.example and
# tekniset@city.example, and a citizen's own mailbox asiakas@example.fi; the SMTP server refuses
# other recipients. Debian's dovecot-imapd and dovecot-lmtpd are installed if missing (as root);
# as root the mailboxes belong to the system user agentdesk-mail (created if needed). The SMTP
# server runs from .venv (scripts/setup.sh installs aiosmtpd with the test extra).
# Only the env lines go to stdout.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAP_PORT="${AGENTDESK_IMAP_PORT:-14143}"
SMTP_PORT="${AGENTDESK_SMTP_PORT:-10025}"
LMTP_PORT="${AGENTDESK_LMTP_PORT:-14024}"
USERS=(neuvonta@city.example tekniset@city.example asiakas@example.fi)
MAIL_USER=agentdesk-mail
PY="${AGENTDESK_MAIL_PYTHON:-$REPO/.venv/bin/python}"

say() { echo "mailservers: $*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

ensure_dovecot() {
    if command -v dovecot >/dev/null 2>&1 && [ -x /usr/lib/dovecot/imap ] && [ -x /usr/lib/dovecot/lmtp ]; then
        return 0
    fi
    is_root || die "Dovecot is missing and we are not root: run sudo apt-get install -y dovecot-imapd dovecot-lmtpd"
    say "installing Debian's dovecot-imapd and dovecot-lmtpd"
    # shellcheck source=scripts/setup.sh
    source "$REPO/scripts/setup.sh" --lib
    agentdesk_apt_ensure dovecot-imapd dovecot-lmtpd
    command -v dovecot >/dev/null 2>&1 || die "installed Dovecot but found no dovecot binary"
}

ensure_mail_user() {
    is_root || return 0
    if ! id -u "$MAIL_USER" >/dev/null 2>&1; then
        say "creating the system user $MAIL_USER"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$MAIL_USER"
    fi
}

# As root the mail user (mailboxes) and dovecot (the passwd file) must reach the folder; a clone
# under a private home does not allow that, so fall back to a folder in /tmp (as scripts/postgres.sh).
resolve_dir() {
    T="${AGENTDESK_MAIL_DIR:-$REPO/.tmp/mail}"
    if is_root && id -u "$MAIL_USER" >/dev/null 2>&1; then
        mkdir -p "$T"
        if ! (cd / && runuser -u "$MAIL_USER" -- test -x "$T") 2>/dev/null ||
            ! (cd / && runuser -u dovecot -- test -x "$T") 2>/dev/null; then
            local fallback
            fallback="/tmp/agentdesk-mail-$(echo "$T" | sha256sum | cut -c1-12)"
            say "the mail users cannot reach $T; using $fallback"
            T="$fallback"
        fi
    fi
    CONF="$T/dovecot.conf"
    # Dovecot's sockets live in base_dir; keep its path well below the 108-byte socket limit.
    RUN="$T/run"
    if [ "${#RUN}" -gt 60 ]; then RUN="/tmp/agentdesk-dovecot-$(echo "$T" | sha256sum | cut -c1-12)"; fi
}

password() { cat "$T/password"; }

env_lines() {
    local users
    users="$(IFS=,; echo "${USERS[*]}")"
    echo "export AGENTDESK_TEST_IMAP=127.0.0.1:$IMAP_PORT"
    echo "export AGENTDESK_TEST_SMTP=127.0.0.1:$SMTP_PORT"
    echo "export AGENTDESK_TEST_MAIL_USERS=$users"
    echo "export AGENTDESK_TEST_MAIL_PASSWORD=$(password)"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

dovecot_running() {
    [ -f "$RUN/master.pid" ] && kill -0 "$(cat "$RUN/master.pid")" 2>/dev/null
}

smtp_running() {
    [ -f "$T/smtp.pid" ] && kill -0 "$(cat "$T/smtp.pid")" 2>/dev/null
}

write_config() {
    mkdir -p "$T/mail" "$T/state" "$RUN"
    if [ ! -s "$T/password" ]; then
        (umask 077 && head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$T/password")
    fi
    local pw uid gid internal login user
    pw="$(password)"
    (
        umask 077
        for user in "${USERS[@]}"; do echo "$user:{PLAIN}$pw::::::"; done >"$T/users"
    )
    if is_root; then
        uid="$(id -u "$MAIL_USER")"
        gid="$(id -g "$MAIL_USER")"
        internal=dovecot
        login=dovenull
        chown root:dovecot "$T/users"
        chmod 0640 "$T/users"
        chown -R "$MAIL_USER:$MAIL_USER" "$T/mail"
    else
        uid="$(id -u)"
        gid="$(id -g)"
        internal="$(id -un)"
        login="$(id -un)"
    fi
    cat >"$CONF" <<EOF
# scripts/mailservers.sh: a throwaway test mail server on 127.0.0.1 (rewritten at every start)
instance_name = agentdesk-test-mail
base_dir = $RUN
state_dir = $T/state
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $T/dovecot.log
info_log_path = $T/dovecot.log
default_internal_user = $internal
default_internal_group = $(id -gn "$internal")
default_login_user = $login
first_valid_uid = $uid
last_valid_uid = 0
first_valid_gid = $gid
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $T/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$T/mail/%Ld/%Ln
}
mail_location = maildir:~/Maildir
# Without inotify Dovecot looks for new mail every mailbox_idle_check_interval.
mailbox_idle_check_interval = 1 secs
protocol lmtp {
  postmaster_address = postmaster@city.example
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
EOF
    if ! is_root; then
        # Dovecot as an ordinary user: no chroots, everything runs as that user.
        cat >>"$CONF" <<'EOF'
service imap-login {
  chroot =
}
service anvil {
  chroot =
}
EOF
    fi
}

start_dovecot() {
    if dovecot_running; then
        say "reusing the Dovecot already running from $RUN"
        return 0
    fi
    for port in "$IMAP_PORT" "$LMTP_PORT"; do
        port_open "$port" && die "port $port is taken by another server; set AGENTDESK_IMAP_PORT / AGENTDESK_LMTP_PORT"
    done
    write_config
    say "starting Dovecot on 127.0.0.1:$IMAP_PORT (IMAP) and :$LMTP_PORT (LMTP) (log: $T/dovecot.log)"
    dovecot -c "$CONF" || { tail -n 20 "$T/dovecot.log" >&2 2>/dev/null || true; die "dovecot did not start"; }
    local i
    for i in $(seq 1 50); do
        port_open "$IMAP_PORT" && port_open "$LMTP_PORT" && return 0
        sleep 0.1
    done
    tail -n 20 "$T/dovecot.log" >&2 2>/dev/null || true
    die "Dovecot started but does not answer on 127.0.0.1:$IMAP_PORT"
}

start_smtp() {
    if smtp_running; then
        say "reusing the SMTP server already running (pid $(cat "$T/smtp.pid"))"
        return 0
    fi
    port_open "$SMTP_PORT" && die "port $SMTP_PORT is taken by another server; set AGENTDESK_SMTP_PORT"
    [ -x "$PY" ] || die "$PY is missing: run bash scripts/setup.sh first"
    "$PY" -c 'import aiosmtpd, agentdesk_demo.simulators.email_lmtp_relay' 2>/dev/null ||
        die "aiosmtpd or agentdesk-demo (the LMTP relay) is not installed in $PY: run bash scripts/setup.sh"
    say "starting the SMTP server on 127.0.0.1:$SMTP_PORT, delivering over LMTP (log: $T/smtp.log)"
    (
        cd "$REPO"
        setsid nohup "$PY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
            -c agentdesk_demo.simulators.email_lmtp_relay.LmtpRelay 127.0.0.1 "$LMTP_PORT" \
            </dev/null >"$T/smtp.log" 2>&1 &
        echo $! >"$T/smtp.pid"
    )
    local i
    for i in $(seq 1 100); do
        port_open "$SMTP_PORT" && return 0
        smtp_running || break
        sleep 0.1
    done
    tail -n 20 "$T/smtp.log" >&2 2>/dev/null || true
    die "the SMTP server did not start"
}

start() {
    ensure_dovecot
    ensure_mail_user
    resolve_dir
    start_dovecot
    start_smtp
    say "ready: IMAP 127.0.0.1:$IMAP_PORT, SMTP 127.0.0.1:$SMTP_PORT"
    env_lines
}

stop() {
    resolve_dir
    if smtp_running; then
        kill "$(cat "$T/smtp.pid")" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do smtp_running || break; sleep 0.1; done
        say "stopped the SMTP server"
    fi
    rm -f "$T/smtp.pid"
    if dovecot_running; then
        dovecot -c "$CONF" stop >/dev/null 2>&1 || kill "$(cat "$RUN/master.pid")" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do dovecot_running || break; sleep 0.1; done
        say "stopped Dovecot"
    else
        say "no Dovecot running from $RUN"
    fi
}

status() {
    resolve_dir
    dovecot_running && smtp_running
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    env)
        resolve_dir
        [ -s "$T/password" ] || die "not started yet: run bash scripts/mailservers.sh start"
        env_lines
        ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac

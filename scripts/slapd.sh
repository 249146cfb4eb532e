#!/usr/bin/env bash
# A throwaway OpenLDAP directory (Debian's slapd) standing in for the city's Active Directory in the
# tests and the demo's directory mode.
#
#   bash scripts/slapd.sh start    start it (or reuse the running one); prints the env lines on stdout
#   bash scripts/slapd.sh stop     stop it
#   bash scripts/slapd.sh status   exit 0 if it is running
#   bash scripts/slapd.sh env      print the env lines:
#       export AGENTDESK_TEST_LDAP_URL=ldap://127.0.0.1:13389
#       export AGENTDESK_TEST_LDAP_BASE=dc=city,dc=example
#       export AGENTDESK_TEST_LDAP_PASSWORD=...        every seeded user's password
#       export AGENTDESK_TEST_LDAP_BIND_DN=cn=agentdesk,ou=service,dc=city,dc=example
#       export AGENTDESK_TEST_LDAP_BIND_PASSWORD=...   the service account's (read-only) password
#       export AGENTDESK_TEST_LDAP_ADMIN_DN=cn=admin,dc=city,dc=example
#       export AGENTDESK_TEST_LDAP_ADMIN_PASSWORD=...  the directory manager (tests add and lock users)
#   eval "$(bash scripts/slapd.sh start)"   puts them in your shell
#
# Everything lives in ${AGENTDESK_LDAP_DIR:-<repo>/.tmp/slapd}: its own slapd.conf (slapd -f, never the
# system's /etc/ldap), an MDB database, the seed LDIF, the log. Port ${AGENTDESK_LDAP_PORT:-13389} on
# 127.0.0.1 only. The ppolicy overlay (ppolicy.la) does lockout and password expiry: after 3 wrong
# passwords an account is locked for 10 minutes; users under cn=short-lived,ou=policies have passwords
# that expire after a day. Seeded (ou=people, ou=groups):
#   aino.agent       groups asiakaspalvelu, neuvonta          sami.supervisor  asiakaspalvelu, esihenkilot
#   tiina.steward    tietosuoja                               lauri.locked     locked by an administrator
#   emma.expired     password changed in 2020, expired        kalle.kirjasto   only in kirjasto (mapped to nothing)
# Debian's slapd and ldap-utils are installed if missing (as root, debconf preseeded to configure no
# system directory); as root slapd runs as the openldap user. Only the env lines go to stdout.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${AGENTDESK_LDAP_PORT:-13389}"
BASE="dc=city,dc=example"
URL="ldap://127.0.0.1:$PORT"
# Fixed passwords of a directory that listens on loopback only and holds nothing but test users.
USER_PASSWORD="Kesa-2026-salasana"
BIND_DN="cn=agentdesk,ou=service,$BASE"
BIND_PASSWORD="palvelutili-lukuoikeus"
ADMIN_DN="cn=admin,$BASE"
ADMIN_PASSWORD="hakemisto-hallinta"
OWNER=openldap

say() { echo "slapd: $*" >&2; }
die() { say "$*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
as_owner() {
    if is_root && id -u "$OWNER" >/dev/null 2>&1; then (cd / && runuser -u "$OWNER" -- "$@"); else "$@"; fi
}

resolve_dir() {
    T="${AGENTDESK_LDAP_DIR:-$REPO/.tmp/slapd}"
    if is_root && id -u "$OWNER" >/dev/null 2>&1; then
        mkdir -p "$T"
        chown "$OWNER": "$T"
        if ! (cd / && runuser -u "$OWNER" -- test -w "$T" -a -x "$T") 2>/dev/null; then
            T="/tmp/agentdesk-slapd-$(echo "$T" | sha256sum | cut -c1-12)"
            say "the $OWNER user cannot reach the repository's folder; using $T"
        fi
    fi
    mkdir -p "$T"
    PIDFILE="$T/slapd.pid"
}

ensure_slapd() {
    if [ -x /usr/sbin/slapd ] && command -v ldapsearch >/dev/null 2>&1 && [ -e /usr/lib/ldap/ppolicy.la ]; then
        return 0
    fi
    is_root || die "slapd is missing and we are not root: run sudo apt-get install -y slapd ldap-utils"
    say "installing Debian's slapd and ldap-utils"
    # No system directory: Debian's package would otherwise ask for a domain and an admin password.
    echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
    # shellcheck source=scripts/setup.sh
    source "$REPO/scripts/setup.sh" --lib
    agentdesk_apt_ensure slapd ldap-utils
    service slapd stop >/dev/null 2>&1 || true
}

env_lines() {
    cat <<ENV
export AGENTDESK_TEST_LDAP_URL=$URL
export AGENTDESK_TEST_LDAP_BASE=$BASE
export AGENTDESK_TEST_LDAP_PASSWORD=$USER_PASSWORD
export AGENTDESK_TEST_LDAP_BIND_DN=$BIND_DN
export AGENTDESK_TEST_LDAP_BIND_PASSWORD=$BIND_PASSWORD
export AGENTDESK_TEST_LDAP_ADMIN_DN=$ADMIN_DN
export AGENTDESK_TEST_LDAP_ADMIN_PASSWORD=$ADMIN_PASSWORD
ENV
}

running() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null)" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
answers() { ldapsearch -x -H "$URL" -D "$BIND_DN" -w "$BIND_PASSWORD" -b "$BASE" -s base -o nettimeout=2 dn >/dev/null 2>&1; }

write_config() {
    local admin_hash
    admin_hash="$(slappasswd -s "$ADMIN_PASSWORD")"
    cat >"$T/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb.la
moduleload ppolicy.la
pidfile $PIDFILE
argsfile $T/slapd.args
loglevel none

database mdb
suffix "$BASE"
rootdn "$ADMIN_DN"
rootpw $admin_hash
directory $T/data
maxsize 104857600
index objectClass eq
index uid,member eq

overlay ppolicy
ppolicy_default "cn=default,ou=policies,$BASE"
ppolicy_use_lockout

access to attrs=userPassword
    by self =xw
    by anonymous auth
    by * none
access to *
    by dn.exact="$BIND_DN" read
    by self read
    by * none
CONF
}

seed_ldif() {
    local pw svc
    pw="$(slappasswd -s "$USER_PASSWORD")"
    svc="$(slappasswd -s "$BIND_PASSWORD")"
    cat <<LDIF
dn: $BASE
objectClass: dcObject
objectClass: organization
o: City of Example
dc: city

dn: ou=people,$BASE
objectClass: organizationalUnit
ou: people

dn: ou=groups,$BASE
objectClass: organizationalUnit
ou: groups

dn: ou=service,$BASE
objectClass: organizationalUnit
ou: service

dn: ou=policies,$BASE
objectClass: organizationalUnit
ou: policies

dn: cn=default,ou=policies,$BASE
objectClass: device
objectClass: pwdPolicy
cn: default
pwdAttribute: userPassword
pwdLockout: TRUE
pwdMaxFailure: 3
pwdLockoutDuration: 600
pwdFailureCountInterval: 600
pwdMaxAge: 0

dn: cn=short-lived,ou=policies,$BASE
objectClass: device
objectClass: pwdPolicy
cn: short-lived
pwdAttribute: userPassword
pwdLockout: TRUE
pwdMaxFailure: 3
pwdLockoutDuration: 600
pwdMaxAge: 86400
pwdGraceAuthNLimit: 0

dn: $BIND_DN
objectClass: applicationProcess
objectClass: simpleSecurityObject
cn: agentdesk
userPassword: $svc

LDIF
    person aino.agent "Aino Asiakaspalvelu" "$pw"
    person sami.supervisor "Sami Esihenkilö" "$pw"
    person tiina.steward "Tiina Tietosuoja" "$pw"
    person lauri.locked "Lauri Lukittu" "$pw" "pwdAccountLockedTime: 000001010000Z"
    person emma.expired "Emma Vanhentunut" "$pw" "pwdChangedTime: 20200101000000Z" \
        "pwdPolicySubentry: cn=short-lived,ou=policies,$BASE"
    person kalle.kirjasto "Kalle Kirjasto" "$pw"
    group asiakaspalvelu aino.agent sami.supervisor lauri.locked emma.expired
    group esihenkilot sami.supervisor
    group tietosuoja tiina.steward
    group neuvonta aino.agent
    group kirjasto kalle.kirjasto
}

person() { # UID "DISPLAY NAME" PASSWORD-HASH [EXTRA LINES...]
    local uid="$1" name="$2" pw="$3"
    shift 3
    printf 'dn: uid=%s,ou=people,%s\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\nsn: %s\ndisplayName: %s\n' \
        "$uid" "$BASE" "$uid" "$name" "${name##* }" "$name"
    printf 'mail: %s@city.example\nuserPassword: %s\n' "$uid" "$pw"
    local line
    for line in "$@"; do printf '%s\n' "$line"; done
    printf '\n'
}

group() { # CN MEMBER...
    local cn="$1" m
    shift
    printf 'dn: cn=%s,ou=groups,%s\nobjectClass: groupOfNames\ncn: %s\n' "$cn" "$BASE" "$cn"
    for m in "$@"; do printf 'member: uid=%s,ou=people,%s\n' "$m" "$BASE"; done
    printf '\n'
}

start() {
    resolve_dir
    ensure_slapd
    if running && answers; then
        say "reusing slapd on $URL"
        env_lines
        return 0
    fi
    if running; then kill "$(cat "$PIDFILE")" 2>/dev/null || true; sleep 0.5; fi
    rm -rf "$T/data" "$PIDFILE"
    mkdir -p "$T/data"
    write_config
    seed_ldif >"$T/seed.ldif"
    # slapadd loads offline, and may set the operational attributes the seed needs (pwdChangedTime).
    slapadd -q -f "$T/slapd.conf" -l "$T/seed.ldif" >"$T/slapadd.log" 2>&1 ||
        { tail -n 20 "$T/slapadd.log" >&2; die "slapadd could not load the seed"; }
    if is_root; then chown -R "$OWNER": "$T"; fi
    local owner_opts=()
    if is_root && id -u "$OWNER" >/dev/null 2>&1; then owner_opts=(-u "$OWNER" -g "$OWNER"); fi
    say "starting slapd on $URL (base $BASE, ppolicy)"
    /usr/sbin/slapd -f "$T/slapd.conf" -h "$URL/" "${owner_opts[@]}" >"$T/slapd.log" 2>&1 ||
        { tail -n 20 "$T/slapd.log" >&2 || true; die "slapd did not start"; }
    local i
    for i in $(seq 1 40); do
        answers && { say "ready: $URL"; env_lines; return 0; }
        sleep 0.25
    done
    tail -n 20 "$T/slapd.log" >&2 || true
    die "slapd started but does not answer on $URL"
}

stop() {
    resolve_dir
    if running; then
        kill "$(cat "$PIDFILE" 2>/dev/null)" 2>/dev/null && say "stopped slapd"
        local i
        for i in $(seq 1 40); do running || break; sleep 0.1; done
        rm -f "$PIDFILE"
    else
        say "no slapd running from $T"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) resolve_dir; running ;;
    env) resolve_dir; env_lines ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac

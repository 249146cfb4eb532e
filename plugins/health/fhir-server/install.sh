#!/usr/bin/env bash
# Install the loopback FHIR server's npm packages (exact versions from package-lock.json).
#
#   bash plugins/health/fhir-server/install.sh
#
# - Node.js missing: installs the nodejs and npm packages with apt-get when running as root,
#   otherwise says what to install and fails. Node >= 20.19 is needed (@medplum 4.5.2); Debian 12's
#   own nodejs is 18, so a machine needs the NodeSource (or a newer Debian) package.
# - Runs `npm ci` only when node_modules is missing or package-lock.json changed since the last
#   install (a hash stamp is kept in node_modules); re-running is cheap.
# Nothing is downloaded when the server or the tests run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "fhir-server: installing Debian nodejs and npm" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get -o Dpkg::Use-Pty=0 -qq update >&2
        apt-get -o Dpkg::Use-Pty=0 -qq install -y --no-install-recommends nodejs npm </dev/null >&2
    else
        echo "fhir-server: Node.js >= 20.19 with npm is needed; run: sudo apt-get install -y nodejs npm" >&2
        exit 1
    fi
fi
# @medplum 4.5.2 declares node "^20.19.0 || >=22.12.0". Debian 12's own nodejs is 18: too old.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "fhir-server: Node.js $(node --version) is too old; @medplum 4.5.2 needs Node >= 20.19" >&2
    echo "fhir-server: (Debian 12 ships Node 18; install Node 20 e.g. from NodeSource's nodejs 20.x packages)" >&2
    exit 1
fi

stamp=node_modules/.agentdesk-lock-sha256
want="$( (cat package-lock.json; node --version) | sha256sum | cut -d' ' -f1)"
if [ -d node_modules/@medplum/fhir-router ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "fhir-server: node_modules is up to date" >&2
    exit 0
fi
echo "fhir-server: npm ci in $here" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
echo "$want" >"$stamp"
echo "fhir-server: ready (node $(node --version))" >&2

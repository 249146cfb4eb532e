#!/usr/bin/env bash
# Build the AgentDesk desktop bundle for Linux and smoke-test it:
#
#   bash scripts/build-bundle.sh [--profile installer/profiles/customer_service.toml] [--no-smoke]
#
# 1. .tmp/build-venv: Python venv with the pinned build tools (installer/requirements-build.txt),
#    AgentDesk with the desktop extra, and the first-party plugins the profile enables (all of
#    plugins/* without --profile), all installed non-editable, as on a workstation;
# 2. PyInstaller one-folder build (installer/agentdesk.spec) -> dist/agentdesk/;
# 3. dist/agentdesk-<version>-linux-x86_64.tar.gz: sorted entries, owner 0, mtimes fixed at
#    SOURCE_DATE_EPOCH (default: the last commit's time), gzip without a timestamp;
# 4. smoke test of the frozen app, headless (QT_QPA_PLATFORM=offscreen): `agentdesk bundle-smoke`
#    (migrations, seeding, search, overview, plugins, profiles, then the desktop opens a customer),
#    `agentdesk profile check` of the profile, `agentdesk --version`; anything on stderr that is
#    not a known benign line fails the build.
#
# Too heavy for every CI run (several minutes, ~1 GB of downloads on a cold cache): run it before
# a release and when the spec, installer/ or the dependencies change.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

profile=""
smoke=1
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile="${2:?--profile needs a file}"; shift ;;
        --profile=*) profile="${1#--profile=}" ;;
        --no-smoke) smoke=0 ;;
        -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-bundle: unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
[ -z "$profile" ] || [ -f "$profile" ] || { echo "build-bundle: no such profile: $profile" >&2; exit 2; }

say() { printf '\n==== %s ====\n' "$*"; }
started=$(date +%s)
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"

# --- 1. the build venv ------------------------------------------------------------------------
say "build venv (.tmp/build-venv)"
py="${AGENTDESK_PYTHON:-python3}"
venv=.tmp/build-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    rm -rf "$venv"
    "$py" -m venv "$venv"
fi
vpy="$venv/bin/python"
"$vpy" -m pip install -q -r installer/requirements-build.txt

# The plugins to bundle: those the profile enables, else every first-party plugin.
mapfile -t selected < <("$vpy" - "$profile" <<'EOF'
import sys, tomllib
from pathlib import Path
profile = sys.argv[1]
folders = {}
for manifest in sorted(Path("plugins").glob("*/*/agentdesk-plugin.toml")):
    folders[tomllib.loads(manifest.read_text())["id"]] = str(manifest.parents[1])
if not profile:
    wanted = sorted(folders)
else:
    plugins = tomllib.loads(Path(profile).read_text()).get("plugins", {})
    wanted = sorted(pid for pid, t in plugins.items() if isinstance(t, dict) and t.get("enabled", True) is not False)
    missing = [pid for pid in wanted if pid not in folders]
    if missing:
        sys.exit(f"build-bundle: the profile enables plugins that are not first-party: {', '.join(missing)} "
                 "(install their wheels into .tmp/build-venv by hand)")
for pid in wanted:
    print(folders[pid])
EOF
)
echo "plugins: ${selected[*]:-none}"
# A plugin left from an earlier build for another department must not ride along.
stale=$("$vpy" -m pip list --format=freeze 2>/dev/null | sed -n 's/^\(agentdesk-plugin-[A-Za-z0-9_.-]*\)==.*/\1/p' || true)
[ -z "$stale" ] || "$vpy" -m pip uninstall -q -y $stale
# ./demo: the demo/dev distribution (agentdesk demo, the bundle smoke's population).
"$vpy" -m pip install -q '.[desktop]' ./demo ${selected[@]+"${selected[@]/#/./}"}
# Reinstall our own code unconditionally: pip skips a same-version rebuild otherwise.
"$vpy" -m pip install -q --no-deps --force-reinstall . ./demo ${selected[@]+"${selected[@]/#/./}"}
version="$("$vpy" -c 'import agentdesk; print(agentdesk.__version__)')"

# --- 2. PyInstaller ---------------------------------------------------------------------------
say "PyInstaller (installer/agentdesk.spec)"
t0=$(date +%s)
# Run from outside the repo so that the source tree's packages do not shadow the installed ones.
(cd .tmp && "../$vpy" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$REPO/dist" --workpath "$REPO/.tmp/pyinstaller-work" "$REPO/installer/agentdesk.spec")
echo "pyinstaller: $(($(date +%s) - t0)) s"

# --- 3. the archive ---------------------------------------------------------------------------
say "archive"
archive="dist/agentdesk-$version-linux-x86_64.tar.gz"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C dist -cf - agentdesk | gzip -n -9 >"$archive"
echo "$archive: $(du -h "$archive" | cut -f1) ($(stat -c %s "$archive") bytes); dist/agentdesk: $(du -sh dist/agentdesk | cut -f1), $(find dist/agentdesk -type f | wc -l) files"
sha256sum "$archive"

# --- 4. smoke test ----------------------------------------------------------------------------
if [ "$smoke" = 1 ]; then
    say "smoke test (frozen app, QT_QPA_PLATFORM=offscreen)"
    out=.tmp/bundle-smoke
    rm -rf "$out" && mkdir -p "$out/home"
    # The frozen app must not lean on the build machine's environment.
    run() { env -i PATH=/usr/bin:/bin HOME="$REPO/$out/home" AGENTDESK_HOME="$REPO/$out/home" \
        QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$@"; }
    profile_args=()
    [ -z "$profile" ] || profile_args=(--profile "$REPO/$profile")
    t0=$(date +%s)
    status=0
    run dist/agentdesk/agentdesk --version >"$out/version.out" 2>"$out/version.err" || status=1
    run dist/agentdesk/agentdesk bundle-smoke --people 2000 ${profile_args[@]+"${profile_args[@]}"} \
        >"$out/smoke.out" 2>"$out/smoke.err" || status=1
    if [ -n "$profile" ]; then
        run dist/agentdesk/agentdesk profile check "$REPO/$profile" >"$out/profile.out" 2>"$out/profile.err" || status=1
    fi
    cat "$out"/*.out
    # Known benign stderr lines: Qt's offscreen platform cannot size or raise native windows.
    benign='^This plugin does not support (propagateSizeHints|raise)\(\)$'
    unexpected=$(cat "$out"/*.err | grep -Ev "$benign" || true)
    if [ -n "$unexpected" ]; then
        echo "build-bundle: unexpected output on stderr:" >&2
        echo "$unexpected" >&2
        status=1
    fi
    echo "smoke test: $(($(date +%s) - t0)) s"
    [ "$status" = 0 ] || { echo "build-bundle: SMOKE TEST FAILED" >&2; exit 1; }
    echo "smoke test: passed"
fi
say "done in $(($(date +%s) - started)) s: dist/agentdesk/ and $archive"

#!/usr/bin/env bash
# Set up the project's Python environment.
#
#   bash scripts/setup.sh                    .venv with the desktop and test extras (default)
#   bash scripts/setup.sh --no-test-extras   .venv with the desktop extra only (for scripts/desk.sh)
#   bash scripts/setup.sh --core             .venv-core: the Qt-free core plus pytest, WITHOUT PySide6
#                                            (nor pytest-qt, which imports Qt when pytest loads it)
#   source scripts/setup.sh [same options]   the same, from another script
#   source scripts/setup.sh --lib            only define the helper functions below
#
# Every plugin distribution found at plugins/*/pyproject.toml is installed editable
# into .venv; the demo/dev distribution demo/ (agentdesk-demo: population, simulators,
# `agentdesk seed` and `agentdesk demo`) into .venv and .venv-core (it needs no Qt).
# Re-running is cheap: pip runs only when pyproject.toml, a plugin's or the demo's
# pyproject.toml, this script or the Python interpreter changed (a hash stamp is
# kept inside the venv).
#
# Helpers (defined when sourced):
#   agentdesk_apt_ensure PKG...   install the Debian packages among PKG that are missing
#                                 (only as root; otherwise prints what to install and fails)
#   agentdesk_qt_libs_ensure      install the Debian libraries Qt 6's xcb platform needs
#   agentdesk_setup [OPTIONS]     what running this script does

# Run in a subshell so that `set -e` and friends never leak into a caller that sources us.
agentdesk_apt_ensure() (
    set -euo pipefail
    local missing=() pkg
    for pkg in "$@"; do
        # dpkg -s exits 0 for removed-but-configured packages too; check the status line.
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: missing system packages (${missing[*]}) and no apt-get here: install them by hand." >&2
        return 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: missing Debian packages: ${missing[*]}" >&2
        echo "setup: not root, so not installing them; run: sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
    echo "setup: apt-get install ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    local apt_opts=(-o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    # Refresh the package lists once: a fresh machine may have none, or stale ones.
    local stamp=/tmp/agentdesk-apt-updated
    if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mmin +360 2>/dev/null)" ]; then
        apt-get "${apt_opts[@]}" -qq update >&2 && touch "$stamp"
    fi
    if ! apt-get "${apt_opts[@]}" -qq install -y --no-install-recommends "${missing[@]}" </dev/null >&2; then
        # The lists may have gone stale since the stamp: refresh once more and retry.
        apt-get "${apt_opts[@]}" -qq update >&2 && touch "$stamp"
        apt-get "${apt_opts[@]}" -qq install -y --no-install-recommends "${missing[@]}" </dev/null >&2
    fi
)

agentdesk_qt_libs_ensure() {
    agentdesk_apt_ensure libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
        libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
        libxcb-xinerama0 libfontconfig1 libdbus-1-3 "$@"
}

agentdesk_setup() (
    set -euo pipefail
    local repo
    repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    cd "$repo"

    local mode=full
    while [ $# -gt 0 ]; do
        case "$1" in
            --no-test-extras) mode=desktop ;;
            --core) mode=core ;;
            -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return 0 ;;
            *) echo "setup: unknown option: $1" >&2; return 2 ;;
        esac
        shift
    done

    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

    # --- Python >= 3.11 -----------------------------------------------------
    local py="${AGENTDESK_PYTHON:-}"
    if [ -z "$py" ]; then
        local cand
        for cand in python3 python3.13 python3.12 python3.11; do
            if command -v "$cand" >/dev/null 2>&1 &&
                "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
                py="$(command -v "$cand")"
                break
            fi
        done
    fi
    if [ -z "$py" ]; then
        echo "setup: no python3 >= 3.11 found; trying Debian's python3" >&2
        agentdesk_apt_ensure python3 python3-venv || true
        py="$(command -v python3 || true)"
        if [ -z "$py" ] || ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "setup: AgentDesk needs Python >= 3.11 (set AGENTDESK_PYTHON to one)." >&2
            return 1
        fi
    fi

    # --- the venv -------------------------------------------------------------
    local venv=.venv
    [ "$mode" = core ] && venv=.venv-core
    local vpy="$venv/bin/python"

    # A venv that is half made (Debian without python3-venv leaves one without pip),
    # or whose interpreter went away or is too old, is made anew.
    if [ -e "$venv" ] && ! { "$vpy" -c 'import sys; sys.exit(sys.version_info < (3, 11))' &&
        "$vpy" -m pip --version; } >/dev/null 2>&1; then
        echo "setup: $venv is unusable; recreating it" >&2
        rm -rf "$venv"
    fi
    if [ ! -e "$venv" ]; then
        echo "setup: creating $venv with $py ($("$py" -V 2>&1))" >&2
        if ! "$py" -m venv "$venv" >/dev/null 2>&1; then
            rm -rf "$venv"
            local pyver
            pyver="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
            echo "setup: '$py -m venv' failed (Debian ships venv/ensurepip separately)" >&2
            if [ "$(id -u)" -ne 0 ]; then
                echo "setup: run as root, or: sudo apt-get install -y python3-venv python$pyver-venv" >&2
                return 1
            fi
            agentdesk_apt_ensure python3-venv "python$pyver-venv"
            "$py" -m venv "$venv"
        fi
    fi

    # --- what to install --------------------------------------------------------
    local plugins=() f
    for f in plugins/*/pyproject.toml; do
        [ -f "$f" ] && plugins+=("$(dirname "$f")")
    done

    local -a args
    case "$mode" in
        full) args=(-e '.[desktop,test]') ;;
        desktop) args=(-e '.[desktop]') ;;
        core)
            # The core and the Qt-free part of the test extra, read from pyproject.toml so
            # that new test dependencies come along. pytest-qt imports Qt at plugin load,
            # and import-linter runs in .venv only.
            local reqs
            reqs="$("$vpy" - <<'EOF'
import re, tomllib
with open("pyproject.toml", "rb") as fh:
    extras = tomllib.load(fh)["project"].get("optional-dependencies", {})
for req in extras.get("test", []):
    name = re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0].lower().replace("_", "-")
    if name in {"pytest-qt", "import-linter"} or "pyside" in name or "qt" in name.split("-"):
        continue
    print(req)
EOF
)"
            args=(-e .)
            local line
            while IFS= read -r line; do
                [ -n "$line" ] && args+=("$line")
            done <<<"$reqs"
            ;;
    esac
    # The demo/dev distribution: the core tests need its population and simulators too.
    [ -f demo/pyproject.toml ] && args+=(-e ./demo)
    # The SMS gateway plugin is Qt-free: the core's notice tests use its loopback reference gateway.
    [ "$mode" = core ] && [ -f plugins/sms/pyproject.toml ] && args+=(-e ./plugins/sms)
    if [ "$mode" != core ]; then
        local p
        for p in ${plugins[@]+"${plugins[@]}"}; do
            args+=(-e "./$p")
        done
    fi

    # Plugins with parts outside Python (the health plugin's FHIR server on Node.js) ship an
    # install.sh of their own; each is idempotent and cheap when nothing changed.
    plugin_installers() {
        local script
        for script in plugins/*/install.sh plugins/*/*/install.sh; do
            [ -f "$script" ] || continue
            bash "$script" || { echo "setup: $script failed" >&2; return 1; }
        done
    }

    # --- skip when nothing changed ----------------------------------------------
    stamp_for() { # $1 = mode
        {
            echo "mode=$1"
            "$vpy" -c 'import sys; print(sys.version)'
            cat "${BASH_SOURCE[0]}" pyproject.toml
            [ -f demo/pyproject.toml ] && cat demo/pyproject.toml
            local q
            for q in ${plugins[@]+"${plugins[@]}"}; do
                echo "plugin=$q"
                cat "$q/pyproject.toml"
            done
        } | sha256sum | cut -d' ' -f1
    }
    local stamp_file="$venv/.agentdesk-setup-stamp"
    local want have=""
    want="$(stamp_for "$mode")"
    [ -f "$stamp_file" ] && have="$(cat "$stamp_file")"
    if [ -n "$have" ] && "$vpy" -c 'import importlib.metadata as m; m.version("agentdesk")' >/dev/null 2>&1 &&
        { [ ! -f demo/pyproject.toml ] || "$vpy" -c 'import importlib.metadata as m; m.version("agentdesk-demo")' \
            >/dev/null 2>&1; }; then
        # A venv with the test extras also serves the desktop.
        if [ "$have" = "$want" ] || { [ "$mode" = desktop ] && [ "$have" = "$(stamp_for full)" ]; }; then
            echo "setup: $venv is up to date" >&2
            [ "$mode" = core ] || plugin_installers
            return
        fi
    fi

    echo "setup: pip install into $venv: ${args[*]}" >&2
    "$vpy" -m pip install -q "${args[@]}"

    if [ "$mode" = core ] && "$vpy" -c 'import PySide6' >/dev/null 2>&1; then
        echo "setup: PySide6 got into $venv: some core dependency pulls it in; the core must stay Qt-free" >&2
        return 1
    fi
    if [ "$mode" != core ]; then
        plugin_installers || return 1
    fi
    echo "$want" >"$stamp_file"
    echo "setup: $venv ready ($("$vpy" -V 2>&1))" >&2
)

# Sourced: `--lib` only defines the helpers; otherwise set up and return its status.
# Run: set up and exit with its status.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    if [ "${1:-}" != "--lib" ]; then
        agentdesk_setup "$@"
    fi
else
    agentdesk_setup "$@"
fi

#!/usr/bin/env bash
# Launch the AgentDesk desktop with demo data:
#
#   bash scripts/desk.sh [ARGS...]      runs `agentdesk demo ARGS...` from .venv
#
# Sets up .venv (desktop extra, plugins) and, as root, installs the Debian libraries
# Qt 6's xcb platform needs when they are missing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

bash scripts/setup.sh --no-test-extras

# shellcheck source=scripts/setup.sh
source scripts/setup.sh --lib
agentdesk_qt_libs_ensure ||
    echo "desk: some Qt system libraries are missing; the window may not open" >&2

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "desk: no DISPLAY or WAYLAND_DISPLAY set; run it under a desktop or Xvfb (xvfb-run)" >&2
fi

exec "$REPO/.venv/bin/agentdesk" demo "$@"

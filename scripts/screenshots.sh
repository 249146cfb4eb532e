#!/usr/bin/env bash
# Retake the README screenshots (docs/screenshots/*.png) under Xvfb at 1920x1080:
#
#   bash scripts/screenshots.sh
#
# Sets up .venv (desktop extra, plugins) and, as root, installs Xvfb and the Debian libraries
# Qt 6's xcb platform needs when they are missing; then runs scripts/screenshot.py (its
# docstring says what each picture shows). The side windows have scripts of their own that need
# no X server: scripts/screenshot_reports.py, ..., scripts/screenshot_notices.py (the notice composer),
# scripts/screenshot_self_service.py (a self-service update at the desk).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

bash scripts/setup.sh --no-test-extras

# shellcheck source=scripts/setup.sh
source scripts/setup.sh --lib
agentdesk_qt_libs_ensure xvfb xauth

exec xvfb-run -a -s "-screen 0 1920x1080x24" "$REPO/.venv/bin/python" scripts/screenshot.py "$@"

"""Where AgentDesk keeps its files. ``AGENTDESK_HOME`` overrides the platform folders (tests, kiosks)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "AgentDesk"


def _override() -> Path | None:
    home = os.environ.get("AGENTDESK_HOME")
    return Path(home) if home else None


def user_data_dir() -> Path:
    base = _override()
    path = base / "data" if base else Path(platformdirs.user_data_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    base = _override()
    path = base / "config" if base else Path(platformdirs.user_config_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    base = _override()
    path = base / "log" if base else Path(platformdirs.user_log_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path

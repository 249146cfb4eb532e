"""The desk's own settings: one typed schema with defaults and descriptions, stored as JSON in
``agentdesk.paths.user_config_dir()/desk-settings.json`` and versioned with migrations.

Secrets never go here (they live in the OS keyring). A missing or unreadable file gives the
defaults; unknown keys are dropped, bad values fall back to their default.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentdesk import paths

log = logging.getLogger(__name__)

FILE_NAME = "desk-settings.json"
SCHEMA_VERSION = 1
LANGUAGE_CODES = ("fi", "sv", "en")


def _meta(description: str, check: Callable[[object], bool]) -> dict[str, object]:
    return {"description": description, "check": check}


@dataclass(frozen=True)
class DeskSettings:
    language: str = field(
        default="fi", metadata=_meta("Language of the desk: fi, sv or en.", lambda v: v in LANGUAGE_CODES)
    )
    last_username: str = field(
        default="",
        metadata=_meta(
            "The staff user chosen at the last sign-in, preselected next time.", lambda v: isinstance(v, str)
        ),
    )

    @classmethod
    def describe(cls) -> dict[str, str]:
        return {f.name: f.metadata["description"] for f in dataclasses.fields(cls)}


# Migrations from an older file version: version N -> function turning a version-N dict into N+1.
RawSettings = dict[str, Any]  # the file's JSON object
MIGRATIONS: dict[int, Callable[[RawSettings], RawSettings]] = {}


def _migrate(raw: RawSettings) -> RawSettings:
    version = raw.get("version", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        log.info("settings file version %r is newer than this desk knows; reading what it can", version)
        return raw
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    return raw


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.user_config_dir() / FILE_NAME

    def load(self) -> DeskSettings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return DeskSettings()
        except (OSError, ValueError) as exc:
            log.info("settings file %s unreadable (%s); using defaults", self.path, type(exc).__name__)
            return DeskSettings()
        if not isinstance(raw, dict):
            return DeskSettings()
        raw = _migrate(raw)
        values = {}
        for f in dataclasses.fields(DeskSettings):
            if f.name in raw and f.metadata["check"](raw[f.name]):
                values[f.name] = raw[f.name]
        return DeskSettings(**values)

    def save(self, settings: DeskSettings) -> None:
        """Atomic: a crash mid-write leaves the old file."""
        payload = {"version": SCHEMA_VERSION, **dataclasses.asdict(settings)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".desk-settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, indent=2, ensure_ascii=False)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

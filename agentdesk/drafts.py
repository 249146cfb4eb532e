"""Continuously saved drafts (interaction notes, customer forms) that survive a crash.

Each draft is one small JSON file written atomically (temporary file + ``os.replace``), so a
desktop killed mid-keystroke leaves either the previous or the new draft, never a torn one.
Drafts stay on the workstation's own disk under the user data folder and are removed when the
work they hold is saved or discarded.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agentdesk import paths

_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")


@dataclass(frozen=True, slots=True)
class Draft:
    key: str
    kind: str
    saved_at: float  # epoch seconds
    data: dict[str, Any]  # JSON object


class DraftStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or paths.user_data_dir() / "drafts"
        self.folder.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"bad draft key {key!r}")
        return self.folder / f"{key}.json"

    def save(self, key: str, kind: str, data: dict[str, Any]) -> None:
        payload = json.dumps({"kind": kind, "saved_at": time.time(), "data": data}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".draft-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self._path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def load_all(self, kind: str | None = None) -> list[Draft]:
        drafts = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                draft = Draft(path.stem, str(raw["kind"]), float(raw["saved_at"]), dict(raw["data"]))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # an unreadable draft is skipped, never fatal
            if kind is None or draft.kind == kind:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.saved_at)

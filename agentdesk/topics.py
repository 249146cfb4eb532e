"""The configurable taxonomy of contact topics (what a contact was about)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("data") / "topics.toml"


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    department_code: str
    labels: dict[str, str]

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.code


class TopicFileError(ValueError):
    pass


def load_topics(path: Path | None = None) -> list[Topic]:
    """Read a taxonomy file; the default is AGENTDESK_TOPICS or the bundled file."""
    path = path or Path(os.environ.get("AGENTDESK_TOPICS") or DEFAULT_FILE)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TopicFileError(f"{path}: {exc}") from None
    topics, seen = [], set()
    for i, entry in enumerate(raw.get("topic", []), start=1):
        code = entry.get("code")
        if not isinstance(code, str) or not code:
            raise TopicFileError(f"{path}: topic #{i} has no code")
        if code in seen:
            raise TopicFileError(f"{path}: topic code {code!r} appears twice")
        seen.add(code)
        labels = {lang: str(entry[lang]) for lang in ("fi", "sv", "en") if lang in entry}
        if "en" not in labels:
            raise TopicFileError(f"{path}: topic {code!r} has no English label")
        topics.append(Topic(code, str(entry.get("department", "")), labels))
    if not topics:
        raise TopicFileError(f"{path}: no [[topic]] entries")
    return topics

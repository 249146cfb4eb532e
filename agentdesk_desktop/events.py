"""Structured log events for end-to-end tests and support: ``window.ready``,
``customer.opened id=42``.

One line per event on the ``agentdesk.event`` logger at INFO. Events carry ids, counts and
codes only — never names, identity codes, search text or anything else personal.
"""

from __future__ import annotations

import logging

log = logging.getLogger("agentdesk.event")


def _value(value: object) -> str:
    if isinstance(value, bool | int):
        return str(int(value)) if isinstance(value, bool) else str(value)
    text = str(value)
    if not text or any(ch.isspace() or ch == "=" for ch in text) or len(text) > 64:
        raise ValueError(f"event values are ids or codes without spaces, got {text[:20]!r}")
    return text


def emit(name: str, **fields: object) -> None:
    """Log ``name key=value ...``; values are ids or short codes (checked)."""
    parts = [name] + [f"{key}={_value(value)}" for key, value in fields.items() if value is not None]
    log.info(" ".join(parts))

"""The desk's own log file, and the filter that keeps personal data out of logs.

:func:`start_log_file` adds one rotating file (``agentdesk.log``, 5 × 2 MB) in the platform's log
folder (``AGENTDESK_HOME/log`` when that is set) to the root logger; calling it again moves the
file to the current folder rather than adding a second one. Every record that reaches the file
passes :class:`PersonalDataFilter` first, which can guard any other handler too:

- SQLAlchemy's statement and parameters (``[SQL: …]``, ``[parameters: …]``) and the server's
  ``DETAIL:``/``CONTEXT:`` lines (PostgreSQL quotes the failing row there) are removed from the
  message, from the formatted traceback and from the stack; the exception object itself is
  dropped from the record once its cleaned text is kept, so no later formatter renders it again;
- identity codes, e-mail addresses and phone numbers left in the text become ``[hetu]``,
  ``[email]`` and ``[phone]``.

Addresses and message bodies cannot be recognised in free text: they reach a log only as statement
parameters (which go) or when code logs them (which the house rules forbid). The engines are made
with ``hide_parameters=True`` as well (:mod:`agentdesk.storage.database`).
"""

from __future__ import annotations

import copy
import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from agentdesk import paths

LOG_FILE = "agentdesk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger(__name__)

# SQLAlchemy appends "[SQL: statement]" (possibly several lines), then "[parameters: …]" or "[SQL parameters
# hidden …]", then "(Background on this error at: …)" to a statement error's text: drop from the statement on.
_SQL_BLOCK = re.compile(r"\[SQL: .*?(?=\n\(Background on this error|\n\n|\Z)", re.DOTALL)
_PARAMETERS = re.compile(r"\[(?:SQL )?parameters[: ].*?\](?=\n|\Z)")
_SERVER_DETAIL = re.compile(r"^(\s*(?:DETAIL|CONTEXT|HINT|LINE \d+):).*$", re.MULTILINE)
# Henkilötunnus: ddmmyy, a century sign (+ - A, and B-F, U-Y since 2023), three digits, a check character.
_HETU = re.compile(r"(?<![0-9A-Za-z])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Za-z](?![0-9A-Za-z])")
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers: international (+358…, 00358…) or national (0 and an area or mobile code), grouped with
# spaces or dashes, 7-15 digits in all. Dates (2024-01-15), times and ordinary ids do not start this way.
_PHONE = re.compile(r"(?<![\w+.:/-])(?:(?:\+|00)[1-9]|0[1-9])(?:[ -]?\(?\d\)?){5,13}(?![\w.:/-])")


def scrub(text: str) -> str:
    """``text`` without SQL statements, parameters, server detail lines, identity codes, e-mail
    addresses or phone numbers."""
    if not text:
        return text
    text = _SQL_BLOCK.sub("[SQL and parameters removed]", text)
    text = _PARAMETERS.sub("[parameters removed]", text)
    text = _SERVER_DETAIL.sub(r"\1 [removed]", text)
    text = _HETU.sub("[hetu]", text)
    text = _EMAIL.sub("[email]", text)
    return _PHONE.sub("[phone]", text)


class PersonalDataFilter(logging.Filter):
    """Cleans a record in place (Python 3.11 filters cannot replace it) and lets it through.

    Other handlers of the same logger that run later see the cleaned record; the desk's file
    handler cleans a copy (:class:`_PrivateFileHandler`), so the console shows what it always did.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        # A bad format string (TypeError, ValueError, KeyError) or an argument whose __str__ raises anything:
        # keep what can be kept without its arguments.
        except Exception:  # noqa: BLE001 - any exception of an argument's __str__, see above
            message = str(record.msg)
        record.msg, record.args = scrub(message), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        record.exc_info = None  # the exception object still holds the statement and its parameters
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class _PrivateFileHandler(RotatingFileHandler):
    """A rotating file whose filters work on a copy of each record, not the one other handlers share."""

    def handle(self, record: logging.LogRecord) -> bool:
        return bool(super().handle(copy.copy(record)))


_installed: _PrivateFileHandler | None = None


def start_log_file(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Write the log to a rotating file in ``folder`` (default: the platform's log folder); its path.

    One file at a time: a second call for another folder closes the first (tests, a second desk in
    one process). The file handler takes ``level`` and up of whatever the loggers let through.
    """
    global _installed
    path = (folder or paths.user_log_dir()) / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    if _installed is not None:
        if _installed.baseFilename == os.path.abspath(path):
            return path
        stop_log_file()
    handler = _PrivateFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    logging.getLogger().addHandler(handler)
    _installed = handler
    from agentdesk import __version__

    # Into the file only (not the console), whatever level the loggers are at.
    handler.handle(
        log.makeRecord(log.name, logging.INFO, __file__, 0, "log started: AgentDesk %s", (__version__,), None)
    )
    return path


def stop_log_file() -> None:
    """Close the log file :func:`start_log_file` opened (nothing if none is open)."""
    global _installed
    if _installed is None:
        return
    logging.getLogger().removeHandler(_installed)
    _installed.close()
    _installed = None

"""Attachments saved where the operating system can open them: a temporary folder of this desk's own,
removed when the desk closes. Runs on the background helper (database read and file write); the
desk then asks the system to open the file (:class:`PySide6.QtGui.QDesktopServices`).

A name the sender chose never leaves the folder (no path separators, no leading dots) and a type
the system would run rather than show (a program, a script, a shortcut) is saved but not opened.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from agentdesk.channels.email_threads import EmailThreads

__all__ = ["AttachmentFolder", "SavedAttachment", "runs_when_opened", "safe_filename"]

# Opened by the system's shell these run code instead of showing a document.
_RUNNABLE = frozenset(
    {
        ".exe",
        ".com",
        ".bat",
        ".cmd",
        ".scr",
        ".pif",
        ".msi",
        ".msp",
        ".ps1",
        ".psm1",
        ".vbs",
        ".vbe",
        ".js",
        ".jse",
        ".wsf",
        ".wsh",
        ".hta",
        ".cpl",
        ".jar",
        ".lnk",
        ".url",
        ".reg",
        ".inf",
        ".scf",
        ".sh",
        ".command",
        ".app",
        ".desktop",
        ".appimage",
        ".py",
        ".pyw",
        ".dll",
        ".sys",
        ".iso",
        ".img",
        ".vhd",
        ".vhdx",
        ".docm",
        ".xlsm",
        ".pptm",
    }
)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_MAX_NAME = 120


def safe_filename(name: str, fallback: str = "attachment") -> str:
    cleaned = _UNSAFE.sub("_", name).strip().lstrip(".").strip()
    if not cleaned:
        cleaned = fallback
    if len(cleaned) > _MAX_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: _MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) < 16 else cleaned[:_MAX_NAME]
    return cleaned


def runs_when_opened(name: str) -> bool:
    return Path(name.lower().rstrip(". ")).suffix in _RUNNABLE


@dataclass(frozen=True, slots=True)
class SavedAttachment:
    path: Path
    openable: bool  # False: saved, but a type the system would run


class AttachmentFolder:
    """The desk's temporary folder for opened attachments (made on first use, removed by ``clear``)."""

    def __init__(self) -> None:
        self._dir: Path | None = None
        self._lock = threading.Lock()
        self._count = 0

    def save(self, threads: EmailThreads, attachment_id: int, *, actor: str) -> SavedAttachment:
        """Read the attachment and write it to a file of its own (the background helper)."""
        found = threads.attachment(attachment_id, actor=actor)
        name = safe_filename(found.filename)
        with self._lock:
            if self._dir is None:
                self._dir = Path(tempfile.mkdtemp(prefix="agentdesk-attachments-"))
            self._count += 1
            folder = self._dir / str(self._count)
        folder.mkdir(mode=0o700)
        path = folder / name
        path.write_bytes(found.content)
        return SavedAttachment(path, not runs_when_opened(name))

    def clear(self) -> None:
        with self._lock:
            folder, self._dir = self._dir, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

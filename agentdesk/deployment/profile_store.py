"""The workstation's department profile, kept as the last good one.

``<user config>/profile/current.toml`` is the profile in force and ``previous.toml`` the one before
it. :meth:`ProfileStore.apply` checks a new profile (file or URL) completely, against the plugins
installed here, and only then replaces ``current.toml`` atomically; a profile with any problem
never replaces it: the workstation keeps running on the last good profile and the problems are
returned (and logged) for IT.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from agentdesk import paths
from agentdesk.deployment.profile import (
    DISCOVER,
    FETCH_TIMEOUT,
    InstalledArg,
    Profile,
    ProfileError,
    ProfileProblem,
    check_profile,
    parse_profile,
    read_source,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApplyResult:
    applied: bool
    problems: tuple[ProfileProblem, ...]
    current: Profile | None  # the profile in force afterwards (the new one, or the last good one)
    unchanged: bool = False  # the new profile is the same text as the one in force

    def describe(self) -> str:
        if self.applied:
            verb = "unchanged" if self.unchanged else "applied"
            return f"profile {verb}: {self.current.describe() if self.current else ''}"
        keeping = (
            f"keeping the last good profile ({self.current.describe()})"
            if self.current
            else "this workstation has no profile yet"
        )
        return f"profile NOT applied ({len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}); {keeping}"


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target, flush to disk, then rename over it: readers see old or new, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ProfileStore:
    def __init__(self, folder: Path | None = None, *, installed: InstalledArg = DISCOVER) -> None:
        """``installed``: the plugins to check profiles against (InstalledPlugins), None for the
        structure only, or DISCOVER (the default) for the ones installed here."""
        self.folder = folder or paths.user_config_dir() / "profile"
        self._installed = installed

    @property
    def current_path(self) -> Path:
        return self.folder / "current.toml"

    @property
    def previous_path(self) -> Path:
        return self.folder / "previous.toml"

    def apply(self, source: str | Path, *, timeout: float = FETCH_TIMEOUT) -> ApplyResult:
        """Check the profile at ``source`` (a file or an http(s) URL) and make it current if it is good."""
        where = str(source)
        try:
            text = read_source(source, timeout=timeout)
        except ProfileError as exc:
            return self._refused(where, tuple(exc.problems))
        problems = tuple(check_profile(text, where, installed=self._installed))
        if problems:
            return self._refused(where, problems)
        profile = parse_profile(text, where, installed=None)
        self.folder.mkdir(parents=True, exist_ok=True)
        old = self.current_path.read_text(encoding="utf-8") if self.current_path.exists() else None
        if old == text:
            return ApplyResult(True, (), profile, unchanged=True)
        if old is not None:
            _write_atomically(self.previous_path, old)
        _write_atomically(self.current_path, text)
        log.info("department profile from %s applied: %s", where, profile.describe())
        return ApplyResult(True, (), profile)

    def _refused(self, where: str, problems: tuple[ProfileProblem, ...]) -> ApplyResult:
        log.warning(
            "department profile from %s not applied (%d problems); keeping the last good one", where, len(problems)
        )
        return ApplyResult(False, problems, self.current())

    def current(self) -> Profile | None:
        """The profile in force (``current.toml``), or ``previous.toml`` if someone broke the current
        one by hand; None when this workstation has no usable profile. Installed plugins are not
        re-checked here: a plugin that went missing is the plugin host's to report."""
        for path in (self.current_path, self.previous_path):
            if not path.exists():
                continue
            try:
                return parse_profile(path.read_text(encoding="utf-8"), str(path), installed=None)
            except (OSError, UnicodeDecodeError, ProfileError) as exc:
                log.error("department profile %s is unusable: %s", path, exc)
        return None

"""What a department profile is once read: the values both the checks and the readers use.

:mod:`agentdesk.deployment.profile_check` builds a :class:`Profile` or lists the problems, and
:mod:`agentdesk.deployment.profile` reads and loads profiles; both import this module and it imports
neither, so there is no import circle.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal, TypeAlias

from agentdesk.deployment.installed_plugins import InstalledPlugins
from agentdesk.deployment.profile_cases import CaseSettings
from agentdesk.deployment.profile_email import EmailSettings
from agentdesk.deployment.profile_reports import ReportSettings
from agentdesk.deployment.profile_work import WorkSettings
from agentdesk.directory.settings import DirectorySettings
from agentdesk.merge.rules import DEFAULT_RULES, SurvivorshipRules
from agentdesk.plugin_host.manifest import VersionRange
from agentdesk.plugin_host.settings import DeploymentPlugins
from agentdesk.storage.connection import DESK_CONNECTION, ConnectionSettings

PROFILE_VERSION = 1
LANGUAGES = ("fi", "sv", "en")


class _Discover(enum.Enum):
    DISCOVER = "discover"


# Installed plugins are looked up unless the caller passes ``installed=None`` (structure only).
DISCOVER: Final = _Discover.DISCOVER
# What ``installed=`` takes: the plugins to check against, None for the structure only, or DISCOVER.
InstalledArg: TypeAlias = InstalledPlugins | Literal[_Discover.DISCOVER] | None


class ProfileError(ValueError):
    """A profile with problems; ``problems`` lists each one."""

    def __init__(self, problems: list[ProfileProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class ProfileProblem:
    file: str
    key: str  # dotted, e.g. plugins.health.version; '' for the file as a whole
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}" if self.key else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class PluginChoice:
    id: str
    enabled: bool
    version: VersionRange | None
    settings: Mapping[str, object]
    secrets: tuple[str, ...]
    panel_roles: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class RetentionRule:
    """``[retention]``: the department's contacts older than ``contacts_years`` are anonymised by
    ``agentdesk retention run``; with ``legal_hold_open_cases`` (the default) those of an open case are kept."""

    contacts_years: int
    legal_hold_open_cases: bool = True


@dataclass(frozen=True)
class Profile:
    source: str
    department: str
    department_name: Mapping[str, str]
    default_language: str
    database_url: str | None  # None: the embedded database
    database_password: str  # "keyring" or "none"
    queues: tuple[str, ...]
    plugins: Mapping[str, PluginChoice]
    text: str = field(repr=False, default="")
    cases: CaseSettings = field(default_factory=CaseSettings)
    connection: ConnectionSettings = DESK_CONNECTION
    retention: RetentionRule | None = None  # None: no [retention] table, nothing is anonymised
    directory: DirectorySettings | None = None  # None: no [directory] table, no directory sign-in
    survivorship: SurvivorshipRules = DEFAULT_RULES  # [survivorship]: which register's value a merge keeps
    work: WorkSettings = field(default_factory=WorkSettings)  # [work]: wrap-up time and codes
    reports: ReportSettings = field(default_factory=ReportSettings)
    email: EmailSettings | None = None  # [email]: the queue mailboxes this desk watches and answers

    @property
    def enabled_plugins(self) -> list[str]:
        return sorted(pid for pid, p in self.plugins.items() if p.enabled)

    def describe(self) -> str:
        n = len(self.enabled_plugins)
        return f"department {self.department}, {n} plugin{'' if n == 1 else 's'}"

    def deployment_plugins(self) -> DeploymentPlugins:
        """The plugin host's view: listed plugins with their settings and panel roles; others off."""
        raw = {
            pid: {
                "enabled": p.enabled,
                **p.settings,
                "panel_roles": {panel: sorted(roles) for panel, roles in p.panel_roles.items()},
            }
            for pid, p in self.plugins.items()
        }
        return DeploymentPlugins.from_mapping({"plugins": raw, "plugins_default_enabled": False}, self.source)

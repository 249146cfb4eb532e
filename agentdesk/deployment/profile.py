"""Department profiles: the TOML file IT writes once per department.

    profile_version = 1

    [department]
    code = "health"                     # the staff directory's department code
    name = { fi = "Terveyspalvelut", sv = "Hälsovård", en = "Health care" }
    default_language = "fi"             # fi, sv or en

    [database]                          # leave out for the embedded SQLite database
    url = "postgresql://desk@db.city.example/agentdesk"   # never a password here
    password = "keyring"                # "keyring": agentdesk secrets set database ...; "none": no password

    [queues]
    member_of = ["health-phone", "health-mail"]

    [plugins.health]
    enabled = true
    version = ">=1.0,<2"                # the installed distribution must be in this range
    base_url = "https://fhir.city.example/fhir/R4/"   # the plugin's settings, from its manifest
    secrets = ["token"]                 # names from the manifest; values only in the keyring
    [plugins.health.panel_roles]
    summary = ["agent", "supervisor"]   # may only narrow the manifest's roles

A profile holds no secret: the database password and plugin tokens are *referenced* (by the
database URL's account, by the manifest's secret names) and provisioned per workstation with
``agentdesk secrets set``. Plugins the profile does not list are disabled.

:func:`check_profile` reports every problem at once with the file, the dotted key and what is
wrong; :func:`parse_profile` / :func:`load_profile` return a :class:`Profile` only when there is none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from agentdesk.plugin_host.manifest import VersionRange
from agentdesk.plugin_host.settings import DeploymentPlugins

PROFILE_VERSION = 1
LANGUAGES = ("fi", "sv", "en")
FETCH_TIMEOUT = 10.0
# Installed plugins are looked up unless the caller passes ``installed=None`` (structure only).
DISCOVER = object()


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

    @property
    def enabled_plugins(self) -> list[str]:
        return sorted(pid for pid, p in self.plugins.items() if p.enabled)

    def describe(self) -> str:
        n = len(self.enabled_plugins)
        return f"department {self.department}, {n} plugin{'' if n == 1 else 's'}"

    def deployment_plugins(self) -> DeploymentPlugins:
        """The plugin host's view: listed plugins with their settings and panel roles; others off."""
        raw = {pid: {"enabled": p.enabled, **p.settings,
                     "panel_roles": {panel: sorted(roles) for panel, roles in p.panel_roles.items()}}
               for pid, p in self.plugins.items()}
        return DeploymentPlugins.from_mapping({"plugins": raw, "plugins_default_enabled": False}, self.source)


# -- reading -------------------------------------------------------------------------------------


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.split(":", 1)[0].lower() in ("http", "https")


def read_source(source: str | Path, *, timeout: float = FETCH_TIMEOUT) -> str:
    """The profile text from a file or an http(s) URL; ProfileError names what went wrong."""
    where = str(source)
    if is_url(source):
        import requests

        try:
            response = requests.get(str(source), timeout=timeout)
        except requests.RequestException as exc:
            raise ProfileError([ProfileProblem(where, "", f"cannot fetch the profile: {type(exc).__name__}: {exc}")]) from None
        if response.status_code != 200:
            raise ProfileError([ProfileProblem(where, "", f"cannot fetch the profile: HTTP {response.status_code}")])
        try:
            return response.content.decode("utf-8")  # TOML is UTF-8, whatever the server's headers say
        except UnicodeDecodeError as exc:
            raise ProfileError([ProfileProblem(where, "", f"the profile is not UTF-8 text: {exc}")]) from None
    try:
        return Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ProfileError([ProfileProblem(where, "", f"cannot read the profile: {reason}")]) from None


def load_profile(source: str | Path, *, installed=DISCOVER, timeout: float = FETCH_TIMEOUT) -> Profile:
    """Read and check a profile from a file path or an http(s) URL; raises ProfileError."""
    return parse_profile(read_source(source, timeout=timeout), str(source), installed=installed)


def check_profile(text: str, source: str, *, installed=DISCOVER) -> list[ProfileProblem]:
    """Every problem in the profile (empty when it is good). ``installed=None`` checks the structure
    only; by default the plugins installed on this workstation are checked too."""
    from agentdesk.deployment.profile_check import ProfileChecker

    return ProfileChecker(text, source, installed).run()[1]


def parse_profile(text: str, source: str, *, installed=DISCOVER) -> Profile:
    from agentdesk.deployment.profile_check import ProfileChecker

    profile, problems = ProfileChecker(text, source, installed).run()
    if problems or profile is None:
        raise ProfileError(problems)
    return profile

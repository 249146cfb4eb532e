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

from pathlib import Path

from agentdesk.deployment.profile_check import ProfileChecker
from agentdesk.deployment.profile_model import (
    DISCOVER,
    LANGUAGES,
    PROFILE_VERSION,
    InstalledArg,
    PluginChoice,
    Profile,
    ProfileError,
    ProfileProblem,
)

__all__ = [
    "DISCOVER",
    "FETCH_TIMEOUT",
    "LANGUAGES",
    "PROFILE_VERSION",
    "InstalledArg",
    "PluginChoice",
    "Profile",
    "ProfileError",
    "ProfileProblem",
    "check_profile",
    "is_url",
    "load_profile",
    "parse_profile",
    "read_source",
]

FETCH_TIMEOUT = 10.0


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
            problem = ProfileProblem(where, "", f"cannot fetch the profile: {type(exc).__name__}: {exc}")
            raise ProfileError([problem]) from None
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


def load_profile(source: str | Path, *, installed: InstalledArg = DISCOVER, timeout: float = FETCH_TIMEOUT) -> Profile:
    """Read and check a profile from a file path or an http(s) URL; raises ProfileError."""
    return parse_profile(read_source(source, timeout=timeout), str(source), installed=installed)


def check_profile(text: str, source: str, *, installed: InstalledArg = DISCOVER) -> list[ProfileProblem]:
    """Every problem in the profile (empty when it is good). ``installed=None`` checks the structure
    only; by default the plugins installed on this workstation are checked too."""
    return ProfileChecker(text, source, installed).run()[1]


def parse_profile(text: str, source: str, *, installed: InstalledArg = DISCOVER) -> Profile:
    profile, problems = ProfileChecker(text, source, installed).run()
    if problems or profile is None:
        raise ProfileError(problems)
    return profile

"""The checks behind :func:`agentdesk.deployment.profile.check_profile`: every problem of a profile
with the dotted key and a precise message (typos get a suggestion, secrets get the keyring command)."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from agentdesk.deployment.installed_plugins import InstalledPlugins, installed_plugins, release_version
from agentdesk.deployment.profile_cases import CASE_KEYS, check_cases
from agentdesk.deployment.profile_database import check_database
from agentdesk.deployment.profile_directory import check_directory
from agentdesk.deployment.profile_email import check_email
from agentdesk.deployment.profile_model import (
    DISCOVER,
    LANGUAGES,
    PROFILE_VERSION,
    InstalledArg,
    PluginChoice,
    Profile,
    ProfileProblem,
)
from agentdesk.deployment.profile_nesting import nesting_message, shown, too_deep, too_deep_in_text
from agentdesk.deployment.profile_reports import REPORT_KEYS, check_reports
from agentdesk.deployment.profile_retention import check_retention
from agentdesk.deployment.profile_survivorship import check_survivorship
from agentdesk.deployment.profile_work import check_work
from agentdesk.plugin_api import API_VERSION
from agentdesk.plugin_host.manifest import ROLES, Manifest, VersionRange
from agentdesk.url_secrets import mask_url_secrets, url_secret_names

_DEPARTMENT = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_QUEUE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
_SECRET_NAME = re.compile(r"(?i)(passw|secret|token|api_?key|credential|private_?key)")
PLUGIN_KEYS = ("enabled", "version", "secrets", "panel_roles")


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _type_name(value: object) -> str:
    return {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "a text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def url_secret_problem(value: str, plugin_id: str = "") -> str | None:
    """A user name, password or secret query parameter in a URL-like text, or None."""
    if "://" not in value:
        return None
    keyring_hint = (
        "secrets go in the keyring: list the secret in secrets = [...] and store it with "
        f"agentdesk secrets set plugin {plugin_id or 'PLUGIN'} KEY"
    )
    if "@" in value.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return f"the URL contains a user name or password; {keyring_hint}"
    secret_names = url_secret_names(value)
    if secret_names:
        return f"the URL carries a secret in its query ({', '.join(secret_names)}); {keyring_hint}"
    return None


def http_url_problem(value: object, plugin_id: str = "") -> str | None:
    """What is wrong with a back end's URL in a profile, or None; never quotes a secret in it."""
    if not isinstance(value, str):
        return f"expected an http(s) URL, got {_type_name(value)}"
    secret = url_secret_problem(value, plugin_id)
    if secret:
        return secret
    try:
        parts = urlsplit(value)
        has_host = bool(parts.hostname)
        parts.port  # noqa: B018 - ValueError for a port that is no number or out of range
    except ValueError:
        parts, has_host = None, False
    if parts is None:
        return f"{shown(mask_url_secrets(value))} has a port that is not a number from 0 to 65535"
    if parts.scheme not in ("http", "https") or not has_host:
        return (
            f"{shown(mask_url_secrets(value))} is not an http(s) URL with a host "
            "(e.g. https://backend.city.example/api/)"
        )
    return None


class ProfileChecker:
    """Collects every problem of one profile text and builds the Profile when there is none."""

    def __init__(self, text: str, source: str, installed: InstalledArg) -> None:
        self.text, self.source = text, source
        self._installed_arg = installed
        self._installed: InstalledPlugins | None = None
        self.problems: list[ProfileProblem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(ProfileProblem(self.source, key, message))

    @property
    def installed(self) -> InstalledPlugins | None:
        if self._installed_arg is None:
            return None
        if self._installed is None:
            self._installed = installed_plugins() if self._installed_arg is DISCOVER else self._installed_arg
        return self._installed

    # -- helpers --

    def unknown_keys(self, table: Mapping[str, Any], prefix: str, known: Iterable[str]) -> None:
        known = list(known)
        for key, value in table.items():
            if key in known:
                continue
            dotted = f"{prefix}{key}"
            if _SECRET_NAME.search(key) and isinstance(value, str):
                self.problem(
                    dotted,
                    "looks like a secret value; secrets belong in the OS keyring, never in "
                    "the profile (agentdesk secrets set ...)",
                )
            else:
                listing = " (known here: " + ", ".join(known) + ")"
                self.problem(dotted, f"unknown key{_suggest(key, known) or listing}")

    def table(self, raw: Mapping[str, Any], key: str, *, required: bool) -> Mapping[str, Any] | None:
        value = raw.get(key)
        if value is None:
            if required:
                self.problem(key, f"missing: add a [{key}] table")
            return None
        if not isinstance(value, dict):
            self.problem(key, f"expected a table ([{key}]), got {_type_name(value)}")
            return None
        return value

    def text_value(self, table: Mapping[str, Any], key: str, dotted: str, *, required: bool) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(dotted, "missing")
            return None
        if not isinstance(value, str):
            self.problem(dotted, f"expected a text, got {_type_name(value)} {shown(value)}")
            return None
        return value

    def text_list(self, value: object, dotted: str) -> list[str] | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(dotted, f"expected a list of texts, got {_type_name(value)} {shown(value)}")
            return None
        return value

    def read_toml(self) -> dict[str, Any] | None:
        """The parsed text, or None with the problem recorded (nesting first: tomllib recurses)."""
        deep = too_deep_in_text(self.text)
        if deep is not None:
            self.problem(deep, nesting_message())
            return None
        try:
            raw = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            self.problem("", f"not valid TOML: {exc}")
            return None
        except ValueError:  # tomllib lets int() fail on a number past Python's 4300-digit limit
            self.problem("", "not valid TOML: a number with too many digits")
            return None
        except RecursionError:  # not reached: too_deep_in_text stops every nesting tomllib recurses on
            self.problem("", nesting_message())
            return None
        deep = too_deep(raw)
        if deep is not None:
            self.problem(deep, nesting_message())
            return None
        return raw

    # -- the parts --

    def run(self) -> tuple[Profile | None, list[ProfileProblem]]:
        raw = self.read_toml()
        if raw is None:
            return None, self.problems
        version = raw.get("profile_version")
        if version is None:
            self.problem("profile_version", f"missing: write profile_version = {PROFILE_VERSION} at the top")
            return None, self.problems
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem("profile_version", f"expected a whole number like {PROFILE_VERSION}, got {shown(version)}")
            return None, self.problems
        if version > PROFILE_VERSION:
            self.problem(
                "profile_version",
                f"{shown(version)} is newer than this AgentDesk supports "
                f"({PROFILE_VERSION}); update AgentDesk on this workstation",
            )
            return None, self.problems
        self.unknown_keys(
            raw,
            "",
            (
                "profile_version",
                "department",
                "database",
                "queues",
                "cases",
                "plugins",
                "retention",
                "directory",
                "survivorship",
                "work",
                "reports",
                "email",
            ),
        )
        department, name, language = self.department(raw)
        db_url, db_password, connection = check_database(self, raw)
        queues = self.queues(raw)
        cases_table = self.table(raw, "cases", required=False)
        if cases_table is not None:
            self.unknown_keys(cases_table, "cases.", CASE_KEYS)
        cases = check_cases(cases_table, self.problem)
        reports_table = self.table(raw, "reports", required=False)
        if reports_table is not None:
            self.unknown_keys(reports_table, "reports.", REPORT_KEYS)
        reports = check_reports(reports_table, self.problem)
        plugins = self.plugins(raw)
        retention = check_retention(self, raw)
        directory = check_directory(self, raw)
        survivorship = check_survivorship(self, raw)
        work = check_work(self.table(raw, "work", required=False), self.problem)
        email = check_email(self.table(raw, "email", required=False), self.problem)
        if self.problems:
            return None, self.problems
        profile = Profile(self.source, department, name, language, db_url, db_password, queues, plugins, self.text)
        parts = replace(profile, cases=cases, connection=connection, retention=retention)
        parts = replace(parts, email=email)
        return replace(parts, directory=directory, survivorship=survivorship, work=work, reports=reports), []

    def department(self, raw: Mapping[str, Any]) -> tuple[str, dict[str, str], str]:
        table = self.table(raw, "department", required=True) or {}
        self.unknown_keys(table, "department.", ("code", "name", "default_language"))
        code = self.text_value(table, "code", "department.code", required="department" in raw) or ""
        if code and not _DEPARTMENT.match(code):
            self.problem(
                "department.code",
                f"{shown(code)} is not a department code: lower-case letters, digits, "
                "_ and -, at most 32 characters (e.g. customer_service)",
            )
        names: dict[str, str] = {}
        name = table.get("name")
        if isinstance(name, str):
            names = {"en": name}
        elif isinstance(name, dict):
            for lang, text in name.items():
                if lang not in LANGUAGES:
                    self.problem(
                        f"department.name.{lang}",
                        f"unknown language {lang!r}; use fi, sv or en{_suggest(lang, LANGUAGES)}",
                    )
                elif not isinstance(text, str):
                    self.problem(f"department.name.{lang}", f"expected a text, got {_type_name(text)}")
                else:
                    names[lang] = text
        elif name is not None:
            self.problem("department.name", f"expected a text or a table of texts per language, got {_type_name(name)}")
        language = table.get("default_language", "fi")
        if not isinstance(language, str):
            self.problem("department.default_language", f"expected a text (fi, sv or en), got {_type_name(language)}")
            language = "fi"
        elif language not in LANGUAGES:
            self.problem(
                "department.default_language",
                f"unknown language {shown(language)}; use fi, sv or en{_suggest(language, LANGUAGES)}",
            )
        return code, names, language

    def queues(self, raw: Mapping[str, Any]) -> tuple[str, ...]:
        table = self.table(raw, "queues", required=False)
        if table is None:
            return ()
        self.unknown_keys(table, "queues.", ("member_of",))
        codes = self.text_list(table.get("member_of", []), "queues.member_of") or []
        seen: set[str] = set()
        for code in codes:
            if not _QUEUE.match(code):
                self.problem(
                    "queues.member_of",
                    f"{shown(code)} is not a queue code: letters, digits, _ . -, at most 32 characters",
                )
            elif code in seen:
                self.problem("queues.member_of", f"queue {shown(code)} is listed twice")
            seen.add(code)
        return tuple(codes)

    def plugins(self, raw: Mapping[str, Any]) -> dict[str, PluginChoice]:
        table = self.table(raw, "plugins", required=False) or {}
        out = {}
        for pid, ptable in table.items():
            where = f"plugins.{pid}"
            if not isinstance(ptable, dict):
                self.problem(where, f"expected a table ([plugins.{pid}]), got {_type_name(ptable)}")
                continue
            choice = self.plugin(pid, ptable, where)
            if choice is not None:
                out[pid] = choice
        return out

    def plugin(self, pid: str, table: Mapping[str, Any], where: str) -> PluginChoice | None:
        enabled = table.get("enabled", True)
        if not isinstance(enabled, bool):
            self.problem(f"{where}.enabled", f"expected true or false, got {_type_name(enabled)} {shown(enabled)}")
            enabled = True
        version_range = None
        version_text = table.get("version")
        if version_text is not None:
            if not isinstance(version_text, str):
                self.problem(
                    f"{where}.version",
                    f'expected a version range text like ">=1.0,<2", '
                    f"got {_type_name(version_text)} {shown(version_text)}",
                )
            else:
                try:
                    version_range = VersionRange.parse(version_text)
                except ValueError as exc:
                    self.problem(f"{where}.version", str(exc))
        secrets = self.text_list(table.get("secrets", []), f"{where}.secrets") or []
        panel_roles = self.panel_roles(table.get("panel_roles", {}), f"{where}.panel_roles")
        settings = {k: v for k, v in table.items() if k not in PLUGIN_KEYS}

        installed = self.installed
        plugin = installed.get(pid) if installed is not None else None
        if installed is not None and plugin is None:
            if enabled:
                broken = installed.broken.get(pid)
                if broken:
                    self.problem(where, f"plugin {pid!r} is installed but its manifest cannot be used: {broken}")
                else:
                    have = ", ".join(installed.ids()) or "none"
                    self.problem(
                        where,
                        f"plugin {pid!r} is not installed on this workstation "
                        f"(installed plugins: {have}){_suggest(pid, installed.ids())}",
                    )
            # Without a manifest only the secret checks are possible for the other keys.
            for key, value in settings.items():
                if _SECRET_NAME.search(key) and isinstance(value, str):
                    self._literal_secret(pid, key, f"{where}.{key}")
                elif isinstance(value, str) and (leak := url_secret_problem(value, pid)):
                    self.problem(f"{where}.{key}", leak)
        elif plugin is not None:
            m = plugin.manifest
            if version_range is not None and not version_range.contains(release_version(plugin.version)):
                self.problem(
                    f"{where}.version", f"installed {plugin.label()} is outside the required range {version_range.text}"
                )
            if enabled and not m.api.contains(API_VERSION):
                # The plugin host's words: it will refuse the plugin for this reason.
                self.problem(
                    where,
                    f"plugin {m.id} {m.version} supports plugin API {m.api.text}, "
                    f"this AgentDesk provides {API_VERSION}",
                )
            specs = {s.key: s for s in m.settings}
            secret_names = [s.key for s in m.secrets]
            for key, value in settings.items():
                if key in secret_names or (key not in specs and _SECRET_NAME.search(key) and isinstance(value, str)):
                    self._literal_secret(pid, key, f"{where}.{key}")
                elif key not in specs:
                    known = [*PLUGIN_KEYS, *specs]
                    listing = " (its settings: " + (", ".join(specs) or "none") + ")"
                    self.problem(
                        f"{where}.{key}",
                        f"unknown key; plugin {pid} has no setting {key!r}{_suggest(key, known) or listing}",
                    )
                else:
                    self._setting(specs[key].kind, value, f"{where}.{key}", pid)
            if enabled:
                for spec in m.settings:
                    if spec.required and spec.default is None and spec.key not in settings:
                        hint = f" ({spec.description})" if spec.description else ""
                        self.problem(f"{where}.{spec.key}", f"missing: plugin {pid} requires this setting{hint}")
                for secret in m.secrets:
                    if secret.required and secret.key not in secrets:
                        self.problem(
                            f"{where}.secrets",
                            f"plugin {pid} requires the secret {secret.key!r}: "
                            f"list it here and store it with: agentdesk secrets set "
                            f"plugin {pid} {secret.key}",
                        )
            for name in secrets:
                if name not in secret_names:
                    self.problem(
                        f"{where}.secrets",
                        f"plugin {pid} has no secret {name!r} "
                        f"(its secrets: {', '.join(secret_names) or 'none'})"
                        f"{_suggest(name, secret_names)}",
                    )
            self._panels_in_manifest(pid, m, panel_roles, f"{where}.panel_roles")
        return PluginChoice(pid, enabled, version_range, settings, tuple(secrets), panel_roles)

    def _literal_secret(self, pid: str, key: str, dotted: str) -> None:
        self.problem(
            dotted,
            f'a secret value does not belong in the profile; list it as secrets = ["{key}"] '
            f"and store it in the keyring: agentdesk secrets set plugin {pid} {key}",
        )

    def _setting(self, kind: str, value: object, dotted: str, pid: str = "") -> None:
        if kind == "url":
            problem = http_url_problem(value, pid)
            if problem:
                self.problem(dotted, problem)
        elif kind == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
            self.problem(dotted, f"expected a whole number, got {_type_name(value)} {shown(value)}")
        elif kind == "float" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            self.problem(dotted, f"expected a number, got {_type_name(value)} {shown(value)}")
        elif kind == "bool" and not isinstance(value, bool):
            self.problem(dotted, f"expected true or false, got {_type_name(value)} {shown(value)}")
        elif kind == "string" and not isinstance(value, str):
            self.problem(dotted, f"expected a text, got {_type_name(value)} {shown(value)}")
        elif isinstance(value, str) and kind != "url" and (leak := url_secret_problem(value, pid)):
            self.problem(dotted, leak)

    def panel_roles(self, value: object, where: str) -> dict[str, frozenset[str]]:
        if not isinstance(value, dict):
            self.problem(where, f"expected a table of panel id = [roles], got {_type_name(value)}")
            return {}
        out = {}
        for panel, roles in value.items():
            listed = self.text_list(roles, f"{where}.{panel}")
            if listed is None:
                continue
            for role in listed:
                if role not in ROLES:
                    self.problem(
                        f"{where}.{panel}",
                        f"unknown role {shown(role)}; known roles: {', '.join(sorted(ROLES))}{_suggest(role, ROLES)}",
                    )
            out[panel] = frozenset(listed)
        return out

    def _panels_in_manifest(
        self, pid: str, manifest: Manifest, panel_roles: Mapping[str, frozenset[str]], where: str
    ) -> None:
        offered = {p.id: p.roles for p in manifest.panels} | {a.id: a.roles for a in manifest.actions}
        for panel, roles in panel_roles.items():
            if panel not in offered:
                self.problem(
                    f"{where}.{panel}",
                    f"plugin {pid} has no panel or action {panel!r} "
                    f"(it has: {', '.join(offered) or 'none'}){_suggest(panel, offered)}",
                )
                continue
            never = sorted((roles & ROLES) - offered[panel])
            if never:
                self.problem(
                    f"{where}.{panel}",
                    f"the manifest of plugin {pid} allows {panel} only for "
                    f"{', '.join(sorted(offered[panel]))}; {', '.join(never)} "
                    "would never see it",
                )

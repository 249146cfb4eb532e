"""Plugin manifests (``agentdesk-plugin.toml``): parsed and checked before any plugin code runs."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from agentdesk.plugin_api import CUSTOMER_FIELDS
from agentdesk.storage.models import StaffRole

MANIFEST_NAME = "agentdesk-plugin.toml"
_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_FACTORY = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
_CLAUSE = re.compile(r"^\s*(>=|<=|==|>|<)\s*(\d+(?:\.\d+)*)\s*$")
SETTING_KINDS = ("url", "string", "int", "float", "bool")
ROLES = {r.value for r in StaffRole}


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file, the key and what is wrong."""


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def _cmp(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    n = max(len(a), len(b))
    a, b = a + (0,) * (n - len(a)), b + (0,) * (n - len(b))
    return (a > b) - (a < b)


@dataclass(frozen=True, slots=True)
class VersionRange:
    text: str
    clauses: tuple[tuple[str, tuple[int, ...]], ...]

    @classmethod
    def parse(cls, text: str) -> VersionRange:
        clauses = []
        for part in text.split(","):
            m = _CLAUSE.match(part)
            if not m:
                raise ValueError(f'not a version range clause: {part.strip()!r} (use e.g. ">=1.0,<2")')
            clauses.append((m.group(1), _version(m.group(2))))
        return cls(text, tuple(clauses))

    def contains(self, version: str) -> bool:
        v = _version(version)
        ops = {
            ">=": lambda c: c >= 0,
            "<=": lambda c: c <= 0,
            "==": lambda c: c == 0,
            ">": lambda c: c > 0,
            "<": lambda c: c < 0,
        }
        return all(ops[op](_cmp(v, bound)) for op, bound in self.clauses)


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    kind: str
    required: bool
    description: str
    default: object = None


@dataclass(frozen=True, slots=True)
class SecretSpec:
    key: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class PanelSpec:
    plugin_id: str
    id: str
    title: dict[str, str]
    sensitive: bool
    roles: frozenset[str]
    departments: frozenset[str]
    idempotent: bool

    @property
    def key(self) -> str:
        return f"{self.plugin_id}.{self.id}"

    def label(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en") or self.id


@dataclass(frozen=True, slots=True)
class ActionSpec:
    plugin_id: str
    id: str
    title: dict[str, str]
    roles: frozenset[str]
    departments: frozenset[str]

    def label(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en") or self.id


@dataclass(frozen=True, slots=True)
class Manifest:
    id: str
    name: dict[str, str]
    version: str
    api: VersionRange
    factory: str
    backend: str
    settings: tuple[SettingSpec, ...]
    secrets: tuple[SecretSpec, ...]
    panels: tuple[PanelSpec, ...]
    actions: tuple[ActionSpec, ...]
    source: str  # where it was read from, for messages
    # What the plugin gets to know of the customer beyond id and display name (plugin_api.CUSTOMER_FIELDS).
    customer_fields: frozenset[str] = frozenset()
    # The reference systems (ActionResult.reference_system) whose statuses the plugin answers (API 1.2).
    status_systems: frozenset[str] = frozenset()

    def label(self, language: str) -> str:
        return self.name.get(language) or self.name.get("en") or self.id


def _texts(where: str, value: object, key: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) for v in value.values()):
        raise ManifestError(f"{where}: '{key}' must be a text or a table of texts per language (en, fi, sv)")
    if "en" not in value:
        raise ManifestError(f"{where}: '{key}' has no English ('en') text")
    return dict(value)


def _status_systems(where: str, value: object) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ManifestError(f"{where}: 'status_systems' must be a list of reference system names, e.g. [\"open311\"]")
    return frozenset(value)


def _roles(where: str, value: object, key: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
        raise ManifestError(f"{where}: '{key}' must be a list of role names")
    unknown = set(value) - ROLES
    if unknown:
        raise ManifestError(f"{where}: '{key}' names unknown role(s) {sorted(unknown)}; known: {sorted(ROLES)}")
    return frozenset(value)


def _customer_fields(where: str, value: object) -> frozenset[str]:
    if value is None:
        return frozenset()  # the least: customer id and display name
    if not isinstance(value, list) or not all(isinstance(f, str) for f in value):
        raise ManifestError(f"{where}: 'customer_fields' must be a list of field names, e.g. [\"hetu\"]")
    unknown = set(value) - set(CUSTOMER_FIELDS)
    if unknown:
        raise ManifestError(
            f"{where}: 'customer_fields' names unknown field(s) {sorted(unknown)}; known: {', '.join(CUSTOMER_FIELDS)}"
        )
    return frozenset(value)


def parse_manifest(text: str, source: str) -> Manifest:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{source}: not valid TOML: {exc}") from None
    where = source
    for key in ("id", "version", "api", "factory"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ManifestError(f"{where}: '{key}' is required and must be a text")
    pid = raw["id"]
    if not _ID.match(pid):
        raise ManifestError(f"{where}: 'id' {pid!r} must be lower-case letters, digits and _ (starting with a letter)")
    try:
        _version(raw["version"].split("-")[0].split("+")[0])
    except ValueError:
        raise ManifestError(f"{where}: 'version' {raw['version']!r} is not a version like 1.2.0") from None
    try:
        api = VersionRange.parse(raw["api"])
    except ValueError as exc:
        raise ManifestError(f"{where}: 'api': {exc}") from None
    if not _FACTORY.match(raw["factory"]):
        raise ManifestError(f"{where}: 'factory' must look like 'package.module:function'")
    name = _texts(where, raw.get("name", pid), "name")

    settings = []
    for key, spec in (raw.get("settings") or {}).items():
        if not isinstance(spec, dict):
            raise ManifestError(f"{where}: 'settings.{key}' must be a table")
        kind = spec.get("kind", "string")
        if kind not in SETTING_KINDS:
            raise ManifestError(f"{where}: 'settings.{key}.kind' is {kind!r}; use one of {', '.join(SETTING_KINDS)}")
        settings.append(
            SettingSpec(
                key, kind, bool(spec.get("required", False)), str(spec.get("description", "")), spec.get("default")
            )
        )
    secrets = []
    for key, spec in (raw.get("secrets") or {}).items():
        if not isinstance(spec, dict):
            raise ManifestError(f"{where}: 'secrets.{key}' must be a table")
        secrets.append(SecretSpec(key, bool(spec.get("required", False)), str(spec.get("description", ""))))

    panels, seen = [], set()
    for i, p in enumerate(raw.get("panels") or [], start=1):
        pw = f"{where}: panels[{i}]"
        if not isinstance(p, dict) or not isinstance(p.get("id"), str) or not _ID.match(p["id"]):
            raise ManifestError(f"{pw}: 'id' is required (lower-case letters, digits, _)")
        if p["id"] in seen:
            raise ManifestError(f"{pw}: panel id {p['id']!r} appears twice")
        seen.add(p["id"])
        if "roles" not in p:
            raise ManifestError(f"{pw}: 'roles' is required: list the staff roles allowed to see the panel")
        panels.append(
            PanelSpec(
                pid,
                p["id"],
                _texts(pw, p.get("title", p["id"]), "title"),
                bool(p.get("sensitive", False)),
                _roles(pw, p["roles"], "roles"),
                frozenset(p.get("departments") or ()),
                bool(p.get("idempotent", True)),
            )
        )
    actions = []
    for i, a in enumerate(raw.get("actions") or [], start=1):
        aw = f"{where}: actions[{i}]"
        if not isinstance(a, dict) or not isinstance(a.get("id"), str) or not _ID.match(a["id"]):
            raise ManifestError(f"{aw}: 'id' is required (lower-case letters, digits, _)")
        if "roles" not in a:
            raise ManifestError(f"{aw}: 'roles' is required")
        actions.append(
            ActionSpec(
                pid,
                a["id"],
                _texts(aw, a.get("title", a["id"]), "title"),
                _roles(aw, a["roles"], "roles"),
                frozenset(a.get("departments") or ()),
            )
        )
    return Manifest(
        pid,
        name,
        raw["version"],
        api,
        raw["factory"],
        str(raw.get("backend", "")),
        tuple(settings),
        tuple(secrets),
        tuple(panels),
        tuple(actions),
        source,
        _customer_fields(where, raw.get("customer_fields")),
        _status_systems(where, raw.get("status_systems", [])),
    )


def read_manifest(path: Path) -> Manifest:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc.strerror or exc}") from None
    return parse_manifest(text, str(path))

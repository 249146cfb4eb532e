"""Per-deployment plugin configuration (which plugins, their back-end settings, panel roles)
and plugin secrets from the OS keyring. Files hold settings and *references* only."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from agentdesk.plugin_host.manifest import Manifest, ManifestError

PLUGIN_SECRET_SERVICE = "agentdesk-plugin:{plugin_id}"


@dataclass(frozen=True)
class PluginConfig:
    enabled: bool = True
    values: Mapping[str, object] = field(default_factory=dict)
    panel_roles: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def resolved_settings(self, manifest: Manifest) -> dict[str, object]:
        """The manifest's settings filled from this config, checked by kind."""
        out: dict[str, object] = {}
        for spec in manifest.settings:
            value = self.values.get(spec.key, spec.default)
            where = f"plugin {manifest.id} setting {spec.key!r}"
            if value is None:
                if spec.required:
                    raise ManifestError(f"{where} is required but not set in the deployment profile")
                continue
            if spec.kind == "url":
                parts = urlsplit(str(value))
                if parts.scheme not in ("http", "https") or not parts.netloc:
                    raise ManifestError(f"{where}: {value!r} is not an http(s) URL")
                value = str(value)
            elif spec.kind == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
                raise ManifestError(f"{where}: expected a whole number, got {value!r}")
            elif spec.kind == "float" and not isinstance(value, (int, float)):
                raise ManifestError(f"{where}: expected a number, got {value!r}")
            elif spec.kind == "bool" and not isinstance(value, bool):
                raise ManifestError(f"{where}: expected true or false, got {value!r}")
            elif spec.kind == "string":
                value = str(value)
            out[spec.key] = value
        return out


@dataclass(frozen=True)
class DeploymentPlugins:
    """``[plugins.<id>]`` tables: ``enabled``, setting values, ``[plugins.<id>.panel_roles]``."""

    plugins: Mapping[str, PluginConfig] = field(default_factory=dict)
    default_enabled: bool = True

    def plugin(self, plugin_id: str) -> PluginConfig:
        return self.plugins.get(plugin_id) or PluginConfig(enabled=self.default_enabled)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], source: str = "plugins") -> DeploymentPlugins:
        plugins = {}
        for pid, table in (raw.get("plugins") or {}).items():
            if not isinstance(table, Mapping):
                raise ManifestError(f"{source}: [plugins.{pid}] must be a table")
            values = {k: v for k, v in table.items() if k not in ("enabled", "panel_roles")}
            roles = {panel: frozenset(r) for panel, r in (table.get("panel_roles") or {}).items()}
            plugins[pid] = PluginConfig(bool(table.get("enabled", True)), values, roles)
        return cls(plugins, bool(raw.get("plugins_default_enabled", True)))

    @classmethod
    def from_file(cls, path: Path) -> DeploymentPlugins:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ManifestError(f"{path}: {exc}") from None
        return cls.from_mapping(raw, str(path))


class SecretSource(Protocol):
    def get(self, plugin_id: str, key: str) -> str | None: ...


class KeyringSecrets:
    """Plugin secrets in the OS keyring: service ``agentdesk-plugin:<id>``, user = secret key."""

    def get(self, plugin_id: str, key: str) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(PLUGIN_SECRET_SERVICE.format(plugin_id=plugin_id), key)
        except KeyringError:
            return None

    def set(self, plugin_id: str, key: str, value: str) -> None:
        import keyring

        keyring.set_password(PLUGIN_SECRET_SERVICE.format(plugin_id=plugin_id), key, value)

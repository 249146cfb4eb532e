"""The plugins installed on this workstation, found as the plugin host finds them: through the
``agentdesk.plugins`` entry point, with each manifest read from the package folder without importing
plugin code. The version checked against a profile's constraint is the distribution's
(``importlib.metadata``), so a wheel rolled out with ``pip install`` is judged by what pip installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.metadata import entry_points

from agentdesk.plugin_host.host import ENTRY_POINT_GROUP, _manifest_path_for
from agentdesk.plugin_host.manifest import Manifest, ManifestError, read_manifest

_RELEASE = re.compile(r"^\d+(?:\.\d+)*")


def release_version(version: str) -> str:
    """``1.2.0`` of ``1.2.0rc1`` / ``1.2.0.dev3+g1234``: what a ``>=1.0,<2`` range compares."""
    m = _RELEASE.match(version.strip())
    return m.group(0) if m else "0"


@dataclass(frozen=True)
class InstalledPlugin:
    id: str
    distribution: str  # e.g. agentdesk-plugin-health ('' if the entry point has no distribution)
    version: str  # the distribution's version, else the manifest's
    manifest: Manifest

    def label(self) -> str:
        return f"{self.distribution or self.id} {self.version}"


@dataclass(frozen=True)
class InstalledPlugins:
    plugins: dict[str, InstalledPlugin] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)  # entry point name -> why its manifest is unusable

    def get(self, plugin_id: str) -> InstalledPlugin | None:
        return self.plugins.get(plugin_id)

    def ids(self) -> list[str]:
        return sorted(self.plugins)


def installed_plugins() -> InstalledPlugins:
    """Every plugin registered through the entry point; no plugin code is imported."""
    plugins: dict[str, InstalledPlugin] = {}
    broken: dict[str, str] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            manifest = read_manifest(_manifest_path_for(ep.value.strip()))
        except (ManifestError, ImportError, ValueError) as exc:
            broken[ep.name] = str(exc)
            continue
        dist = ep.dist
        name = dist.metadata["Name"] if dist is not None else ""
        version = dist.version if dist is not None else manifest.version
        plugins.setdefault(manifest.id, InstalledPlugin(manifest.id, name or "", version, manifest))
    return InstalledPlugins(plugins, broken)

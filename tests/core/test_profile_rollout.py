"""Rolling a plugin wheel out to a department: pip installs it, the profile's version range is
checked against what pip installed, and a plugin built for another plugin API is refused by
`agentdesk profile check` and by the plugin host, naming the plugin and both versions."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from agentdesk.deployment.profile import check_profile, parse_profile
from agentdesk.plugin_api import API_VERSION
from agentdesk.plugin_host.host import PluginHost, PluginState
from agentdesk.plugin_host.settings import KeyringSecrets

PLUGIN_CODE = """\
class Lantern:
    def panel(self, panel_id, call):
        raise KeyError(panel_id)

    def close(self):
        pass


def create(context):
    return Lantern()
"""


def build_wheel(folder: Path, *, version: str, api: str) -> Path:
    """A wheel of the tiny 'lantern' plugin, written to the wheel format (PEP 427) by hand: the
    test venvs have no wheel-building backend and no network."""
    dist, package = "agentdesk_plugin_lantern", "agentdesk_lantern"
    info = f"{dist}-{version}.dist-info"
    files = {
        f"{package}/__init__.py": "",
        f"{package}/plugin.py": PLUGIN_CODE,
        f"{package}/agentdesk-plugin.toml": (
            f'id = "lantern"\nversion = "{version}"\napi = "{api}"\nfactory = "{package}.plugin:create"\n'
            '[settings.base_url]\nkind = "url"\nrequired = true\n'
            '[[panels]]\nid = "lights"\nroles = ["agent"]\n'
        ),
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: agentdesk-plugin-lantern\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: agentdesk-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": f"[agentdesk.plugins]\nlantern = {package}\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for name, text in [*files.items(), (f"{info}/RECORD", "\n".join(record) + "\n")]:
            zf.writestr(name, text)
    return wheel


@pytest.fixture
def install(tmp_path, monkeypatch):
    """pip install --target a wheel (offline) and put the target on sys.path."""

    def run(wheel: Path) -> None:
        target = tmp_path / "site"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--no-index",
                "--no-compile",
                "--target",
                str(target),
                str(wheel),
            ],
            check=True,
            timeout=120,
            capture_output=True,
        )
        monkeypatch.syspath_prepend(str(target))

    yield run
    for name in [m for m in sys.modules if m.split(".")[0] == "agentdesk_lantern"]:
        del sys.modules[name]


def profile_text(version_range: str) -> str:
    return (
        'profile_version = 1\n[department]\ncode = "technical"\n'
        f'[plugins.lantern]\nversion = "{version_range}"\nbase_url = "https://lights.city.example/api/"\n'
    )


def host_for(text: str) -> PluginHost:
    return PluginHost(
        deployment=parse_profile(text, "p.toml", installed=None).deployment_plugins(),
        secrets=KeyringSecrets(),
        audit_sink=lambda **entry: None,
    )


@pytest.mark.expect_log_warnings  # the host logs the refusal as an error
def test_a_plugin_for_another_api_is_refused_naming_plugin_and_versions(tmp_path, install):
    install(build_wheel(tmp_path / "dist" / "plugins", version="1.0.0", api=">=2.0,<3"))
    refusal = f"plugin lantern 1.0.0 supports plugin API >=2.0,<3, this AgentDesk provides {API_VERSION}"
    text = profile_text(">=1.0,<2")
    assert [str(p) for p in check_profile(text, "p.toml")] == [f"p.toml: plugins.lantern: {refusal}"]
    host = host_for(text)
    status = {s.id: s for s in host.discover()}["lantern"]
    assert (status.state, status.reason) == (PluginState.INCOMPATIBLE, refusal)
    host.activate_all()
    assert "agentdesk_lantern.plugin" not in sys.modules  # its code never ran
    host.shutdown()


def test_the_profile_checks_the_version_pip_installed(tmp_path, install):
    install(build_wheel(tmp_path / "dist" / "plugins", version="1.1.0", api=">=1.0,<2"))
    assert [str(p) for p in check_profile(profile_text(">=1.2,<2"), "p.toml")] == [
        (
            "p.toml: plugins.lantern.version: installed agentdesk-plugin-lantern 1.1.0 is outside the required "
            "range >=1.2,<2"
        )
    ]
    text = profile_text(">=1.1,<2")
    assert check_profile(text, "p.toml") == []
    host = host_for(text)
    host.discover()
    assert host.activate("lantern").state is PluginState.ACTIVE
    host.shutdown()

"""Packaging: the entry point, the manifest in the docs/PLUGINS.md format, the import boundary and the
reference server's command line."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import importlib.resources
import json
import os
import signal
import subprocess
import sys
import tomllib

import requests

from tests.plugins.social.social_testing import MULTI, SEED


def manifest() -> dict:
    return tomllib.loads(
        (importlib.resources.files("agentdesk_social") / "agentdesk-plugin.toml").read_text(encoding="utf-8")
    )


def test_the_entry_point_names_the_package_with_the_manifest():
    (entry,) = [e for e in importlib.metadata.entry_points(group="agentdesk.plugins") if e.name == "social"]
    assert entry.value == "agentdesk_social"
    assert entry.dist.name == "agentdesk-plugin-social"
    assert "requests" in " ".join(entry.dist.requires or ())


def test_the_manifest_declares_one_sensitive_panel():
    m = manifest()
    assert (m["id"], m["api"], m["factory"]) == ("social", ">=1.1,<2", "agentdesk_social.plugin:create")
    assert m["customer_fields"] == ["hetu"]  # the identity code it asks by, nothing else of the customer
    assert m["name"] == {"en": "Social services", "fi": "Sosiaalipalvelut", "sv": "Socialtjänster"}
    assert m["settings"]["base_url"]["kind"] == "url" and m["settings"]["base_url"]["required"] is True
    assert m["secrets"]["token"]["required"] is False
    (panel,) = m["panels"]
    assert panel["id"] == "clients" and panel["sensitive"] is True and panel["idempotent"] is True
    assert panel["roles"] == ["agent", "supervisor"]
    assert panel["departments"] == ["social", "customer_service"]
    assert panel["title"] == m["name"]
    assert "actions" not in m
    module, _, name = m["factory"].partition(":")
    assert callable(getattr(importlib.import_module(module), name))


def test_the_package_init_is_empty():
    assert (importlib.resources.files("agentdesk_social") / "__init__.py").read_text(encoding="utf-8").strip() == ""


def test_plugin_code_imports_only_the_plugin_api_requests_and_the_standard_library():
    allowed = set(sys.stdlib_module_names) | {"requests", "agentdesk_social"}
    for path in sorted(importlib.resources.files("agentdesk_social").iterdir()):
        if not path.name.endswith(".py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            for name in names:
                public_api = name == "agentdesk.plugin_api" or name.startswith("agentdesk.plugin_api.")
                assert public_api or name.split(".")[0] in allowed, f"{path.name} imports {name}"


def test_the_reference_server_runs_from_the_command_line(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    env = {**os.environ, "SOCIAL_TOKEN": "cli-token"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentdesk_social.reference_server",
            "--port",
            "0",
            "--seed",
            str(seed),
            "--token-env",
            "SOCIAL_TOKEN",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("LISTENING "), line + proc.stderr.read()
        base = f"http://127.0.0.1:{int(line.split()[1])}/"
        answer = requests.get(
            base + "clients",
            params={"hetu": MULTI},
            timeout=5,
            headers={"X-Purpose-Of-Use": "consent", "Authorization": "Bearer cli-token"},
        )
        assert answer.status_code == 200 and len(answer.json()["relationships"]) == 4
        assert requests.post(base + "__test__/mode", json={"mode": "error500"}, timeout=5).json()["mode"] == "error500"
        assert requests.get(base + "clients", params={"hetu": MULTI}, timeout=5).status_code == 500
        assert requests.get(base + "__test__/stats", timeout=5).json() == {
            "total": 2,
            "requests": {"/clients": 2},
            "purposes": {"consent": 1, "(none)": 1},
        }
        assert requests.delete(base + "__test__/stats", timeout=5).json()["total"] == 0
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert err == ""  # http.server's request log is silenced: no identity codes on stderr

"""The example profiles IT starts from pass `agentdesk profile check` with the first-party plugins."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentdesk import cli
from agentdesk.deployment.profile import load_profile

PROFILES = sorted((Path(__file__).resolve().parents[2] / "installer" / "profiles").glob("*.toml"))


def test_there_is_a_profile_per_department():
    assert {p.stem for p in PROFILES} >= {"customer_service", "health", "technical", "social", "education", "demo"}


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_example_profile_passes_the_checker(path, capsys):
    assert cli.main(["profile", "check", str(path)]) == 0
    profile = load_profile(path)
    assert capsys.readouterr().out == f"{path}: OK ({profile.describe()})\n"
    deployment = profile.deployment_plugins()
    for plugin_id in profile.enabled_plugins:
        assert deployment.plugin(plugin_id).enabled
    assert profile.database_url is None or "@" in profile.database_url  # a user, never a password

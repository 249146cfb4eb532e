"""The last good profile: a bad profile never replaces it; a good one replaces it atomically."""

from __future__ import annotations

import os

import pytest

from agentdesk import cli, paths
from agentdesk.deployment.installed_plugins import InstalledPlugins
from agentdesk.deployment.profile_store import ProfileStore

GOOD = """\
profile_version = 1
[department]
code = "{code}"
default_language = "fi"
[database]
url = "postgresql://desk@db.city.example/agentdesk"
"""
NO_PLUGINS = InstalledPlugins()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_profile_becomes_current_and_the_old_one_previous(tmp_path):
    store = ProfileStore(installed=NO_PLUGINS)
    assert store.folder == paths.user_config_dir() / "profile"
    assert store.current() is None
    first = store.apply(write(tmp_path, "a.toml", GOOD.format(code="health")))
    assert first.applied and first.current.department == "health"
    second = store.apply(write(tmp_path, "b.toml", GOOD.format(code="social")))
    assert second.applied and second.describe() == "profile applied: department social, 0 plugins"
    assert store.current().department == "social"
    assert store.previous_path.read_text() == GOOD.format(code="health")
    again = store.apply(tmp_path / "b.toml")
    assert again.applied and again.unchanged
    assert store.previous_path.read_text() == GOOD.format(code="health")  # not overwritten by a no-op


@pytest.mark.expect_log_warnings
def test_an_invalid_profile_never_replaces_the_last_good_one(tmp_path):
    store = ProfileStore(installed=NO_PLUGINS)
    store.apply(write(tmp_path, "good.toml", GOOD.format(code="health")))
    bad = write(tmp_path, "bad.toml", GOOD.format(code="social").replace('"fi"', '"de"'))
    result = store.apply(bad)
    assert not result.applied
    assert [str(p) for p in result.problems] == [
        f"{bad}: department.default_language: unknown language 'de'; use fi, sv or en"
    ]
    assert result.describe() == (
        "profile NOT applied (1 problem); keeping the last good profile (department health, 0 plugins)"
    )
    assert store.current_path.read_text() == GOOD.format(code="health")
    assert not store.previous_path.exists()
    assert store.current().department == "health"
    missing = store.apply(tmp_path / "nowhere.toml")
    assert not missing.applied and missing.current.department == "health"


def test_a_crash_while_replacing_leaves_the_last_good_profile(tmp_path, monkeypatch):
    store = ProfileStore(installed=NO_PLUGINS)
    store.apply(write(tmp_path, "good.toml", GOOD.format(code="health")))
    real_replace = os.replace

    def power_cut(src, dst):
        if str(dst) == str(store.current_path):
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="disk full"):
        store.apply(write(tmp_path, "new.toml", GOOD.format(code="social")))
    monkeypatch.undo()
    assert store.current().department == "health"
    assert sorted(p.name for p in store.folder.iterdir()) == ["current.toml", "previous.toml"]  # no temp files


@pytest.mark.expect_log_warnings
def test_a_hand_broken_current_profile_falls_back_to_the_previous_one(tmp_path):
    store = ProfileStore(installed=NO_PLUGINS)
    store.apply(write(tmp_path, "a.toml", GOOD.format(code="health")))
    store.apply(write(tmp_path, "b.toml", GOOD.format(code="social")))
    store.current_path.write_text("profile_version = 1\n[department\n")
    assert store.current().department == "health"


@pytest.mark.expect_log_warnings
def test_profile_apply_and_show_commands(tmp_path, capsys):
    good = write(tmp_path, "good.toml", GOOD.format(code="health"))
    bad = write(tmp_path, "bad.toml", "profile_version = 7\n")
    assert cli.main(["profile", "show"]) == 1
    capsys.readouterr()
    assert cli.main(["profile", "apply", str(good)]) == 0
    current = ProfileStore().current_path
    assert capsys.readouterr().out == f"{current}: profile applied: department health, 0 plugins\n"
    assert cli.main(["profile", "apply", str(bad)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad}: profile_version: 7 is newer than this AgentDesk supports (1); update AgentDesk on this workstation",
        f"{current}: profile NOT applied (1 problem); keeping the last good profile (department health, 0 plugins)",
    ]
    assert cli.main(["profile", "show"]) == 0
    assert capsys.readouterr().out == (
        f"{current}: department health, 0 plugins; language fi; database "
        "postgresql://desk@db.city.example/agentdesk; plugins none\n"
    )

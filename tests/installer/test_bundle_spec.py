"""The bundle spec, without building: it collects every installed plugin's manifest, the
migrations, the translations, the profiles and the metadata that entry points need when frozen.

The spec is executed with stand-ins for PyInstaller's build objects, so what is checked is the
list the spec really hands to PyInstaller, not a copy of it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
from importlib.metadata import entry_points
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def spec_result(monkeypatch):
    """Run installer/agentdesk.spec with recording stand-ins for Analysis, PYZ, EXE and COLLECT."""
    recorded: dict[str, object] = {}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.copy_metadata = lambda name: [(f"<dist-info of {name}>", ".")]
    hooks.collect_submodules = lambda package: [f"{package}.<every submodule>"]
    for name, module in (
        ("PyInstaller", types.ModuleType("PyInstaller")),
        ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
        ("PyInstaller.utils.hooks", hooks),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.delitem(sys.modules, "bundle_contents", raising=False)

    def analysis(scripts, **kw):
        recorded["scripts"], recorded["analysis"] = scripts, kw
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=kw["datas"])

    def exe(*args, **kw):
        recorded.setdefault("exes", []).append(kw)

    def collect(*args, **kw):
        recorded["collect"] = kw

    namespace = {
        "SPECPATH": str(INSTALLER),
        "Analysis": analysis,
        "PYZ": lambda *a, **k: None,
        "EXE": exe,
        "COLLECT": collect,
        "__file__": str(INSTALLER / "agentdesk.spec"),
    }
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts installer/ first
    # The spec is Python that PyInstaller runs the same way; it is ours, in the repository.
    exec(compile((INSTALLER / "agentdesk.spec").read_text(), "agentdesk.spec", "exec"), namespace)  # noqa: S102
    yield recorded
    sys.modules.pop("bundle_contents", None)


def bundled(datas) -> dict[str, str]:
    """bundle path of each collected file -> its source"""
    return {f"{dest}/{Path(src).name}": src for src, dest in datas}


def test_every_installed_plugin_manifest_and_its_code_are_collected(spec_result):
    datas = bundled(spec_result["analysis"]["datas"])
    hidden = set(spec_result["analysis"]["hiddenimports"])
    plugins = list(entry_points(group="agentdesk.plugins"))
    assert {ep.name for ep in plugins} >= {"health", "social", "technical"}  # set-up installs them
    for ep in plugins:
        package = ep.value.strip()
        assert f"{package}/agentdesk-plugin.toml" in datas, ep.name
        assert (f"<dist-info of {ep.dist.metadata['Name']}>", ".") in spec_result["analysis"]["datas"]
        assert {package, f"{package}.plugin", f"{package}.<every submodule>"} <= hidden
    assert "agentdesk_technical/reference_seed.json" in datas  # what a plugin ships beside its code
    assert "agentdesk_social/openapi.yaml" in datas


def test_migrations_data_translations_and_profiles_are_collected(spec_result):
    datas = bundled(spec_result["analysis"]["datas"])
    migrations = REPO / "agentdesk" / "storage" / "migrations"
    assert "agentdesk/storage/migrations/env.py" in datas
    for revision in sorted((migrations / "versions").glob("*.py")):
        assert f"agentdesk/storage/migrations/versions/{revision.name}" in datas
    assert "agentdesk/data/topics.toml" in datas
    assert "agentdesk/data/municipalities.csv" in datas
    for qm in sorted((REPO / "resources" / "translations").glob("*.qm")):
        assert f"resources/translations/{qm.name}" in datas
    assert {f"resources/translations/agentdesk_{lang}.qm" for lang in ("fi", "sv", "en")} <= set(datas)
    for profile in ("customer_service", "health", "technical", "social", "demo"):
        assert f"profiles/{profile}.toml" in datas
    assert not [path for path in datas if "__pycache__" in path or path.endswith(".pyc")]


def test_entry_point_metadata_and_runtime_imports(spec_result):
    analysis = spec_result["analysis"]
    metadata = {src for src, dest in analysis["datas"] if src.startswith("<dist-info")}
    assert {"<dist-info of agentdesk>", "<dist-info of keyring>"} <= metadata  # agentdesk.commands, backends
    hidden = set(analysis["hiddenimports"])
    assert {
        "agentdesk_desktop.commands",
        "agentdesk_desktop.app",
        "smoke",
        "psycopg_binary",
        "agentdesk.storage.models",
        "sqlalchemy.dialects.postgresql.psycopg",
    } <= hidden
    assert spec_result["scripts"] == [str(INSTALLER / "entry.py")]
    assert spec_result["exes"][0]["name"] == "agentdesk"
    assert spec_result["collect"]["name"] == "agentdesk"
    assert "pytest" in analysis["excludes"] and "keyrings.alt" in analysis["excludes"]


def test_the_entry_point_runs_the_cli_and_the_bundle_smoke(monkeypatch, capsys):
    entry = load_module("bundle_entry", INSTALLER / "entry.py")
    monkeypatch.setattr(sys, "argv", ["agentdesk", "--version"])
    with pytest.raises(SystemExit) as caught:
        entry.main()
    assert caught.value.code == 0 and capsys.readouterr().out.startswith("agentdesk ")


def test_the_build_script_is_valid_bash_and_documents_itself():
    subprocess.run(["bash", "-n", str(REPO / "scripts" / "build-bundle.sh")], check=True)
    out = subprocess.run(
        ["bash", str(REPO / "scripts" / "build-bundle.sh"), "--help"], check=True, capture_output=True, text=True
    ).stdout
    assert "bash scripts/build-bundle.sh [--profile" in out


def test_the_demo_distribution_is_bundled_so_agentdesk_demo_works_frozen(spec_result):
    analysis = spec_result["analysis"]
    datas = bundled(analysis["datas"])
    hidden = set(analysis["hiddenimports"])
    assert "agentdesk_demo/population/data/streets.txt" in datas  # the generator reads its name lists as files
    assert not [path for path in datas if path.startswith("agentdesk/population/")], "the product has no population"
    assert ("<dist-info of agentdesk-demo>", ".") in analysis["datas"]  # its agentdesk.commands entry point
    assert {"agentdesk_demo.commands", "agentdesk_demo.desk_demo", "agentdesk_demo.<every submodule>"} <= hidden
    for plugin in ("health", "social", "technical"):  # demo back ends are imported by entry point
        assert f"agentdesk_{plugin}.<every submodule>" in hidden


# What PyInstaller's runtime hook (PyInstaller/hooks/rthooks/pyi_rth_multiprocessing.py) does in a bundle:
# ``multiprocessing.freeze_support`` runs a helper's ``-c`` code or a spawned worker and exits the process.
_AS_IN_A_BUNDLE = """
import multiprocessing, runpy, sys

sys.frozen = True
helper_argv = sys.argv[1:]


def freeze_support():
    if len(sys.argv) >= 2 and sys.argv[-2] == "-c" and sys.argv[-1].startswith(
            ("from multiprocessing.resource_tracker import main", "from multiprocessing.forkserver import main")):
        print("multiprocessing helper ran instead of the CLI", flush=True)
        sys.exit(0)


multiprocessing.freeze_support = freeze_support
sys.argv = ["agentdesk", *helper_argv]
runpy.run_path(sys.argv.pop(1), run_name="__main__")
"""


def test_the_entry_point_hands_multiprocessing_helpers_to_freeze_support_before_parsing_arguments(tmp_path):
    """``agentdesk demo`` in a bundle starts the population worker with the spawn method, whose
    resource tracker runs the bundle's executable as ``agentdesk -B -s -c "from
    multiprocessing.resource_tracker import main;main(7)"``: that must never reach the CLI's parser
    ("invalid choice: 'from multiprocessing.resource_tracker import main'")."""
    tracker = ["-B", "-s", "-c", "from multiprocessing.resource_tracker import main;main(7)"]
    run = subprocess.run(
        [sys.executable, "-c", _AS_IN_A_BUNDLE, str(INSTALLER / "entry.py"), *tracker],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,  # the assertions below say what went wrong
    )
    assert "invalid choice" not in run.stderr and "usage:" not in run.stderr, run.stderr
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "multiprocessing helper ran instead of the CLI"

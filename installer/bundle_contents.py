"""What goes into the frozen AgentDesk bundle beyond what PyInstaller finds by following imports.

Used by ``installer/agentdesk.spec`` (inside the build venv) and by tests/installer (in the dev venv),
so the list the test checks is the list the build uses. Nothing here imports plugin code: plugins
are found through their ``agentdesk.plugins`` entry points and their packages located with
``importlib.util.find_spec``.

Why each part is needed in a frozen app:

- *distribution metadata* (``*.dist-info`` with ``entry_points.txt``): AgentDesk finds its plugins
  (``agentdesk.plugins``), the desktop's subcommands (``agentdesk.commands``) and keyring backends
  through entry points, and PyInstaller does not collect metadata unless asked;
- *hidden imports*: plugin packages and factories are imported by name from the manifests, the
  desktop by entry point, psycopg's binary implementation by name at run time;
- *data*: the Alembic migrations are read as files, as are the manifests, the plugins' own data,
  topics, the municipality list, the population generator's name lists, the translations (.qm) and
  the example profiles;
- *the demo distribution* (``agentdesk-demo``, package ``agentdesk_demo``) when it is installed in the
  build venv: ``agentdesk demo`` joins the CLI through its ``agentdesk.commands`` entry point, and the
  plugins' demo back ends are found through ``agentdesk.demo_backends``.
"""

from __future__ import annotations

import importlib.util
import tomllib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution, entry_points
from pathlib import Path

PLUGIN_GROUP = "agentdesk.plugins"
DEMO_PACKAGE = "agentdesk_demo"
DEMO_DISTRIBUTION = "agentdesk-demo"
COMMAND_GROUP = "agentdesk.commands"
MANIFEST_NAME = "agentdesk-plugin.toml"
REPO = Path(__file__).resolve().parents[1]

# Imported by name at run time, so PyInstaller's import graph cannot see them.
RUNTIME_IMPORTS = (
    "agentdesk.storage.models",  # migrations/env.py
    "holidays.countries.finland",  # looked up by country code (agentdesk.cases.calendar)
    "agentdesk.audit_chain",  # migrations/versions/0007 (the hash of the entries it chains)
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
)
EXCLUDES = ("tkinter", "pytest", "_pytest", "pytestqt", "keyrings.alt", "importlinter", "IPython")


@dataclass(frozen=True)
class BundledPlugin:
    id: str  # entry point name (the manifest's id for first-party plugins)
    distribution: str
    package: str  # the package the entry point names; it holds the manifest
    folder: Path
    factory_module: str

    @property
    def manifest(self) -> Path:
        return self.folder / MANIFEST_NAME


def _package_folder(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{module!r} is not an installed package")
    return Path(next(iter(spec.submodule_search_locations)))


def installed_plugins() -> list[BundledPlugin]:
    """Every plugin installed in this environment (the build venv holds exactly the selected ones)."""
    found = []
    for ep in sorted(entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        package = ep.value.strip()
        folder = _package_folder(package)
        manifest = tomllib.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        factory_module = str(manifest.get("factory", "")).split(":")[0]
        dist = ep.dist.metadata["Name"] if ep.dist is not None else ""
        found.append(BundledPlugin(ep.name, dist, package, folder, factory_module))
    return found


def _tree(src: Path, dest: str, patterns: tuple[str, ...]) -> list[tuple[str, str]]:
    """(file, destination folder) pairs for PyInstaller's ``datas``, for files under ``src``."""
    out = []
    for pattern in patterns:
        for path in sorted(src.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                rel = path.parent.relative_to(src)
                out.append((str(path), str(Path(dest) / rel) if str(rel) != "." else dest))
    return out


def data_files(repo: Path = REPO) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, folder inside the bundle)."""
    core = _package_folder("agentdesk")
    datas = [
        *_tree(core / "storage" / "migrations", "agentdesk/storage/migrations", ("*.py", "*.mako")),
        *_tree(core / "data", "agentdesk/data", ("*.toml", "*.csv")),
        *_tree(repo / "resources" / "translations", "resources/translations", ("*.qm",)),
        *_tree(repo / "resources", "resources", ("*.svg", "*.png", "*.qss")),
        *_tree(repo / "installer" / "profiles", "profiles", ("*.toml",)),
    ]
    if importlib.util.find_spec(DEMO_PACKAGE) is not None:
        demo = _package_folder(DEMO_PACKAGE)
        datas.extend(_tree(demo / "population" / "data", f"{DEMO_PACKAGE}/population/data", ("*.txt",)))
    for plugin in installed_plugins():
        # The manifest and whatever else the plugin ships beside its code (seed data, API contracts).
        datas.extend(
            (src, dest)
            for src, dest in _tree(plugin.folder, plugin.package.replace(".", "/"), ("*",))
            if not src.endswith((".py", ".pyc"))
        )
    return datas


def distributions_with_metadata() -> list[str]:
    """Distributions whose metadata (entry points above all) the frozen app needs."""
    names = ["agentdesk", "keyring", "alembic", "SQLAlchemy", "psycopg", "requests"]
    names.append(DEMO_DISTRIBUTION)  # entry points: agentdesk.commands (seed, demo)
    names.extend(p.distribution for p in installed_plugins() if p.distribution)
    present = []
    for name in names:
        try:
            distribution(name)
        except PackageNotFoundError:  # e.g. no psycopg in a slim build
            continue
        present.append(name)
    return present


def hidden_imports() -> list[str]:
    mods = list(RUNTIME_IMPORTS)
    for plugin in installed_plugins():
        mods.extend([plugin.package, plugin.factory_module])
    for ep in entry_points(group=COMMAND_GROUP):
        mods.append(
            ep.value.split(":")[0].strip()
        )  # the desktop: agentdesk_desktop.commands; the demo: agentdesk_demo.commands
    if importlib.util.find_spec("agentdesk_desktop") is not None:
        mods.append("agentdesk_desktop.app")
        if importlib.util.find_spec(DEMO_PACKAGE) is not None:
            mods.append(f"{DEMO_PACKAGE}.desk_demo")  # imported by agentdesk_demo.commands when Qt is there
    return sorted(set(mods))


def plugin_packages() -> list[str]:
    """Plugin packages whose every submodule is collected (their code is imported by name: the
    factory, the demo back end), and the demo package (its simulators and back-end runner)."""
    packages = [p.package for p in installed_plugins()]
    if importlib.util.find_spec(DEMO_PACKAGE) is not None:
        packages.append(DEMO_PACKAGE)
    return packages

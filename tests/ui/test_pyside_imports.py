"""PySide's import hook answers from a module's globals once the desk is imported, not by reading the
module's source: importing a module then reads no file, and still tells a Qt module from another."""

from __future__ import annotations

import importlib
import inspect
import sys
import types

import agentdesk_desktop.app  # noqa: F401  (what puts the cheap check in place)
from agentdesk_desktop.pyside_imports import uses_pyside


def test_a_module_imported_after_the_desk_is_not_read_for_its_source(tmp_path, monkeypatch):
    (tmp_path / "qt_using_mod.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_mod.py").write_text("import json\nTEXT = 'PySide6 in a string only'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    read: list[str] = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(getattr(obj, "__name__", "?")) or real(obj))
    for name in ("qt_using_mod", "plain_mod"):
        sys.modules.pop(name, None)
        __import__(name)  # the import statement's way (PySide hooks builtins.__import__)
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["qt_using_mod"] == 0, "uses PySide: the default feature set"
    assert feature.pyside_feature_dict["plain_mod"] == -1, "does not: ignored by the feature switch"
    assert read == []


def test_uses_pyside_looks_at_the_globals():
    qt = types.ModuleType("qt_like")
    from PySide6.QtWidgets import QWidget

    qt.QWidget = QWidget
    plain = types.ModuleType("plain_like")
    plain.json = importlib.import_module("json")
    assert uses_pyside(qt) and not uses_pyside(plain)

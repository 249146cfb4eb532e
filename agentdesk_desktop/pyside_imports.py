"""A cheaper check for PySide's import hook: the desk imports hundreds of modules after Qt, most of them
off the UI thread, and each paid for reading its own source.

Importing PySide6 replaces ``builtins.__import__``: after every import of a Python module, PySide's
``shibokensupport.feature.feature_imported`` records whether the module uses PySide (for the opt-in
``from __feature__ import snake_case, true_property``), and finds out by reading the module's whole
source file (``inspect.getsource``) and looking for "PySide6" in it — about 0.3 ms per module, holding
the interpreter lock, so the UI thread waits while a background thread imports (measured:
``benchmarks/desk.py`` stalls during the first imports of a feature). :func:`check_modules_cheaply`
answers the same question from the module's globals (a PySide class or module among them). A module
that names PySide only in a string or a function-local import is counted as not using it, which changes
nothing while no module of the process selects a ``__feature__`` — the desk selects none.
"""

from __future__ import annotations

import logging
import sys
import types

log = logging.getLogger(__name__)
_PREFIXES = ("PySide6", "shiboken6")


def uses_pyside(module: types.ModuleType) -> bool:
    """Whether the module holds a PySide6 (or shiboken6) module, class or object among its globals."""
    for value in vars(module).values():
        name = value.__name__ if isinstance(value, types.ModuleType) else getattr(value, "__module__", None)
        if isinstance(name, str) and name.startswith(_PREFIXES):
            return True
    return False


def check_modules_cheaply() -> bool:
    """Put :func:`uses_pyside` in the place of PySide's source scan (after PySide6 is imported). False
    when this PySide has no such hook (then nothing is changed)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide's import hook not found: left as it is")
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True

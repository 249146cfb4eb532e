"""Languages of the desk: Finnish, Swedish and English, switchable at run time.

The desk's strings are in ``resources/translations/agentdesk_<lang>.qm`` (built from the .ts
files by ``scripts/translations.sh``); Qt's own strings (standard buttons, context menus) come
from the ``qtbase_<lang>.qm`` shipped with PySide6. Installing a translator sends every widget
a ``LanguageChange`` event; widgets re-set their texts in ``changeEvent`` (see ``retranslate``
in the windows).

How to add a string: write ``self.tr("Text")`` in a QObject subclass, or
``QCoreApplication.translate("Context", "Text")`` elsewhere (``%1`` placeholders filled with
:func:`fill` for values), run ``bash scripts/translations.sh``, fill in the Finnish and Swedish in the .ts
files (Qt Linguist, or by hand: remove ``type="unfinished"``), and run the script again to
build the .qm files. tests/ui/test_i18n.py fails while a string is untranslated.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

log = logging.getLogger(__name__)

# Language names in the language itself: they are never translated.
LANGUAGES: dict[str, str] = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "fi"
_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


def resources_dir() -> Path:
    """``resources/`` of the source tree, or the folder ``AGENTDESK_RESOURCES`` names (a bundle)."""
    override = os.environ.get("AGENTDESK_RESOURCES")
    return Path(override) if override else Path(__file__).resolve().parents[1] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _read_catalog(name: str, folder: str) -> bytes | None:
    """The bytes of ``folder/name.qm``, or None when there is none."""
    try:
        return (Path(folder) / f"{name}.qm").read_bytes()
    except OSError:
        return None


class Translations(QObject):
    """Owns the installed translators of one QApplication.

    Each catalogue is read into memory and the translator reads that copy: ``QTranslator.load(file)``
    memory-maps the .qm file, and a file rewritten while the desk runs (``scripts/translations.sh``, an
    update deployed in place) then crashes the desk at its next translated string (SIGBUS/SIGSEGV in
    ``QCoreApplication::translate``). The bytes live as long as their translator is installed (the
    translator reads them, it does not copy them)."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, folder: Path | None = None) -> None:
        super().__init__(app)
        self._app = app
        self.folder = folder or translations_dir()
        self._installed: list[tuple[QTranslator, bytes]] = []  # each with the catalogue it reads
        self.language = ""
        self._locale_before = QLocale()  # the default locale before this object changed it

    def set_language(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
        if code == self.language:
            return
        self.clear()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{code}", qt_folder), (f"agentdesk_{code}", str(self.folder))):
            data = _read_catalog(name, folder)
            translator = QTranslator(self) if data is not None else None
            if translator is not None and data is not None and translator.load(data, folder):
                self._installed.append((translator, data))  # before installing: the bytes outlive its use
                self._app.installTranslator(translator)
                continue
            if translator is not None:
                shiboken6.delete(translator)  # not a catalogue
            if name.startswith("agentdesk"):
                log.warning("translation %s not found in %s", name, folder)
        # installTranslator() posts the LanguageChange events; deliver them now, so that every
        # window speaks the new language when this returns.
        for _ in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        QLocale.setDefault(QLocale(_LOCALES[code]))
        self.language = code
        log.info("language set to %s", code)
        self.language_changed.emit(code)

    def clear(self) -> None:
        """Remove this object's translators from the application and give back the default locale
        it found (back to the English source: nothing of this language outlives the desk)."""
        for translator, _data in self._installed:
            self._app.removeTranslator(translator)
            # Gone now, on the UI thread, before its catalogue's bytes are let go (one pair per language switch
            # stayed behind before, each with its whole catalogue).
            shiboken6.delete(translator)
        self._installed = []
        if self.language:
            QLocale.setDefault(self._locale_before)
        self.language = ""


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """Put values into Qt-style placeholders: ``fill(tr("Results: %1"), "50+")``.

    (In PySide6 ``tr()`` returns a Python ``str``, which has no ``.arg()``.)"""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)

"""Every locale loads, every string is translated, and the language switches at run time."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from agentdesk import identity, paths
from agentdesk_desktop.core_messages import identity_error_text
from agentdesk_desktop.i18n import LANGUAGES

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\d")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    return [
        (ctx.find("name").text, m.find("source").text, m.find("translation"))
        for ctx in tree.iter("context")
        for m in ctx.iter("message")
    ]


def forms(translation) -> list[str]:
    """The translated text, or each plural form of a numerus message (tr(..., n) with %n)."""
    plural = [f.text or "" for f in translation.findall("numerusform")]
    return plural or [translation.text or ""]


@pytest.fixture(scope="module")
def strings_in_the_code(tmp_path_factory) -> set[tuple[str, str]]:
    """(context, source) of every translatable string in ui/, read by lupdate itself."""
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    sources = sorted(str(p) for p in (REPO / "agentdesk_desktop").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(out)], check=True, capture_output=True)
    return {(c, s) for c, s, _ in messages(out)}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_string_is_translated(translations_dir, strings_in_the_code, lang):
    ts = translations_dir / f"agentdesk_{lang}.ts"
    found = messages(ts)
    unfinished = [
        f"{c}: {s!r}"
        for c, s, t in found
        if t.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms(t))
    ]
    assert not unfinished, (
        f"{len(unfinished)} untranslated in {ts.name} (translate, then run "
        f"scripts/translations.sh):\n" + "\n".join(unfinished[:20])
    )
    missing = sorted(strings_in_the_code - {(c, s) for c, s, _ in found})
    assert not missing, (
        f"{len(missing)} strings in ui/ missing from {ts.name} (run scripts/translations.sh):\n"
        + "\n".join(f"{c}: {s!r}" for c, s in missing[:20])
    )
    for context, source, translation in found:
        for text in forms(translation):
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
                f"{ts.name} {context}: {source!r} and its translation have different %N placeholders"
            )
            if "&" in source.replace("&&", "") and not source.startswith("<"):
                assert "&" in text, f"{ts.name} {context}: {source!r} lost its keyboard mnemonic"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_compiled_qm_matches_the_ts(qapp, translations_dir, lang):
    translator = QTranslator()
    assert translator.load(str(translations_dir / f"agentdesk_{lang}.qm"))
    assert translator.language().startswith({"fi": "fi", "sv": "sv", "en": "en"}[lang])
    for context, source, translation in messages(translations_dir / f"agentdesk_{lang}.ts"):
        texts = forms(translation)
        if translation.get("type") == "unfinished" or not all(texts):
            continue  # reported by test_every_string_is_translated
        # fi, sv and en: the first form is for n = 1, the second for every other n.
        counts = [1, 2] if translation.findall("numerusform") else [-1]
        for n, text in zip(counts, texts, strict=True):
            assert translator.translate(context, source, None, n) == text, (
                f"agentdesk_{lang}.qm is stale for {context}: {source!r} (run scripts/translations.sh)"
            )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fi",
            {
                "title": "AgentDesk",
                "file": "&Tiedosto",
                "customer": "&Asiakas",
                "help": "&Ohje",
                "placeholder": "Hae: nimi, osoite, henkilötunnus, puhelin tai sähköposti  (Ctrl+K)",
            },
        ),
        (
            "sv",
            {
                "title": "AgentDesk",
                "file": "&Arkiv",
                "customer": "&Kund",
                "help": "&Hjälp",
                "placeholder": "Sök: namn, adress, personbeteckning, telefon eller e-post  (Ctrl+K)",
            },
        ),
        (
            "en",
            {
                "title": "AgentDesk",
                "file": "&File",
                "customer": "&Customer",
                "help": "&Help",
                "placeholder": "Search: name, address, identity code, phone or e-mail  (Ctrl+K)",
            },
        ),
    ],
)
def test_the_language_switches_at_run_time_and_is_remembered(qtbot, desk, lang, expected):
    window = desk.window
    dialog = desk.open_settings()
    box = dialog.language_box
    box.setCurrentIndex(box.findData(lang))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.windowTitle() == expected["title"]
    assert window.file_menu.title() == expected["file"]
    assert window.customer_menu.title() == expected["customer"]
    assert window.help_menu.title() == expected["help"]
    assert window.search_panel.field.placeholderText() == expected["placeholder"]
    assert desk.background.wait_idle()
    saved = json.loads((paths.user_config_dir() / "desk-settings.json").read_text(encoding="utf-8"))
    assert saved["language"] == lang


def test_the_saved_language_is_used_at_the_next_start(qtbot, sqlite_db, seeded):
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts
    from agentdesk_desktop.settings import DeskSettings, SettingsStore

    SettingsStore().save(DeskSettings(language="sv"))
    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        assert desk.translations.language == "sv"
        assert desk.window.file_menu.title() == "&Arkiv"
    finally:
        desk.shutdown()


def test_search_results_follow_the_language(qtbot, desk, seeded, wait_search):
    panel = desk.window.search_panel
    panel.field.setText("sari virtanen")
    wait_search(panel)
    row = panel.model.row_of(seeded.secret)
    assert panel.model.index(row, 2).data() == "Turvakielto"
    desk.set_language("sv")
    assert panel.model.index(row, 2).data() == "Spärrmarkering"
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Namn"
    assert panel.kind_label.text() == "Namn eller adress"
    assert panel.count_label.text() == f"Träffar: {panel.model.rowCount()}"


# -- messages from the core ------------------------------------------------------------------------

BAD_VALUES = {
    "hetu": [
        "",
        "150385-91",
        "15038X-912E",
        "150385-9X2E",
        "150385G912E",
        "310285-912E",
        "150385-001E",
        "150385-912A",
        "150385-912G",
        "150385A912E",
    ],  # the last: born in 2085
    "ytunnus": ["", "12345", "1000008-1", "0112038-8"],
    "phone": ["", "abc", "+000 1234567", "040", "040 1234 5678 9012 3456", "+46 44444444444", "+358 00 123 4567"],
    "email": [
        "",
        "a b@x.fi",
        "a.x.fi",
        "@x.fi",
        "a@",
        "a" * 250 + "@x.fi",
        "a" * 65 + "@x.fi",
        "a,b@x.fi",
        ".a@x.fi",
        "a@x_y.fi",
        "a@localhost",
        "a@x..fi",
        "a@-x.fi",
        "a@" + "x" * 64 + ".fi",
        "a@x.123",
    ],
}
PARSERS = {
    "hetu": identity.parse_hetu,
    "ytunnus": identity.parse_ytunnus,
    "phone": identity.normalise_phone,
    "email": identity.normalise_email,
}


def produced_errors() -> list[identity.IdentityError]:
    errors = []
    for kind, values in BAD_VALUES.items():
        for value in values:
            with pytest.raises(identity.IdentityError) as info:
                PARSERS[kind](value)
            errors.append(info.value)
    return errors


def test_every_identity_error_code_has_a_translatable_text(qapp):
    source = Path(identity.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'IdentityError\(\s*"([a-z_]+\.[a-z_]+)"', source))
    produced = {e.code for e in produced_errors()}
    unreachable = {"hetu.invalid", "ytunnus.invalid"}  # only if python-stdnum disagrees
    assert codes - unreachable <= produced, f"add a bad value for {sorted(codes - unreachable - produced)}"
    for error in produced_errors():
        text = identity_error_text(error)
        assert text[0].isupper(), f"{error.code}: no translatable text ({text!r})"
    for code in unreachable:
        assert identity_error_text(identity.IdentityError(code, "x")) != "x"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Tarkistusmerkin pitäisi olla E"),
        ("sv", "Kontrolltecknet ska vara E"),
        ("en", "Check character should be E"),
    ],
)
def test_identity_errors_in_each_language_keep_the_dynamic_part(qapp, lang, expected):
    from agentdesk_desktop.i18n import Translations

    translations = Translations(qapp)
    try:
        translations.set_language(lang)
        with pytest.raises(identity.IdentityError) as info:
            identity.parse_hetu("150385-912A")
        assert identity_error_text(info.value) == expected
        with pytest.raises(identity.IdentityError) as info:
            identity.parse_hetu("150385-91")
        assert identity_error_text(info.value).endswith(" 9")  # "... this one has 9" in each language
    finally:
        translations.clear()
        translations.deleteLater()

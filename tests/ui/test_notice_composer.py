"""The notice composer: role gate, live count and sample off the UI thread, bad input kept and
explained, sending by SMS through the loopback reference gateway with progress, and a job left
unfinished offered to continue when the composer is opened again."""

from __future__ import annotations

import pytest
from agentdesk_sms.client import HttpSmsGateway
from agentdesk_sms.reference_gateway import ReferenceGateway
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from agentdesk.outreach.sending import progress_of
from agentdesk.outreach.transports import GatewayTransport
from agentdesk.plugin_api import GatewayConfig
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import Channel, Language, StaffRole
from agentdesk_desktop.notices import open_notice_composer
from agentdesk_desktop.notices.composer_window import NoticeComposer
from agentdesk_desktop.services import build_services
from tests.core.outreach_support import build_town


def member(role: StaffRole) -> StaffMember:
    return StaffMember(1, "super.sanna", "Sanna", role, None, None, None)


@pytest.fixture
def gateway():
    g = ReferenceGateway()
    yield g
    g.close()


@pytest.fixture
def town(sqlite_db):
    return build_town(sqlite_db)


def composer(qtbot, db, bg, gateway) -> NoticeComposer:
    def transport_for(channel: Channel):
        return GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)), 2), ""

    w = NoticeComposer(db, bg, actor="super.sanna", channels=(Channel.SMS,), transport_for=transport_for)
    qtbot.addWidget(w)
    w.show()
    return w


def type_into(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """As typed (QTest's key clicks take ASCII only: no ä, no en dash)."""
    if isinstance(field, QLineEdit):
        field.setText(field.text() + text)
        field.textEdited.emit(field.text())
    else:
        field.setPlainText(field.toPlainText() + text)


def choose(qtbot, w: NoticeComposer, street: str = "Hämeenkatu", houses: str = "1–40", municipality: str = "Tampere"):
    type_into(w.street, street)
    type_into(w.houses, houses)
    type_into(w.municipality, municipality)


def test_only_supervisors_and_admins_may_send_notices(qtbot, sqlite_db, bg, change_bus):
    services = build_services(sqlite_db, bg, change_bus)
    assert open_notice_composer(services, member(StaffRole.AGENT)) is None
    assert open_notice_composer(services, member(StaffRole.STEWARD)) is None
    for role in (StaffRole.SUPERVISOR, StaffRole.ADMIN):
        w = open_notice_composer(services, member(role))
        assert w is not None
        qtbot.addWidget(w)


def test_the_count_and_sample_follow_the_filters_and_show_no_address(qtbot, sqlite_db, town, bg, gateway):
    w = composer(qtbot, sqlite_db, bg, gateway)
    choose(qtbot, w)
    qtbot.waitUntil(lambda: w.count.text() == "6 citizens", timeout=5000)
    sample = [w.sample.item(i).text() for i in range(w.sample.count())]
    assert "Suojattu, Salli" in sample  # the protected person is in the segment
    shown = " ".join(label.text() for label in w.findChildren(QLabel)) + " ".join(sample)
    assert "20 A 3" not in shown and "Hämeenkatu 20" not in shown


def test_a_backwards_house_range_is_explained_and_kept(qtbot, sqlite_db, town, bg, gateway):
    w = composer(qtbot, sqlite_db, bg, gateway)
    choose(qtbot, w, houses="40–1")
    qtbot.waitUntil(lambda: "backwards" in w.segment_error.text(), timeout=5000)
    assert w.houses.text() == "40–1" and w.street.text() == "Hämeenkatu"
    assert w.count.text() == ""


def test_an_empty_text_for_a_language_with_recipients_is_refused_and_nothing_is_lost(
    qtbot, sqlite_db, town, bg, gateway
):
    w = composer(qtbot, sqlite_db, bg, gateway)
    choose(qtbot, w)
    qtbot.waitUntil(lambda: w.count.text() == "6 citizens", timeout=5000)
    type_into(w.title, "Vesikatko")
    type_into(w.language_tabs[Language.FI].body, "Vesikatko tiistaina 8–12.")
    w.send_button.click()
    sv = w.language_tabs[Language.SV]
    assert "Swedish" in sv.error.text() and "1 recipients" in sv.error.text()  # Bertil reads Swedish
    assert w.tabs.currentWidget() is sv
    assert w.title.text() == "Vesikatko"
    assert w.language_tabs[Language.FI].body.toPlainText() == "Vesikatko tiistaina 8–12."
    assert gateway.state.delivered == {}


def fill_texts(qtbot, w: NoticeComposer) -> None:
    type_into(w.title, "Vesikatko")
    for tab, text in zip(w.language_tabs.values(), ("Vesikatko.", "Vattenavbrott.", "Water outage."), strict=True):
        type_into(tab.body, text)


def test_send_shows_progress_and_every_citizen_gets_it(qtbot, sqlite_db, town, bg, gateway):
    w = composer(qtbot, sqlite_db, bg, gateway)
    choose(qtbot, w)
    fill_texts(qtbot, w)
    qtbot.waitUntil(lambda: w.count.text() == "6 citizens", timeout=5000)
    w.send_button.click()
    qtbot.waitUntil(lambda: w.status.text().startswith("Done"), timeout=10_000)
    assert w.status.text() == "Done: 5 sent, 0 failed, 1 without an address."  # the child has no phone
    assert w.progress.value() == w.progress.maximum() == 6
    texts = sorted(m["text"] for m in gateway.state.delivered.values())
    assert texts == ["Vattenavbrott.", "Vesikatko.", "Vesikatko.", "Vesikatko.", "Water outage."]


def test_an_unfinished_job_is_offered_to_continue_on_the_next_open(qtbot, sqlite_db, town, bg, gateway):
    w = composer(qtbot, sqlite_db, bg, gateway)
    choose(qtbot, w)
    fill_texts(qtbot, w)
    qtbot.waitUntil(lambda: w.count.text() == "6 citizens", timeout=5000)
    gateway.state.fail_next = 1  # the gateway is down for the first batch
    w.send_button.click()
    qtbot.waitUntil(lambda: w.status.text().startswith("Sending stopped"), timeout=10_000)
    w.close()
    again = composer(qtbot, sqlite_db, bg, gateway)
    qtbot.waitUntil(lambda: again.continue_button.isVisible(), timeout=5000)
    assert "Vesikatko" in again.continue_button.text() and "5 of 6 left" in again.continue_button.text()
    assert all(not e.text() for e in again.findChildren(QLineEdit) if e is not again.title)
    again.continue_button.click()
    qtbot.waitUntil(lambda: again.status.text().startswith("Done"), timeout=10_000)
    assert len(gateway.state.delivered) == 5
    notice_id = again._job
    assert notice_id is not None and progress_of(sqlite_db, notice_id).finished


def test_the_composer_opens_from_the_queues_menu_for_a_supervisor_only(qtbot, sqlite_db, seeded):
    from agentdesk_desktop.app import build_app

    for username, has_it in (("super.sari", True), ("agent.aino", False)):
        desk = build_app(sqlite_db, install_hooks=False)
        try:
            with qtbot.waitSignal(desk.window_ready, timeout=10_000):
                desk.start(username=username)
            window = desk.window
            assert (window.notices_action is not None) is has_it
            if has_it:
                window.notices_action.trigger()
                qtbot.waitUntil(lambda d=desk: d.windows._side.get("notices") is not None)
                assert composer_shown(desk)
        finally:
            desk.shutdown()


def composer_shown(desk) -> bool:
    composer = desk.windows._side["notices"]
    return isinstance(composer, NoticeComposer) and composer.isVisible()

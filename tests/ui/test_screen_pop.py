"""Screen pop in the running desk against the loopback AMI simulator (a real TCP server speaking the
Asterisk Manager Interface) and real SQLite: a call for a known customer's number opens their
overview and starts a phone contact carrying the call's unique id; an unknown number asks who is
calling; the connection state is in the status bar. The AMI secret comes from the (test) keyring."""

from __future__ import annotations

import keyring
import pytest
from agentdesk_demo.simulators.ami_simulator import AmiSimulator
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from agentdesk.channels.ami import AmiSettings
from agentdesk.storage.models import Channel, Interaction, Outcome
from agentdesk_desktop.phone.phone_connector import AMI_SERVICE, PhoneStatus, ami_account

INTERFACE = "PJSIP/agent1"


@pytest.fixture
def pbx():
    with AmiSimulator({"desk": "s3cret"}) as simulator:
        yield simulator


def settings_for(pbx) -> AmiSettings:
    return AmiSettings(
        host="127.0.0.1", port=pbx.port, username="desk", interface=INTERFACE, reconnect_initial=0.2, reconnect_max=0.5
    )


def start_desk(qtbot, db, settings: AmiSettings, *, user: str = "agent.aino", work=None):
    from agentdesk_desktop.app import build_app

    desk = build_app(db, install_hooks=False, language="en", phone=settings, work=work)
    with qtbot.waitSignal(desk.window_ready, timeout=10_000):
        desk.start(username=user)
    qtbot.waitExposed(desk.window)
    return desk


def stop_desk(desk) -> None:
    desk.shutdown()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture
def desk(qtbot, sqlite_db, seeded, pbx):
    settings = settings_for(pbx)
    keyring.set_password(AMI_SERVICE, ami_account(settings), "s3cret")  # as IT provisions it
    desk = start_desk(qtbot, sqlite_db, settings)
    try:
        qtbot.waitUntil(lambda: desk.phone.status is PhoneStatus.CONNECTED, timeout=5000)
        yield desk
    finally:
        stop_desk(desk)


def accept_with_f9(qtbot, window) -> None:
    """The agent presses F9 wherever the keyboard focus is in the window."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F9)


def test_a_known_callers_overview_opens_with_a_phone_contact_for_the_call(desk, qtbot, pbx, seeded, sqlite_db, caplog):
    window, phone = desk.window, desk.phone
    assert phone.status_label.text() == "Phone: connected"
    with qtbot.waitSignal(phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("040 123 4567", "VIRTANEN ANNA", "neuvonta", interface=INTERFACE)
    assert window.tabs.count() == 0, "nothing opens before the agent accepts"
    with qtbot.waitSignal(phone.screen_pop.painted, timeout=5000) as painted:
        accept_with_f9(qtbot, window)
    assert painted.args == [seeded.anna, call.uniqueid]
    assert window.current_customer_id() == seeded.anna
    view = window.tabs.currentWidget()
    assert view.is_painted
    assert f"screenpop.painted id={seeded.anna} unique_id={call.uniqueid}" in [r.getMessage() for r in caplog.records]

    panel = view.panel
    assert panel.in_progress, "a phone contact has started for the call"
    contact = panel.snapshot().contact
    assert (contact.channel, contact.customer_id, contact.external_ref) == (Channel.PHONE, seeded.anna, call.uniqueid)
    assert phone.call_bar.isVisible() and "ringing" in phone.call_bar.label.text()
    assert "Virtanen, Anna" in phone.call_bar.label.text()

    call.answer(hold_seconds=4)
    qtbot.waitUntil(lambda: "on the line" in phone.call_bar.label.text(), timeout=5000)
    call.hang_up(talk_seconds=30)
    qtbot.waitUntil(lambda: "call ended" in phone.call_bar.label.text(), timeout=5000)
    assert phone.call_bar.time.text() < "00:05", "the talk time, not the time since the ring"

    panel.form.topic.setCurrentIndex(panel.form.topic.findData("general.advice"))
    panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(panel.saved, timeout=5000) as saved:
        panel.save()
    with sqlite_db.session() as s:
        row = s.get(Interaction, saved.args[0].id)
        assert (row.channel, row.customer_id, row.external_ref) == (Channel.PHONE, seeded.anna, call.uniqueid)


def test_an_unknown_number_asks_who_is_calling(desk, qtbot, pbx, seeded):
    window, phone = desk.window, desk.phone
    with qtbot.waitSignal(phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
    with qtbot.waitSignal(phone.screen_pop.prompted, timeout=5000) as prompted:
        qtbot.mouseClick(phone.screen_pop.notification.accept_button, Qt.MouseButton.LeftButton)
    prompt = prompted.args[0]
    assert prompt.isVisible()
    assert prompt.heading.text() == "Unknown caller 044 9998888"
    assert window.tabs.count() == 0, "nobody was opened"
    assert not prompt.link_button.isEnabled(), "no customer tab to link to"
    from agentdesk_desktop.logging.unidentified_contact_dock import UnidentifiedContactDock

    dock = window.findChild(UnidentifiedContactDock, "unidentifiedContactDock")
    assert dock.panel.in_progress and dock.panel.snapshot().contact.external_ref == call.uniqueid
    assert dock.panel.snapshot().contact.customer_id is None

    qtbot.mouseClick(prompt.search_button, Qt.MouseButton.LeftButton)
    assert window.search_panel.field.text() == "044 9998888", "the number is searched for"
    qtbot.waitUntil(lambda: phone.screen_pop.prompt is None, timeout=2000)
    dock.panel.cancel_contact()


def test_the_call_can_be_linked_to_the_customer_in_the_current_tab(desk, qtbot, pbx, seeded):
    window, phone = desk.window, desk.phone
    matti = window.open_customer(seeded.matti)
    qtbot.waitUntil(lambda: matti.is_painted, timeout=5000)
    with qtbot.waitSignal(phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
    with qtbot.waitSignal(phone.screen_pop.prompted, timeout=5000) as prompted:
        accept_with_f9(qtbot, window)
    prompt = prompted.args[0]
    assert prompt.link_button.isEnabled() and prompt.link_button.text() == "&Link to Matti Meikäläinen"
    with qtbot.waitSignal(phone.screen_pop.painted, timeout=5000):
        qtbot.mouseClick(prompt.link_button, Qt.MouseButton.LeftButton)
    assert matti.panel.in_progress and matti.panel.snapshot().contact.external_ref == call.uniqueid
    matti.panel.cancel_contact()


def test_calls_ringing_other_agents_do_not_pop(desk, qtbot, pbx, caplog):
    call = pbx.emit_call("040 123 4567", "VIRTANEN ANNA", "neuvonta", interface="PJSIP/agent7")
    mine = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
    qtbot.waitUntil(lambda: desk.phone.screen_pop.notification.showing, timeout=5000)
    incoming = [r.getMessage() for r in caplog.records if r.getMessage().startswith("screenpop.incoming")]
    assert incoming == [f"screenpop.incoming unique_id={mine.uniqueid}"], call.uniqueid
    assert desk.window.tabs.count() == 0
    desk.phone.screen_pop.notification.dismiss()


@pytest.mark.expect_log_warnings
def test_a_refused_login_and_a_missing_secret_show_in_the_status_bar(qtbot, sqlite_db, seeded, pbx):
    settings = settings_for(pbx)
    keyring.set_password(AMI_SERVICE, ami_account(settings), "wrong")
    desk = start_desk(qtbot, sqlite_db, settings)
    try:
        qtbot.waitUntil(lambda: desk.phone.status is PhoneStatus.LOGIN_REFUSED, timeout=5000)
        assert desk.phone.status_label.text() == "Phone: login refused"
    finally:
        stop_desk(desk)

    keyring.delete_password(AMI_SERVICE, ami_account(settings))
    desk = start_desk(qtbot, sqlite_db, settings)
    try:
        qtbot.waitUntil(lambda: desk.phone.status is PhoneStatus.NO_SECRET, timeout=5000)
        assert desk.phone.status_label.text() == "Phone: no password on this workstation"
    finally:
        stop_desk(desk)


@pytest.mark.expect_log_warnings
def test_a_dropped_connection_reconnects(desk, qtbot, pbx):
    pbx.drop_connections()
    qtbot.waitUntil(lambda: desk.phone.status is PhoneStatus.RECONNECTING, timeout=5000)
    assert desk.phone.status_label.text() == "Phone: reconnecting…"
    qtbot.waitUntil(lambda: desk.phone.status is PhoneStatus.CONNECTED, timeout=5000)
    assert desk.phone.status_label.text() == "Phone: connected"


# -- a calm screen pop: typing is never redirected -------------------------------------------------


def type_where_the_focus_is(qtbot, text: str) -> None:
    """Type as the agent does: each key goes to whichever widget has the keyboard focus at that moment."""
    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None, "the keyboard focus was lost"
        qtbot.keyClick(target, ch)
        QCoreApplication.processEvents()  # the call's events and the pop's result arrive between keys


def open_with_contact(qtbot, window, customer_id):
    view = window.open_customer(customer_id)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    view.panel.start_contact()
    notes = view.panel.form.notes
    window.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus, timeout=2000)
    return view, notes


def test_a_call_arriving_while_the_agent_types_changes_nothing_until_accepted(desk, qtbot, pbx, seeded):
    window, phone = desk.window, desk.phone
    matti, notes = open_with_contact(qtbot, window, seeded.matti)
    type_where_the_focus_is(qtbot, "Kysyi ")
    call = pbx.emit_call("040 123 4567", "VIRTANEN ANNA", "neuvonta", interface=INTERFACE)
    typed = "Kysyi "
    for word in ("jatehuollosta ", "ja ", "pysakoinnista."):
        type_where_the_focus_is(qtbot, word)
        typed += word
    qtbot.waitUntil(lambda: phone.screen_pop.notification.showing, timeout=5000)
    type_where_the_focus_is(qtbot, " Soitto tuli.")
    typed += " Soitto tuli."

    note = phone.screen_pop.notification
    assert note.isVisible() and note.caller.text() == "☎ Virtanen, Anna · 040 1234567"
    assert (note.match.text(), note.queue.text()) == ("Known customer", "Queue: neuvonta")
    assert notes.toPlainText() == typed, "every keystroke landed in Matti's contact form"
    assert notes.hasFocus() and window.tabs.currentWidget() is matti and window.tabs.count() == 1
    assert matti.panel.snapshot().contact.external_ref == "", "Matti's contact is not the call's"

    with qtbot.waitSignal(phone.screen_pop.painted, timeout=5000) as painted:
        accept_with_f9(qtbot, window)
    assert painted.args == [seeded.anna, call.uniqueid]
    anna = window.tabs.currentWidget()
    assert window.current_customer_id() == seeded.anna and anna is not matti
    assert anna.panel.snapshot().contact.external_ref == call.uniqueid
    assert not note.isVisible()
    assert matti.panel.form.notes.toPlainText() == typed, "nothing typed was lost"
    anna.panel.cancel_contact()
    matti.panel.cancel_contact()


def test_a_dismissed_call_leaves_the_desk_as_it_was(desk, qtbot, pbx, seeded):
    window, phone = desk.window, desk.phone
    matti, notes = open_with_contact(qtbot, window, seeded.matti)
    with qtbot.waitSignal(phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
    assert phone.screen_pop.notification.match.text() == "Unknown caller: no customer has this number"
    with qtbot.waitSignal(phone.screen_pop.dismissed, timeout=2000) as dismissed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert dismissed.args == [call.uniqueid]
    assert not phone.screen_pop.notification.isVisible() and phone.screen_pop.prompt is None
    type_where_the_focus_is(qtbot, "ok")
    assert notes.toPlainText() == "ok" and window.tabs.currentWidget() is matti
    accept_with_f9(qtbot, window)  # F9 with no call showing does nothing
    assert window.tabs.count() == 1 and phone.screen_pop.prompt is None
    matti.panel.cancel_contact()


def test_a_caller_hanging_up_before_the_accept_withdraws_the_notification(desk, qtbot, pbx, seeded):
    phone = desk.phone
    with qtbot.waitSignal(phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("040 123 4567", "VIRTANEN ANNA", "neuvonta", interface=INTERFACE)
    call.abandon()
    qtbot.waitUntil(lambda: not phone.screen_pop.notification.isVisible(), timeout=5000)
    assert desk.window.tabs.count() == 0


def test_the_unknown_caller_prompt_links_the_tab_that_is_current_now(desk, qtbot, pbx, seeded):
    window, phone = desk.window, desk.phone
    matti, _notes = open_with_contact(qtbot, window, seeded.matti)
    matti.panel.cancel_contact()
    with qtbot.waitSignal(phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
    with qtbot.waitSignal(phone.screen_pop.prompted, timeout=5000) as prompted:
        accept_with_f9(qtbot, window)
    prompt = prompted.args[0]
    assert prompt.link_button.text() == "&Link to Matti Meikäläinen"

    anna = window.open_customer(seeded.anna)  # the agent finds the caller and opens her tab
    qtbot.waitUntil(lambda: anna.is_painted, timeout=5000)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Anna Virtanen"
    assert prompt.link_button.text() == "&Link to Anna Virtanen", "the prompt follows the switch and the retitle"
    with qtbot.waitSignal(phone.screen_pop.painted, timeout=5000) as painted:
        qtbot.mouseClick(prompt.link_button, Qt.MouseButton.LeftButton)
    assert painted.args == [seeded.anna, call.uniqueid]
    assert anna.panel.in_progress and anna.panel.snapshot().contact.external_ref == call.uniqueid
    assert not matti.panel.in_progress, "the call did not go to the tab that was current when the prompt appeared"
    anna.panel.cancel_contact()


# -- presence follows the phone ----------------------------------------------------------------------


def test_answering_makes_the_agent_busy_and_the_hang_up_starts_a_wrap_up_that_ends_by_itself(
    qtbot, sqlite_db, seeded, pbx
):
    from agentdesk.deployment.profile_work import WorkSettings
    from agentdesk.queues import Presence, PresenceState

    settings = settings_for(pbx)
    keyring.set_password(AMI_SERVICE, ami_account(settings), "s3cret")
    desk = start_desk(qtbot, sqlite_db, settings, work=WorkSettings(wrap_up_seconds=2))
    try:
        qtbot.waitUntil(lambda: desk.phone.status is PhoneStatus.CONNECTED, timeout=5000)
        button = desk.windows.presence
        qtbot.waitUntil(lambda: button.text() == "● Available", timeout=5000)
        with qtbot.waitSignal(desk.phone.screen_pop.notified, timeout=5000):
            call = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
        call.answer(hold_seconds=3)
        qtbot.waitUntil(lambda: button.text() == "● Busy", timeout=5000)
        call.hang_up(talk_seconds=20)
        qtbot.waitUntil(lambda: button.text().startswith("● Wrap-up 00:0"), timeout=5000)
        aino = Presence(sqlite_db).current()[0]
        assert aino.staff.username == "agent.aino" and aino.state is PresenceState.WRAP_UP
        qtbot.waitUntil(lambda: button.text() == "● Available", timeout=10_000)  # the profile's 2 s
        assert Presence(sqlite_db).get(aino.staff.id).state is PresenceState.AVAILABLE
        desk.phone.screen_pop.notification.dismiss()
    finally:
        stop_desk(desk)


def test_the_agent_ends_a_wrap_up_from_the_menu(desk, qtbot, pbx):
    from agentdesk.queues import PresenceState

    button = desk.windows.presence
    qtbot.waitUntil(lambda: button.text() == "● Available", timeout=5000)
    with qtbot.waitSignal(desk.phone.screen_pop.notified, timeout=5000):
        call = pbx.emit_call("044 999 8888", "", "neuvonta", interface=INTERFACE)
    call.answer(hold_seconds=1)
    qtbot.waitUntil(lambda: button.text() == "● Busy", timeout=5000)
    call.hang_up(talk_seconds=5)
    qtbot.waitUntil(lambda: button.state is PresenceState.WRAP_UP, timeout=5000)
    with qtbot.waitSignal(button.state_shown, timeout=5000):
        button.actions_by_state[PresenceState.AVAILABLE].trigger()
    assert button.text() == "● Available"
    desk.phone.screen_pop.notification.dismiss()

"""The customer dialog: duplicates while typing, messages at the fields, edit conflicts side by side."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from agentdesk.customer_register import CustomerRegister, set_alert
from agentdesk.duplicate_check import DuplicateCheck
from agentdesk.identity import hetu_check_char
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import AlertKind
from agentdesk_desktop.customer_form.customer_dialog import CustomerDialog


@pytest.fixture
def dialog_for(qtbot, sqlite_db, seeded, bg):
    staff = StaffDirectory(sqlite_db).get("agent.aino")

    def make(customer_id: int | None = None) -> CustomerDialog:
        dialog = CustomerDialog(
            CustomerRegister(sqlite_db), DuplicateCheck(sqlite_db), bg, staff, customer_id=customer_id
        )
        qtbot.addWidget(dialog)
        dialog.show()
        if customer_id is not None:
            qtbot.waitUntil(lambda: dialog.record is not None)
        return dialog

    return make


def type_into(qtbot, dialog: CustomerDialog, **values: str) -> None:
    for key, text in values.items():
        field = dialog.fields[key]
        field.setFocus()
        field.selectAll()
        if text:
            qtbot.keyClicks(field, text)
        else:
            qtbot.keyClick(field, Qt.Key.Key_Delete)


def wait_duplicates(qtbot, dialog: CustomerDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.duplicate_check_pending, timeout=5000)


# -- duplicates ------------------------------------------------------------------------------------


def test_a_similar_name_with_the_same_birth_date_warns_before_saving(dialog_for, qtbot, seeded, sqlite_db):
    dialog = dialog_for()
    assert dialog.windowTitle() == "New customer"
    type_into(qtbot, dialog, first_names="Ana", last_name="Virtanen", birth_date="15.3.1985")
    wait_duplicates(qtbot, dialog)
    panel = dialog.duplicate_panel
    assert panel.isVisible()
    assert [c.customer_id for c in panel.candidates] == [seeded.anna]
    assert panel.reason_texts() == ["similar name, same birth date"]
    assert panel.findChild(type(panel.title), f"duplicate_{seeded.anna}").text() == "Anna Virtanen (born 1985)"

    # The first Save asks to check; the second creates the customer anyway.
    dialog.save()
    assert panel.hint.isVisible() and dialog.isVisible()
    with qtbot.waitSignal(dialog.customer_created, timeout=5000) as created:
        dialog.save()
    assert CustomerRegister(sqlite_db).get(created.args[0]).first_names == "Ana"


def test_the_same_identity_code_is_a_likely_duplicate_and_can_be_opened_instead(dialog_for, qtbot, seeded):
    dialog = dialog_for()
    type_into(qtbot, dialog, first_names="Anni", last_name="Koskinen", hetu=seeded.anna_hetu)
    wait_duplicates(qtbot, dialog)
    assert dialog.duplicate_panel.reason_texts() == ["same identity code"]
    button = dialog.duplicate_panel.findChild(type(dialog.save_button), f"openDuplicate_{seeded.anna}")
    assert button.text() == "Open this customer"
    with qtbot.waitSignal(dialog.open_customer_requested) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.args == [seeded.anna]
    assert not dialog.isVisible(), "the dialog closes; nothing was saved"


def test_a_different_person_gets_no_warning(dialog_for, qtbot):
    dialog = dialog_for()
    type_into(qtbot, dialog, first_names="Ville", last_name="Virtanen", birth_date="1.1.1970")
    wait_duplicates(qtbot, dialog)
    assert not dialog.duplicate_panel.isVisible()


# -- messages at the fields --------------------------------------------------------------------------


def test_messages_appear_at_each_field_and_the_typed_text_stays(dialog_for, qtbot, sqlite_db):
    dialog = dialog_for()
    good_hetu = "150385-914" + hetu_check_char("150385914")
    bad_hetu = good_hetu[:-1] + ("X" if good_hetu[-1] != "X" else "Y")
    type_into(
        qtbot,
        dialog,
        first_names="",
        last_name="Lahtinen",
        hetu=bad_hetu,
        phones="040 123 4567, 12",
        postal_code="331",
        street="Kuja 1",
    )
    dialog.save()
    errors = dialog.field_errors()
    assert errors == {
        "first_names": "The first name is required",
        "hetu": f"Check character should be {good_hetu[-1]}",
        "phones": "12: Too short to be a phone number",
        "postal_code": "A Finnish postal code has five digits",
        "municipality": "The municipality is required with an address",
    }
    for key in errors:
        label = dialog.rows.messages[key]
        assert label.isVisible() and label.parentWidget() is dialog.rows.holders[key]
    assert dialog.focusWidget() is dialog.fields["first_names"], "the focus goes to the first field to fix"
    assert dialog.fields["hetu"].text() == bad_hetu
    assert dialog.fields["phones"].text() == "040 123 4567, 12"
    assert dialog.isVisible()

    type_into(
        qtbot,
        dialog,
        first_names="Liisa",
        hetu=good_hetu,
        phones="040 123 4567",
        postal_code="33100",
        municipality="Tampere",
    )
    wait_duplicates(qtbot, dialog)
    with qtbot.waitSignal(dialog.customer_created, timeout=5000) as created:
        dialog.save()
    record = CustomerRegister(sqlite_db).get(created.args[0])
    assert (record.first_names, record.hetu, record.phones, record.municipality) == (
        "Liisa",
        good_hetu,
        ("+358401234567",),
        "Tampere",
    )


def test_the_registers_own_refusal_appears_at_the_field(dialog_for, qtbot, seeded):
    dialog = dialog_for()
    type_into(qtbot, dialog, first_names="Anna", last_name="Virtanen", hetu=seeded.anna_hetu)
    wait_duplicates(qtbot, dialog)
    dialog.save()  # acknowledges the duplicate warning
    dialog.save()
    qtbot.waitUntil(lambda: "hetu" in dialog.field_errors(), timeout=5000)
    assert dialog.field_errors()["hetu"] == "A customer with this identity code already exists"
    assert dialog.fields["hetu"].text() == seeded.anna_hetu


def test_an_organisation_has_a_business_id_instead_of_an_identity_code(dialog_for, qtbot, sqlite_db):
    dialog = dialog_for()
    dialog.organisation.click()
    assert not dialog.fields["hetu"].isVisible() and dialog.fields["ytunnus"].isVisible()
    assert dialog.rows.titles["last_name"].text() == "&Name"
    type_into(qtbot, dialog, last_name="Lahden Lampo Oy", ytunnus="2617416-5")
    dialog.save()
    assert dialog.field_errors() == {"ytunnus": "Check digit should be 4"}
    type_into(qtbot, dialog, ytunnus="2617416-4")
    wait_duplicates(qtbot, dialog)
    with qtbot.waitSignal(dialog.customer_created, timeout=5000) as created:
        dialog.save()
    assert CustomerRegister(sqlite_db).get(created.args[0]).ytunnus == "2617416-4"


# -- editing ------------------------------------------------------------------------------------------


def test_editing_saves_against_the_stored_version(dialog_for, qtbot, seeded, sqlite_db):
    dialog = dialog_for(seeded.anna)
    assert dialog.windowTitle() == "Edit customer"
    assert dialog.fields["last_name"].text() == "Virtanen"
    assert dialog.fields["birth_date"].text() == "15.3.1985"
    type_into(qtbot, dialog, last_name="Virtanen-Koski")
    with qtbot.waitSignal(dialog.customer_saved, timeout=5000):
        dialog.save()
    record = CustomerRegister(sqlite_db).get(seeded.anna)
    assert record.last_name == "Virtanen-Koski"
    assert record.street == "Hämeenkatu 12 A 3", "the address is kept"


def test_an_edit_conflict_shows_both_versions_and_lets_the_agent_choose(dialog_for, qtbot, seeded, sqlite_db):
    register = CustomerRegister(sqlite_db)
    dialog = dialog_for(seeded.anna)
    # Meanwhile, another workstation changes the phone number and the last name.
    elsewhere = register.get(seeded.anna).as_draft()
    register.update(
        seeded.anna,
        dialog.base_version,
        dataclasses.replace(elsewhere, last_name="Virtanen-Lahti", phones=("050 555 1234",)),
        actor="agent.other",
    )
    type_into(qtbot, dialog, last_name="Virtanen-Koski", emails="anna@example.fi")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict.isVisible(), timeout=5000)

    sides = dialog.conflict.side_by_side()
    assert sides["Last name"] == ("Virtanen-Lahti", "Virtanen-Koski")
    assert sides["E-mails"] == ("anna.virtanen@example.fi", "anna@example.fi")
    assert sides["Phones"][0].startswith("050")
    assert set(dialog.conflict.differences) == {"last_name", "phones", "emails"}
    assert dialog.fields["last_name"].text() == "Virtanen-Koski", "nothing typed is lost"
    assert not dialog.save_button.isEnabled(), "the agent chooses first"
    assert register.get(seeded.anna).last_name == "Virtanen-Lahti", "nothing was overwritten"

    with qtbot.waitSignal(dialog.customer_saved, timeout=5000):
        qtbot.mouseClick(dialog.conflict.apply_button, Qt.MouseButton.LeftButton)
    record = register.get(seeded.anna)
    assert (record.last_name, record.emails) == ("Virtanen-Koski", ("anna@example.fi",))


def test_keeping_their_version_shows_it_in_the_form(dialog_for, qtbot, seeded, sqlite_db):
    register = CustomerRegister(sqlite_db)
    dialog = dialog_for(seeded.anna)
    register.update(
        seeded.anna,
        dialog.base_version,
        dataclasses.replace(register.get(seeded.anna).as_draft(), last_name="Virtanen-Lahti"),
        actor="agent.other",
    )
    type_into(qtbot, dialog, last_name="Virtanen-Koski")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict.isVisible(), timeout=5000)
    qtbot.mouseClick(dialog.conflict.keep_button, Qt.MouseButton.LeftButton)
    assert not dialog.conflict.isVisible()
    assert dialog.fields["last_name"].text() == "Virtanen-Lahti"
    assert dialog.base_version == register.get(seeded.anna).version
    assert dialog.save_button.isEnabled()


def test_a_protected_address_stays_hidden_and_kept_when_editing(dialog_for, qtbot, seeded, sqlite_db):
    set_alert(sqlite_db, seeded.anna, AlertKind.PROTECTED_ADDRESS, actor="test")
    dialog = dialog_for(seeded.anna)
    assert dialog.protected_note.isVisible()
    assert not dialog.fields["street"].isVisible()
    assert all(dialog.fields[k].text() == "" for k in ("street", "postal_code", "municipality"))
    type_into(qtbot, dialog, phones="040 999 8888")
    with qtbot.waitSignal(dialog.customer_saved, timeout=5000):
        dialog.save()
    from agentdesk.storage.models import Address

    with sqlite_db.session() as s:
        streets = [a.street for a in s.query(Address).filter_by(customer_id=seeded.anna)]
    assert streets == ["Hämeenkatu 12 A 3"], "the register kept the address the form never saw"
    assert "Hämeenkatu" not in repr(dialog.draft())

"""Department plugins in the desk beyond showing panels: filing an Open311 service request from the
technical panel (messages at the fields, the reference stored on the customer and passed back to the
panel), Help ▸ Plugins with broken plugins named, and disabling a plugin removing its panels."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget

from agentdesk.plugin_host.host import PluginState
from agentdesk.storage.models import Channel, Interaction, ServiceCase
from tests.ui.plugin_panels_support import (
    FAKE_PLUGINS,
    deployment,
    open_area,
    wait_states,
)


def _check(editor: QListWidget, key: str) -> None:
    for i in range(editor.count()):
        item = editor.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            item.setCheckState(Qt.CheckState.Checked)


def test_filing_a_service_request_stores_its_reference_and_the_panel_shows_it(
    qtbot, plugin_desk, fhir, social, open311, seeded, sqlite_db
):
    # Without the contact search the panel knows only the requests whose references the desk stored.
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311, contact_search=False))
    area = open_area(qtbot, desk, seeded.anna)
    panel = area.panels["technical.requests"]
    area.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.state == "empty", timeout=5000)
    button = panel.action_buttons["file_request"]
    assert button.text() == "File a service request…" and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = area.action_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.chooser is not None and dialog.form_view is not None, timeout=5000)
    assert dialog.chooser_label.text() == "Service *"

    chooser = dialog.chooser.editor
    chooser.setCurrentIndex(chooser.findData("streetlight"))  # its own form: the service's attributes
    qtbot.waitUntil(lambda: dialog.form_action_id == "file_request:streetlight", timeout=5000)
    editors = dialog.form_view.editors
    assert {"attribute[FAULT]", "attribute[LAMPS_OUT]", "description", "address_string"} <= set(editors)
    assert editors["address_string"].value() == "Hämeenkatu 12 A 3, 33100 Tampere", "prefilled from the customer"
    assert dialog.form_view.labels["attribute[FAULT]"].text().endswith(" *"), "required is marked"

    # The desk's own check: a required field left empty is named at the field; nothing is sent.
    before = open311.stats()["by_method_path"].get("POST requests.json", 0)
    editors["description"].editor.setPlainText("Kolme valoa pimeänä talon kohdalla.")
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.field_errors() == {"attribute[FAULT]": "Fill this in."}
    assert editors["description"].value() == "Kolme valoa pimeänä talon kohdalla.", "nothing typed is lost"

    # The plugin's check: a number that is not one comes back as a UserInputError at its field.
    _check(editors["attribute[FAULT]"].editor, "dark")
    editors["attribute[LAMPS_OUT]"].editor.setText("kolme")
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy_filing and "attribute[LAMPS_OUT]" in dialog.field_errors(), timeout=5000)
    assert set(dialog.field_errors()) == {"attribute[LAMPS_OUT]"}
    assert open311.stats()["by_method_path"].get("POST requests.json", 0) == before

    editors["attribute[LAMPS_OUT]"].editor.setText("3")
    with qtbot.waitSignal(dialog.filed, timeout=8000) as filed:
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert open311.stats()["by_method_path"]["POST requests.json"] == before + 1
    qtbot.waitUntil(lambda: area.action_dialog is None, timeout=3000)
    with sqlite_db.session() as s:
        case = s.query(ServiceCase).filter_by(customer_id=seeded.anna, backoffice_system="open311").one()
        reference = case.backoffice_ref
        contact = s.query(Interaction).filter_by(customer_id=seeded.anna, external_ref=reference).one()
        assert contact.channel is Channel.WEB and contact.case_id == case.id
    assert reference and reference in filed.args[0]

    # The panel asks again with the stored reference and shows the new request; the overview too.
    qtbot.waitUntil(lambda: panel.state == "data" and reference in panel.visible_texts(), timeout=8000)
    assert panel.notice.text() == filed.args[0]
    view = desk.window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.cases.table.rowCount() == 1, timeout=5000)
    assert f"open311 {reference}" in view.cases.table.item(0, 4).text()


@pytest.mark.expect_log_warnings  # the host logs the broken plugins as errors
def test_a_broken_plugin_is_named_and_the_rest_of_the_desk_works(
    qtbot, plugin_desk, fhir, social, open311, seeded, monkeypatch
):
    monkeypatch.syspath_prepend(str(FAKE_PLUGINS))
    extra = {"broken": {"base_url": "http://127.0.0.1:9/x"}, "old": {"base_url": "http://127.0.0.1:9/x"}}
    try:
        desk = plugin_desk(
            "agent.aino", deployment(fhir, social, open311, extra=extra), extra_packages=["broken_import", "old_api"]
        )
        status = desk.window.statusBar().currentMessage()
        assert status.startswith("Some department plugins are not in use:")
        assert "Good (broken): failed" in status and "Good (old): incompatible" in status

        desk.window.plugins_action.trigger()
        dialog = _plugins_dialog(desk)
        assert dialog.windowTitle() == "Plugins"
        assert dialog.row_texts("broken")[0] == "Good (broken)"
        broken = dialog.row_texts("broken")
        assert broken[2] == "failed" and "ImportError: a dependency is missing" in broken[3]
        old = dialog.row_texts("old")
        assert old[2] == "incompatible" and "supports plugin API >=0.1,<1" in old[3]
        assert dialog.row_texts("health")[2] == "active"
        assert not dialog.toggles["old"].isEnabled(), "only IT can fix an incompatible plugin"

        area = open_area(qtbot, desk, seeded.anna)
        wait_states(qtbot, area, ("data", "purpose"))
        assert list(area.panels) == ["health.summary", "social.clients", "technical.requests"]
        dialog.close()
    finally:
        for name in [m for m in sys.modules if m.split(".")[0] in ("broken_import", "old_api")]:
            del sys.modules[name]


def test_disabling_a_plugin_removes_its_panels_at_once_and_enabling_brings_them_back(
    qtbot, plugin_desk, fhir, social, open311, seeded
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311))
    area = open_area(qtbot, desk, seeded.anna)
    qtbot.waitUntil(lambda: area.panels["technical.requests"].state == "data", timeout=5000)
    dialog = desk.plugins.open_dialog(desk.window)
    assert dialog.toggles["technical"].text() == "Disable"
    qtbot.mouseClick(dialog.toggles["technical"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "technical.requests" not in area.panels, timeout=2000)
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == ["Health care", "Social services"]
    assert desk.plugins.host.status("technical").state is PluginState.DISABLED
    assert dialog.row_texts("technical")[2:4] == ["disabled", "Disabled by you in this session."]

    open311.reset_stats()
    qtbot.mouseClick(dialog.toggles["technical"], Qt.MouseButton.LeftButton)  # now "Enable"
    qtbot.waitUntil(lambda: "technical.requests" in area.panels, timeout=5000)
    panel = area.panels["technical.requests"]
    qtbot.waitUntil(lambda: panel.state == "data", timeout=5000)
    assert open311.stats()["total"] >= 1
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()


def _plugins_dialog(desk):
    from agentdesk_desktop.plugins.plugins_dialog import PluginsDialog

    dialogs = desk.window.findChildren(PluginsDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def test_form_fields_follow_their_kinds_required_marks_and_lengths(qtbot):
    from PySide6.QtCore import QDateTime
    from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QPlainTextEdit

    from agentdesk.plugin_api import FieldSpec, FormSpec
    from agentdesk_desktop.plugins.form_fields import FormView

    form = FormSpec(
        "Test",
        (
            FieldSpec("name", "Name", "string", required=True, max_length=5, default="Aino"),
            FieldSpec("notes", "Notes", "text", max_length=10, help="Say it briefly"),
            FieldSpec("count", "Count", "number"),
            FieldSpec("when", "When", "datetime"),
            FieldSpec("due", "Due", "datetime", required=True, default="2030-01-02T03:04:00"),
            FieldSpec("kind", "Kind", "choice", required=True, choices=(("a", "Alpha"), ("b", "Beta"))),
            FieldSpec("tags", "Tags", "multichoice", choices=(("x", "Ex"), ("y", "Why")), default="y"),
        ),
    )
    view = FormView(form)
    qtbot.addWidget(view)
    editors = view.editors
    assert isinstance(editors["name"].editor, QLineEdit) and editors["name"].editor.maxLength() == 5
    assert isinstance(editors["notes"].editor, QPlainTextEdit) and isinstance(editors["kind"].editor, QComboBox)
    assert isinstance(editors["when"].editor, QDateTimeEdit)
    assert [view.labels[k].text() for k in ("name", "notes", "kind")] == ["Name *", "Notes", "Kind *"]
    assert editors["notes"].help.text() == "Say it briefly"
    assert view.values() == {
        "name": "Aino",
        "notes": "",
        "count": "",
        "when": "",
        "due": "2030-01-02T03:04:00",
        "kind": "",
        "tags": ["y"],
    }
    assert view.check() == {"kind": "Fill this in."}

    editors["notes"].editor.setPlainText("x" * 12)
    assert editors["notes"].count.text() == "12 / 10 characters"
    editors["kind"].set_value("b")
    editors["when"].editor.setDateTime(QDateTime.fromString("2031-05-06T07:08:00", "yyyy-MM-ddTHH:mm:ss"))
    assert view.check() == {"notes": "At most 10 characters (now 12)."}
    values = view.values()
    assert values["kind"] == "b" and values["when"] == "2031-05-06T07:08:00"
    assert view.show_errors({"count": "Not a number", "": "Refused"}) == [""]
    assert editors["count"].error == "Not a number" and editors["count"].message.isVisibleTo(view)


def test_without_a_department_profile_the_plugins_are_off_and_only_it_can_change_that(qtbot, plugin_desk, seeded):
    desk = plugin_desk("agent.aino", None)  # no profile on this (isolated) workstation
    assert {s.id: s.state for s in desk.plugins.statuses()} == {
        "education": PluginState.DISABLED,
        "health": PluginState.DISABLED,
        "social": PluginState.DISABLED,
        "technical": PluginState.DISABLED,
    }
    assert desk.window.statusBar().currentMessage() == "", "plugins turned off by IT are not a problem"
    dialog = desk.plugins.open_dialog(desk.window)
    assert dialog.row_texts("health")[2:] == ["disabled", "Turned off by this workstation's department profile (IT)."]
    assert not dialog.toggles["health"].isEnabled()
    view = desk.window.open_customer(seeded.anna)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    area = view.plugin_panel_area
    assert area.panels == {} and area.note.text() == "No department panels for your role on this workstation."
    dialog.close()

"""The dialog of a plugin action, e.g. the technical plugin's *File a service request…*.

1. The action's form (``action_form("file_request")``) is read off the UI thread. When its first
   field is a required choice (the service), that choice is the dialog's first step.
2. Choosing asks for the chosen item's own form, ``<action>:<key>`` (``file_request:streetlight``:
   the service's attributes and the common fields). What was typed in fields of the same name is
   carried over. A plugin that has no such form keeps the first form.
3. *File* (Ctrl+Enter) checks the required fields and lengths, then runs the action off the UI
   thread. A refusal from the back end (``UserInputError``) puts each message at its field, and
   one for the form as a whole (key ``""``) above the buttons; nothing typed is lost.
4. On success the desk stores the returned reference on the customer (a service case and a contact,
   see :class:`~agentdesk_desktop.plugins.desk_plugins.DeskPlugins`) and the plugin's panel asks afresh.

The dialog cannot be closed while the action runs: a request the back end has filed must not be
forgotten by the desk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agentdesk.plugin_api import ActionResult, FormSpec
from agentdesk.plugin_host.manifest import ActionSpec
from agentdesk.plugin_host.runner import CallOutcome, PanelState
from agentdesk.staff import StaffMember
from agentdesk_desktop import events
from agentdesk_desktop.plugins.form_fields import ERROR_STYLE, FieldEditor, FormView
from agentdesk_desktop.plugins.panel_customer import PanelCustomer, StoredReference
from agentdesk_desktop.plugins.plugin_seams import CaseLinkingContact, PluginDesk

log = logging.getLogger(__name__)


class ActionDialog(QDialog):
    filed = Signal(str)  # the plugin's message about what was done

    def __init__(
        self,
        plugins: PluginDesk,
        staff: StaffMember,
        customer: PanelCustomer,
        action: ActionSpec,
        parent: QWidget | None = None,
        *,
        contact: CaseLinkingContact | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pluginActionDialog")
        self.contact = contact  # the contact in progress in the customer's tab, if any
        self.plugins, self.staff, self.customer, self.action = plugins, staff, customer, action
        self.base_form: FormSpec | None = None
        self.form: FormSpec | None = None  # the form on screen (base or the chosen item's)
        self.form_action_id = action.id
        self.chooser: FieldEditor | None = None
        self.form_view: FormView | None = None
        self.busy_filing = False
        self.action_result: ActionResult | None = None  # not `result`: QDialog.result() is Qt's
        self.stored: StoredReference | None = None
        self._form_loads = 0

        self.heading = QLabel(self)
        self.heading.setObjectName("actionHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("actionStatus")
        self.status.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("actionBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.chooser_slot = QVBoxLayout()
        self.chooser_slot.setContentsMargins(0, 0, 0, 0)
        self.chooser_label = QLabel(self)
        self.chooser_label.setObjectName("chooserLabel")
        self.chooser_label.hide()
        self.chooser_slot.addWidget(self.chooser_label)
        self.fields_area = QScrollArea(self)  # not `scroll`: QWidget.scroll() is Qt's
        self.fields_area.setObjectName("actionFields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setTextFormat(Qt.TextFormat.PlainText)
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.file_button = QPushButton(self)
        self.file_button.setObjectName("actionSubmit")
        self.file_button.setDefault(True)
        self.file_button.clicked.connect(self.submit)
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.chooser_slot)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.fields_area, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.resize(640, 720)
        self._retranslate()
        self._set_busy(self.tr("Loading the form…"))
        self._load_form(action.id, base=True)

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        label = self.action.label(self.plugins.language)
        self.setWindowTitle(label)
        if self.form is None:
            self.heading.setText(label)
        self.file_button.setText(self.tr("&File"))
        self.file_button.setToolTip(self.tr("Ctrl+Enter"))

    # -- forms -----------------------------------------------------------------------------------

    def _load_form(self, action_id: str, *, base: bool) -> None:
        self._form_loads += 1
        ticket = self._form_loads
        self.plugins.action_form(
            self.action, action_id, staff=self.staff, customer=self.customer, owner=self
        ).on_success(lambda outcome: self._form_loaded(ticket, action_id, base, outcome)).on_failure(
            lambda exc: self._form_failed(ticket, exc)
        )

    def _form_loaded(self, ticket: int, action_id: str, base: bool, outcome: CallOutcome) -> None:
        if ticket != self._form_loads:
            return  # a newer choice was made meanwhile
        self._set_busy("")
        if outcome.state is not PanelState.DATA or not isinstance(outcome.value, FormSpec):
            if base:
                self._show_form_error(self.tr("The form could not be read from the back end."), outcome)
            elif outcome.error_kind == "plugin":
                self._show_base_fields()  # the plugin has no form of its own for this choice
            else:
                self._show_form_error(
                    self.tr("The form for this choice could not be read; you can still file with the fields below."),
                    outcome,
                )
                self._show_base_fields()
            return
        form = outcome.value
        if base:
            self.base_form = form
            first = form.fields[0] if form.fields else None
            if first is not None and first.kind == "choice" and first.required and first.choices:
                self.chooser = FieldEditor(first, self)
                self.chooser_label.setText(first.label + " *")
                self.chooser_label.show()
                self.chooser_label.setBuddy(self.chooser.editor)
                self.chooser_slot.addWidget(self.chooser)
                self.chooser.edited.connect(self._chosen)
            self._show_form(form, action_id)
            if self.chooser is not None and self.chooser.value():
                self._chosen()
            return
        self._show_form(form, action_id)

    def _form_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket != self._form_loads:
            return
        self._set_busy("")
        log.error("reading the form of %s failed: %s", self.action.id, type(exc).__name__)
        self._show_form_error(self.tr("The form could not be read from the back end."), None)

    @Slot()
    def _chosen(self) -> None:
        if self.chooser is None:
            return
        key = self.chooser.value()
        self.chooser.set_error("")
        if not key:
            self._show_base_fields()
            return
        self._set_busy(self.tr("Loading the form…"))
        self._load_form(f"{self.action.id}:{key}", base=False)

    def _show_base_fields(self) -> None:
        if self.base_form is not None and self.form_action_id != self.action.id:
            self._show_form(self.base_form, self.action.id)

    def _show_form(self, form: FormSpec, action_id: str) -> None:
        kept = self.form_view.values() if self.form_view is not None else {}
        skip = (self.chooser.spec.key,) if self.chooser is not None else ()
        view = FormView(form, self, skip=skip)
        view.set_values(kept)
        self.fields_area.setWidget(view)  # the old view is deleted by the scroll area
        self.form_view, self.form, self.form_action_id = view, form, action_id
        self.heading.setText(form.title or self.action.label(self.plugins.language))
        self.file_button.setEnabled(True)
        self.form_error.hide()

    def _show_form_error(self, text: str, outcome: CallOutcome | None) -> None:
        detail = outcome.error if outcome is not None and outcome.error_kind in ("unavailable", "backend") else ""
        self.form_error.setText(f"{text} {detail}".strip())
        self.form_error.show()

    def _set_busy(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.busy.setVisible(bool(text))
        self.file_button.setEnabled(not text and self.form_view is not None)

    # -- filing ----------------------------------------------------------------------------------

    def values(self) -> dict[str, str | list[str]]:
        values = self.form_view.values() if self.form_view is not None else {}
        if self.chooser is not None:
            values[self.chooser.spec.key] = self.chooser.value()
        return values

    @Slot()
    def submit(self) -> None:
        if self.busy_filing or self.form_view is None or not self.file_button.isEnabled():
            return
        problems = self.form_view.check()
        if self.chooser is not None and (problem := self.chooser.check()):
            problems[self.chooser.spec.key] = problem
        self._show_errors(problems)
        if problems:
            return
        self.busy_filing = True
        self.cancel_button.setEnabled(False)
        self._set_busy(self.tr("Filing…"))
        title = (
            self.form.title if self.form is not None and self.form_action_id != self.action.id else self._chosen_label()
        )
        events.emit("plugin.action.run", action=f"{self.action.plugin_id}.{self.action.id}")
        self.plugins.run_action(
            self.action,
            self.form_action_id,
            self.values(),
            staff=self.staff,
            customer=self.customer,
            title=title,
            done=self._filed,
            contact=self.contact,
        )

    def _chosen_label(self) -> str:
        """The chosen item's label (the chooser is always a drop-down), else the action's id."""
        editor = self.chooser.editor if self.chooser is not None else None
        return editor.currentText().rstrip(" *") if isinstance(editor, QComboBox) else self.action.id

    def _filed(self, outcome: CallOutcome, stored: StoredReference | None) -> None:
        self.busy_filing = False
        self.cancel_button.setEnabled(True)
        self._set_busy("")
        if outcome.state is PanelState.DATA and isinstance(outcome.value, ActionResult):
            self.action_result, self.stored = outcome.value, stored
            events.emit(
                "plugin.action.done", action=f"{self.action.plugin_id}.{self.action.id}", stored=stored is not None
            )
            self.filed.emit(outcome.value.message)
            self.accept()
            return
        if outcome.error_kind == "input" and isinstance(outcome.value, dict):
            self._show_errors({str(k): str(v) for k, v in outcome.value.items()})
            return
        self._show_form_error(self._failure_text(outcome), outcome)

    def _failure_text(self, outcome: CallOutcome) -> str:
        return {
            "timeout": self.tr(
                "The back end did not answer in time. Check in its panel whether the request "
                "was filed before filing it again."
            ),
            "unavailable": self.tr("The back end does not answer; nothing was filed."),
            "backend": self.tr("The back end refused the request."),
            "denied": self.tr("You cannot use this action now."),
        }.get(outcome.error_kind, self.tr("The action failed."))

    def _show_errors(self, errors: dict[str, str]) -> None:
        if self.chooser is not None:
            self.chooser.set_error(errors.get(self.chooser.spec.key, ""))
        leftover = self.form_view.show_errors(errors) if self.form_view is not None else list(errors)
        general = [errors[k] for k in leftover if k != (self.chooser.spec.key if self.chooser else None)]
        if general:
            self.form_error.setText(" ".join(m for m in general if m))
            self.form_error.show()
        else:
            self.form_error.hide()
        target = (self.chooser.editor if self.chooser is not None and self.chooser.error else None) or (
            self.form_view.first_error_editor() if self.form_view is not None else None
        )
        if target is not None:
            target.setFocus()
            self.fields_area.ensureWidgetVisible(target)

    def field_errors(self) -> dict[str, str]:
        out = {k: e.error for k, e in (self.form_view.editors.items() if self.form_view else ()) if e.error}
        if self.chooser is not None and self.chooser.error:
            out[self.chooser.spec.key] = self.chooser.error
        if self.form_error.isVisibleTo(self):
            out[""] = self.form_error.text()
        return out

    # -- closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy_filing:
            return  # the back end may be filing it right now
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy_filing:
            event.ignore()
            return
        super().closeEvent(event)

"""Creating and editing a customer: one form, messages at the fields, duplicates while typing.

- Every field is checked on **Save** (Ctrl+Enter); each message appears under its field and the
  typed text stays (:class:`DraftInvalid` from the register).
- While the agent types, likely duplicates are looked up off the UI thread (debounced) and shown
  with the reasons ("same identity code", "similar name, same birth date") and a button that opens
  that customer instead. A new customer with likely duplicates is saved only after a second Save.
- Editing starts from the stored version. If another workstation saved the customer meanwhile,
  the register raises :class:`EditConflict`; both versions are shown side by side and the agent
  chooses: keep theirs, or apply theirs' version number to their own and save again.
- A protected address is never shown: its fields are replaced by a note and the register keeps it.
"""

from __future__ import annotations

import contextlib
import logging
from functools import partial

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk import identity
from agentdesk.customer_register import (
    CustomerDraft,
    CustomerRecord,
    CustomerRegister,
    DraftInvalid,
    EditConflict,
    parse_date,
    validate,
)
from agentdesk.duplicate_check import DuplicateCandidate, DuplicateCheck
from agentdesk.staff import StaffMember
from agentdesk.storage.models import CustomerKind, Language
from agentdesk_desktop import events
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.customer_form.conflict_panel import ConflictPanel
from agentdesk_desktop.customer_form.customer_messages import customer_error_text
from agentdesk_desktop.customer_form.duplicate_panel import DuplicatePanel
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.field_rows import ERROR_STYLE, FieldRows
from agentdesk_desktop.widgets.labels import language_label

log = logging.getLogger(__name__)

DUPLICATE_DELAY_MS = 400
LANGUAGES = (Language.FI, Language.SV, Language.EN, Language.OTHER)
TEXT_FIELDS = (
    "first_names",
    "last_name",
    "hetu",
    "ytunnus",
    "birth_date",
    "phones",
    "emails",
    "street",
    "postal_code",
    "municipality",
)


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace(";", ",").split(",") if p.strip())


class CustomerDialog(QDialog):
    customer_created = Signal(int)  # the main window opens the new customer
    customer_saved = Signal(int)  # created or edited; the overview reloads
    newer_version_seen = Signal(int)  # an edit conflict showed a version saved elsewhere; reload too
    open_customer_requested = Signal(int)  # "open this customer instead"

    def __init__(
        self,
        register: CustomerRegister,
        duplicates: DuplicateCheck,
        background: Background,
        staff: StaffMember,
        *,
        customer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self._register, self._duplicates, self._bg, self._staff = register, duplicates, background, staff
        self.customer_id = customer_id
        self.record: CustomerRecord | None = None  # the version the edit is based on
        self.base_version: int | None = None
        self._saving = False
        self._duplicates_acknowledged = False
        self._save_after_check = False
        self._checking = False
        self._latest = LatestOnly()
        self._filling = False

        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_DELAY_MS)
        self._dup_timer.timeout.connect(self.check_duplicates)

        self.conflict = ConflictPanel(self)
        self.conflict.keep_theirs.connect(self.keep_theirs)
        self.conflict.apply_mine.connect(self.apply_mine)
        self.duplicate_panel = DuplicatePanel(self)
        self.duplicate_panel.open_requested.connect(self._open_instead)
        self._build_form()
        self.loading = QLabel(self)
        self.loading.setObjectName("customerLoading")
        self.loading.hide()
        self.save_error = QLabel(self)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(ERROR_STYLE)
        self.save_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveCustomer")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.conflict)
        layout.addWidget(self.loading)
        layout.addWidget(self._form_widget)
        layout.addWidget(self.duplicate_panel)
        layout.addStretch(1)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self._retranslate()
        self._kind_changed()
        if customer_id is not None:
            self.load()

    # -- building ------------------------------------------------------------------------------

    def _build_form(self) -> None:
        self._form_widget = QWidget(self)
        form = QFormLayout(self._form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        self.rows = FieldRows(form, self._form_widget)

        kind_box = QWidget(self._form_widget)
        row = QHBoxLayout(kind_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.person = QRadioButton(kind_box)
        self.person.setObjectName("kindPerson")
        self.organisation = QRadioButton(kind_box)
        self.organisation.setObjectName("kindOrganisation")
        self.person.setChecked(True)
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.person)
        self._kinds.addButton(self.organisation)
        self._kinds.buttonToggled.connect(lambda _b, on: on and self._kind_changed())
        row.addWidget(self.person)
        row.addWidget(self.organisation)
        row.addStretch(1)
        self.rows.add("kind", kind_box, buddy=self.person)

        self.fields: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit(self._form_widget)
            edit.setObjectName(f"field_{key}")
            edit.textEdited.connect(self._typed)
            self.fields[key] = edit
            if key == "birth_date":
                self.language = QComboBox(self._form_widget)
                self.language.setObjectName("field_language")
                for lang in LANGUAGES:
                    self.language.addItem("", lang.value)
            self.rows.add(key, edit)
            if key == "birth_date":
                self.rows.add("preferred_language", self.language)
        self.protected_note = QLabel(self._form_widget)
        self.protected_note.setObjectName("addressProtectedNote")
        self.protected_note.setWordWrap(True)
        self.rows.add("address_protected", self.protected_note)
        self.rows.set_row_visible("address_protected", False)

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New customer") if self.customer_id is None else self.tr("Edit customer"))
        organisation = self.organisation.isChecked()
        titles = {
            "kind": self.tr("Type"),
            "first_names": self.tr("&First names"),
            "last_name": self.tr("&Name") if organisation else self.tr("&Last name"),
            "hetu": self.tr("&Identity code"),
            "ytunnus": self.tr("&Business ID"),
            "birth_date": self.tr("&Birth date"),
            "preferred_language": self.tr("L&anguage"),
            "phones": self.tr("&Phone numbers"),
            "emails": self.tr("&E-mail addresses"),
            "street": self.tr("&Street address"),
            "postal_code": self.tr("P&ostal code"),
            "municipality": self.tr("&Municipality"),
            "address_protected": self.tr("Address"),
        }
        for key, label in self.rows.titles.items():
            label.setText(titles[key])
        self.person.setText(self.tr("Person"))
        self.organisation.setText(self.tr("Organisation"))
        for i, lang in enumerate(LANGUAGES):
            self.language.setItemText(i, language_label(lang))
        self.fields["hetu"].setPlaceholderText(self.tr("e.g. 010594Y9032"))
        self.fields["ytunnus"].setPlaceholderText(self.tr("e.g. 0112038-9"))
        self.fields["birth_date"].setPlaceholderText(self.tr("d.m.yyyy (from the identity code if empty)"))
        self.fields["phones"].setPlaceholderText(self.tr("040 123 4567; separate several with a comma"))
        self.fields["emails"].setPlaceholderText(self.tr("name@example.fi; separate several with a comma"))
        self.protected_note.setText(
            self.tr(
                "Address protected (turvakielto). The address is not shown here and stays as it is in the register."
            )
        )
        self.loading.setText(self.tr("Loading…"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the customer (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))

    @Slot()
    def _kind_changed(self) -> None:
        organisation = self.organisation.isChecked()
        for key in ("first_names", "hetu", "birth_date"):
            self.rows.set_row_visible(key, not organisation)
        self.rows.set_row_visible("ytunnus", organisation)
        self._retranslate()
        self._typed()

    # -- the form <-> a draft ------------------------------------------------------------------

    def draft(self) -> CustomerDraft:
        f = {k: e.text() for k, e in self.fields.items()}
        organisation = self.organisation.isChecked()
        return CustomerDraft(
            kind=CustomerKind.ORGANISATION if organisation else CustomerKind.PERSON,
            first_names="" if organisation else f["first_names"],
            last_name=f["last_name"],
            birth_date="" if organisation else f["birth_date"],
            preferred_language=Language(self.language.currentData()),
            hetu="" if organisation else f["hetu"],
            ytunnus=f["ytunnus"] if organisation else "",
            phones=_split(f["phones"]),
            emails=_split(f["emails"]),
            street=f["street"],
            postal_code=f["postal_code"],
            municipality=f["municipality"],
        )

    def fill(self, draft: CustomerDraft, *, address_protected: bool = False) -> None:
        self._filling = True
        try:
            (self.organisation if draft.kind is CustomerKind.ORGANISATION else self.person).setChecked(True)
            birth = draft.birth_date
            with contextlib.suppress(ValueError):  # shown as typed when it is not a date
                birth = format_day(parse_date(birth)) if birth else ""
            values = {
                "first_names": draft.first_names,
                "last_name": draft.last_name,
                "hetu": draft.hetu,
                "ytunnus": draft.ytunnus,
                "birth_date": birth,
                "phones": ", ".join(
                    identity.format_phone_for_display(p) if p.startswith("+") else p for p in draft.phones
                ),
                "emails": ", ".join(draft.emails),
                "street": draft.street,
                "postal_code": draft.postal_code,
                "municipality": draft.municipality,
            }
            for key, value in values.items():
                self.fields[key].setText(value)
            self.language.setCurrentIndex(max(self.language.findData(draft.preferred_language.value), 0))
            self.set_address_protected(address_protected)
        finally:
            self._filling = False

    def set_address_protected(self, protected: bool) -> None:
        for key in ("street", "postal_code", "municipality"):
            self.rows.set_row_visible(key, not protected)
            if protected:
                self.fields[key].clear()
        self.rows.set_row_visible("address_protected", protected)

    # -- editing: loading the stored version -----------------------------------------------------

    @Slot()
    def load(self) -> None:
        self._form_widget.setEnabled(False)
        self.save_button.setEnabled(False)
        self.loading.show()
        self._bg.read(self._register.get, self.customer_id, owner=self).on_success(self._loaded).on_failure(
            self._load_failed
        )

    def _loaded(self, record: CustomerRecord) -> None:
        self.record, self.base_version = record, record.version
        self.fill(record.as_draft(), address_protected=record.address_protected)
        self.loading.hide()
        self._form_widget.setEnabled(True)
        self.save_button.setEnabled(True)
        self.fields["last_name"].setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        log.error("loading customer %s for editing failed: %s", self.customer_id, type(exc).__name__)
        self.loading.setText(self.tr("The customer could not be loaded. Close this window and try again."))

    # -- duplicates while typing -----------------------------------------------------------------

    @Slot()
    def _typed(self, _text: str = "") -> None:
        if self._filling:
            return
        self._duplicates_acknowledged = False
        self.duplicate_panel.hint.hide()
        self._dup_timer.start()

    @property
    def duplicate_check_pending(self) -> bool:
        return self._dup_timer.isActive() or self._checking

    @Slot()
    def check_duplicates(self) -> None:
        self._dup_timer.stop()
        d = self.draft()
        birth = None
        try:
            birth = (
                parse_date(d.birth_date)
                if d.birth_date.strip()
                else identity.parse_hetu(d.hetu).birth_date
                if d.hetu.strip()
                else None
            )
        except (ValueError, identity.IdentityError):
            birth = None
        job = partial(
            self._duplicates.candidates,
            first_names=d.first_names,
            last_name=d.last_name,
            birth_date=birth,
            hetu=d.hetu,
            ytunnus=d.ytunnus,
            phones=d.phones,
            emails=d.emails,
            street=d.street,
            municipality=d.municipality,
            exclude_id=self.customer_id,
        )
        self._checking = True
        self._bg.read(job, token=self._latest.next(), owner=self).on_success(self._duplicates_found).on_failure(
            self._duplicate_check_failed
        )

    def _duplicates_found(self, candidates: list[DuplicateCandidate]) -> None:
        self._checking = False
        self.duplicate_panel.show_candidates(candidates)
        if candidates:
            events.emit("customer.duplicates_shown", count=len(candidates))
        if self._save_after_check:
            self._save_after_check = False
            self.save()

    def _duplicate_check_failed(self, exc: BaseException) -> None:
        # The check helps but never blocks: the agent can still save.
        self._checking = False
        log.info("duplicate check failed: %s", type(exc).__name__)
        if self._save_after_check:
            self._save_after_check = False
            self._duplicates_acknowledged = True
            self.save()

    def _open_instead(self, customer_id: int) -> None:
        events.emit("customer.duplicate_opened", id=customer_id)
        self.open_customer_requested.emit(customer_id)
        self.reject()

    # -- saving ----------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if self._saving or (self.customer_id is not None and self.record is None):
            return
        draft = self.draft()
        try:
            validate(draft)
        except DraftInvalid as exc:
            self._show_errors(exc.errors, draft)
            return
        if self.customer_id is None:
            if self.duplicate_check_pending:
                self._save_after_check = True
                if self._dup_timer.isActive():
                    self.check_duplicates()
                return
            if self.duplicate_panel.candidates and not self._duplicates_acknowledged:
                self._duplicates_acknowledged = True
                self.duplicate_panel.ask_to_confirm()
                return
        self.rows.clear()
        self.save_error.hide()
        self._saving = True
        self.save_button.setEnabled(False)
        actor = self._staff.username
        if self.customer_id is None:
            job = partial(self._register.create, draft, actor=actor)
        else:
            version = self.base_version
            assert version is not None  # read with the record, which save() waits for
            job = partial(self._register.update, self.customer_id, version, draft, actor=actor)
        self._bg.write(job, owner=self).on_success(self._saved).on_failure(lambda exc: self._save_failed(exc, draft))

    def _saved(self, record: CustomerRecord) -> None:
        self._saving = False
        created = self.customer_id is None
        self.customer_id, self.record, self.base_version = record.id, record, record.version
        events.emit("customer.created" if created else "customer.edited", id=record.id)
        if created:
            self.customer_created.emit(record.id)
        self.customer_saved.emit(record.id)
        self.accept()

    def _save_failed(self, exc: BaseException, draft: CustomerDraft) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, DraftInvalid):
            self._show_errors(exc.errors, draft)
        elif isinstance(exc, EditConflict):
            events.emit("customer.edit_conflict", id=exc.theirs.id)
            self.conflict.show_conflict(exc.theirs, draft)
            self.newer_version_seen.emit(exc.theirs.id)
            self.save_button.setEnabled(False)  # choose in the conflict box first
            self.adjustSize()
        else:
            log.error("saving the customer failed: %s", type(exc).__name__)
            self.save_error.setText(
                self.tr("The customer could not be saved. Nothing you typed is lost; try again in a moment.")
            )
            self.save_error.show()

    def _show_errors(self, errors: dict[str, str], draft: CustomerDraft) -> None:
        unplaced = self.rows.show(errors, lambda field, message: customer_error_text(field, message, draft))
        self.save_error.setText("\n".join(unplaced))
        self.save_error.setVisible(bool(unplaced))
        events.emit("customer.invalid", fields=",".join(sorted(errors)))

    def field_errors(self) -> dict[str, str]:
        return self.rows.shown()

    # -- an edit conflict ----------------------------------------------------------------------

    @Slot()
    def keep_theirs(self) -> None:
        theirs = self.conflict.theirs
        if theirs is None:
            return
        self.record, self.base_version = theirs, theirs.version
        self.fill(theirs.as_draft(), address_protected=theirs.address_protected)
        self.conflict.hide()
        self.save_button.setEnabled(True)
        events.emit("customer.conflict_resolved", choice="theirs")

    @Slot()
    def apply_mine(self) -> None:
        theirs = self.conflict.theirs
        if theirs is None:
            return
        self.record, self.base_version = theirs, theirs.version
        self.conflict.hide()
        self.save_button.setEnabled(True)
        events.emit("customer.conflict_resolved", choice="mine")
        self.save()


__all__ = ["CustomerDialog"]

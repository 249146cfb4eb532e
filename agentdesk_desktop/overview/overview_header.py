"""The top of the customer overview: who this is, the alerts nobody may miss, and the actions.

Alerts are coloured badges in the first row (safety warning, needs an interpreter, deceased,
address protected). The identity code is masked; **Show** asks for the full code, which is an
audited call made by the overview (:attr:`reveal_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from agentdesk.customer_overview import AlertView, CustomerOverview
from agentdesk.storage.models import AlertKind, CustomerKind
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.labels import alert_label, language_label

# background, text: strong colours, readable on both light and dark palettes
BADGE_COLOURS = {
    AlertKind.SAFETY_WARNING: ("#b00020", "#ffffff"),
    AlertKind.INTERPRETER_NEEDED: ("#0b57d0", "#ffffff"),
    AlertKind.DECEASED: ("#3c4043", "#ffffff"),
    AlertKind.PROTECTED_ADDRESS: ("#8a4b00", "#ffffff"),
}
ALERT_ORDER = (AlertKind.SAFETY_WARNING, AlertKind.DECEASED, AlertKind.PROTECTED_ADDRESS, AlertKind.INTERPRETER_NEEDED)


def _badge_height(widget: QWidget) -> int:
    """The height of an alert badge: a bold line of text with 4 px padding above and below."""
    font = QFont(widget.font())
    font.setBold(True)
    return QFontMetrics(font).height() + 2 * 4 + 2


class OverviewHeader(QFrame):
    reveal_requested = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewHeader")
        self.overview: CustomerOverview | None = None
        self.revealed: str | None = None
        self._revealing = False

        self.badges = QWidget(self)
        self.badges.setObjectName("alertBadges")
        self._badge_row = QHBoxLayout(self.badges)
        self._badge_row.setContentsMargins(0, 0, 0, 0)
        self._badge_row.setSpacing(6)
        self._badge_row.addStretch(1)
        # The alerts' notes as text under the badges (not only a tooltip): "Safety warning: meet only with a colleague".
        self.alert_notes = QLabel(self)
        self.alert_notes.setObjectName("alertNotes")
        self.alert_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.alert_notes.setWordWrap(True)
        self.alert_notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alert_notes.hide()

        self.name = QLabel(self)
        self.name.setObjectName("customerName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel(self)
        self.facts.setObjectName("customerFacts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.hetu_title = QLabel(self)
        self.hetu = QLabel(self)
        self.hetu.setObjectName("identityCode")
        self.hetu.setTextFormat(Qt.TextFormat.PlainText)
        self.hetu.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = self.hetu.font()
        mono.setFamily("monospace")
        mono.setStyleHint(mono.StyleHint.Monospace)
        mono.setPointSizeF(mono.pointSizeF() * 1.1)
        self.hetu.setFont(mono)
        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName("revealHetu")
        self.reveal_button.clicked.connect(self._reveal_clicked)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editCustomer")
        self.edit_button.clicked.connect(self.edit_requested)

        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.name)
        who.addWidget(self.facts)
        ident = QHBoxLayout()
        ident.setSpacing(6)
        ident.addWidget(self.hetu_title)
        ident.addWidget(self.hetu)
        ident.addWidget(self.reveal_button)
        ident.addSpacing(16)
        ident.addWidget(self.edit_button)
        row = QHBoxLayout()
        row.addLayout(who, 1)
        row.addLayout(ident)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.badges)
        layout.addWidget(self.alert_notes)
        layout.addLayout(row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # A constant height, loading or loaded, with or without alerts: filling the header repaints the
        # header, it never moves the rest of the overview (which would repaint the whole tab).
        self.badges.setFixedHeight(_badge_height(self.badges))
        for label in (self.facts, self.hetu):  # an empty label (loading) is as high as one with text
            label.setMinimumHeight(label.fontMetrics().height())
        for w in (self.badges, self.hetu_title, self.hetu, self.reveal_button, self.edit_button):
            policy = w.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            w.setSizePolicy(policy)
        self._retranslate()
        self.set_loading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.hetu_title.setText(self.tr("Identity code"))
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setToolTip(self.tr("Show the full identity code. Every view is logged."))
        self.edit_button.setText(self.tr("Edit details…"))
        self.alert_notes.setAccessibleName(self.tr("Notes of the alerts"))
        if self.overview is not None:
            self.set_overview(self.overview)
        else:
            self.set_loading()

    # -- states ------------------------------------------------------------------------------------

    def set_loading(self) -> None:
        if self.overview is None:
            self.name.setText(self.tr("Loading…"))
            self.facts.clear()
            self.hetu.clear()
            for w in (self.hetu_title, self.reveal_button, self.edit_button):
                w.setVisible(False)

    def set_overview(self, overview: CustomerOverview) -> None:
        self.overview = overview
        h = overview.header
        self.name.setText(h.display_name or "—")
        facts = []
        if h.kind is CustomerKind.ORGANISATION:
            facts.append(self.tr("Organisation"))
            if h.ytunnus:
                facts.append(fill(self.tr("Business ID %1"), h.ytunnus))
        if h.age is not None:
            facts.append(fill(self.tr("%1 years"), h.age))
        if h.birth_date is not None:
            facts.append(fill(self.tr("born %1"), format_day(h.birth_date)))
        facts.append(fill(self.tr("Language: %1"), language_label(h.preferred_language)))
        self.facts.setText(" · ".join(facts))
        has_hetu = h.hetu_masked is not None
        self.hetu_title.setVisible(has_hetu)
        self.hetu.setText(self.revealed or h.hetu_masked or "")
        self.reveal_button.setVisible(has_hetu and self.revealed is None)
        self.reveal_button.setEnabled(not self._revealing)
        self.edit_button.setVisible(True)
        self._set_badges(overview)

    def _set_badges(self, overview: CustomerOverview) -> None:
        while self._badge_row.count() > 1:
            item = self._badge_row.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        kinds: dict[AlertKind, AlertView | None] = {a.kind: a for a in overview.alerts}
        if overview.address_protected:
            kinds.setdefault(AlertKind.PROTECTED_ADDRESS, None)
        position = 0
        notes: list[str] = []
        for kind in ALERT_ORDER:
            if kind not in kinds:
                continue
            badge = QLabel(alert_label(kind), self.badges)
            badge.setObjectName(f"alert_{kind.value}")
            badge.setProperty("alertBadge", True)
            background, text = BADGE_COLOURS[kind]
            badge.setStyleSheet(
                f"QLabel {{ background: {background}; color: {text}; font-weight: bold;"
                f" border-radius: 4px; padding: 4px 10px; }}"
            )
            alert = kinds[kind]
            # The note of a protected-address alert is never shown: it may say where the person lives.
            if alert is not None and alert.note and kind is not AlertKind.PROTECTED_ADDRESS:
                badge.setToolTip(alert.note)
                badge.setAccessibleDescription(alert.note)
                notes.append(fill(self.tr("%1: %2"), alert_label(kind), alert.note))
            self._badge_row.insertWidget(position, badge)
            position += 1
        self.badges.setVisible(position > 0)  # its height stays reserved (a constant header)
        # Only a customer whose alerts have notes gets the extra lines (the header grows by them once, when loaded).
        self.alert_notes.setText("\n".join(notes))
        self.alert_notes.setVisible(bool(notes))

    # -- the identity code ---------------------------------------------------------------------

    def _reveal_clicked(self) -> None:
        self._revealing = True
        self.reveal_button.setEnabled(False)
        self.reveal_requested.emit()

    def set_revealed(self, value: str | None) -> None:
        self._revealing = False
        self.revealed = value
        self.hetu.setText(value or "")
        self.reveal_button.setVisible(False)

    def reveal_failed(self) -> None:
        self._revealing = False
        self.reveal_button.setEnabled(True)

    def badge_texts(self) -> list[str]:
        return [w.text() for w in self.badges.findChildren(QLabel) if w.property("alertBadge") and not w.isHidden()]

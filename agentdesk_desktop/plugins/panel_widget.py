"""One department panel in a customer tab, in one of its states:

- **purpose** (sensitive panels, before anything is asked): why is the agent looking — the customer is
  on the line and consents, a statutory task, an emergency. Nothing is queried until one is chosen;
  the choice is kept for this panel in this customer tab (the area remembers it).
- **loading**: "Loading…" with a busy bar; the rest of the screen keeps working.
- **data** / **empty**: the plugin's PanelData (:class:`~agentdesk_desktop.plugins.panel_content.PanelContent`), with a
  footer naming the back end and the time of the answer.
- **error**: what went wrong in words the agent understands, the plugin's detail, and Retry.

The widget asks through :class:`~agentdesk_desktop.plugins.desk_plugins.DeskPlugins` and never blocks: the outcome
comes back on the UI thread; an older request is cancelled when a newer one starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.plugin_api import PanelData
from agentdesk.plugin_host.host import PURPOSES
from agentdesk.plugin_host.manifest import ActionSpec, PanelSpec
from agentdesk.plugin_host.runner import CallOutcome, PanelState
from agentdesk.staff import StaffMember
from agentdesk_desktop import events
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.plugins.panel_content import PanelContent, highest_level
from agentdesk_desktop.plugins.panel_customer import PanelCustomer
from agentdesk_desktop.plugins.panel_requests import PanelRequest
from agentdesk_desktop.plugins.plugin_seams import PluginDesk
from agentdesk_desktop.widgets.purpose_prompt import PurposePrompt


class PluginPanelWidget(QWidget):
    state_changed = Signal(str)  # purpose, waiting, loading, data, empty, error
    purpose_chosen = Signal(str, str)  # panel key, purpose
    action_requested = Signal(object)  # ActionSpec

    def __init__(
        self,
        plugins: PluginDesk,
        spec: PanelSpec,
        staff: StaffMember,
        *,
        purpose: str | None = None,
        on_request: Callable[[str, PanelRequest], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"pluginPanel_{spec.plugin_id}_{spec.id}")
        self.plugins, self.spec, self.staff = plugins, spec, staff
        self.key = spec.key
        self.purpose = purpose if spec.sensitive else None
        self.customer: PanelCustomer | None = None
        self.state = ""
        self.outcome: CallOutcome | None = None
        self.content: PanelContent | None = None
        self.received_at: dt.datetime | None = None
        self.requests_made = 0
        self._request: PanelRequest | None = None
        self._on_request = on_request  # the area keeps the requests to cancel them when the tab closes
        self._notice = ""
        self._actions: list[ActionSpec] = []  # set_actions()

        self._stack = QStackedWidget(self)
        self._build_purpose_page()
        self._build_loading_page()
        self._build_error_page()
        self._content_page = QWidget(self._stack)
        self._content_page.setObjectName("panelContentPage")
        self._content_layout = QVBoxLayout(self._content_page)
        self._content_layout.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self._content_page)

        self.footer = QLabel(self)
        self.footer.setObjectName("panelFooter")
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setWordWrap(True)
        self.footer.setEnabled(False)
        self.notice = QLabel(self)
        self.notice.setObjectName("panelNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.action_buttons: dict[str, QPushButton] = {}
        self._actions_row = QHBoxLayout()
        self._actions_row.setContentsMargins(0, 0, 0, 0)
        self._actions_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.notice)
        layout.addLayout(self._actions_row)
        layout.addWidget(self.footer)
        self.set_actions(plugins.actions_for(staff, spec.plugin_id))
        self._retranslate()
        self._enter("purpose" if self.needs_purpose else "waiting")

    # -- pages -----------------------------------------------------------------------------------

    def _build_purpose_page(self) -> None:
        page = PurposePrompt(self._stack)
        page.chosen.connect(self.choose_purpose)
        self.purpose_text = page.text
        self.purpose_buttons = page.buttons
        self._purpose_page = page
        self._stack.addWidget(page)

    def _build_loading_page(self) -> None:
        page = QWidget(self._stack)
        page.setObjectName("panelLoading")
        self.loading_text = QLabel(page)
        self.loading_text.setObjectName("panelLoadingText")
        self.loading_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar(page)
        self.busy.setObjectName("panelBusy")
        self.busy.setRange(0, 0)  # indeterminate: moves while the UI thread is free
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.loading_text)
        column.addWidget(self.busy)
        column.addStretch(1)
        self._loading_page = page
        self._stack.addWidget(page)

    def _build_error_page(self) -> None:
        page = QWidget(self._stack)
        page.setObjectName("panelError")
        self.error_text = QLabel(page)
        self.error_text.setObjectName("panelErrorText")
        self.error_text.setWordWrap(True)
        self.error_text.setTextFormat(Qt.TextFormat.PlainText)
        self.error_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_detail = QLabel(page)
        self.error_detail.setObjectName("panelErrorDetail")
        self.error_detail.setWordWrap(True)
        self.error_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.error_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_detail.setEnabled(False)
        self.error_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(page)
        self.retry_button.setObjectName("panelRetry")
        self.retry_button.clicked.connect(self.retry)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.error_text)
        column.addWidget(self.error_detail)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self._error_page = page
        self._stack.addWidget(page)

    def set_actions(self, actions: list[ActionSpec]) -> None:
        wanted = {a.id: a for a in actions}
        for action_id in list(self.action_buttons):
            if action_id not in wanted:
                button = self.action_buttons.pop(action_id)
                self._actions_row.removeWidget(button)
                button.deleteLater()
        for action in actions:
            if action.id in self.action_buttons:
                continue
            button = QPushButton(self)
            button.setObjectName(f"action_{action.id}")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.action_buttons[action.id] = button
            self._actions_row.addWidget(button)
        self._actions = actions
        self._retranslate_actions()
        self._update_actions()

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.purpose_text.setText(
            self.tr("This panel shows sensitive information. Choose why you need to see it; the access is logged.")
        )
        self.loading_text.setText(self.tr("Loading…"))
        self.retry_button.setText(self.tr("Retry"))
        self._retranslate_actions()
        if self.outcome is not None and self.state == "error":
            self._show_error(self.outcome)
        self._update_footer()

    def _retranslate_actions(self) -> None:
        language = self.plugins.language
        for action in self._actions:
            button = self.action_buttons.get(action.id)
            if button is not None:
                button.setText(action.label(language) + "…")

    def purpose_label(self, purpose: str) -> str:
        return {
            "consent": self.tr("customer consents"),
            "statutory_task": self.tr("statutory task"),
            "emergency": self.tr("emergency"),
        }.get(purpose, purpose)

    # -- requests --------------------------------------------------------------------------------

    @property
    def needs_purpose(self) -> bool:
        return self.spec.sensitive and self.purpose is None

    def set_customer(self, customer: PanelCustomer, *, refresh: bool = False) -> None:
        """The customer is known (or known again, e.g. with a new reference): ask for the panel."""
        self.customer = customer
        if self.needs_purpose:
            self._enter("purpose")
            return
        self.load(refresh=refresh)

    @Slot(str)
    def choose_purpose(self, purpose: str) -> None:
        if purpose not in PURPOSES or not self.spec.sensitive:
            return
        self.purpose = purpose
        self.purpose_chosen.emit(self.key, purpose)
        events.emit("plugin.purpose", panel=self.key, purpose=purpose)
        self.load()

    @Slot()
    def retry(self) -> None:
        self.load(refresh=True)

    def load(self, *, refresh: bool = False) -> None:
        if self.needs_purpose:
            self._enter("purpose")
            return
        if self.customer is None:
            self._enter("waiting")
            return
        self.plugins.cancel(self._request)
        self._enter("loading")
        self.requests_made += 1
        self._request = self.plugins.request_panel(
            self.spec,
            staff=self.staff,
            customer=self.customer,
            purpose=self.purpose,
            refresh=refresh,
            callback=self._outcome,
            owner=self,
        )
        if self._on_request is not None:
            self._on_request(self.key, self._request)

    def cancel(self) -> None:
        """Stop asking (the tab closes or the plugin goes away); a late answer is dropped."""
        self.plugins.cancel(self._request)
        self._request = None

    def _outcome(self, outcome: CallOutcome) -> None:
        self._request = None
        if outcome.state is PanelState.CANCELLED:
            return
        self.outcome = outcome
        self.received_at = dt.datetime.now()
        if outcome.state is PanelState.ERROR:
            if outcome.error_kind == "purpose":
                self.purpose = None
                self._enter("purpose")
                return
            self._show_error(outcome)
            self._enter("error")
            events.emit("plugin.panel.error", panel=self.key, kind=outcome.error_kind or "plugin")
            return
        self._show_content(outcome)
        self._enter("empty" if outcome.state is PanelState.EMPTY else "data")
        events.emit("plugin.panel.shown", panel=self.key, state=self.state, cached=outcome.from_cache)

    # -- showing ---------------------------------------------------------------------------------

    def _enter(self, state: str) -> None:
        page = {
            "purpose": self._purpose_page,
            "waiting": self._loading_page,
            "loading": self._loading_page,
            "error": self._error_page,
        }.get(state, self._content_page)
        self._stack.setCurrentWidget(page)
        self.state = state
        self._update_footer()
        self._update_actions()
        self.state_changed.emit(state)

    def _show_content(self, outcome: CallOutcome) -> None:
        if self.content is not None:
            self._content_layout.removeWidget(self.content)
            self.content.deleteLater()
        assert isinstance(outcome.value, PanelData)  # a panel's DATA or EMPTY answer, validated by the host
        self.content = PanelContent(outcome.value, self._content_page)
        self._content_layout.addWidget(self.content)

    def _show_error(self, outcome: CallOutcome) -> None:
        kind = outcome.error_kind
        headline = {
            "unavailable": self.tr("The back end does not answer."),
            "timeout": self.tr("The back end did not answer in time."),
            "backend": self.tr("The back end answered with an error."),
            "circuit_open": self.tr(
                "The back end has not been answering; the desk waits a moment before asking again."
            ),
            "protected": self.tr("This panel is hidden: it tried to show a protected address."),
            "denied": self.tr("This panel is not available to you now."),
        }.get(kind, self.tr("The panel could not be shown."))
        self.error_text.setText(headline)
        # A plugin's own message (in the agent's language) says more; the host's are for IT.
        detail = outcome.error if kind in ("unavailable", "backend") else ""
        self.error_detail.setText(detail)
        self.error_detail.setVisible(bool(detail))
        self.retry_button.setVisible(kind != "denied")

    @Slot(str)
    def set_notice(self, text: str) -> None:
        """A short message under the panel (e.g. what an action did)."""
        self._notice = text
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _update_actions(self) -> None:
        enabled = self.customer is not None
        for button in self.action_buttons.values():
            button.setEnabled(enabled)

    def _update_footer(self) -> None:
        data = self.outcome.value if self.outcome is not None and self.state in ("data", "empty") else None
        backend = (
            data.source
            if isinstance(data, PanelData) and data.source
            else self.plugins.backend_label(self.spec.plugin_id)
        )
        parts = [backend] if backend else []
        if self.state in ("data", "empty", "error") and self.received_at is not None:
            when = QLocale().toString(
                QTime(self.received_at.hour, self.received_at.minute, self.received_at.second),
                QLocale.FormatType.ShortFormat,
            )
            parts.append(fill(self.tr("at %1"), when))
            if self.outcome is not None and self.outcome.from_cache:
                parts.append(self.tr("(saved answer)"))
        if self.spec.sensitive and self.purpose:
            parts.append(fill(self.tr("purpose: %1"), self.purpose_label(self.purpose)))
        self.footer.setText(" · ".join(parts))
        self.footer.setVisible(bool(parts))

    # -- for the tab and the tests ---------------------------------------------------------------

    def badge_level(self) -> str | None:
        if self.state in ("data", "empty") and self.content is not None:
            return highest_level(self.content.data.badges)
        return None

    def visible_texts(self) -> list[str]:
        if self.state in ("data", "empty") and self.content is not None:
            return self.content.texts()
        if self.state == "error":
            return [self.error_text.text(), self.error_detail.text()]
        return []

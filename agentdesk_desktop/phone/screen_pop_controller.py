"""Screen pop: a call rings this agent and the desk offers the caller, calmly.

On :class:`~agentdesk.channels.ami_events.IncomingCall` the controller

1. starts the call's clock in the status bar (:class:`~agentdesk_desktop.phone.call_bar.CallBar`);
2. resolves the caller with :class:`~agentdesk.channels.phone.ScreenPop` on the background
   helper (a database read, never on the UI thread);
3. shows :class:`~agentdesk_desktop.phone.call_notification.CallNotification` (caller, match, queue):
   nothing else happens by itself — no tab switches, the keyboard focus stays where the agent is
   typing. The agent accepts (F9 or the button) or dismisses (Shift+F9);
4. accepted, one customer has the number: opens their overview tab (``MainWindow.open_customer``)
   and starts a phone contact in its contact panel carrying the call's start time and unique id
   (``external_ref``, :func:`~agentdesk.channels.phone.draft_for_call`); once the overview has been
   painted, writes ``screenpop.painted id=<customer id> unique_id=<call id>``;
5. accepted, nobody, or several, have it (or it was withheld): starts the phone contact in the
   contact panel without a customer (the main window's dock) and shows
   :class:`~agentdesk_desktop.phone.caller_prompt.CallerPrompt`, which offers search, a new customer,
   the candidates, or linking to the customer in the tab that is current *now* (it follows tab
   switches and retitles, and the link takes the current tab at the moment of the click).

``CallAnswered``, ``CallEnded`` and ``CallAbandoned`` for the call drive the clock and the
:attr:`ScreenPopController.answered` / :attr:`ScreenPopController.hung_up` signals (presence follows
them); a call abandoned before it was accepted withdraws its notification.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from agentdesk.channels.ami_events import AmiEvent, IncomingCall
from agentdesk.channels.phone import CallClock, CallerMatch, CallPhase, ScreenPopResult, draft_for_call
from agentdesk.identity import format_phone_for_display
from agentdesk.interaction_log import InteractionDraft
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.phone.call_bar import CallBar
from agentdesk_desktop.phone.call_notification import CallNotification
from agentdesk_desktop.phone.caller_prompt import CallerPrompt
from agentdesk_desktop.view_seams import (
    ContactStarter,
    CustomerCreatingDialog,
    CustomerFormDialog,
    CustomerTab,
    MainWindowLike,
    RetitlingTab,
)

log = logging.getLogger(__name__)

Resolve = Callable[[IncomingCall], ScreenPopResult]  # ScreenPop(search).resolve; runs off the UI thread
PanelLookup = Callable[[], ContactStarter | None]  # the contact panel for callers not yet identified


def contact_panel_of(view: QWidget | None) -> ContactStarter | None:
    """The contact logging panel of a customer tab, if it is a full one (the overview) with a panel."""
    if view is None or not isinstance(view, CustomerTab):  # mypy narrows QWidget, not QWidget | None, by a Protocol
        return None
    return view.panel


class ScreenPopController(QObject):
    resolved = Signal(object)  # ScreenPopResult, once known
    notified = Signal(object)  # ScreenPopResult: the call's notification is showing, waiting for the agent
    dismissed = Signal(str)  # call unique id: the agent dismissed the notification
    answered = Signal(str)  # call unique id: this agent's call was answered
    hung_up = Signal(str)  # call unique id: an answered call ended
    painted = Signal(int, str)  # customer id, call unique id: the caller's overview is on screen
    prompted = Signal(object)  # the CallerPrompt shown for an unknown caller or several candidates

    def __init__(
        self,
        resolve: Resolve,
        background: Background,
        window: QMainWindow,
        call_bar: CallBar,
        *,
        unidentified_panel: PanelLookup = lambda: None,
        new_customer_dialog: Callable[[QWidget], QDialog | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``window``: the desk's main window (a :class:`~agentdesk_desktop.view_seams.MainWindowLike`)."""
        super().__init__(parent)
        if not isinstance(window, MainWindowLike):
            raise TypeError("the screen pop needs the desk's main window (a view_seams.MainWindowLike)")
        self.window: QMainWindow = window  # the parent of the prompt and the dialog
        self._desk: MainWindowLike = window  # the same window: its tabs and search box
        self._resolve, self._bg, self.call_bar = resolve, background, call_bar
        self._unidentified_panel, self._new_customer_dialog = unidentified_panel, new_customer_dialog
        self.call: IncomingCall | None = None
        self.result: ScreenPopResult | None = None
        self.prompt: CallerPrompt | None = None
        self.contact_draft: InteractionDraft | None = None  # the call's contact, as started
        self.notification = CallNotification(window)
        self.notification.accepted.connect(self.accept_call)
        self.notification.dismissed.connect(self._dismissed)
        self._followed_tab: QWidget | None = None  # the current tab whose retitle the prompt follows
        self._desk.tabs.currentChanged.connect(self._offer_current_tab)

    # -- events ----------------------------------------------------------------------------------

    @Slot(object)
    def handle(self, event: AmiEvent) -> None:
        if isinstance(event, IncomingCall):
            self.incoming(event)
            return
        was = self.call_bar.phase
        if not self.call_bar.apply(event) or self.call is None:
            return
        clock = self.call_bar.clock
        if self.call_bar.phase is CallPhase.TALKING and was is CallPhase.RINGING:
            self.answered.emit(self.call.unique_id)
        elif self.call_bar.phase is CallPhase.ENDED and clock is not None:
            if clock.abandoned:
                self.notification.withdraw()
            elif clock.answered_at is not None:
                self.hung_up.emit(self.call.unique_id)

    def incoming(self, call: IncomingCall) -> None:
        self.call, self.result = call, None
        number = (
            format_phone_for_display(call.caller_number_e164)
            if call.caller_number_e164
            else call.caller_number_raw.strip()
        )
        self.call_bar.follow(CallClock(call), number or self.tr("unknown number"))
        events.emit("screenpop.incoming", unique_id=call.unique_id)
        self._bg.read(self._resolve, call, owner=self).success(partial(self._resolved, call)).failure(
            partial(self._failed, call)
        )

    def _failed(self, call: IncomingCall, exc: BaseException) -> None:
        if self.call is not call or not shiboken6.isValid(self.window):
            return
        log.error("screen pop for call %s failed: %s", call.unique_id, type(exc).__name__)
        self.result = ScreenPopResult(
            call.unique_id,
            CallerMatch.UNKNOWN,
            None,
            (),
            False,
            call.caller_number_raw.strip(),
            call.caller_name,
            call.queue,
        )
        self._notify(call, self.result)

    def _resolved(self, call: IncomingCall, result: ScreenPopResult) -> None:
        if self.call is not call or not shiboken6.isValid(self.window):
            return  # another call rang meanwhile, or the window has gone
        self.result = result
        events.emit("screenpop.resolved", match=result.match.value, unique_id=call.unique_id)
        self.resolved.emit(result)
        self._notify(call, result)

    def _notify(self, call: IncomingCall, result: ScreenPopResult) -> None:
        """Show the call; nothing opens, switches or takes the focus until the agent accepts."""
        name = result.candidates[0].display_name if result.match is CallerMatch.KNOWN and result.candidates else ""
        if name:
            self.call_bar.set_caller(f"{name} · {result.caller_number}")
        self.notification.show_call(result, name)
        events.emit("screenpop.notified", match=result.match.value, unique_id=call.unique_id)
        self.notified.emit(result)

    @Slot()
    def accept_call(self) -> None:
        """The agent took the call: the caller's tab with the phone contact, or the prompt."""
        call, result = self.call, self.result
        if call is None or result is None:
            return
        if self.notification.showing:
            self.notification.withdraw()
        events.emit("screenpop.accepted", unique_id=call.unique_id)
        if result.match is CallerMatch.KNOWN and result.customer_id is not None:
            self._open_customer(call, result.customer_id, result)
        else:
            self._show_prompt(call, result)

    @Slot()
    def _dismissed(self) -> None:
        if self.call is not None:
            events.emit("screenpop.dismissed", unique_id=self.call.unique_id)
            self.dismissed.emit(self.call.unique_id)

    # -- a known caller --------------------------------------------------------------------------

    def _open_customer(self, call: IncomingCall, customer_id: int, result: ScreenPopResult | None) -> QWidget:
        view = self._desk.open_customer(customer_id)
        draft = replace(draft_for_call(call, result), customer_id=customer_id)
        panel = contact_panel_of(view)
        if panel is not None and panel.start_contact_from(draft):
            self.contact_draft = draft
        elif panel is not None:
            log.info(
                "a contact was already in progress for customer %s; the call's contact was not started", customer_id
            )
        events.emit("screenpop.opened", id=customer_id, unique_id=call.unique_id)
        if isinstance(view, CustomerTab) and not view.is_painted:
            view.painted.connect(
                lambda _id, c=call, i=customer_id: self._painted(i, c), Qt.ConnectionType.SingleShotConnection
            )
        else:  # already on screen (the tab was open), or a view without the signal: after its next paint
            view.update()
            QTimer.singleShot(0, self, lambda c=call, i=customer_id: self._painted(i, c))
        return view

    def _painted(self, customer_id: int, call: IncomingCall) -> None:
        events.emit("screenpop.painted", id=customer_id, unique_id=call.unique_id)
        self.painted.emit(customer_id, call.unique_id)

    # -- nobody, or several ----------------------------------------------------------------------

    def _show_prompt(self, call: IncomingCall, result: ScreenPopResult) -> CallerPrompt:
        panel = self._unidentified_panel()
        draft = draft_for_call(call, None)
        if panel is not None and panel.start_contact_from(draft):
            self.contact_draft = draft
        if self.prompt is not None:
            self.prompt.close()
        prompt = CallerPrompt(result, self.window)
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        prompt.search_requested.connect(self._search)
        prompt.new_customer_requested.connect(self._new_customer)
        prompt.customer_chosen.connect(lambda customer_id, c=call: self._chosen(c, customer_id))
        prompt.link_requested.connect(lambda c=call: self._link_current(c))
        prompt.destroyed.connect(self._prompt_gone)
        self.prompt = prompt
        self._offer_current_tab()
        prompt.show()
        events.emit("screenpop.prompted", match=result.match.value, unique_id=call.unique_id)
        self.prompted.emit(prompt)
        return prompt

    @Slot()
    def _prompt_gone(self) -> None:
        self.prompt = None
        self._follow_tab(None)

    @Slot()
    def _offer_current_tab(self) -> None:
        """The prompt's "Link to …" names the tab that is current now (and follows its retitle)."""
        prompt = self.prompt
        if prompt is None or not shiboken6.isValid(prompt):
            return
        tabs = self._desk.tabs
        current = self._desk.current_customer_id()
        prompt.set_link_target(current, tabs.tabText(tabs.currentIndex()) if current is not None else "")
        self._follow_tab(tabs.currentWidget() if current is not None else None)

    def _follow_tab(self, view: QWidget | None) -> None:
        old, self._followed_tab = self._followed_tab, view
        if old is view:
            return
        # mypy narrows QWidget, not QWidget | None, by a Protocol
        if old is not None and shiboken6.isValid(old) and isinstance(old, RetitlingTab):
            old.title_changed.disconnect(self._offer_current_tab)
        if view is not None and isinstance(view, RetitlingTab):
            view.title_changed.connect(self._offer_current_tab)  # after the window's retitle: the new text

    def _link_current(self, call: IncomingCall) -> None:
        """Link to the customer of the tab current at the click, whatever the prompt said before."""
        current = self._desk.current_customer_id()
        if current is not None:
            self._chosen(call, current)

    def _search(self, number: str) -> None:
        panel = self._desk.search_panel
        panel.field.setText(number)
        panel.focus_search()

    def _new_customer(self, number: str) -> QDialog | None:
        factory = self._new_customer_dialog
        if factory is None:
            return None
        dialog = factory(self.window)
        if dialog is None:
            return None
        phones = dialog.fields.get("phones") if isinstance(dialog, CustomerFormDialog) else None
        if phones is not None and number:
            phones.setText(number)
        if isinstance(dialog, CustomerCreatingDialog) and self.call is not None:
            dialog.customer_created.connect(lambda customer_id, c=self.call: self._chosen(c, customer_id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _chosen(self, call: IncomingCall, customer_id: int) -> None:
        """The caller is this customer: move the call's contact from the unidentified panel to theirs."""
        panel = self._unidentified_panel()
        if (
            panel is not None
            and panel.in_progress
            and self.contact_draft is not None
            and self.contact_draft.external_ref == call.unique_id
        ):
            panel.cancel_contact()
        self._open_customer(call, customer_id, None)

"""Screen pop: a call rings this agent and the desk opens the caller.

On :class:`~agentdesk.channels.ami_events.IncomingCall` the controller

1. starts the call's clock in the status bar (:class:`~agentdesk_desktop.phone.call_bar.CallBar`);
2. resolves the caller with :class:`~agentdesk.channels.phone.ScreenPop` on the background
   helper (a database read, never on the UI thread);
3. one customer has the number: opens their overview tab (``MainWindow.open_customer``) and starts
   a phone contact in its contact panel carrying the call's start time and unique id
   (``external_ref``, :func:`~agentdesk.channels.phone.draft_for_call`); once the overview has been
   painted, writes ``screenpop.painted id=<customer id> unique_id=<call id>``;
4. nobody, or several, have it (or it was withheld): starts the phone contact in the contact panel
   without a customer (the main window's dock) and shows :class:`~agentdesk_desktop.phone.caller_prompt.CallerPrompt`,
   which offers search, a new customer, the candidates, or linking to the customer in the current
   tab; choosing a customer moves the call's contact to that customer's panel.

``CallAnswered``, ``CallEnded`` and ``CallAbandoned`` for the call drive the clock.
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
from agentdesk.channels.phone import CallClock, CallerMatch, ScreenPopResult, draft_for_call
from agentdesk.identity import format_phone_for_display
from agentdesk.interaction_log import InteractionDraft
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.phone.call_bar import CallBar
from agentdesk_desktop.phone.caller_prompt import CallerPrompt
from agentdesk_desktop.view_seams import (
    ContactStarter,
    CustomerCreatingDialog,
    CustomerFormDialog,
    CustomerTab,
    MainWindowLike,
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
    resolved = Signal(object)  # ScreenPopResult, once acted on
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

    # -- events ----------------------------------------------------------------------------------

    @Slot(object)
    def handle(self, event: AmiEvent) -> None:
        if isinstance(event, IncomingCall):
            self.incoming(event)
        else:
            self.call_bar.apply(event)

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
        if not shiboken6.isValid(self.window):
            return
        log.error("screen pop for call %s failed: %s", call.unique_id, type(exc).__name__)
        self._show_prompt(
            call,
            ScreenPopResult(
                call.unique_id,
                CallerMatch.UNKNOWN,
                None,
                (),
                False,
                call.caller_number_raw.strip(),
                call.caller_name,
                call.queue,
            ),
        )

    def _resolved(self, call: IncomingCall, result: ScreenPopResult) -> None:
        if self.call is not call or not shiboken6.isValid(self.window):
            return  # another call rang meanwhile, or the window has gone
        self.result = result
        events.emit("screenpop.resolved", match=result.match.value, unique_id=call.unique_id)
        if result.match is CallerMatch.KNOWN and result.customer_id is not None:
            name = result.candidates[0].display_name if result.candidates else ""
            if name:
                self.call_bar.set_caller(f"{name} · {result.caller_number}")
            self._open_customer(call, result.customer_id, result)
        else:
            self._show_prompt(call, result)
        self.resolved.emit(result)

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
        current = self._desk.current_customer_id()
        tabs = self._desk.tabs
        name = tabs.tabText(tabs.currentIndex()) if current is not None else ""
        prompt.set_link_target(current, name)
        prompt.search_requested.connect(self._search)
        prompt.new_customer_requested.connect(self._new_customer)
        prompt.customer_chosen.connect(lambda customer_id, c=call: self._chosen(c, customer_id))
        prompt.destroyed.connect(self._prompt_gone)
        self.prompt = prompt
        prompt.show()
        events.emit("screenpop.prompted", match=result.match.value, unique_id=call.unique_id)
        self.prompted.emit(prompt)
        return prompt

    @Slot()
    def _prompt_gone(self) -> None:
        self.prompt = None

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

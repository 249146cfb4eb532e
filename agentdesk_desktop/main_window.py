"""The agent desk's main window: the one search box, its results, and customers in tabs.

The window gets everything it uses from the composition root (:mod:`agentdesk_desktop.app`): the background
helper, the search function, the signed-in user, and two factories —

- ``customer_view_factory(customer_id) -> QWidget``: the content of a customer tab. A
  :class:`~agentdesk_desktop.view_seams.RetitlingTab` (``title_changed(str)``) retitles its tab once loaded.
- ``new_customer_dialog_factory(parent) -> QDialog`` or None (Customer ▸ New customer… is then
  disabled). A :class:`~agentdesk_desktop.view_seams.CustomerCreatingDialog` (``customer_created(int)``)
  has the window open the customer it created.

The window is a :class:`~agentdesk_desktop.view_seams.MainWindowLike` for the phone and the plugin views.

Keys: Ctrl+K or F3 (or "/" when no text field has focus) go to the search box; Ctrl+W closes
the customer tab; Ctrl+Tab and Ctrl+Shift+Tab switch tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QKeyCombination, QObject, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from agentdesk import __version__
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_panel import SearchPanel
from agentdesk_desktop.search_results_model import SearchFn
from agentdesk_desktop.sign_in import role_text
from agentdesk_desktop.view_seams import CustomerCreatingDialog, RetitlingTab
from agentdesk_desktop.widgets.department_label import department_label

CustomerViewFactory = Callable[[int], QWidget]
NewCustomerDialogFactory = Callable[[QWidget], QDialog | None]  # None: no dialog this time

_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
PREFERRED_SIZE = QSize(1280, 800)  # the window's size at start where the screen has room for it


def fit_window(window: QWidget, available: QRect) -> None:
    """Size and place ``window`` inside ``available`` (its screen's available geometry, in logical pixels:
    a 1920 × 1080 screen at 150 % gives 1280 × 720 less the task bar): the preferred size where it fits,
    otherwise the room there is, title bar and borders included, so the status bar stays on the screen."""
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar and borders (none before shown)
    room = QSize(max(available.width() - frame.width(), 1), max(available.height() - frame.height(), 1))
    size = PREFERRED_SIZE.boundedTo(room).expandedTo(window.minimumSize())
    window.resize(size)
    left = available.x() + max((available.width() - size.width() - frame.width()) // 2, 0)
    top = available.y() + max((available.height() - size.height() - frame.height()) // 2, 0)
    window.move(left, top)


class _WindowKeys(QObject):
    """Lets the window's own shortcuts win over text fields that would take the key themselves
    (QLineEdit reads Ctrl+K as 'delete to end of line' on Linux).

    It watches only the widget of the window that has the keyboard focus (the one that gets the
    ShortcutOverride): a filter on the whole application runs Python for every event of every
    widget, some 6,000 for opening one customer (~15 ms of the UI thread)."""

    def __init__(self, window: QMainWindow, sequences: list[QKeySequence]) -> None:
        """``sequences``: single keys (with modifiers), e.g. Ctrl+K."""
        super().__init__(window)
        self._window = window
        self._keys = {s for s in sequences if not s.isEmpty()}
        self._watched: QWidget | None = None
        self._running = True
        _application().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        if new is not None and new.window() is self._window:
            self._watched = new
            new.installEventFilter(self)

    def _unwatch(self) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None

    def stop(self) -> None:
        if self._running:
            self._running = False
            _application().focusChanged.disconnect(self._focus_changed)
        self._unwatch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(QKeyCombination(event.modifiers(), Qt.Key(event.key())))
            if pressed in self._keys:
                return True  # not accepted: the shortcut map gets the key
        return False


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # a window exists, so does the widgets application
    return app


class MainWindow(QMainWindow):
    customer_opened = Signal(int)
    customer_closed = Signal(int)
    settings_requested = Signal()
    dashboard_requested = Signal()  # Queues ▸ Supervisor dashboard (supervisors only)
    reports_requested = Signal()  # Queues ▸ Reports (supervisors and admins)
    notices_requested = Signal()  # Queues ▸ Notice to citizens (supervisors and admins)
    steward_requested = Signal()  # Customer ▸ Steward's desk (stewards and supervisors)
    data_protection_requested = Signal()  # Queues ▸ Data protection (supervisors and data protection officers)
    reception_requested = Signal()  # Queues ▸ Walk-in reception
    simulate_call_requested = Signal()  # Demo ▸ Simulate incoming call (demo mode only)

    def __init__(
        self,
        *,
        background: Background,
        search: SearchFn,
        user: StaffMember,
        database_label: str,
        customer_view_factory: CustomerViewFactory,
        new_customer_dialog_factory: NewCustomerDialogFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.user = user
        self._database_label = database_label
        self._view_factory = customer_view_factory
        self._new_customer_factory = new_customer_dialog_factory
        self._open: dict[int, QWidget] = {}
        self.plugins_action: QAction | None = None  # Help ▸ Plugins…, added by the desk's plugins
        # Asked before the window closes (Ctrl+Q, the title bar); False keeps it open (it asks the agent).
        self.close_guard: Callable[[], bool] | None = None

        self.search_panel = SearchPanel(background, search, self)
        self.search_panel.open_requested.connect(self.open_customer)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("customerTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self._empty = QLabel(self)
        self._empty.setObjectName("noCustomerOpen")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        self._right = QStackedWidget(self)
        self._right.addWidget(self._empty)
        self._right.addWidget(self.tabs)
        # A customer tab needs some 980 × 800 px; on a smaller (or 150 % scaled) screen the tab scrolls
        # rather than making the window taller than the screen (which pushed the status bar off it).
        self._right_scroll = QScrollArea(self)
        self._right_scroll.setObjectName("customerSide")
        self._right_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._right_scroll.setWidgetResizable(True)
        self._right_scroll.setWidget(self._right)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.search_panel)
        splitter.addWidget(self._right_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 840])  # results ~40 %, the customer ~60 %
        self.setCentralWidget(splitter)

        self._build_menus()
        self._build_shortcuts()
        self._user_label = QLabel(self)
        self._user_label.setObjectName("signedInUser")
        self._db_label = QLabel(self)
        self._db_label.setObjectName("databaseInUse")
        self.statusBar().addPermanentWidget(self._user_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self._retranslate()
        fit_window(self, self.screen().availableGeometry())
        self._fitted_shown = False  # fitted again when first shown: only then are the frame's margins known

    # -- menus and keys ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settings_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.customer_menu = self.menuBar().addMenu("")
        self.new_customer_action = QAction(self)
        self.new_customer_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_customer_action.setEnabled(self._new_customer_factory is not None)
        self.new_customer_action.triggered.connect(self.new_customer)
        self.close_tab_action = QAction(self)
        self.close_tab_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_tab_action.triggered.connect(self.close_current_tab)
        self.customer_menu.addAction(self.new_customer_action)
        self.customer_menu.addAction(self.close_tab_action)
        self.steward_action: QAction | None = None
        if self.user.role in (StaffRole.STEWARD, StaffRole.SUPERVISOR):
            self.steward_action = QAction(self)
            self.steward_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
            self.steward_action.triggered.connect(self.steward_requested)
            self.customer_menu.addSeparator()
            self.customer_menu.addAction(self.steward_action)

        self.queues_menu = self.menuBar().addMenu("")
        self.reception_action = QAction(self)
        self.reception_action.triggered.connect(self.reception_requested)
        self.queues_menu.addAction(self.reception_action)
        self.dashboard_action: QAction | None = None
        if self.user.role is StaffRole.SUPERVISOR:
            self.dashboard_action = QAction(self)
            self.dashboard_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
            self.dashboard_action.triggered.connect(self.dashboard_requested)
            self.queues_menu.addAction(self.dashboard_action)
        self.reports_action: QAction | None = None
        if self.user.role in (StaffRole.SUPERVISOR, StaffRole.ADMIN):
            self.reports_action = QAction(self)
            self.reports_action.triggered.connect(self.reports_requested)
            self.queues_menu.addAction(self.reports_action)
        self.notices_action: QAction | None = None
        if self.user.role in (StaffRole.SUPERVISOR, StaffRole.ADMIN):  # agentdesk_desktop.notices.NOTICE_ROLES
            self.notices_action = QAction(self)
            self.notices_action.triggered.connect(self.notices_requested)
            self.queues_menu.addAction(self.notices_action)
        self.data_protection_action: QAction | None = None
        if self.user.role in (StaffRole.SUPERVISOR, StaffRole.DPO):
            self.data_protection_action = QAction(self)
            self.data_protection_action.triggered.connect(self.data_protection_requested)
            self.queues_menu.addAction(self.data_protection_action)

        self.demo_menu = self.menuBar().addMenu("")
        self.demo_menu.menuAction().setVisible(False)  # enable_demo_menu()
        self.simulate_call_action = QAction(self)
        self.simulate_call_action.triggered.connect(self.simulate_call_requested)
        self.demo_menu.addAction(self.simulate_call_action)

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def enable_demo_menu(self) -> None:
        """Show the Demo menu (``agentdesk demo`` only)."""
        self.demo_menu.menuAction().setVisible(True)

    def _build_shortcuts(self) -> None:
        focus_keys = [QKeySequence("Ctrl+K"), QKeySequence(Qt.Key.Key_F3)]
        for seq in focus_keys:
            QShortcut(seq, self, self.search_panel.focus_search)
        QShortcut(QKeySequence("/"), self, self._slash)
        next_keys = [QKeySequence("Ctrl+Tab")]
        prev_keys = [QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Shift+Backtab")]
        for seq in next_keys:
            QShortcut(seq, self, lambda: self._step_tab(1))
        for seq in prev_keys:
            QShortcut(seq, self, lambda: self._step_tab(-1))
        self._keys = _WindowKeys(self, focus_keys + next_keys + prev_keys + [QKeySequence("Ctrl+W")])

    @Slot()
    def _slash(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, _TEXT_INPUTS) or (isinstance(focus, QComboBox) and focus.isEditable()):
            return  # a text field takes "/" itself; never reached in practice, kept as a guard
        self.search_panel.focus_search()

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    # -- customers in tabs ---------------------------------------------------------------------

    @Slot(int, str)
    def open_customer(self, customer_id: int, title: str = "") -> QWidget:
        """Open the customer in a tab, or focus the tab if it is already open."""
        existing = self._open.get(customer_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            existing.setFocus()
            return existing
        view = self._view_factory(customer_id)
        view.setProperty("customer_id", customer_id)
        self._open[customer_id] = view
        index = self.tabs.addTab(view, title or fill(self.tr("Customer %1"), customer_id))
        self.tabs.setTabToolTip(index, title)
        if isinstance(view, RetitlingTab):
            view.title_changed.connect(lambda text, v=view: self._retitle(v, text))
        self.tabs.setCurrentIndex(index)
        self._right.setCurrentWidget(self.tabs)
        events.emit("customer.opened", id=customer_id)
        self.customer_opened.emit(customer_id)
        return view

    def redirect_customer(self, customer_id: int, survivor_id: int) -> QWidget:
        """``customer_id`` was merged into ``survivor_id``: its tab gives way to the survivor's, and
        the status bar says so."""
        view = self._open.get(customer_id)
        if view is not None:
            self.close_tab(self.tabs.indexOf(view))
        opened = self.open_customer(survivor_id)
        self.statusBar().showMessage(
            fill(self.tr("Customer %1 was merged into customer %2: showing customer %2."), customer_id, survivor_id),
            20_000,
        )
        return opened

    def _retitle(self, view: QWidget, text: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0 and text:
            self.tabs.setTabText(index, text)
            self.tabs.setTabToolTip(index, text)

    @property
    def open_customer_ids(self) -> list[int]:
        pages = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [page.property("customer_id") for page in pages if page is not None]

    def current_customer_id(self) -> int | None:
        widget: QWidget | None = self.tabs.currentWidget()  # None with no tab open (the stubs say otherwise)
        return widget.property("customer_id") if widget is not None else None

    @Slot(int)
    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if view is None:
            return
        customer_id = view.property("customer_id")
        self.tabs.removeTab(index)
        self._open.pop(customer_id, None)
        view.deleteLater()
        if self.tabs.count() == 0:
            self._right.setCurrentWidget(self._empty)
            self.search_panel.focus_search()
        events.emit("customer.closed", id=customer_id)
        self.customer_closed.emit(customer_id)

    @Slot()
    def close_current_tab(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    @Slot()
    def set_new_customer_dialog_factory(self, factory: NewCustomerDialogFactory | None) -> None:
        """Customer ▸ New customer… from now on (the desk gives it when it completes the window)."""
        self._new_customer_factory = factory
        self.new_customer_action.setEnabled(factory is not None)

    def new_customer(self) -> None:
        if self._new_customer_factory is None:
            return
        dialog = self._new_customer_factory(self)
        if dialog is None:
            return
        if isinstance(dialog, CustomerCreatingDialog):
            dialog.customer_created.connect(lambda customer_id: self.open_customer(customer_id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About AgentDesk"), "", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setText(
            fill(
                self.tr(
                    "<h3>AgentDesk %1</h3><p>The customer service desk of the city: one search "
                    "for every customer, their details and contacts.</p>"
                ),
                __version__,
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted_shown:
            self._fitted_shown = True
            fit_window(self, self.screen().availableGeometry())

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def style_regions(self, style_sheet: str) -> None:
        """The desk's style sheet goes on the parts of the window it styles (the search panel, the
        status bar, the note shown while no customer is open), not on the application: under an
        application style sheet Qt draws every widget with its style-sheet style, which makes
        building a customer overview tab three times as slow (~30 ms more of the UI thread for
        every customer opened)."""
        if not style_sheet:
            return
        for region in (self.search_panel, self.statusBar(), self.findChild(QLabel, "noCustomerOpen")):
            if region is not None:
                region.setStyleSheet(style_sheet)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("AgentDesk"))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.customer_menu.setTitle(self.tr("&Customer"))
        self.new_customer_action.setText(self.tr("&New customer…"))
        self.close_tab_action.setText(self.tr("&Close customer tab"))
        self.queues_menu.setTitle(self.tr("&Queues"))
        self.reception_action.setText(self.tr("Walk-in &reception…"))
        if self.dashboard_action is not None:
            self.dashboard_action.setText(self.tr("Supervisor &dashboard…"))
        if self.reports_action is not None:
            self.reports_action.setText(self.tr("&Reports…"))
        if self.notices_action is not None:
            self.notices_action.setText(self.tr("&Notice to citizens…"))
        if self.steward_action is not None:
            self.steward_action.setText(self.tr("&Steward's desk: duplicates…"))
        if self.data_protection_action is not None:
            self.data_protection_action.setText(self.tr("&Data protection…"))
        self.demo_menu.setTitle(self.tr("&Demo"))
        self.simulate_call_action.setText(self.tr("Simulate incoming &call"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About AgentDesk"))
        self._empty.setText(
            self.tr(
                "Search for a customer and press Enter to open them here.\n\n"
                "Ctrl+K or F3: search    Ctrl+W: close the tab    Ctrl+Tab: next tab"
            )
        )
        u = self.user
        department = department_label(u.department_code or "", u.department_name) if u.department_name else None
        parts = [u.display_name, role_text(u.role)] + ([department] if department else [])
        self._user_label.setText(fill(self.tr("Signed in: %1"), " · ".join(parts)))
        self._user_label.setToolTip(u.username)
        self._db_label.setText(fill(self.tr("Database: %1"), self._database_label))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self._keys.stop()
        events.emit("window.closed")
        super().closeEvent(event)


if TYPE_CHECKING:  # mypy checks here that the window keeps the seam the phone and the plugin views use
    from agentdesk_desktop.view_seams import MainWindowLike

    _seam: type[MainWindowLike] = MainWindow

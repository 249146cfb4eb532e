"""The one standard error path of the desktop.

``sys.excepthook``, ``threading.excepthook`` and :class:`agentdesk_desktop.background.Background` failures with
no handler all end in :meth:`ErrorReporter.report`: a crash file is written (no personal data,
see :mod:`agentdesk_desktop.crash_files`) and one error dialog shows copyable details. A failure on another
thread reaches the dialog through the background helper's one bridge (:meth:`ErrorReporter.listen_to`).
Qt's own messages are routed into Python logging under the ``qt`` logger.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk_desktop import events
from agentdesk_desktop.background import Background, Channel
from agentdesk_desktop.crash_files import CrashStore, format_report
from agentdesk_desktop.i18n import fill

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


# Warnings Qt prints in normal operation that say nothing about the desk (the offscreen and
# Wayland platforms cannot pass size hints to a window manager): logged at DEBUG.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)

# The hooks that were installed before ours, put back by ``ErrorReporter.uninstall``.
_ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
_ThreadHook = Callable[[threading.ExceptHookArgs], object]
_QtHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext | None, message: str) -> None:
    # Qt always passes a context; the handler also takes None so that it can be called directly.
    category = context.category if context is not None else None
    prefix = f"[{category}] " if category and category != "default" else ""
    level = logging.DEBUG if message.startswith(_QT_NOISE) else _QT_LEVELS.get(mode, logging.WARNING)
    qt_log.log(level, "%s%s", prefix, message)


class ErrorDialog(QDialog):
    """Shows what went wrong and the report, read-only, with a button that copies it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("AgentDesk – error"))
        self.setMinimumSize(640, 420)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.reports: list[Path] = []

    def add_report(self, text: str, path: Path | None) -> None:
        if path is not None:
            self.reports.append(path)
        if self.details.toPlainText():
            text = self.details.toPlainText() + "\n" + "-" * 60 + "\n" + text
        self.details.setPlainText(text)
        if len(self.reports) > 1:
            self.summary.setText(
                fill(
                    self.tr(
                        "Several errors occurred. You can keep working; if the problem continues, send the "
                        "details below to IT support. The reports are saved in %1."
                    ),
                    self.reports[-1].parent,
                )
            )
        elif path is not None:
            self.summary.setText(
                fill(
                    self.tr(
                        "Something went wrong. You can keep working; if the problem continues, send the details "
                        "below to IT support. The report is saved to %1."
                    ),
                    path,
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Something went wrong. You can keep working; if the problem continues, send the details "
                    "below to IT support."
                )
            )

    @Slot()
    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


class ErrorReporter(QObject):
    """Installs the hooks and owns the one error dialog."""

    reported = Signal(object)  # the crash file (Path) or None

    def __init__(
        self, store: CrashStore, parent: QObject | None = None, *, dialog_parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.dialog: ErrorDialog | None = None
        self._offer: QMessageBox | None = None
        self._dialog_parent: QWidget | None = None
        self.dialog_parent = dialog_parent
        self._installed = False
        self._saved_hooks: tuple[_ExceptHook, _ThreadHook] | None = None
        self._saved_qt_handler: _QtHandler | None = None
        self._other_threads: Channel[tuple[str, Path | None]] | None = None

    @property
    def dialog_parent(self) -> QWidget | None:
        """The main window: the error dialog and the previous run's crash notice open over it."""
        return self._dialog_parent

    @dialog_parent.setter
    def dialog_parent(self, window: QWidget | None) -> None:
        self._dialog_parent = window
        if window is None:
            return
        # A notice shown before the window existed (the previous crash is offered while the desk starts)
        # would stay behind it: it moves onto the window, above it (the crash notice modal to it).
        for shown in (self.dialog, self._offer):
            if (
                shown is not None
                and shiboken6.isValid(shown)
                and shown.isVisible()
                and shown.parentWidget() is not window
            ):
                _adopt(shown, window, modal=shown is self._offer)

    def listen_to(self, background: Background) -> None:
        """Failures on other threads reach the dialog through the background helper's bridge (until
        it shuts down; their crash files are written either way)."""
        self._other_threads = background.channel(self._show_from_other_thread, owner=self)

    # -- hooks -----------------------------------------------------------------------------------

    def install(self) -> None:
        if self._installed:
            return
        self._saved_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        self._saved_qt_handler = qInstallMessageHandler(qt_message_handler)
        self._installed = True

    def uninstall(self) -> None:
        hooks = self._saved_hooks
        if not self._installed or hooks is None:
            return
        if sys.excepthook == self.excepthook:
            sys.excepthook = hooks[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = hooks[1]
        qInstallMessageHandler(self._saved_qt_handler)
        self._installed = False

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._handle(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self._handle(args.exc_type, args.exc_value, args.exc_traceback)

    def report(self, exc: BaseException) -> Path | None:
        """The standard error path for an exception caught somewhere (Background failures)."""
        return self._handle(type(exc), exc, exc.__traceback__)

    # -- the work --------------------------------------------------------------------------------

    def _handle(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
    ) -> Path | None:
        text = format_report(exc_type, exc, tb)
        path: Path | None
        try:
            path = self.store.write(text)
        except OSError as write_error:
            path = None
            log.error("could not write the crash file: %s", type(write_error).__name__)
        log.error("unhandled %s.%s; report %s", exc_type.__module__, exc_type.__qualname__, path)
        events.emit("error.reported", type=exc_type.__qualname__)
        app = QCoreApplication.instance()
        if app is None or not isinstance(app, QApplication):
            sys.stderr.write(text)
            return path
        if QThread.currentThread() is app.thread():
            self._show(text, path)
        elif self._other_threads is not None:
            self._other_threads.send((text, path))
        else:
            log.warning("an error on another thread cannot be shown before the desk is running")
        return path

    def _show_from_other_thread(self, report: tuple[str, Path | None]) -> None:
        self._show(*report)

    @Slot(str, object)
    def _show(self, text: str, path: Path | None) -> None:
        if self.dialog is None or not self.dialog.isVisible():
            parent = self.dialog_parent or QApplication.activeWindow()
            self.dialog = ErrorDialog(parent)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(self._dialog_gone)
        self.dialog.add_report(text, path)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.reported.emit(path)

    @Slot()
    def _dialog_gone(self) -> None:
        self.dialog = None

    # -- the last run --------------------------------------------------------------------------

    def previous_crash(self) -> tuple[Path, str] | None:
        """The report of the last run if it ended unexpectedly (each is returned once). Reads
        files: run it off the UI thread (``background.read(reporter.previous_crash)``)."""
        path = self.store.collect_unclean()
        if path is None:
            return None
        return path, self.store.read(path)

    def offer_previous_crash(self, found: tuple[Path, str] | None, parent: QWidget | None = None) -> QMessageBox | None:
        """Say that the last run ended unexpectedly and where its details are (non-blocking)."""
        if found is None:
            return None
        path, report = found
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("AgentDesk"),
            fill(self.tr("AgentDesk closed unexpectedly last time — details saved to %1"), path),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("previousCrash")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if report:
            box.setDetailedText(report)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._offer = box  # a parentless box needs an owner until it is closed
        box.finished.connect(self._offer_closed)
        parent = parent or self._dialog_parent
        if parent is not None and box.parentWidget() is None:
            _adopt(box, parent, modal=True)
        else:
            box.open()  # modal to its parent window; moved onto the main window when it appears
            box.raise_()
        events.emit("crash.offered")
        return box

    @Slot()
    def _offer_closed(self) -> None:
        self._offer = None


def _adopt(dialog: QDialog, window: QWidget, *, modal: bool) -> None:
    """Put a dialog over ``window``: its child (so it stays above it), raised and active; ``modal``:
    modal to that window (the desk's other windows keep working)."""
    dialog.setParent(window, dialog.windowFlags() | Qt.WindowType.Dialog)
    if modal:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()

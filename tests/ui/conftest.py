"""Fixtures for the desktop tests: a real SQLite database with a few customers and staff users,
a running desk signed in as an agent, and checks that no test leaks threads or windows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from agentdesk.customer_register import CustomerDraft, CustomerRegister, set_alert
from agentdesk.identity import hetu_check_char
from agentdesk.storage.models import AlertKind, CustomerKind, Department, StaffRole, StaffUser


def hetu(ddmmyy: str, sign: str, individual: int) -> str:
    number = f"{individual:03d}"
    return f"{ddmmyy}{sign}{number}{hetu_check_char(ddmmyy + number)}"


PROTECTED_STREET = "Piilopolku 9 B 12"  # seeded.protected_street


@dataclass(frozen=True)
class Seeded:
    anna: int
    anne: int
    matti: int
    secret: int
    firm: int
    anna_hetu: str
    protected_street: str = PROTECTED_STREET


def add_staff(db) -> None:
    with db.session() as s, s.begin():
        service = Department(code="customer_service", name="Asiakaspalvelu")
        health = Department(code="health", name="Terveyspalvelut")
        s.add_all([service, health])
        s.flush()
        s.add_all(
            [
                StaffUser(
                    username="agent.aino",
                    display_name="Aino Asiakaspalvelija",
                    role=StaffRole.AGENT,
                    department_id=service.id,
                    active=True,
                ),
                StaffUser(
                    username="super.sari",
                    display_name="Sari Esihenkilö",
                    role=StaffRole.SUPERVISOR,
                    department_id=service.id,
                    active=True,
                ),
                StaffUser(
                    username="nurse.helmi",
                    display_name="Helmi Hoitaja",
                    role=StaffRole.AGENT,
                    department_id=health.id,
                    active=True,
                ),
                StaffUser(
                    username="gone.gunnar",
                    display_name="Gunnar Gone",
                    role=StaffRole.AGENT,
                    department_id=service.id,
                    active=False,
                ),
            ]
        )


def add_customers(db) -> Seeded:
    reg = CustomerRegister(db)
    anna_hetu = hetu("150385", "-", 912)
    anna = reg.create(
        CustomerDraft(
            first_names="Anna",
            last_name="Virtanen",
            hetu=anna_hetu,
            phones=("040 123 4567",),
            emails=("anna.virtanen@example.fi",),
            street="Hämeenkatu 12 A 3",
            postal_code="33100",
            municipality="Tampere",
        ),
        actor="test",
    ).id
    anne = reg.create(
        CustomerDraft(
            first_names="Anne",
            last_name="Virtanen",
            hetu=hetu("020290", "-", 924),
            street="Aurakatu 3",
            postal_code="20100",
            municipality="Turku",
        ),
        actor="test",
    ).id
    matti = reg.create(
        CustomerDraft(
            first_names="Matti",
            last_name="Meikäläinen",
            hetu=hetu("311270", "-", 933),
            street="Mannerheimintie 1",
            postal_code="00100",
            municipality="Helsinki",
        ),
        actor="test",
    ).id
    secret = reg.create(
        CustomerDraft(
            first_names="Sari",
            last_name="Virtanen",
            hetu=hetu("040594", "V", 903),
            street=PROTECTED_STREET,
            postal_code="02100",
            municipality="Espoo",
        ),
        actor="test",
    ).id
    set_alert(db, secret, AlertKind.PROTECTED_ADDRESS, actor="test")
    firm = reg.create(
        CustomerDraft(
            kind=CustomerKind.ORGANISATION,
            last_name="Virtasen Vesi Oy",
            ytunnus="0112038-9",
            street="Satamakatu 5",
            postal_code="33200",
            municipality="Tampere",
        ),
        actor="test",
    ).id
    return Seeded(anna, anne, matti, secret, firm, anna_hetu)


def close_desk(desk) -> None:
    desk.shutdown()
    flush_deletes()


def flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def wait_search(qtbot, panel, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: not panel.pending, timeout=timeout)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user can see in the widget tree: labels, buttons, fields and view cells."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QTabWidget

    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    texts.append(str(m.index(r, c).data() or ""))
    return texts


@pytest.fixture
def seeded(sqlite_db) -> Seeded:
    add_staff(sqlite_db)
    return add_customers(sqlite_db)


@pytest.fixture
def desk(qtbot, sqlite_db, seeded):
    """A desk on the seeded database, signed in as agent.aino, its main window shown."""
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        close_desk(desk)


@pytest.fixture
def english_desk(qtbot, sqlite_db, seeded):
    """The ``desk`` fixture in English: for tests that read the desk's texts."""
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    desk = build_app(sqlite_db, install_hooks=False, language="en", customer_parts=RegisterSummaryParts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        close_desk(desk)


@pytest.fixture
def supervisor_desk(qtbot, sqlite_db, seeded):
    """The real desk with its default customer tabs (the overview), in English, signed in as super.sari."""
    from agentdesk_desktop.app import build_app

    desk = build_app(sqlite_db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="super.sari")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        close_desk(desk)


# -- leaks ---------------------------------------------------------------------------------------


def _our_os_threads() -> list[str]:
    """Threads of the background helper's pools, by name (Linux); Qt's own lazily started
    helper threads are not ours to count."""
    from agentdesk_desktop.background import THREAD_PREFIX

    names = []
    try:
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as fh:
                names.append(fh.read().strip())
    except OSError:
        pass
    return [n for n in names if n.startswith(THREAD_PREFIX)]


@pytest.fixture(scope="session", autouse=True)
def _qt_image_threads_started(qapp):
    """Qt starts its image-conversion thread pool (two "Thread (pooled)" threads that live ~30 s)
    the first time the Fusion style paints a group box. Start it once, before any test counts
    threads, so that no test sees them appear."""
    from PySide6.QtWidgets import QGroupBox

    box = QGroupBox("warm-up")
    box.grab()
    box.deleteLater()
    flush_deletes()


@pytest.fixture(scope="session", autouse=True)
def _english_by_default(qapp):
    """Tests read the English source texts and English topic names whatever the machine's locale;
    a test that wants another language builds a desk in it (and shuts it down)."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def _language_probe() -> tuple[str, str]:
    return QCoreApplication.translate("MainWindow", "&Quit"), QLocale().name()


@pytest.fixture(autouse=True)
def _no_leaked_threads_or_windows(qapp):
    """Each test ends with no extra Python thread, no background pool thread, no open window, and
    the language it found: no translator left installed, the default locale as it was (a closed
    desk gives both back, see Desk.shutdown)."""
    flush_deletes()
    before_python = {t.ident for t in threading.enumerate()}
    language_before, locale_before = _language_probe(), QLocale()
    yield
    flush_deletes()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in windows:
        w.close()
    flush_deletes()
    assert not windows, f"windows left open: {[type(w).__name__ + ':' + w.objectName() for w in windows]}"
    language_after = _language_probe()
    if language_after != language_before:  # put it right for the next test, then fail this one
        from PySide6.QtCore import QTranslator

        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale_before)
    assert language_after == language_before, (
        "a translation or locale was left behind (shut the desk down, or clear() a Translations object)"
    )
    deadline = time.monotonic() + 3
    while True:
        python = [
            t
            for t in threading.enumerate()
            if t.ident not in before_python and not isinstance(t, threading._DummyThread) and t.is_alive()
        ]
        pool_threads = _our_os_threads()
        if (not python and not pool_threads) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not python, f"threads left running: {python}"
    assert not pool_threads, f"background pool threads left running: {pool_threads}"


@pytest.fixture(name="visible_texts")
def _visible_texts_fixture():
    """``visible_texts(widget)``: every text a user can see in the widget tree."""
    return visible_texts


@pytest.fixture(name="wait_search")
def _wait_search_fixture(qtbot):
    """``wait_search(panel)``: wait until the search box's search has run and been shown."""
    return lambda panel, timeout=5000: wait_search(qtbot, panel, timeout)


@pytest.fixture
def translations_dir() -> Path:
    from agentdesk_desktop.i18n import translations_dir

    return translations_dir()


@pytest.fixture
def bg(qapp, change_bus):
    """A background helper of its own, publishing its writes' change notices on ``change_bus`` as the
    desk's does; any unhandled error in it fails the test."""
    from agentdesk_desktop.background import Background

    errors: list[BaseException] = []
    helper = Background(None, on_error=errors.append, publish=change_bus.publish)
    yield helper
    helper.shutdown()
    helper.deleteLater()
    assert not errors, f"unhandled errors: {errors!r}"


@pytest.fixture
def change_bus(qapp):
    """The change bus the ``bg`` helper publishes on (connect views to it as the desk does)."""
    from agentdesk_desktop.change_bus import ChangeBus

    bus = ChangeBus(None)
    yield bus
    bus.deleteLater()


# -- department panels: the plugins' real back ends on loopback and a desk signed in with them ----
# (helpers and constants in tests.ui.plugin_panels_support.py)


@pytest.fixture(scope="session")
def fhir_session():
    from agentdesk_health.demo_data import fhir_seed
    from agentdesk_health.plugin import helsinki_today
    from agentdesk_health.server_process import FhirServerError, start_fhir_server
    from tests.ui.plugin_panels_support import ANNA, anna_hetu

    people = [dict(ANNA, hetu=anna_hetu())]
    try:
        server = start_fhir_server(fhir_seed(people, today=helsinki_today()))
    except FhirServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def fhir(fhir_session):
    fhir_session.set_mode("normal")
    fhir_session.reset_stats()
    yield fhir_session
    fhir_session.set_mode("normal")


@pytest.fixture
def social():
    import datetime as dt

    from agentdesk_social.demo_data import social_seed
    from agentdesk_social.reference_server import start_server as start_social
    from tests.ui.plugin_panels_support import ANNA, anna_hetu

    server = start_social(social_seed([dict(ANNA, hetu=anna_hetu())], today=dt.date.today()))
    yield server
    server.stop()


@pytest.fixture
def open311():
    from agentdesk_technical.reference_server import start_server as start_open311
    from tests.ui.plugin_panels_support import ANNA_EMAIL, open311_request, open311_seed

    server = start_open311(open311_seed([open311_request("7001", email=ANNA_EMAIL)]))
    yield server
    server.stop()


@pytest.fixture
def more_staff(sqlite_db, seeded):
    """A technical-services agent and a data steward besides conftest's staff."""
    with sqlite_db.session() as s, s.begin():
        technical = Department(code="technical", name="Tekniset palvelut")
        s.add(technical)
        s.flush()
        service = s.query(Department).filter_by(code="customer_service").one()
        s.add_all(
            [
                StaffUser(
                    username="tech.teemu",
                    display_name="Teemu Tekninen",
                    role=StaffRole.AGENT,
                    department_id=technical.id,
                    active=True,
                ),
                StaffUser(
                    username="steward.paavo",
                    display_name="Paavo Tietosuoja",
                    role=StaffRole.STEWARD,
                    department_id=service.id,
                    active=True,
                ),
            ]
        )
    return seeded


@pytest.fixture
def plugin_desk(qtbot, sqlite_db, more_staff):
    """plugin_desk(username, deployment, extra_packages=()) -> the running desk (closed afterwards)."""
    from agentdesk_demo.backends import MappingSecrets

    from agentdesk.plugin_host.settings import DeploymentPlugins
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.plugins.desk_plugins import PluginSetup
    from agentdesk_technical.demo_backend import API_KEY as TECHNICAL_API_KEY
    from tests.ui.plugin_panels_support import CALL_TIMEOUT

    desks = []

    def make(username: str, plugins: DeploymentPlugins, *, extra_packages=(), timeout: float = CALL_TIMEOUT):
        setup = PluginSetup(
            deployment=plugins,
            secrets=MappingSecrets({("technical", "api_key"): TECHNICAL_API_KEY}),
            extra_packages=tuple(extra_packages),
            call_timeout=timeout,
        )
        desk = build_app(sqlite_db, install_hooks=False, language="en", plugins=setup)
        desks.append(desk)
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username=username)
        qtbot.waitUntil(lambda: desk.plugins.is_ready, timeout=10_000)
        desk.window.resize(1920, 1080)
        return desk

    yield make
    for desk in desks:
        desk.shutdown()
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()

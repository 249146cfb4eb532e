#!/usr/bin/env python3
"""Take the README screenshot of the main window on a demo database.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot.py

Seeds a throwaway SQLite database with synthetic people (under a temporary AGENTDESK_HOME, never
your own settings), starts the desk, signs in as agent.aino, searches, opens the first customer
and saves ``docs/screenshots/main-window.png`` from ``window.grab()``. With ``--x11 FILE`` it also
saves what the X server shows (the whole screen).

Then, with the window at 1920×1080, it opens the demo customer with the most roles, relationships
and contacts (found through the search box) and saves ``docs/screenshots/overview.png``. The
synthetic population closes most of its cases, so when that customer has no open case, an earlier
contact that opened one is first logged for them through the contact log, as an agent would.
Last it starts a phone contact in the customer's logging panel, fills it in, presses Save before
the new case has a title and saves ``docs/screenshots/logging.png`` with the message at the field.

The department plugins run against the demo back ends (``agentdesk_demo.backends``, as in
``agentdesk demo``): a customer with data in all three (a social-services client with a FHIR patient
and Open311 requests) is opened, a purpose is chosen for the sensitive panels and the overview is
saved with each panel's tab on top: ``docs/screenshots/panels.png`` (health care),
``panels-social.png`` and ``panels-technical.png`` beside it.

The desk's phone is connected to the loopback AMI simulator (as in ``agentdesk demo``). The demo
queues get a working day (``agentdesk_demo.demo_queues``, on the last weekday at 14:10 so the
figures look like office hours whatever the date) and the supervisor dashboard of that day is
saved as ``docs/screenshots/dashboard.png``; then the simulator rings the desk with the number of a
customer with a contact history, the call is answered, and the main window with the caller's
overview, the phone contact started for the call and the call's clock in the status bar is saved
as ``docs/screenshots/screen-pop.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def wait_until(condition, timeout: float = 20.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "main-window.png")
    parser.add_argument("--x11", type=Path, help="also save the X screen here")
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query", default="virtanen")
    parser.add_argument("--lang", choices=("fi", "sv", "en"), default="fi")
    parser.add_argument("--size", default="1860x1000", help="window size WxH")
    parser.add_argument("--overview-out", type=Path, default=REPO / "docs" / "screenshots" / "overview.png")
    parser.add_argument("--logging-out", type=Path, default=REPO / "docs" / "screenshots" / "logging.png")
    parser.add_argument("--case-out", type=Path, default=REPO / "docs" / "screenshots" / "case.png")
    parser.add_argument("--overview-size", default="1920x1080", help="window size WxH for those two")
    parser.add_argument("--panels-out", type=Path, default=REPO / "docs" / "screenshots" / "panels.png")
    parser.add_argument("--dashboard-out", type=Path, default=REPO / "docs" / "screenshots" / "dashboard.png")
    parser.add_argument("--screen-pop-out", type=Path, default=REPO / "docs" / "screenshots" / "screen-pop.png")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        print("screenshot: no DISPLAY; run it under xvfb-run (see --help)", file=sys.stderr)
        return 2

    home = Path(tempfile.mkdtemp(prefix="agentdesk-screenshot-"))
    os.environ["AGENTDESK_HOME"] = str(home)
    try:
        return _shoot(args, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _shoot(args: argparse.Namespace, home: Path) -> int:
    from agentdesk_demo.population.bulk_load import seed_population

    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(f"sqlite:///{home / 'demo.sqlite3'}")
    schema.upgrade(db)
    seed_population(db, args.people, seed=args.seed, histories=0.3)
    backends = _demo_backends(db)

    from agentdesk_demo.simulators.ami_simulator import AmiSimulator
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from agentdesk.channels.ami import AmiSettings
    from agentdesk_desktop.app import build_app

    pbx = AmiSimulator({"desk": "screenshot"}).start()
    desk = build_app(
        db,
        language=args.lang,
        plugins=_plugin_setup(backends),
        phone=AmiSettings(port=pbx.port, username="desk", interface=INTERFACE),
        phone_secret=lambda _settings: "screenshot",
    )
    ready = []
    desk.window_ready.connect(ready.append)
    desk.start(username="agent.aino")
    wait_until(lambda: ready)
    window = desk.window
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.move(20, 20)
    window.raise_()
    window.activateWindow()
    settle()

    panel = window.search_panel
    panel.field.setFocus()
    QTest.keyClicks(panel.field, args.query)
    wait_until(lambda: not panel.pending and panel.model.rowCount() > 0)
    row = _row_with_most_contacts(db, panel.model)  # a customer with a history makes a fuller picture
    panel.table.setFocus()
    panel.table.selectRow(row)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    wait_until(lambda: window.tabs.count() == 1)
    view = window.tabs.currentWidget()
    wait_until(lambda: getattr(view, "record", True) is not None)
    panel.table.setFocus()
    settle(0.8)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(args.out)):
        print(f"screenshot: could not save {args.out}", file=sys.stderr)
        return 1
    print(f"screenshot: {args.out}")
    if args.x11:
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(args.x11))
        print(f"screenshot: {args.x11}")
    status = _shoot_overview_and_logging(args, db, window)
    if status == 0:
        status = _shoot_panels(args, db, desk, backends)
    if status == 0:
        status = _shoot_dashboard(args, db, desk)
    if status == 0:
        status = _shoot_screen_pop(args, db, desk, pbx)
    desk.shutdown()
    pbx.stop()
    backends.stop()
    db.dispose()
    return status


def _row_with_most_contacts(db, model) -> int:
    from sqlalchemy import func, select

    from agentdesk.storage.models import Interaction

    ids = [model.customer_id(r) for r in range(min(model.rowCount(), 15))]
    with db.session() as s:
        counts = dict(
            s.execute(
                select(Interaction.customer_id, func.count())
                .where(Interaction.customer_id.in_(ids))
                .group_by(Interaction.customer_id)
            ).all()
        )
    return max(range(len(ids)), key=lambda r: (counts.get(ids[r], 0), -r))


def _richest_customer(db) -> tuple[int, str]:
    """A person (no protected address, not deceased) with the most roles, relationships and contacts."""
    from sqlalchemy import text

    sql = text("""
        SELECT c.id, c.last_name FROM customer c
        WHERE c.kind = 'person'
          AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.customer_id = c.id
                          AND a.kind IN ('protected_address', 'deceased'))
        ORDER BY 2 * (SELECT count(*) FROM customer_role r WHERE r.customer_id = c.id)
               + 2 * (SELECT count(*) FROM customer_relationship x
                      WHERE x.from_customer_id = c.id OR x.to_customer_id = c.id)
               + (SELECT count(*) FROM interaction i WHERE i.customer_id = c.id)
               + 3 * (SELECT count(*) FROM service_case k WHERE k.customer_id = c.id
                      AND k.status IN ('new', 'open', 'waiting')) DESC, c.id
        LIMIT 1""")
    with db.session() as s:
        row = s.execute(sql).first()
    return row[0], row[1]


def _ensure_an_open_case(db, customer_id: int) -> None:
    """Log, through the contact log, an earlier call that opened a case (when none is open)."""
    import datetime as dt

    from sqlalchemy import select

    from agentdesk.interaction_log import InteractionDraft, InteractionLog
    from agentdesk.staff import StaffDirectory
    from agentdesk.storage.models import CaseStatus, Channel, Department, Outcome, ServiceCase

    with db.session() as s:
        if s.scalar(
            select(ServiceCase.id).where(
                ServiceCase.customer_id == customer_id,
                ServiceCase.status.in_([CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING]),
            )
        ):
            return
        technical = s.scalar(select(Department.id).where(Department.code == "technical"))
    agent = StaffDirectory(db).get("agent.aino")
    draft = InteractionDraft(
        channel=Channel.PHONE,
        started_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=2, hours=3),
        customer_id=customer_id,
        topic="water.billing",
        department_id=technical,
        notes="Vesilasku kaksinkertaistui; pyydetty mittarin tarkastus.",
        outcome=Outcome.CASE_CREATED,
        new_case_title="Mittarin tarkastus",
        new_case_due=dt.date.today() + dt.timedelta(days=5),
    )
    InteractionLog(db).save(draft, agent_id=agent.id if agent else None, actor="agent.aino")


def _shoot_overview_and_logging(args: argparse.Namespace, db, window) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from agentdesk.storage.models import Outcome

    width, height = (int(v) for v in args.overview_size.split("x"))
    window.move(0, 0)
    window.resize(width, height)
    for index in reversed(range(window.tabs.count())):
        window.close_tab(index)
    settle()

    customer_id, last_name = _richest_customer(db)
    _ensure_an_open_case(db, customer_id)
    case_id = _case_with_history(db, customer_id)
    panel = window.search_panel
    panel.field.setFocus()
    panel.field.setText(last_name)  # QTest types ASCII only; the box searches on every change
    wait_until(lambda: not panel.pending and panel.model.row_of(customer_id) >= 0)
    panel.table.setFocus()
    panel.table.selectRow(panel.model.row_of(customer_id))
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    wait_until(lambda: window.current_customer_id() == customer_id)
    view = window.tabs.currentWidget()
    wait_until(lambda: getattr(view, "is_painted", True))
    view.timeline.table.setFocus()
    settle(0.8)
    if not _save(window, args.overview_out):
        return 1
    if not _shoot_case(args, view, case_id):
        return 1

    contact = view.panel
    QTest.keyClick(view.timeline.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: contact.in_progress)
    topic = next(
        t
        for t in contact.form.topic.model().findItems("", Qt.MatchFlag.MatchContains)
        if t.data(Qt.ItemDataRole.UserRole) == "water.billing"
    )
    contact.form.topic.setCurrentIndex(topic.row())
    contact.form.notes.setFocus()
    QTest.keyClicks(
        contact.form.notes,
        {
            "fi": "Asiakas kysyy, miksi vesilasku on noussut. Mittarilukema tarkistetaan; asiakas toivoo soittoa.",
            "sv": "Kunden undrar varfor vattenrakningen har stigit. Matarstallningen "
            "kontrolleras; kunden vill bli uppringd.",
            "en": "Customer asks why the water bill went up. The meter reading is "
            "checked; the customer wants a call back.",
        }[args.lang],
    )
    contact.form.outcome_buttons[Outcome.CASE_CREATED].click()
    contact.form.case.setCurrentIndex(contact.form.case.findData(-2))  # open a new case, title still empty
    QTest.keyClick(contact.form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: bool(contact.field_errors()))
    settle(2.3)  # the handle-time clock has ticked
    return 0 if _save(window, args.logging_out) else 1


def _case_with_history(db, customer_id: int) -> int:
    """The customer's newest open case, moved on once (assigned to the technical services, then waiting
    for the back office with a note), so its dialog has a history to show."""
    from sqlalchemy import select

    from agentdesk.cases import CaseChange, CaseService
    from agentdesk.storage.models import CaseStatus, Department, ServiceCase

    with db.session() as s:
        case = s.scalars(
            select(ServiceCase)
            .where(ServiceCase.customer_id == customer_id, ServiceCase.status.in_([CaseStatus.NEW, CaseStatus.OPEN]))
            .order_by(ServiceCase.id.desc())
        ).first()
        assert case is not None
        case_id, version = case.id, case.version
        technical = s.scalar(select(Department.id).where(Department.code == "technical"))
    note = "Mittari luetaan paikan päällä; asiakkaalle soitetaan tuloksesta."
    CaseService(db).change(
        CaseChange(case_id, CaseStatus.WAITING_BACKOFFICE, version, note=note, department_id=technical),
        actor="agent.aino",
    )
    return case_id


def _shoot_case(args: argparse.Namespace, view, case_id: int) -> bool:
    """The case dialog of the overview's open case (double-click in Open cases): its history and next step."""
    from PySide6.QtWidgets import QApplication

    from agentdesk_desktop.cases.case_dialog import CaseDialog

    view.case_requested.emit(case_id)
    wait_until(
        lambda: any(isinstance(w, CaseDialog) and w.snapshot is not None for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDialog))
    dialog.resize(900, 480)
    settle(0.5)
    saved = _save(dialog, args.case_out)
    dialog.close()
    settle()
    return saved


def _demo_backends(db):
    import atexit

    from agentdesk_demo.backends import start_demo_backends

    backends = start_demo_backends(db)
    atexit.register(backends.stop)  # the FHIR server is a process of its own: never leave it running
    print(f"screenshot: {backends.describe()}")
    return backends


def _plugin_setup(backends):
    from agentdesk_desktop.plugins.desk_plugins import PluginSetup

    return PluginSetup(deployment=backends.deployment, secrets=backends.secrets)


def _customer_in_every_back_end(db, backends) -> int:
    """A social-services client with a FHIR patient, open Open311 requests and contacts in the history
    (no protected address)."""
    from sqlalchemy import func, select

    from agentdesk.storage.models import CaseStatus, Interaction, ServiceCase
    from agentdesk_health.demo_backend import FHIR_PEOPLE

    fhir_people, social_people = backends.seed.people(FHIR_PEOPLE), backends.seed.with_role("social_services_client")
    fhir = {p.customer_id for p in fhir_people}
    candidates = [p.customer_id for p in social_people if p.customer_id in fhir and p.street]
    with db.session() as s:
        requests = dict(
            s.execute(
                select(ServiceCase.customer_id, func.count())
                .where(
                    ServiceCase.customer_id.in_(candidates),
                    ServiceCase.backoffice_system == "open311",
                    ServiceCase.status == CaseStatus.OPEN,
                )
                .group_by(ServiceCase.customer_id)
            ).all()
        )
        contacts = dict(
            s.execute(
                select(Interaction.customer_id, func.count())
                .where(Interaction.customer_id.in_(candidates))
                .group_by(Interaction.customer_id)
            ).all()
        )
    return max(
        candidates,
        key=lambda cid: (min(requests.get(cid, 0), 1), min(contacts.get(cid, 0), 3), requests.get(cid, 0), -cid),
    )


def _shoot_panels(args: argparse.Namespace, db, desk, backends) -> int:
    window = desk.window
    width, height = (int(v) for v in args.overview_size.split("x"))
    window.move(0, 0)
    window.resize(width, height)
    for index in reversed(range(window.tabs.count())):
        view = window.tabs.widget(index)
        panel = getattr(view, "panel", None)
        if panel is not None and getattr(panel, "in_progress", False):
            panel.cancel_contact()
        window.close_tab(index)
    window.search_panel.field.clear()
    settle()
    wait_until(lambda: desk.plugins.is_ready)
    view = window.open_customer(_customer_in_every_back_end(db, backends))
    wait_until(lambda: view.is_painted)
    area = view.plugin_panel_area
    wait_until(lambda: area.customer is not None and len(area.panels) == 4)
    for panel in area.panels.values():
        if panel.spec.sensitive:
            area.tabs.setCurrentWidget(panel)
            settle(0.2)  # the purpose prompt, as the agent sees it
            panel.purpose_buttons["consent"].click()
    wait_until(lambda: all(p.state in ("data", "empty", "error") for p in area.panels.values()))
    states = {key: panel.state for key, panel in area.panels.items() if key != "education.services"}
    if set(states.values()) != {"data"}:
        print(f"screenshot: not every panel has data: {states}", file=sys.stderr)
    view.timeline.table.setFocus()
    outputs = {
        "health.summary": args.panels_out,
        "social.clients": args.panels_out.with_name(args.panels_out.stem + "-social.png"),
        "technical.requests": args.panels_out.with_name(args.panels_out.stem + "-technical.png"),
    }
    for key, path in outputs.items():
        area.tabs.setCurrentWidget(area.panels[key])
        settle(0.5)
        if not _save(window, path):
            return 1
    window.close_tab(window.tabs.indexOf(view))
    settle(0.2)
    return _shoot_education(args, window, backends)


def _shoot_education(args: argparse.Namespace, window, backends) -> int:
    """A daycare guardian with children in daycare and school: ``panels-education.png``."""
    from agentdesk_education.demo_backend import GUARDIAN_ROLE

    guardians = [p for p in backends.seed.with_role(GUARDIAN_ROLE) if len(p.children) >= 2 and p.street]
    if not guardians:
        print("screenshot: no daycare guardian with two children in the demo data", file=sys.stderr)
        return 1
    view = window.open_customer(guardians[0].customer_id)
    wait_until(lambda: view.is_painted)
    area = view.plugin_panel_area
    wait_until(lambda: area.customer is not None and "education.services" in area.panels)
    panel = area.panels["education.services"]
    area.tabs.setCurrentWidget(panel)
    settle(0.2)
    panel.purpose_buttons["consent"].click()
    wait_until(lambda: panel.state in ("data", "empty", "error"))
    if panel.state != "data":
        print(f"screenshot: the education panel shows {panel.state}", file=sys.stderr)
    view.timeline.table.setFocus()
    settle(0.5)
    if not _save(window, args.panels_out.with_name(args.panels_out.stem + "-education.png")):
        return 1
    window.close_tab(window.tabs.indexOf(view))
    settle(0.2)
    return 0


INTERFACE = "PJSIP/agent1"


def _office_afternoon():
    """14:10 in Helsinki on the last weekday up to today (today if it is one and it is past 14:10)."""
    import datetime as dt

    from agentdesk.queues import HELSINKI

    now = dt.datetime.now(HELSINKI)
    moment = dt.datetime.combine(now.date(), dt.time(14, 10), HELSINKI)
    while moment > now or moment.weekday() >= 5:
        moment -= dt.timedelta(days=1)
    return moment


def _shoot_dashboard(args: argparse.Namespace, db, desk) -> int:
    from agentdesk_demo.demo_queues import seed_demo_queues
    from PySide6.QtCore import Qt

    from agentdesk.queues import Statistics
    from agentdesk_desktop.dashboard.dashboard_window import DashboardWindow

    moment = _office_afternoon()
    seed_demo_queues(db, now=moment, seed=args.seed)
    statistics = Statistics(db)
    dashboard = DashboardWindow(
        statistics.snapshot, statistics.items, desk.background, clock=lambda: moment, parent=desk.window
    )
    dashboard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    width, height = (int(v) for v in args.overview_size.split("x"))
    dashboard.move(0, 0)
    dashboard.resize(width, height)
    dashboard.show()
    wait_until(lambda: dashboard.refresh_count > 0)
    settle(0.6)
    ok = _save(dashboard, args.dashboard_out)
    dashboard.close()
    settle(0.2)
    return 0 if ok else 1


def _caller_with_history(db) -> tuple[int, str]:
    """A person with a mobile number and the longest contact history (no protected address)."""
    from sqlalchemy import text

    sql = text("""
        SELECT c.id, p.value FROM customer c JOIN contact_point p ON p.customer_id = c.id AND p.kind = 'phone'
        WHERE c.kind = 'person'
          AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.customer_id = c.id
                          AND a.kind IN ('protected_address', 'deceased'))
          AND (SELECT count(*) FROM contact_point q WHERE q.kind = 'phone' AND q.value = p.value) = 1
        ORDER BY (SELECT count(*) FROM interaction i WHERE i.customer_id = c.id) DESC, c.id
        LIMIT 1""")
    with db.session() as s:
        row = s.execute(sql).first()
    return row[0], row[1]


def _shoot_screen_pop(args: argparse.Namespace, db, desk, pbx) -> int:
    from agentdesk.identity import format_phone_for_display

    window = desk.window
    for index in reversed(range(window.tabs.count())):
        view = window.tabs.widget(index)
        panel = getattr(view, "panel", None)
        if panel is not None and panel.in_progress:
            panel.cancel_contact()
        window.close_tab(index)
    window.search_panel.field.clear()
    settle()
    _, number = _caller_with_history(db)
    wait_until(lambda: desk.phone is not None and desk.phone.status.value == "connected")
    painted = []
    desk.phone.screen_pop.painted.connect(lambda cid, uid: painted.append(cid))
    from agentdesk_desktop.phone.call_notification import CallNotification

    def notifications() -> list[CallNotification]:
        return [n for n in window.findChildren(CallNotification) if n.isVisible()]

    call = pbx.emit_call(format_phone_for_display(number), "", "neuvonta", interface=INTERFACE)
    wait_until(lambda: bool(notifications()))  # the calm screen pop: a notification, nothing else moves
    call.answer(hold_seconds=14)
    settle(1.2)
    ok = _save(window, args.screen_pop_out)
    notifications()[0].accept()  # F9: the caller's tab opens with the phone contact started
    wait_until(lambda: painted)
    view = window.tabs.currentWidget()
    call.hang_up()
    view.panel.cancel_contact()
    settle(0.2)
    return 0 if ok else 1


def _save(window, path: Path) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path)):
        print(f"screenshot: could not save {path}", file=sys.stderr)
        return False
    print(f"screenshot: {path}")
    return True


if __name__ == "__main__":
    sys.exit(main())

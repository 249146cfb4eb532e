#!/usr/bin/env python3
"""Take the README screenshots of the directory sign-in and the data protection view:
``docs/screenshots/sign-in.png`` and ``docs/screenshots/data-protection.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_dpo.py

Seeds a temporary SQLite database through the core services (staff, a citizen, overviews opened with
their purposes, searches, an identity code shown, a "break the glass" opening), opens the data
protection view as a data protection officer on that citizen and saves it at 1500×900; the sign-in
dialog is shown with a username typed (its directory check is never called).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _wait(flag: list[bool], seconds: float = 60) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not flag and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        QCoreApplication.processEvents()


def _seed(db: object) -> int:
    from agentdesk import audit
    from agentdesk.access_log import BREAK_GLASS_ACTION
    from agentdesk.customer_overview import CustomerOverviewService
    from agentdesk.customer_register import CustomerDraft, CustomerRegister
    from agentdesk.search.audited import audited_search
    from agentdesk.search.customer_search import CustomerSearch
    from agentdesk.storage.models import Department, Language, StaffRole, StaffUser

    with db.session() as s, s.begin():  # type: ignore[attr-defined]
        service = Department(code="customer_service", name="Neuvonta")
        social = Department(code="social", name="Sosiaalipalvelut")
        water = Department(code="water", name="Vesihuolto")
        s.add_all([service, social, water])
        s.flush()
        for username, name, role, dept in (
            ("aino.agentti", "Aino Agentti", StaffRole.AGENT, service),
            ("ville.vesi", "Ville Vesi", StaffRole.AGENT, water),
            ("siiri.sosiaali", "Siiri Sosiaali", StaffRole.AGENT, social),
            ("tuula.tietosuoja", "Tuula Tietosuoja", StaffRole.DPO, service),
        ):
            s.add(StaffUser(username=username, display_name=name, role=role, department_id=dept.id))
    reg = CustomerRegister(db)  # type: ignore[arg-type]
    anna = reg.create(
        CustomerDraft(
            first_names="Anna",
            last_name="Mäkinen",
            hetu="010594Y9032",
            street="Hämeenkatu 12 B 5",
            postal_code="33100",
            municipality="Tampere",
            preferred_language=Language.FI,
        ),
        actor="register.import",
    ).id
    reg.create(CustomerDraft(first_names="Pekka", last_name="Mäkinen"), actor="register.import")
    overview = CustomerOverviewService(db)  # type: ignore[arg-type]
    search = CustomerSearch(db)  # type: ignore[arg-type]
    audited_search(search, db, "Mäkinen Tampere", actor="aino.agentti")  # type: ignore[arg-type]
    overview.open(anna, actor="aino.agentti", purpose="phone call: address change")
    overview.open(anna, actor="ville.vesi", purpose="water bill complaint")
    audited_search(search, db, "Mäkinen", actor="ville.vesi")  # type: ignore[arg-type]
    overview.reveal_hetu(anna, actor="siiri.sosiaali", purpose="social services: client identification")
    with db.session() as s, s.begin():  # type: ignore[attr-defined]
        audit.record(
            s,
            actor="siiri.sosiaali",
            action=BREAK_GLASS_ACTION,
            subject_customer_id=anna,
            purpose="urgent child protection notice",
        )
    overview.open(anna, actor="siiri.sosiaali", purpose="urgent child protection notice")
    return anna


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENTDESK_HOME"] = tempfile.mkdtemp(prefix="agentdesk-shot-home-")

    from PySide6.QtWidgets import QApplication

    from agentdesk.access_log import AccessLog
    from agentdesk.search.audited import audited_search
    from agentdesk.search.customer_search import CustomerSearch, SearchPage
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk_desktop.background import Background
    from agentdesk_desktop.data_protection.dpo_window import DataProtectionWindow
    from agentdesk_desktop.sign_in_directory import DirectorySignInDialog

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-shot-db-"))
    db = Database(f"sqlite:///{folder / 'dpo.sqlite3'}")
    schema.upgrade(db)
    anna = _seed(db)
    background = Background(None)

    def never(username: str, password: str) -> object:
        raise RuntimeError("the screenshot never signs in")

    sign_in = DirectorySignInDialog(never, never, background, preselect="aino.agentti")  # type: ignore[arg-type]
    sign_in.password.setText("salasana")
    sign_in.show()
    _wait([True])
    ok_sign_in = sign_in.grab().save(str(args.out / "sign-in.png"))
    sign_in.reject()

    def find(query: str) -> SearchPage:
        return audited_search(CustomerSearch(db), db, query, actor="tuula.tietosuoja")

    window = DataProtectionWindow(AccessLog(db), background, actor="tuula.tietosuoja", find=find)
    window.resize(1500, 900)
    window.show()
    alerts: list[bool] = []
    window.alerts_shown.connect(lambda: alerts.append(True))
    window.load_alerts()
    _wait(alerts)
    shown: list[bool] = []
    window.shown.connect(lambda: shown.append(True))
    window.query.setText("010594Y9032")
    window.find_citizen()
    _wait(shown)
    ok = window.grab().save(str(args.out / "data-protection.png"))
    print(f"{args.out / 'sign-in.png'}: {'saved' if ok_sign_in else 'NOT saved'}")
    print(f"{args.out / 'data-protection.png'}: {'saved' if ok else 'NOT saved'} (customer {anna})")
    window.close()
    background.shutdown()
    db.dispose()
    return 0 if ok and ok_sign_in and shown and alerts else 1


if __name__ == "__main__":
    sys.exit(main())

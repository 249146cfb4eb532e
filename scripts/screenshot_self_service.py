#!/usr/bin/env python3
"""Take the README screenshot of a self-service update at the desk: ``docs/screenshots/self-service.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_self_service.py [--people 2000]

Seeds a demo population and the demo's self-service queue (:mod:`agentdesk_demo.demo_citizen`: a
new phone number, an address change notice, an unknown sender) under ``.tmp/shots/``, opens the
address change notice's dialog as agent.aino and saves it at 760×500. Nothing is decided.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--kind", default="address", choices=("phone", "address", "language"))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "self-service.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENTDESK_HOME"] = tempfile.mkdtemp(prefix="agentdesk-shot-home-")
    from agentdesk_demo.demo_citizen import seed_self_service
    from agentdesk_demo.demo_queues import seed_demo_queues
    from agentdesk_demo.population import seed_population
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from agentdesk.citizen.updates import SelfServiceUpdates
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk_desktop.background import Background
    from agentdesk_desktop.work.self_service_dialog import SelfServiceDialog

    folder = REPO / ".tmp" / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "self-service.sqlite3"
    path.unlink(missing_ok=True)
    db = Database(f"sqlite:///{path}", password_lookup=None)
    schema.upgrade(db)
    seed_population(db, args.people, 1)
    seed_self_service(db, seed_demo_queues(db))
    updates = SelfServiceUpdates(db)
    update_id = next(i for i, _ref, kind, _at in updates.open_items() if kind == args.kind)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    background = Background(None)
    dialog = SelfServiceDialog(updates, background, update_id, actor="agent.aino")
    dialog.resize(760, 500)
    dialog.show()
    deadline = time.monotonic() + 30
    while dialog.view is None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        QCoreApplication.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = dialog.view is not None and dialog.grab().save(str(args.out))
    print(f"{args.out}: {'saved' if ok else 'NOT saved'}")
    dialog.close()
    background.shutdown()
    db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

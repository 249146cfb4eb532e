#!/usr/bin/env python3
"""Take the README screenshot of the main window on a demo database.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot.py

Seeds a throwaway SQLite database with synthetic people (under a temporary AGENTDESK_HOME, never
your own settings), starts the desk, signs in as agent.aino, searches, opens the first customer
and saves ``docs/screenshots/main-window.png`` from ``window.grab()``. With ``--x11 FILE`` it also
saves what the X server shows (the whole screen).
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
    from agentdesk.population.bulk_load import seed_population
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(f"sqlite:///{home / 'demo.sqlite3'}")
    schema.upgrade(db)
    seed_population(db, args.people, seed=args.seed, histories=0.3)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from ui.app import build_app

    desk = build_app(db, language=args.lang)
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
    desk.shutdown()
    db.dispose()
    return 0


def _row_with_most_contacts(db, model) -> int:
    from sqlalchemy import func, select

    from agentdesk.storage.models import Interaction

    ids = [model.customer_id(r) for r in range(min(model.rowCount(), 15))]
    with db.session() as s:
        counts = dict(s.execute(select(Interaction.customer_id, func.count()).where(Interaction.customer_id.in_(ids))
                                .group_by(Interaction.customer_id)).all())
    return max(range(len(ids)), key=lambda r: (counts.get(ids[r], 0), -r))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Take the README screenshot of the Reports window: ``docs/screenshots/reports.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_reports.py [--contacts 300000]

Uses (or builds once) the report benchmark's database under ``.tmp/bench/`` (``benchmarks/reports.py``:
the demo queues, bulk-loaded contacts about 8,000 a day up to today, service cases with history), opens
the Reports window on it with the costs per contact of the README's profile, shows the last 30 days and
saves the window at 1600×1000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

COSTS = {"phone": 6.5, "email": 4.0, "walk_in": 12.0, "web": 1.5}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "reports.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENTDESK_HOME"] = tempfile.mkdtemp(prefix="agentdesk-shot-home-")
    import reports as bench  # benchmarks/reports.py

    folder = REPO / ".tmp" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = bench.build(folder, args.contacts, 5)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from agentdesk.reports import Reports
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk.storage.kinds import Channel
    from agentdesk.topics import load_topics
    from agentdesk_desktop.background import Background
    from agentdesk_desktop.reports.reports_window import ReportsWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    db = Database(f"sqlite:///{path}")
    schema.upgrade(db)
    reports = Reports(
        db, cost_per_contact={Channel(k): v for k, v in COSTS.items()}, topics=[t.code for t in load_topics()]
    )
    background = Background(None)
    window = ReportsWindow(lambda: reports, background)
    window.resize(1600, 1000)
    window.show()
    window.period.setCurrentIndex(3)  # custom: the last 30 days
    yesterday = dt.date.today() - dt.timedelta(days=1)
    first = yesterday - dt.timedelta(days=29)
    from PySide6.QtCore import QDate

    window.start.setDate(QDate(first.year, first.month, first.day))
    window.end.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    shown: list[bool] = []
    window.report_shown.connect(lambda: shown.append(True))
    window.run()
    deadline = time.monotonic() + 300
    while not shown and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        QCoreApplication.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(args.out))
    print(f"{args.out}: {'saved' if ok else 'NOT saved'}")
    window.close()
    background.shutdown()
    db.dispose()
    return 0 if ok and shown else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Take the README screenshot of the steward's desk: ``docs/screenshots/steward.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_steward.py [--people 3000]

Seeds a temporary SQLite database with the demo population generator and its known duplicates
(hard ones included: typos, nicknames, day and month swapped), runs the duplicate scan as
``agentdesk duplicates scan`` does (its pairs into the review queue), marks one pair "not sure",
opens the steward's desk on the queue, chooses a pair with several differing fields and saves the
window at 1500×900.
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
STEWARD = "steward.sanna"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "steward.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENTDESK_HOME"] = tempfile.mkdtemp(prefix="agentdesk-shot-home-")
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-shot-db-"))

    from agentdesk_demo.population import seed_population
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from agentdesk.duplicates.review import DuplicateReview
    from agentdesk.duplicates.review_record import record_scan
    from agentdesk.duplicates.scan import DuplicateScan
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk_desktop.background import Background
    from agentdesk_desktop.steward.steward_window import StewardWindow

    db = Database(f"sqlite:///{folder / 'steward.db'}")
    schema.upgrade(db)
    now = dt.datetime.now(dt.UTC)
    seed_population(db, args.people, seed=7, duplicate_share=0.05, hard_duplicates=0.6, now=now)
    record_scan(db, DuplicateScan(db).scan(full=True))
    review = DuplicateReview(db)
    queue = review.queue()
    if len(queue) < 3:
        print("the scan found too few pairs for a screenshot", file=sys.stderr)
        return 1
    review.not_sure(*queue[1].key, actor=STEWARD)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    background = Background(None)
    window = StewardWindow(lambda: review, background, STEWARD)
    window.resize(1500, 900)
    shown: list[bool] = []
    window.pair_shown.connect(lambda: shown.append(True))
    window.show()

    def settle(deadline_s: float = 60) -> None:
        deadline = time.monotonic() + deadline_s
        while not shown and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.02)
        for _ in range(20):
            QCoreApplication.processEvents()

    settle()
    # A pair the steward has to think about: the one with the most differing fields near the top.
    best, best_row = -1, 0
    for row in range(min(12, window.table.rowCount())):
        if row == 1:  # the "not sure" pair stays in sight, marked, unselected
            continue
        shown.clear()
        window.table.setCurrentCell(row, 0)
        settle()
        detail = window.pair.detail
        if detail is not None and len(detail.differing) > best:
            best, best_row = len(detail.differing), row
    shown.clear()
    window.table.setCurrentCell(best_row, 0)
    settle()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(args.out))
    background.shutdown()
    print(f"{args.out}: {'saved' if ok else 'NOT saved'} ({len(queue)} pairs in the queue)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

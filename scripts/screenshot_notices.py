#!/usr/bin/env python3
"""Take the README screenshot of the notice composer: ``docs/screenshots/notices.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_notices.py [--people 50000]

Seeds (once) a demo population under ``.tmp/shots/notices.sqlite3``, opens the composer with the
"water outage on Hämeenkatu 1–40, Tampere" segment and its texts in fi/sv/en, waits for the count
and sample, and saves the window at 1000×820. Nothing is sent.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TEXTS = {
    "fi": ("Vesikatko tiistaina 8–12", "Hämeenkatu 1–40: vesijakelu on katkaistu tiistaina klo 8–12 putkityön vuoksi."),
    "sv": (
        "Vattenavbrott på tisdag 8–12",
        "Hämeenkatu 1–40: vattnet är avstängt på tisdag kl. 8–12 på grund av rörarbete.",
    ),
    "en": ("Water outage on Tuesday 8–12", "Hämeenkatu 1–40: the water is off on Tuesday 8–12 for pipe work."),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "notices.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENTDESK_HOME"] = tempfile.mkdtemp(prefix="agentdesk-shot-home-")
    from agentdesk_demo.population import seed_population
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk.storage.kinds import Channel, Language
    from agentdesk_desktop.background import Background
    from agentdesk_desktop.notices.composer_window import NoticeComposer

    folder = REPO / ".tmp" / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notices.sqlite3"
    fresh = not path.exists()
    db = Database(f"sqlite:///{path}", password_lookup=None)
    schema.upgrade(db)
    if fresh:
        seed_population(db, args.people, 1)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    background = Background(None)

    def no_transport(channel: Channel):  # the screenshot sends nothing
        raise LookupError("not sending")

    window = NoticeComposer(
        db, background, actor="screenshot", channels=(Channel.EMAIL, Channel.SMS), transport_for=no_transport
    )
    window.resize(1000, 820)
    window.show()
    window.street.setText("Hämeenkatu")
    window.houses.setText("1–40")
    window.municipality.setText("Tampere")
    window.title.setText("Vesikatko Hämeenkatu 1–40")
    for lang in (Language.FI, Language.SV, Language.EN):
        subject, body = TEXTS[lang.value]
        window.language_tabs[lang].subject.setText(subject)
        window.language_tabs[lang].body.setPlainText(body)
    window.refresh_segment()
    deadline = time.monotonic() + 60
    while window.count.text().endswith("…") and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        QCoreApplication.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(args.out))
    print(f"{args.out}: {'saved' if ok else 'NOT saved'} ({window.count.text()})")
    window.close()
    background.shutdown()
    db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Outbound notices: selecting a one-street segment in a big register, and the send rate of 10,000
notices by SMS (the SMS plugin's loopback reference gateway) and by e-mail (a loopback aiosmtpd SMTP
server, the server the test mail set-up runs, here counting what it received). Prints one JSON line.

    .venv/bin/python benchmarks/outreach.py [--db sqlite:////tmp/agentdesk-notices-1m.sqlite3] [--people 1000000]
                                            [--notices 10000] [--repeats 30]

Without the --db file the register is seeded first (benchmarks/seed.py's population, --people).
Targets: segment select p95 ≤ 100 ms on 1,000,000 people; ≥ 200 notices per second per channel.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import calibration
from sqlalchemy import insert, select

from agentdesk.outreach.notices import NoticeDraft, NoticeText, plan_notice
from agentdesk.outreach.segments import SegmentFilter, select_segment
from agentdesk.outreach.sending import send_notice
from agentdesk.outreach.transports import GatewayTransport, SmtpTransport
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.models import Address, Channel, ContactKind, ContactPoint, Customer, CustomerKind, Language

SEGMENT_TARGET_MS = 100.0
RATE_TARGET = 200.0


def _register(url: str, people: int) -> Database:
    if url.startswith("sqlite:///") and not os.path.exists(url[len("sqlite:///") :]):
        from agentdesk_demo.population import seed_population

        db = Database(url, password_lookup=None)
        schema.upgrade(db)
        seed_population(db, people, 1)
        return db
    db = Database(url, password_lookup=None)
    schema.upgrade(db)
    return db


def _street_name(street: str) -> str:
    words = []
    for w in street.split():
        if w[:1].isdigit():
            break
        words.append(w)
    return " ".join(words)


def segment_figures(db: Database, repeats: int) -> dict:
    with db.session() as s:
        people = s.query(Customer).count()
        sample = s.scalars(select(Address.street).where(Address.id % 97 == 0).limit(5000)).all()
    streets = [name for name, _n in Counter(_street_name(x) for x in sample).most_common(5)]
    times: list[float] = []
    first: list[float] = []  # each segment's first select (its pages perhaps not in the OS cache yet)
    counts = {}
    for i in range(repeats):
        street = streets[i % len(streets)]
        for segment in (SegmentFilter(street=street), SegmentFilter(street=street, house_from=1, house_to=40)):
            t0 = time.perf_counter()
            with db.session() as s, s.begin():
                answer = select_segment(s, segment, actor="benchmark")
            (first if i < len(streets) else times).append((time.perf_counter() - t0) * 1000)
            counts[f"{street} {segment.house_from or ''}-{segment.house_to or ''}".strip()] = answer.count
    everything = sorted(times + first)
    times.sort()
    return {
        "people": people,
        "segments": counts,
        "segment_select_p50_ms": round(statistics.median(everything), 1),
        "segment_select_p95_ms": round(everything[int(len(everything) * 0.95) - 1], 1),
        "segment_select_first_max_ms": round(max(first), 1),
        "segment_select_repeat_p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
    }


def _recipients(db: Database, n: int) -> None:
    with db.session() as s, s.begin():
        ids = (
            s.execute(
                insert(Customer).returning(Customer.id),
                [
                    {
                        "kind": CustomerKind.PERSON,
                        "first_names": "Testi",
                        "last_name": f"Henkilö{i}",
                        "preferred_language": (Language.FI, Language.SV, Language.EN)[i % 3],
                        "version": 1,
                    }
                    for i in range(n)
                ],
            )
            .scalars()
            .all()
        )
        s.execute(
            insert(Address),
            [
                {
                    "customer_id": c,
                    "street": f"Hämeenkatu {1 + i % 40}",
                    "postal_code": "33100",
                    "municipality": "Tampere",
                }
                for i, c in enumerate(ids)
            ],
        )
        points = [
            {"customer_id": c, "kind": ContactKind.PHONE, "value": f"+35840{3000000 + i}", "is_primary": True}
            for i, c in enumerate(ids)
        ]
        points += [
            {"customer_id": c, "kind": ContactKind.EMAIL, "value": f"asukas{i}@example.fi", "is_primary": True}
            for i, c in enumerate(ids)
        ]
        s.execute(insert(ContactPoint), [{"label": "", **p} for p in points])


def _plan(db: Database, channel: Channel) -> int:
    texts = {
        Language.FI: NoticeText("Vesikatko", "Vesikatko Hämeenkatu 1–40 tiistaina 8–12."),
        Language.SV: NoticeText("Vattenavbrott", "Vattenavbrott på Hämeenkatu 1–40 på tisdag 8–12."),
        Language.EN: NoticeText("Water outage", "Water outage on Hämeenkatu 1–40 on Tuesday 8–12."),
    }
    segment = SegmentFilter(street="Hämeenkatu", house_from=1, house_to=40)
    with db.session() as s, s.begin():
        return plan_notice(s, NoticeDraft("Vesikatko", channel, segment, texts), actor="benchmark").notice_id


class _CountingHandler:
    def __init__(self) -> None:
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        from email.parser import BytesHeaderParser

        mid = "".join(str(BytesHeaderParser().parsebytes(envelope.content).get("Message-ID", "")).split())
        with self.lock:
            self.ids[mid] += 1
        return "250 OK"


def send_figures(n: int) -> dict:
    from agentdesk_sms.client import HttpSmsGateway
    from agentdesk_sms.reference_gateway import ReferenceGateway
    from aiosmtpd.controller import Controller

    from agentdesk.channels.email_config import MailServer
    from agentdesk.plugin_api import GatewayConfig

    out: dict = {"notices": n}
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/send.sqlite3", password_lookup=None)
        schema.upgrade(db)
        _recipients(db, n)
        t0 = time.perf_counter()
        sms_notice = _plan(db, Channel.SMS)
        out["plan_ms"] = round((time.perf_counter() - t0) * 1000)
        mail_notice = _plan(db, Channel.EMAIL)
        gateway = ReferenceGateway()
        try:
            transport = GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)))
            t0 = time.perf_counter()
            result = send_notice(db, sms_notice, transport, actor="benchmark")
            elapsed = time.perf_counter() - t0
            transport.close()
            out["sms_sent"] = result.progress.sent
            out["sms_gateway_delivered"] = len(gateway.state.delivered)
            out["sms_per_second"] = round(result.progress.sent / elapsed)
        finally:
            gateway.close()
        handler = _CountingHandler()
        with socket.socket() as probe:  # a free port (aiosmtpd's controller does not take port 0)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            sender = "tiedotteet@city.example"
            transport = SmtpTransport(MailServer("127.0.0.1", port, "none"), sender=sender, batch_size=50)
            t0 = time.perf_counter()
            result = send_notice(db, mail_notice, transport, actor="benchmark", sender=sender)
            elapsed = time.perf_counter() - t0
            transport.close()
            out["email_sent"] = result.progress.sent
            out["email_server_received"] = sum(handler.ids.values())
            out["email_received_twice"] = sum(1 for c in handler.ids.values() if c > 1)
            out["email_per_second"] = round(result.progress.sent / elapsed)
        finally:
            controller.stop()
        db.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="sqlite:////tmp/agentdesk-notices-1m.sqlite3")
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--notices", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()
    db = _register(args.db, args.people)
    segments = segment_figures(db, args.repeats)
    db.dispose()
    sends = send_figures(args.notices)
    print(
        json.dumps(
            {
                "benchmark": "outreach",
                "db": args.db,
                **segments,
                **sends,
                "targets": {"segment_select_p95_ms": SEGMENT_TARGET_MS, "per_second": RATE_TARGET},
                **calibration.calibrated(
                    calibration.measure(),
                    per_python_loop={
                        "segment_select_p95_ms": segments["segment_select_p95_ms"],
                        "per_notice_sms_ms": round(1000 / sends["sms_per_second"], 3),
                        "per_notice_email_ms": round(1000 / sends["email_per_second"], 3),
                    },
                    targets_per_python_loop={
                        "segment_select_p95_ms": SEGMENT_TARGET_MS,
                        "per_notice_sms_ms": 1000 / RATE_TARGET,
                        "per_notice_email_ms": 1000 / RATE_TARGET,
                    },
                ),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()

"""A register with known duplicates, scanned, its pairs in the steward's review queue."""

from __future__ import annotations

import datetime as dt

from agentdesk_demo.population import seed_population

from agentdesk.duplicates.review import DuplicateReview
from agentdesk.duplicates.review_record import Recorded, record_scan
from agentdesk.duplicates.scan import DuplicateScan

PEOPLE = 800
NOW = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
STEWARD = "steward.sanna"


def seed(db, people: int = PEOPLE) -> None:
    seed_population(db, people, seed=11, duplicate_share=0.08, hard_duplicates=0.3, now=NOW)


def scan(db, *, full: bool = False) -> Recorded:
    """``agentdesk duplicates scan`` as the CLI runs it: the scan, then its pairs into the queue."""
    return record_scan(db, DuplicateScan(db).scan(full=full))


def seeded_queue(db, people: int = PEOPLE) -> DuplicateReview:
    seed(db, people)
    scan(db)
    return DuplicateReview(db)

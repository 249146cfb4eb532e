"""Likely duplicates of a customer being typed in, shown before a duplicate is saved.

A match is the same identity code or business id, or a similar name (each name within one
typing error, Nordic letters and case ignored) together with the same birth date, phone number,
e-mail or street address. Every lookup is an index probe, so the check can run on each pause
in typing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk import identity
from agentdesk.search import text_index
from agentdesk.storage.database import Database
from agentdesk.storage.models import Address, ContactKind, ContactPoint, Customer, CustomerIdentifier, IdentifierScheme

MAX_CANDIDATES = 400


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    customer_id: int
    display_name: str
    birth_year: int | None
    # "same_hetu", "same_ytunnus", "same_birth_date", "same_phone", "same_email", "same_address"
    reasons: tuple[str, ...]


def _similar_names(first_a: str, last_a: str, first_b: str, last_b: str) -> bool:
    la, lb = text_index.fold(last_a), text_index.fold(last_b)
    if not la or not lb or not text_index.within_one_edit(la, lb):
        return False
    fa, fb = text_index.words(first_a), text_index.words(first_b)
    if not fa or not fb:
        return True  # organisations, or a first name not typed yet
    return text_index.within_one_edit(fa[0], fb[0]) or fa[0].startswith(fb[0]) or fb[0].startswith(fa[0])


class DuplicateCheck:
    def __init__(self, db: Database) -> None:
        self._db = db

    def candidates(
        self,
        *,
        first_names: str = "",
        last_name: str = "",
        birth_date: dt.date | None = None,
        hetu: str = "",
        ytunnus: str = "",
        phones: tuple[str, ...] = (),
        emails: tuple[str, ...] = (),
        street: str = "",
        municipality: str = "",
        exclude_id: int | None = None,
        limit: int = 5,
    ) -> list[DuplicateCandidate]:
        reasons: dict[int, set[str]] = {}

        def add(ids: Iterable[int], reason: str) -> None:
            for cid in ids:
                if cid == exclude_id:
                    continue
                reasons.setdefault(cid, set()).add(reason)

        with self._db.session() as s:
            for scheme, raw, parse, reason in (
                (IdentifierScheme.HETU, hetu, lambda v: identity.parse_hetu(v).value, "same_hetu"),
                (IdentifierScheme.YTUNNUS, ytunnus, identity.parse_ytunnus, "same_ytunnus"),
            ):
                if raw.strip():
                    try:
                        value = parse(raw)
                    except identity.IdentityError:
                        continue
                    add(
                        s.scalars(
                            select(CustomerIdentifier.customer_id).where(
                                CustomerIdentifier.scheme == scheme, CustomerIdentifier.value == value
                            )
                        ),
                        reason,
                    )
            if last_name.strip():
                if birth_date is not None:
                    add(
                        s.scalars(select(Customer.id).where(Customer.birth_date == birth_date).limit(MAX_CANDIDATES)),
                        "same_birth_date",
                    )
                for kind, raws, norm, reason in (
                    (ContactKind.PHONE, phones, identity.normalise_phone, "same_phone"),
                    (ContactKind.EMAIL, emails, identity.normalise_email, "same_email"),
                ):
                    for raw in raws:
                        try:
                            value = norm(raw)
                        except identity.IdentityError:
                            continue
                        add(
                            s.scalars(
                                select(ContactPoint.customer_id)
                                .where(ContactPoint.kind == kind, ContactPoint.value == value)
                                .limit(MAX_CANDIDATES)
                            ),
                            reason,
                        )
                if street.strip() and municipality.strip():
                    add(
                        s.scalars(
                            select(Address.customer_id).where(
                                Address.customer_id.in_(self._same_street_ids(s, street, municipality)),
                                Address.valid_to.is_(None),
                            )
                        ),
                        "same_address",
                    )
            if not reasons:
                return []
            people = {c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(list(reasons))))}
        found = []
        for cid, why in reasons.items():
            c = people.get(cid)
            if c is None:
                continue
            strong = why & {"same_hetu", "same_ytunnus"}
            if not strong and not _similar_names(first_names, last_name, c.first_names, c.last_name):
                continue
            found.append(
                DuplicateCandidate(
                    cid,
                    f"{c.first_names} {c.last_name}".strip(),
                    c.birth_date.year if c.birth_date else None,
                    tuple(sorted(why)),
                )
            )
        found.sort(key=lambda d: (-len(d.reasons), "same_hetu" not in d.reasons, d.display_name))
        return found[:limit]

    @staticmethod
    def _same_street_ids(s: Session, street: str, municipality: str) -> list[int]:
        from sqlalchemy import text

        words = text_index.words(street) + text_index.words(municipality)
        if not words:
            return []
        if s.get_bind().dialect.name == "sqlite":
            sql = "SELECT rowid FROM customer_search WHERE customer_search MATCH :q LIMIT :n"
            q = " AND ".join(f'"{w}"' for w in words)
        else:
            sql = "SELECT customer_id FROM customer_search WHERE doc @@ to_tsquery('simple', :q) LIMIT :n"
            q = " & ".join(words)
        return [r[0] for r in s.execute(text(sql), {"q": q, "n": MAX_CANDIDATES})]

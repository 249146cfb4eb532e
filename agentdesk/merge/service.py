"""``merge`` and ``undo_merge``: a steward's merge of two customers, one transaction each.

A merge keeps the survivor and makes the other customer a tombstone (``merged_into``; never
deleted, so old ids resolve and the merge can be undone). Per field the survivor takes the value
:mod:`agentdesk.merge.survivorship` chooses; every link moves to the survivor: identifiers (hetu
and register ids), addresses, contact points (deduplicated), alerts, roles, relationships (none to
itself, none twice), interactions, service cases, work items and lineage. The merged customer's
search document is removed and the survivor's rewritten. Everything changed is journalled
(:mod:`agentdesk.merge.journal`) in the ``customer_merge`` record, and audited (``customer.merge``).

``undo_merge`` plays the journal backwards. Links made on the survivor after the merge stay with it
unless the steward names them (``move``). Merges are undone last first: a merge whose survivor was
later merged again, or took in another customer later, is refused naming the later merge to undo
first (its journal starts from what this merge left).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.merge import journal as jr
from agentdesk.merge import links
from agentdesk.merge.rules import DEFAULT_RULES, SurvivorshipRules
from agentdesk.merge.survivorship import MERGED, FieldChoice, choose, hetus
from agentdesk.search import text_index
from agentdesk.search.index_writer import current_address, reindex
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    Customer,
    CustomerMerge,
    utcnow,
)

MERGE_ACTION = "customer.merge"
UNMERGE_ACTION = "customer.unmerge"
# Tables whose rows simply follow the customer (customer_id), in the order they are moved.
FOLLOWING = ("customer_identifier", "address", "alert", "customer_role", "interaction", "service_case", "work_item")


class MergeError(ValueError):
    """A merge or undo that cannot be done; ``code`` is stable, the message English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class MergeResult:
    merge_id: int | None  # None for a dry run
    survivor_id: int
    merged_id: int
    choices: tuple[FieldChoice, ...]
    moved: dict[str, int]  # table -> rows moved to the survivor
    removed: dict[str, int]  # table -> duplicate rows removed (kept in the journal)
    changes: Changes


@dataclass(frozen=True)
class UndoResult:
    merge_id: int
    survivor_id: int
    merged_id: int
    restored: int
    kept: int  # values changed after the merge by someone else, left as they are
    moved: int  # links made after the merge that the steward moved to the merged customer
    changes: Changes


@dataclass(frozen=True)
class MergeSummary:
    id: int
    survivor_id: int
    merged_id: int
    actor: str
    merged_at: dt.datetime
    undone_at: dt.datetime | None
    undone_by: str

    def as_dict(self) -> dict[str, object]:
        return {
            "merge_id": self.id,
            "survivor_id": self.survivor_id,
            "merged_id": self.merged_id,
            "actor": self.actor,
            "merged_at": self.merged_at.isoformat(),
            "undone_at": self.undone_at.isoformat() if self.undone_at else None,
            "undone_by": self.undone_by or None,
        }


class CustomerMerges:
    def __init__(self, db: Database) -> None:
        self._db = db

    def merge(
        self,
        survivor_id: int,
        merged_id: int,
        actor: str,
        rules: SurvivorshipRules = DEFAULT_RULES,
        *,
        dry_run: bool = False,
        today: dt.date | None = None,
    ) -> MergeResult:
        """Merge ``merged_id`` into ``survivor_id``; a dry run does it all and rolls it back."""
        today = today or dt.date.today()
        with self._db.session() as s:
            tx = s.begin()
            try:
                result = _merge(s, survivor_id, merged_id, actor, rules, today, record=not dry_run)
            except BaseException:
                tx.rollback()
                raise
            if dry_run:
                tx.rollback()
            else:
                tx.commit()
        return result

    def undo_merge(
        self,
        merge_id: int,
        actor: str,
        move: Sequence[int] = (),
        *,
        move_cases: Sequence[int] = (),
        today: dt.date | None = None,
    ) -> UndoResult:
        """Undo merge ``merge_id``. ``move``: ids of interactions logged on the survivor after the
        merge that belong to the merged customer (``move_cases`` the same for service cases)."""
        today = today or dt.date.today()
        with self._db.session() as s, s.begin():
            return _undo(s, merge_id, actor, list(move), list(move_cases), today)

    def merges(self, limit: int = 1000) -> list[MergeSummary]:
        with self._db.session() as s:
            rows = s.scalars(select(CustomerMerge).order_by(CustomerMerge.id.desc()).limit(limit))
            return [
                MergeSummary(r.id, r.survivor_id, r.merged_id, r.actor, r.merged_at, r.undone_at, r.undone_by)
                for r in rows
            ]

    def choices(self, merge_id: int) -> tuple[FieldChoice, ...]:
        with self._db.session() as s:
            rec = s.get(CustomerMerge, merge_id)
            if rec is None:
                raise MergeError("merge_not_found", f"there is no merge {merge_id}")
            return tuple(FieldChoice(**c) for c in json.loads(rec.choices))


def merge_in(
    session: Session,
    survivor_id: int,
    merged_id: int,
    actor: str,
    rules: SurvivorshipRules = DEFAULT_RULES,
    today: dt.date | None = None,
) -> MergeResult:
    """The merge inside a transaction the caller holds (the steward's queue records its decision in
    the same one); :class:`MergeError` when it is refused, and the caller rolls back."""
    return _merge(session, survivor_id, merged_id, actor, rules, today or dt.date.today(), record=True)


# -- merge -------------------------------------------------------------------------------------------


def _active_merge_of(s: Session, merged_id: int) -> int | None:
    return s.scalar(
        select(CustomerMerge.id)
        .where(CustomerMerge.merged_id == merged_id, CustomerMerge.undone_at.is_(None))
        .order_by(CustomerMerge.id.desc())
    )


def _pair(s: Session, survivor_id: int, merged_id: int) -> tuple[Customer, Customer]:
    if survivor_id == merged_id:
        raise MergeError("same_customer", f"customer {survivor_id} cannot be merged into itself")
    found = {
        c.id: c
        for c in s.scalars(
            select(Customer).where(Customer.id.in_((survivor_id, merged_id))).order_by(Customer.id).with_for_update()
        )
    }
    for cid in (survivor_id, merged_id):
        if cid not in found:
            raise MergeError("not_found", f"there is no customer {cid}")
        if found[cid].merged_into is not None:
            raise MergeError(
                "tombstone",
                f"customer {cid} was merged into customer {found[cid].merged_into} "
                f"(merge {_active_merge_of(s, cid)}); merge that customer instead",
            )
    survivor, merged = found[survivor_id], found[merged_id]
    if survivor.kind is not merged.kind:
        raise MergeError("kind_differs", f"customer {survivor_id} is a {survivor.kind.value}, {merged_id} is not")
    own, other = hetus(s, survivor_id), hetus(s, merged_id)
    if own and other and set(own) != set(other):
        raise MergeError(
            "different_hetu",
            f"customers {survivor_id} and {merged_id} have different identity codes: they are two people "
            "(if one code is wrong, correct it first)",
        )
    return survivor, merged


def _ids(s: Session, model: type, **where: int) -> list[dict[str, object]]:
    t = jr.table(model.__tablename__)  # type: ignore[attr-defined]
    stmt = select(t.c.id)
    for column, value in where.items():
        stmt = stmt.where(t.c[column] == value)
    return [{"id": i} for i in s.scalars(stmt.order_by(t.c.id))]


def _merge(
    s: Session,
    survivor_id: int,
    merged_id: int,
    actor: str,
    rules: SurvivorshipRules,
    today: dt.date,
    *,
    record: bool,
) -> MergeResult:
    survivor, merged = _pair(s, survivor_id, merged_id)
    choices = choose(s, survivor, merged, rules, today)
    j = jr.Journal(s)
    moved: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    by_field = {c.field: c for c in choices}

    values: dict[str, object] = {}
    if by_field["name"].winner == MERGED:
        values.update(first_names=merged.first_names, last_name=merged.last_name)
    if by_field["birth_date"].winner == MERGED:
        values["birth_date"] = merged.birth_date
    if by_field["language"].winner == MERGED:
        values["preferred_language"] = merged.preferred_language
    if values:
        j.set_rows("customer", [{"id": survivor_id}], values)

    # The address that lost stops being current (yesterday), so the winner is the survivor's current one.
    loser = survivor_id if by_field["address"].winner == MERGED else merged_id
    old = current_address(list(s.scalars(select(Address).where(Address.customer_id == loser))), today)
    if old is not None and by_field["address"].reason_code != "only_one":
        j.set_rows("address", [{"id": old.id}], {"valid_to": today - dt.timedelta(days=1)})

    for name in FOLLOWING:
        t = jr.table(name)
        keys = [{"id": i} for i in s.scalars(select(t.c.id).where(t.c.customer_id == merged_id).order_by(t.c.id))]
        moved[name] += j.set_rows(name, keys, {"customer_id": survivor_id})

    links.contact_points(s, j, survivor_id, merged_id, moved, removed)
    links.relationships(s, j, survivor_id, merged_id, moved, removed)
    links.lineage(s, j, survivor_id, merged_id, moved, removed)
    j.set_rows("customer", [{"id": merged_id}], {"merged_into": survivor_id})

    s.expire_all()
    text_index.delete_documents(s, [merged_id])
    reindex(s, [survivor_id], today)
    merge_id = None
    if record:
        rec = CustomerMerge(
            survivor_id=survivor_id,
            merged_id=merged_id,
            actor=actor,
            merged_at=utcnow(),
            choices=json.dumps([c.as_dict() for c in choices], ensure_ascii=False),
            journal=json.dumps(j.entries, ensure_ascii=False),
            undone_by="",
        )
        s.add(rec)
        s.flush()
        merge_id = rec.id
        detail = json.dumps(
            {"merge_id": merge_id, "survivor_id": survivor_id, "merged_id": merged_id, "moved": dict(moved)}
        )
        for subject in (survivor_id, merged_id):
            audit.record(s, actor=actor, action=MERGE_ACTION, subject_customer_id=subject, detail=detail)
    both = (survivor_id, merged_id)
    return MergeResult(
        merge_id,
        survivor_id,
        merged_id,
        tuple(choices),
        dict(moved),
        dict(removed),
        Changes.of(customers=both, timelines=both, cases=both),
    )


# -- undo --------------------------------------------------------------------------------------------


def _undo(s: Session, merge_id: int, actor: str, move: list[int], move_cases: list[int], today: dt.date) -> UndoResult:
    rec = s.scalars(select(CustomerMerge).where(CustomerMerge.id == merge_id).with_for_update()).first()
    if rec is None:
        raise MergeError("merge_not_found", f"there is no merge {merge_id}")
    if rec.undone_at is not None:
        raise MergeError(
            "already_undone",
            f"merge {merge_id} was already undone on {rec.undone_at.date().isoformat()} by {rec.undone_by}",
        )
    survivor = s.get(Customer, rec.survivor_id, with_for_update=True)
    if survivor is not None and survivor.merged_into is not None:
        later = _active_merge_of(s, rec.survivor_id)
        raise MergeError(
            "survivor_merged_again",
            f"customer {rec.survivor_id} was merged again, into customer {survivor.merged_into} "
            f"by merge {later}: undo merge {later} first",
        )
    later = s.scalar(
        select(CustomerMerge.id)
        .where(
            CustomerMerge.survivor_id == rec.survivor_id,
            CustomerMerge.id > rec.id,
            CustomerMerge.undone_at.is_(None),
        )
        .order_by(CustomerMerge.id.desc())
    )
    if later is not None:  # its journal starts from what this merge left: undo it first
        raise MergeError(
            "later_merge_on_survivor",
            f"customer {rec.survivor_id} took in another customer later, by merge {later}: undo merge {later} first",
        )
    entries = json.loads(rec.journal)
    journalled = {(e["t"], e["key"].get("id")) for e in entries if e["op"] == "set" and "customer_id" in e["after"]}
    new_links = [("interaction", move, "started_at"), ("service_case", move_cases, "created_at")]
    for name, ids, since in new_links:
        t = jr.table(name)
        for i in ids:
            ok = s.scalar(
                select(t.c.id).where(t.c.id == i, t.c.customer_id == rec.survivor_id, t.c[since] >= rec.merged_at)
            )
            if ok is None or (name, i) in journalled:
                raise MergeError(
                    "not_a_new_link",
                    f"{name.replace('_', ' ')} {i} was not made on customer {rec.survivor_id} after merge {merge_id}",
                )
    counts = jr.undo(s, entries)
    moved = 0
    for name, ids, _since in new_links:
        if ids:
            t = jr.table(name)
            s.execute(update(t).where(t.c.id.in_(ids)).values(customer_id=rec.merged_id, version=t.c.version + 1))
            moved += len(ids)
    rec.undone_at = utcnow()
    rec.undone_by = actor
    s.flush()
    s.expire_all()
    reindex(s, [rec.survivor_id, rec.merged_id], today)
    detail = json.dumps(
        {"merge_id": merge_id, "survivor_id": rec.survivor_id, "merged_id": rec.merged_id, "moved_new_links": moved}
    )
    for subject in (rec.survivor_id, rec.merged_id):
        audit.record(s, actor=actor, action=UNMERGE_ACTION, subject_customer_id=subject, detail=detail)
    both = (rec.survivor_id, rec.merged_id)
    return UndoResult(
        merge_id,
        rec.survivor_id,
        rec.merged_id,
        counts.restored,
        counts.kept,
        moved,
        Changes.of(customers=both, timelines=both, cases=both),
    )

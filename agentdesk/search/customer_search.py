"""The customer search service behind the one search box.

Exact kinds (identity code, business id, phone, e-mail, another register's id) are index lookups.
Everything else is a name/address search over the text index in tiers, each bounded by ``LIMIT``;
which tiers run depends on which words the index knows (one vocabulary look-up):

2. every word matches a field exactly ("anna virtanen tampere"; a street and house number
   become one compound word, "hameenkatu12", so an address touches one building)
3. as 2, the last word as a prefix while it is not a complete known word ("virtanen an")
4. unknown words widened to vocabulary words one edit away ("virtamen anna 1985")
5. when nothing matched at all, every word widened

Single letters (initials, a staircase "B") only rank: a query of nothing but initials ("a b")
matches nothing rather than every person. Each word is folded to ``[a-z0-9]`` before it becomes
FTS5 or tsquery text, so nothing typed can be query syntax, and a query over the limits of
:mod:`agentdesk.search.query_kinds` (length, words, word length) is not run at all: the page
carries the problem instead.

A page never needs more than ``offset + limit + 1`` ids, so no query counts or loads an unbounded
result set; the page says "50+" when there is more. The first candidates are ranked by how each
word matched (exact name > exact elsewhere > prefix > typo), then by name.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Date, Exists, Integer, ScalarSelect, Select, and_, exists, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased
from sqlalchemy.sql import bindparam, text

from agentdesk import municipalities
from agentdesk.need_to_know import Viewer
from agentdesk.restricted_customers import closed_to
from agentdesk.search import address_protection, text_index
from agentdesk.search.address_protection import shielded_address_clause
from agentdesk.search.query_kinds import (
    MAX_LIMIT,
    MAX_OFFSET,
    MAX_WORD_CHARS,
    MAX_WORDS,
    ClassifiedQuery,
    QueryKind,
    classify,
    text_limit_problem,
)
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    Alert,
    AlertKind,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    IdentifierScheme,
)

PREFIX_MIN = 2  # shortest word searched as a prefix
# The first RANKED_POOL candidates (in tier and index order) are ranked by score; any beyond
# follow in tier and index order. The pool does not depend on the page asked for, so page 2
# continues page 1 exactly.
RANKED_POOL = 100
PREFIX_TERMS = 16  # PostgreSQL: how many vocabulary words a typed prefix stands for


@dataclass(frozen=True, slots=True)
class CustomerHit:
    customer_id: int
    kind: CustomerKind
    first_names: str
    last_name: str
    birth_date: dt.date | None
    street: str | None  # None when protected or unknown
    postal_code: str | None
    municipality: str | None
    address_protected: bool
    matched: QueryKind
    score: float
    # A restricted customer this viewer may not open: no name, no address, only that it exists.
    restricted: bool = False

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_names}" if self.first_names else self.last_name


@dataclass(frozen=True, slots=True)
class SearchPage:
    query: ClassifiedQuery
    hits: tuple[CustomerHit, ...]
    offset: int
    limit: int
    has_more: bool

    @property
    def count_label(self) -> str:
        """'0', '7', or '50+' — never a count of millions."""
        shown = self.offset + len(self.hits)
        return f"{shown}+" if self.has_more else str(shown)

    @property
    def problem(self) -> str | None:
        return self.query.problem.message if self.query.problem else None


# --------------------------------------------------------------------------------------------
# Protected addresses: one rule, used by search and by every view of a customer.

# A customer's id, or the column that holds it (correlated into a larger statement).
_CustomerId = int | ColumnElement[int] | QueryableAttribute[int]
# The day to judge validity on: a date, or a bound parameter that carries one.
_Today = dt.date | ColumnElement[dt.date]


def protected_address_clause(customer_id_column: _CustomerId, today: _Today) -> Exists:
    return exists().where(
        Alert.customer_id == customer_id_column,
        Alert.kind == AlertKind.PROTECTED_ADDRESS,
        or_(Alert.valid_from.is_(None), Alert.valid_from <= today),
        or_(Alert.valid_to.is_(None), Alert.valid_to >= today),
    )


def current_address_id(customer_id_column: _CustomerId, today: _Today) -> ScalarSelect[int]:
    """The customer's current address: valid today, the latest begun first."""
    a = aliased(Address)
    return (
        select(a.id)
        .where(a.customer_id == customer_id_column, or_(a.valid_to.is_(None), a.valid_to >= today))
        .order_by(a.valid_from.desc().nulls_last(), a.id.desc())
        .limit(1)
        .correlate_except(a)
        .scalar_subquery()
    )


# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    prefix: bool = False
    alternatives: tuple[str, ...] = ()  # typo candidates

    @property
    def numeric(self) -> bool:
        return self.text.isdigit()


class CustomerSearch:
    """Stateless service; every call opens its own short read session."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        today: dt.date | None = None,
        viewer: Viewer | None = None,
    ) -> SearchPage:
        """One page of hits; a restricted customer ``viewer`` may not open is a hit without name or address."""
        if limit < 1:
            raise ValueError("limit must be positive")
        limit = min(limit, MAX_LIMIT)
        offset = max(0, min(offset, MAX_OFFSET))
        today = today or dt.date.today()
        classified = classify(query, today=today)
        want = offset + limit + 1
        with self._db.session() as session:
            if classified.kind is QueryKind.EMPTY or classified.problem is not None:
                ranked: list[tuple[int, float]] = []  # an invalid value or an oversized query: not searched
            elif classified.kind is QueryKind.TEXT:
                ranked = self._text_search(session, classified.text, want, today)
            else:
                ids = self._exact_lookup(session, classified, want)
                if not ids and classified.kind is QueryKind.REGISTER_ID and not text_limit_problem(classified.text):
                    ranked = self._text_search(session, classified.text, want, today)
                    classified = ClassifiedQuery(QueryKind.TEXT, classified.text, classified.text)
                else:
                    ranked = [(i, 10.0) for i in ids]
            page = ranked[offset : offset + limit]
            closed = closed_to(session, viewer, [cid for cid, _ in page]) if viewer is not None else set()
            open_hits = self._hits(session, [p for p in page if p[0] not in closed], classified.kind, today)
        found = {h.customer_id: h for h in open_hits}
        hits = [
            _restricted_hit(cid, classified.kind, score) if cid in closed else found.get(cid) for cid, score in page
        ]
        shown = tuple(h for h in hits if h is not None)
        return SearchPage(classified, shown, offset, limit, has_more=len(ranked) > offset + limit)

    # -- exact kinds --------------------------------------------------------------------------

    def _exact_lookup(self, session: Session, q: ClassifiedQuery, want: int) -> list[int]:
        seen: dict[int, None] = {}
        for (cid,) in session.execute(_exact_statement(q.kind), {"value": q.value, "n": want}):
            seen.setdefault(cid)
        return list(seen)

    # -- names and addresses ----------------------------------------------------------------

    def _text_search(self, session: Session, query: str, want: int, today: dt.date) -> list[tuple[int, float]]:
        want = max(want, RANKED_POOL)
        # classify() refuses larger queries; the bounds here keep this method safe on its own.
        words = [w for w in text_index.words(query)[:MAX_WORDS] if len(w) <= MAX_WORD_CHARS]
        if not words:
            return []
        dialect = session.get_bind().dialect.name
        found: dict[int, int] = {}  # id -> tier it was found in

        def run(tier: int, plan: list[_Word]) -> None:
            if len(found) >= want:
                return
            if dialect == "postgresql":
                plan = [_expand_prefix(session, w) for w in plan]
            sql, params = _compile(dialect, plan)
            for (cid,) in session.execute(text(sql), {**params, "n": want}):
                if cid not in found:
                    found[cid] = tier
                    if len(found) >= want:
                        break

        # Which words the index knows decides which tiers can match at all (one cheap query).
        # Single letters (a staircase "B") are left to ranking: they would only slow the match.
        alpha = {w for w in words if w.isalpha() and len(w) >= 3}
        pairs = {
            i: words[i] + words[i + 1] for i in range(len(words) - 1) if words[i] in alpha and words[i + 1].isdigit()
        }
        # A municipality's other name counts as the word itself: "esbo" finds what "espoo" finds.
        places = {w: municipalities.search_alternatives(w) for w in alpha}
        known = self._known_terms(session, alpha | set(pairs.values()) | {a for alts in places.values() for a in alts})
        unknown = {w for w in alpha - known if not known.intersection(places[w])}
        plan_words: list[str] = []
        skip = set()
        for i, w in enumerate(words):
            if i in skip or (len(w) == 1 and w.isalpha() and len(words) > 1):
                continue
            if i in pairs and pairs[i] in known:  # street and number: one rare compound word
                plan_words.append(pairs[i])
                skip.add(i + 1)
            else:
                plan_words.append(w)
        if not plan_words:  # only initials ("a b", "h i i i g i"): nothing to match on
            return []
        exact = [_Word(w, False, places.get(w, ())) for w in plan_words]
        if not unknown:
            run(2, exact)
        last = plan_words[-1]
        prefixable = len(last) >= PREFIX_MIN and last.isalpha()
        prefixed = [*exact[:-1], _Word(last, True, places.get(last, ()))] if prefixable else exact
        # A complete, known last word that already matched needs no prefix widening.
        if prefixable and (last in unknown or len(last) < 3 or not found) and not (unknown - {last}):
            run(3, prefixed)
        # Typo tiers: unknown words widened to vocabulary words one edit away; every word
        # widened only when nothing matched at all.
        typo_words = unknown - {last} if prefixable else unknown
        widened = prefixed
        if len(found) < want and typo_words:
            candidates = text_index.typo_candidates_many(session, sorted(typo_words))
            widened = [_Word(w.text, w.prefix, w.alternatives + tuple(candidates.get(w.text, ()))) for w in prefixed]
            if widened != prefixed:
                run(4, widened)
        if not found:
            rest = [w.text for w in widened if not w.alternatives and w.text.isalpha()]
            more = text_index.typo_candidates_many(session, rest) if rest else {}
            all_widened = [_Word(w.text, w.prefix, w.alternatives or tuple(more.get(w.text, ()))) for w in widened]
            if all_widened != widened and any(w.alternatives for w in all_widened):
                run(5, all_widened)
        if not found:
            return []
        address_protection.drop_found_by_address(
            session, found, words, today, lambda ids: _documents(session, dialect, ids)
        )
        ordered = list(found.items())
        pool, tail = ordered[:RANKED_POOL], ordered[RANKED_POOL:]
        docs = _documents(session, dialect, [cid for cid, _ in pool])
        scorer = _Scorer(words)
        scored = []
        for cid, tier in pool:
            doc = docs.get(cid)
            scored.append((cid, tier, scorer.score(doc) if doc else 0.0, doc.names if doc else ""))
        scored.sort(key=lambda r: (r[1], -r[2], _name_key(r[3]), r[0]))
        return [(cid, score) for cid, _tier, score, _n in scored] + [(cid, 0.0) for cid, _ in tail]

    @staticmethod
    def _known_terms(session: Session, terms: set[str]) -> set[str]:
        """Which of these words some indexed document contains."""
        if not terms:
            return set()
        stmt = text("SELECT term FROM search_term WHERE term IN :t AND df > 0").bindparams(
            bindparam("t", expanding=True)
        )
        return {r[0] for r in session.execute(stmt, {"t": sorted(terms)})}

    # -- results ------------------------------------------------------------------------------

    def _hits(
        self, session: Session, ranked: Sequence[tuple[int, float]], matched: QueryKind, today: dt.date
    ) -> list[CustomerHit]:
        if not ranked:
            return []
        ids = [cid for cid, _ in ranked]
        rows = {r.id: r for r in session.execute(_hits_statement(), {"ids": ids, "today": today})}
        hits = []
        for cid, score in ranked:
            r = rows.get(cid)
            if r is None:
                continue
            hidden = bool(r.protected)
            hits.append(
                CustomerHit(
                    customer_id=cid,
                    kind=r.kind,
                    first_names=r.first_names,
                    last_name=r.last_name,
                    birth_date=r.birth_date,
                    street=None if hidden else r.street,
                    postal_code=None if hidden else r.postal_code,
                    municipality=None if hidden else r.municipality,
                    address_protected=hidden,
                    matched=matched,
                    score=score,
                )
            )
        return hits


def _restricted_hit(customer_id: int, matched: QueryKind, score: float) -> CustomerHit:
    return CustomerHit(customer_id, CustomerKind.PERSON, "", "", None, None, None, None, True, matched, score, True)


# Statements are built once: constructing SQLAlchemy expressions costs more than running
# these index lookups, so per-query values travel as bound parameters.


@functools.cache
def _exact_statement(kind: QueryKind) -> Select[int]:
    n = bindparam("n", type_=Integer)
    if kind in (QueryKind.HETU, QueryKind.YTUNNUS, QueryKind.REGISTER_ID):
        stmt = select(CustomerIdentifier.customer_id).where(CustomerIdentifier.value == bindparam("value"))
        if kind is QueryKind.HETU:
            stmt = stmt.where(CustomerIdentifier.scheme == IdentifierScheme.HETU)
        elif kind is QueryKind.YTUNNUS:
            stmt = stmt.where(CustomerIdentifier.scheme == IdentifierScheme.YTUNNUS)
        return stmt.limit(n)
    contact = ContactKind.PHONE if kind is QueryKind.PHONE else ContactKind.EMAIL
    return (
        select(ContactPoint.customer_id)
        .where(ContactPoint.kind == contact, ContactPoint.value == bindparam("value"))
        .limit(n)
    )


# (id, kind, first names, last name, birth date, street, postal code, municipality, protected);
# the address columns are None for a customer without a current address (outer join).
_HitRow = Select[int, CustomerKind, str, str, dt.date | None, str | None, str | None, str | None, bool]


@functools.cache
def _hits_statement() -> _HitRow:
    today = bindparam("today", type_=Date)
    # Own protection or a relative's (agentdesk.search.address_protection): no address in the result.
    protected = shielded_address_clause(Customer.id, today).label("protected")
    return (
        select(
            Customer.id,
            Customer.kind,
            Customer.first_names,
            Customer.last_name,
            Customer.birth_date,
            Address.street,
            Address.postal_code,
            Address.municipality,
            protected,
        )
        .outerjoin(Address, and_(Address.id == current_address_id(Customer.id, today)))
        .where(Customer.id.in_(bindparam("ids", expanding=True)))
    )


def _name_key(folded_names: str) -> tuple[str, str]:
    parts = folded_names.rsplit(" ", 1)
    return (parts[-1], parts[0]) if len(parts) == 2 else (folded_names, "")


# --------------------------------------------------------------------------------------------
# Backend query text. Words are already folded to [a-z0-9], so they need no escaping.

_SAFE_WORD = re.compile(r"[a-z0-9]+")


def _expand_prefix(session: Session, w: _Word) -> _Word:
    """PostgreSQL: a prefix becomes its most frequent vocabulary words. GIN's own prefix match
    merges every word that starts so (typos from other registers included) and was the slowest
    part of search-as-you-type at national scale; rarer completions wait for one more letter."""
    if not w.prefix or len(w.text) < 3:
        return w
    terms = text_index.prefix_terms(session, w.text, PREFIX_TERMS)
    if len(terms) < PREFIX_TERMS:
        return w  # few completions: GIN's prefix match is as cheap and complete
    return _Word(terms[0], False, tuple(terms[1:]) + w.alternatives)


def _compile(dialect: str, plan: Sequence[_Word]) -> tuple[str, dict[str, str]]:
    """The FTS5 MATCH or tsquery text of a plan. Every word (and alternative) is a non-empty
    ``[a-z0-9]`` string from :func:`text_index.fold` or the vocabulary, quoted for FTS5, so the
    text is valid syntax whatever was typed; an empty plan is a caller's bug."""
    if not plan or not all(_SAFE_WORD.fullmatch(t) for w in plan for t in (w.text, *w.alternatives)):
        raise ValueError("a search plan needs words folded to [a-z0-9]")
    if dialect == "sqlite":
        parts = []
        for w in plan:
            options = [f'"{w.text}"' + (" *" if w.prefix else "")] + [f'"{a}"' for a in w.alternatives]
            parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
        return "SELECT rowid FROM customer_search WHERE customer_search MATCH :q LIMIT :n", {"q": " AND ".join(parts)}
    parts = []
    for w in plan:
        options = [f"{w.text}:*" if w.prefix else w.text, *w.alternatives]
        parts.append(options[0] if len(options) == 1 else "(" + " | ".join(options) + ")")
    return (
        "SELECT customer_id FROM customer_search WHERE doc @@ to_tsquery('simple', :q) LIMIT :n",
        {"q": " & ".join(parts)},
    )


def _documents(session: Session, dialect: str, ids: list[int]) -> dict[int, text_index.SearchDocument]:
    key = "rowid" if dialect == "sqlite" else "customer_id"
    stmt = text(f"SELECT {key}, names, place, street, born FROM customer_search WHERE {key} IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {r[0]: text_index.SearchDocument(*r) for r in session.execute(stmt, {"ids": ids})}


_FIELD_WEIGHT = {"names": 3.0, "place": 2.0, "street": 2.0, "born": 2.0}


class _Scorer:
    """How well a document matches the query words: exact name > exact elsewhere > prefix > typo.

    Each word of the document answers at most one query word, exact matches first, so
    "mattia mattias" does not count Mattias twice; the first given name and the last name weigh
    a little more than middle names."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)

    def score(self, doc: text_index.SearchDocument) -> float:
        names = doc.names.split()
        tokens: list[tuple[str, float]] = []
        for i, t in enumerate(names):
            bonus = 0.5 if i == len(names) - 1 else (0.2 if i == 0 else 0.0)
            tokens.append((t, _FIELD_WEIGHT["names"] + bonus))
        for field in ("place", "street", "born"):
            tokens.extend((t, _FIELD_WEIGHT[field]) for t in getattr(doc, field).split())
        where: dict[str, list[int]] = {}
        for j, (t, _weight) in enumerate(tokens):
            where.setdefault(t, []).append(j)
        used: set[int] = set()
        total = 0.0
        inexact = []
        for i, w in enumerate(self.words):
            free = [j for j in where.get(w, ()) if j not in used]
            if free:
                j = max(free, key=lambda k: tokens[k][1])
                used.add(j)
                total += tokens[j][1]
            else:
                inexact.append(i)
        for i in inexact:
            w = self.words[i]
            is_last = i == len(self.words) - 1
            best = None
            for j, (t, weight) in enumerate(tokens):
                if j in used:
                    continue
                if is_last and t.startswith(w):
                    s = weight * 0.5
                elif len(w) >= 4 and text_index.within_one_edit(t, w):
                    s = weight * 0.4
                else:
                    continue
                if best is None or s > best[0]:
                    best = (s, j)
            if best:
                used.add(best[1])
                total += best[0]
        return total

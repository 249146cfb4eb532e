"""The customer name/address index: folding, documents, vocabulary and backend-specific queries.

One search document per customer, in four fields:

- ``names``  first names and last name (organisation: its name)
- ``place``  municipality and postal code of the current address
- ``street`` street address words and numbers
- ``born``   birth year

A person with a protected address (turvakielto) is indexed without ``place`` and ``street``:
otherwise a search for an address would tell where that person lives.

All text is folded before it is stored or searched (:func:`fold`), so ``MÄKINEN``, ``mäkinen``
and ``Makinen`` are the same word on SQLite (FTS5) and PostgreSQL (tsvector) alike.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import BindParameter

# SQLAlchemy is imported by the functions that query: the query classifier (agentdesk.search.query_kinds)
# uses fold() and words() on the desk's start path, before SQLAlchemy is needed.

FIELDS = ("names", "place", "street", "born")
# PostgreSQL tsvector weights of the fields, in FIELDS order.
PG_WEIGHTS = {"names": "A", "place": "B", "street": "C", "born": "D"}

# Typo widening (SymSpell deletion variants) is for words of TYPO_MIN..TYPO_MAX letters: a word has
# as many variants as letters, each nearly as long, so the work grows with the square of its length.
# No name, street or place word is longer, and the vocabulary keeps no longer word.
TYPO_MIN = 4
TYPO_MAX = 40

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th"})


def fold(value: str) -> str:
    """Lower-case, strip diacritics (ä→a, ö→o, å→a, é→e), turn punctuation into spaces."""
    lowered = value.lower().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", lowered)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", ascii_only).strip()


def words(value: str) -> list[str]:
    folded = fold(value)
    return folded.split() if folded else []


@dataclass(frozen=True, slots=True)
class SearchDocument:
    customer_id: int
    names: str
    place: str
    street: str
    born: str

    def as_row(self) -> tuple[int, str, str, str, str]:
        return (self.customer_id, self.names, self.place, self.street, self.born)

    def vocabulary(self) -> set[str]:
        """The document's words the vocabulary counts (see :func:`vocabulary_words`)."""
        return vocabulary_words(f"{self.names} {self.place} {self.street}")


_COMPOUND = re.compile(r"^[a-z]{3,}[0-9]+$")


def vocabulary_words(folded: str) -> set[str]:
    """Words the vocabulary counts: letters only (three or more; these get typo variants) and
    street-and-number compounds such as ``hameenkatu12``, up to :data:`TYPO_MAX` characters (a
    search word is never longer, and the vocabulary's term column is bounded)."""
    return {w for w in folded.split() if len(w) <= TYPO_MAX and ((len(w) >= 3 and w.isalpha()) or _COMPOUND.match(w))}


def street_field(folded_street: str) -> str:
    """The street words plus one compound word per street name and house number.

    ``hameenkatu 12 b 5`` is indexed as ``hameenkatu 12 b 5 hameenkatu12``: a street shared by
    tens of thousands of people and a house number shared by millions make one rare word, so an
    address search touches one building's residents instead of intersecting two huge lists."""
    words = folded_street.split()
    compounds = [a + b for a, b in itertools.pairwise(words) if len(a) >= 3 and a.isalpha() and b.isdigit()]
    return " ".join(words + compounds)


def build_document(
    customer_id: int,
    first_names: str,
    last_name: str,
    birth_year: int | None,
    street: str | None,
    postal_code: str | None,
    municipality: str | None,
    address_protected: bool,
) -> SearchDocument:
    names = fold(f"{first_names} {last_name}")
    if address_protected:
        place = street_text = ""
    else:
        place = fold(f"{municipality or ''} {postal_code or ''}")
        street_text = street_field(fold(street or ""))
    return SearchDocument(customer_id, names, place, street_text, str(birth_year) if birth_year else "")


def typo_eligible(word: str) -> bool:
    """Whether ``word`` gets typo variants (in the vocabulary) and typo candidates (in a query)."""
    return TYPO_MIN <= len(word) <= TYPO_MAX and word.isalpha()


def deletion_variants(term: str) -> set[str]:
    """The term and every string made by deleting one letter from it (SymSpell, distance 1).

    Only for words up to :data:`TYPO_MAX` letters (see :func:`typo_eligible`)."""
    if len(term) > TYPO_MAX:
        raise ValueError(f"deletion variants are made for words of at most {TYPO_MAX} letters")
    variants = {term}
    for i in range(len(term)):
        variants.add(term[:i] + term[i + 1 :])
    return variants


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance ≤ 1 (one substitution, insertion, deletion or adjacent swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one longer: deleting one letter of b must give a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# ---------------------------------------------------------------------------------------------
# Writing the index


def write_documents(session: Session, docs: Sequence[SearchDocument]) -> None:
    """Insert or replace documents and count their words into the typo vocabulary."""
    from sqlalchemy import text

    if not docs:
        return
    dialect = session.get_bind().dialect.name
    ids = [d.customer_id for d in docs]
    old = _existing_vocabulary(session, ids)
    if dialect == "sqlite":
        session.execute(
            text("DELETE FROM customer_search WHERE rowid IN (SELECT value FROM json_each(:ids))"),
            {"ids": _json_ids(ids)},
        )
        session.execute(
            text("INSERT INTO customer_search(rowid, names, place, street, born) VALUES (:id, :n, :p, :s, :b)"),
            [{"id": d.customer_id, "n": d.names, "p": d.place, "s": d.street, "b": d.born} for d in docs],
        )
    else:
        session.execute(
            text(
                "INSERT INTO customer_search(customer_id, names, place, street, born) VALUES (:id, :n, :p, :s, :b) "
                "ON CONFLICT (customer_id) DO UPDATE SET names = excluded.names, place = excluded.place, "
                "street = excluded.street, born = excluded.born"
            ),
            [{"id": d.customer_id, "n": d.names, "p": d.place, "s": d.street, "b": d.born} for d in docs],
        )
    added: dict[str, int] = {}
    for d in docs:
        for w in d.vocabulary():
            added[w] = added.get(w, 0) + 1
    for w in old:
        added[w] = added.get(w, 0) - old[w]
    update_vocabulary(session, added)


def delete_documents(session: Session, ids: Sequence[int]) -> None:
    """Remove customers' documents (a merged-away customer leaves the search) and uncount their words."""
    from sqlalchemy import text

    if not ids:
        return
    old = _existing_vocabulary(session, ids)
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            text("DELETE FROM customer_search WHERE rowid IN (SELECT value FROM json_each(:ids))"),
            {"ids": _json_ids(ids)},
        )
    else:
        session.execute(text("DELETE FROM customer_search WHERE customer_id = ANY(:ids)"), {"ids": list(ids)})
    update_vocabulary(session, {w: -n for w, n in old.items()})


def _json_ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def _existing_vocabulary(session: Session, ids: Sequence[int]) -> dict[str, int]:
    from sqlalchemy import text

    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        rows = session.execute(
            text(
                "SELECT rowid, names, place, street, born FROM customer_search "
                "WHERE rowid IN (SELECT value FROM json_each(:ids))"
            ),
            {"ids": _json_ids(ids)},
        )
    else:
        rows = session.execute(
            text("SELECT customer_id, names, place, street, born FROM customer_search WHERE customer_id = ANY(:ids)"),
            {"ids": list(ids)},
        )
    counts: dict[str, int] = {}
    for row in rows:
        for w in SearchDocument(*row).vocabulary():
            counts[w] = counts.get(w, 0) + 1
    return counts


def update_vocabulary(session: Session, delta: dict[str, int]) -> None:
    """Add document-frequency changes; new words get their deletion variants."""
    from sqlalchemy import text

    changes = {w: n for w, n in delta.items() if n}
    if not changes:
        return
    known: set[str] = set()
    terms = sorted(changes)
    for start in range(0, len(terms), 500):
        chunk = terms[start : start + 500]
        known.update(
            r[0]
            for r in session.execute(
                text("SELECT term FROM search_term WHERE term IN :terms").bindparams(_expanding("terms")),
                {"terms": chunk},
            )
        )
    new = [w for w in terms if w not in known]
    if new:
        session.execute(text("INSERT INTO search_term(term, df) VALUES (:t, 0)"), [{"t": w} for w in new])
        variants = [{"v": v, "t": w} for w in new if w.isalpha() and len(w) <= TYPO_MAX for v in deletion_variants(w)]
        if variants:
            session.execute(text("INSERT INTO search_term_variant(variant, term) VALUES (:v, :t)"), variants)
    session.execute(
        text("UPDATE search_term SET df = df + :n WHERE term = :t"),
        [{"t": w, "n": n} for w, n in changes.items()],
    )


def _expanding(name: str) -> BindParameter[Any]:
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)


def typo_candidates(session: Session, word: str, limit: int = 12) -> list[str]:
    """Vocabulary words within one edit of ``word``, most frequent first (the word itself excluded)."""
    from sqlalchemy import text

    if not typo_eligible(word):
        return []
    variants = sorted(deletion_variants(word))
    rows = session.execute(
        text(
            "SELECT t.term, t.df FROM search_term_variant v JOIN search_term t ON t.term = v.term "
            "WHERE v.variant IN :variants AND t.df > 0"
        ).bindparams(_expanding("variants")),
        {"variants": variants},
    ).all()
    found = {term: df for term, df in rows if term != word and within_one_edit(term, word)}
    return sorted(found, key=lambda t: (-found[t], t))[:limit]


def typo_candidates_many(session: Session, words: Sequence[str], limit: int = 12) -> dict[str, list[str]]:
    """typo_candidates for several words in one query."""
    from sqlalchemy import text

    eligible = [w for w in dict.fromkeys(words) if typo_eligible(w)]
    if not eligible:
        return {}
    variants = sorted(set().union(*(deletion_variants(w) for w in eligible)))
    rows = session.execute(
        text(
            "SELECT t.term, t.df FROM search_term_variant v JOIN search_term t ON t.term = v.term "
            "WHERE v.variant IN :variants AND t.df > 0"
        ).bindparams(_expanding("variants")),
        {"variants": variants},
    ).all()
    out: dict[str, list[str]] = {}
    for w in eligible:
        found = {term: df for term, df in rows if term != w and within_one_edit(term, w)}
        out[w] = sorted(found, key=lambda t: (-found[t], t))[:limit]
    return out


def prefix_terms(session: Session, prefix: str, limit: int = 16) -> list[str]:
    """The most frequent vocabulary words starting with ``prefix`` (a B-tree range on the term)."""
    from sqlalchemy import text

    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    rows = session.execute(
        text(
            "SELECT term FROM search_term WHERE term >= :lo AND term < :hi AND df > 0 ORDER BY df DESC, term LIMIT :n"
        ),
        {"lo": prefix, "hi": upper, "n": limit},
    )
    return [r[0] for r in rows]

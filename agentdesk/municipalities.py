"""Finnish municipalities as reference data: the Statistics Finland municipality code with the
Finnish and Swedish names (``agentdesk/data/municipalities.csv``, the JHS classification
``kunta_1_20230101``: 309 municipalities).

- :func:`lookup` finds a municipality by either name, as a register or a form writes it
  (``"HELSINGFORS"``, ``"Maarianhamina"``, ``"Koski"``), folded as the search index folds text.
- :func:`search_alternatives` gives the search the other-language names of a query word, so that
  ``Helsingfors``, ``Esbo`` and ``Åbo`` find what ``Helsinki``, ``Espoo`` and ``Turku`` find.
- :func:`display_name` shows a stored municipality in the citizen's language where it has two names.

Pure Python, no database and no Qt: the list is read once, on first use.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

from agentdesk.search.text_index import fold

__all__ = ["Municipality", "all_municipalities", "display_name", "lookup", "search_alternatives"]

# Short forms people write for names the classification spells long.
_ALIASES = {"maarianhamina": "478", "koski": "284", "pedersore": "599"}


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str  # three digits, "091"
    name_fi: str
    name_sv: str

    @property
    def bilingual_names(self) -> bool:
        """Whether the Swedish name differs from the Finnish one."""
        return fold(self.name_fi) != fold(self.name_sv)

    def name(self, language: str) -> str:
        """The name in ``language`` ("fi", "sv", ...): Swedish for "sv", otherwise Finnish."""
        return self.name_sv if language == "sv" else self.short_fi

    @property
    def short_fi(self) -> str:
        """The Finnish name as an address writes it ("Maarianhamina", not "Maarianhamina - Mariehamn")."""
        return self.name_fi.split(" - ")[0]


@functools.cache
def all_municipalities() -> tuple[Municipality, ...]:
    text = resources.files("agentdesk").joinpath("data/municipalities.csv").read_text(encoding="utf-8")
    return tuple(Municipality(r["code"], r["name_fi"], r["name_sv"]) for r in csv.DictReader(io.StringIO(text)))


@functools.cache
def _by_folded_name() -> dict[str, Municipality]:
    by_code = {m.code: m for m in all_municipalities()}
    index: dict[str, Municipality] = {}
    for m in all_municipalities():
        for name in (m.name_fi, m.short_fi, m.name_sv):
            index.setdefault(fold(name), m)
    for alias, code in _ALIASES.items():
        index.setdefault(alias, by_code[code])
    return index


def lookup(name: str) -> Municipality | None:
    """The municipality called ``name`` in Finnish or Swedish (case, accents and punctuation ignored),
    or by its three-digit code; None when no Finnish municipality is called so (a foreign place, a typo)."""
    folded = fold(name)
    if folded.isdigit() and len(folded) <= 3:
        return next((m for m in all_municipalities() if m.code == folded.zfill(3)), None)
    return _by_folded_name().get(folded)


@functools.cache
def _word_alternatives() -> dict[str, tuple[str, ...]]:
    """Single-word names → the municipality's other single-word names, folded."""
    out: dict[str, tuple[str, ...]] = {}
    for m in all_municipalities():
        names = {fold(n) for n in (m.short_fi, m.name_sv)}
        words = {n for n in names if n and " " not in n}
        if len(words) < 2:
            continue
        for w in words:
            out[w] = tuple(sorted(words - {w}))
    return out


def search_alternatives(folded_word: str) -> tuple[str, ...]:
    """The other names of the municipality a folded query word names (``"esbo"`` → ``("espoo",)``);
    empty for a word that is not a municipality with two one-word names."""
    return _word_alternatives().get(folded_word, ())


def display_name(stored: str, language: str) -> str:
    """A stored municipality in the citizen's language: ``"Helsinki"`` for a Swedish-speaking
    citizen is ``"Helsingfors"``, ``"Åbo"`` for a Finnish-speaking one ``"Turku"``. A name that is
    not a Finnish municipality (a foreign address) is shown as stored."""
    m = lookup(stored) if stored else None
    return m.name(language) if m else stored

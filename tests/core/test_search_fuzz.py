"""Fuzz tests of the search box: query classification, and search on SQLite (FTS5) and PostgreSQL (tsquery).

Whatever an agent types or pastes, classification names a kind and search returns a page; a query over
the limits carries a problem with a stable code and is not run. The text strategies mix what breaks
naive query building: initials, repeated and run-on names, the characters FTS5 and tsquery treat
specially, their keywords, Nordic letters (composed and decomposed), NUL and control characters, lone
surrogates and very long words. Each database test seeds a small population once; hypothesis then
runs its examples against it (the budget comes from the profile in tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.customer_register import CustomerDraft, CustomerRegister, set_alert
from agentdesk.search import query_kinds, text_index
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.search.query_kinds import QueryKind, QueryLimitError, classify
from agentdesk.storage.models import AlertKind

NAMES = [
    "Anna",
    "Maria",
    "Mäkinen",
    "Virtanen",
    "Kolehmainen",
    "Järvinen",
    "Åsa",
    "Öberg",
    "Pekka",
    "Hämeenkatu",
    "Tampere",
    "Turku",
    "Koivukuja",
    "Närhi",
    "Ääri",
    "Niemi",
    "Korhonen",
    "Salainen",
    "Piilotie",
]
SPECIAL = [
    '"',
    "*",
    ":",
    "^",
    "(",
    ")",
    "-",
    "+",
    "&",
    "|",
    "!",
    "'",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "/",
    ".",
    ",",
    "@",
    "<",
    ">",
    "~",
    "%",
    "_",
    ";",
    "=",
    "?",
    "$",
    "#",
    ":*",
    "<->",
    "<2>",
    "&&",
    "||",
    "!!",
]
KEYWORDS = ["NEAR", "AND", "OR", "NOT", "NEAR(", "near/3", "and", "or", "not"]
CONTROL = [
    "\x00",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x1b",
    "\x7f",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\ud800",
    "\udcff",
    "\U0001f600",
]


def typo(name: str, at: int, kind: int) -> str:
    at %= len(name)
    return [
        name[:at] + name[at + 1 :],
        name[:at] + "x" + name[at:],
        name[:at] + "x" + name[at + 1 :],
        name[:at] + name[at + 1 : at + 2] + name[at : at + 1] + name[at + 2 :],
    ][kind % 4]


word = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(NAMES).map(lambda n: unicodedata.normalize("NFD", n.upper())),
    st.builds(typo, st.sampled_from(NAMES), st.integers(0, 20), st.integers(0, 3)),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzäöåABCÄÖÅ"), min_size=1, max_size=1),  # initials
    st.builds(lambda n, k: n * k, st.sampled_from(NAMES), st.integers(2, 30)),  # KolehmainenKolehmainen…
    st.integers(0, 99_999).map(str),
    st.sampled_from(SPECIAL + KEYWORDS + CONTROL),
    st.text(st.characters(exclude_categories=()), min_size=1, max_size=12),
    st.text(st.sampled_from("ab"), min_size=35, max_size=45),  # around the word limit
)
separator = st.sampled_from([" ", " ", " ", "", "-", ", ", "\t", '" ', " *", ":*"])


@st.composite
def typed_query(draw):
    parts = draw(st.lists(st.tuples(word, separator), max_size=16))
    return "".join(w + s for w, s in parts)


huge = st.builds(
    lambda chunk, n: chunk * n,
    st.sampled_from(["x", "Kolehmainen", "a b ", "ä", '"*', "\x00"]),
    st.integers(100, 40_000),
)
queries = st.one_of(typed_query(), typed_query(), typed_query(), huge, st.text(st.characters(exclude_categories=())))


# -- classification (no database) -------------------------------------------------------------------

LIMIT_MESSAGE = re.compile(
    r"a search can be at most \d+ characters, this one has \d+|"
    r"a search can have at most \d+ words, this one has \d+|"
    r"a word in a search can be at most \d+ letters, one here has \d+"
)


@given(queries)
def test_classify_names_a_kind_for_anything(text):
    q = classify(text, today=dt.date(2026, 12, 2))
    assert isinstance(q.kind, QueryKind)
    assert (q.kind is QueryKind.EMPTY) == (not text.split())
    collapsed = " ".join(text.split())
    if len(collapsed) > query_kinds.MAX_QUERY_CHARS:
        assert isinstance(q.problem, QueryLimitError) and q.problem.code == "search.too_long"
    if q.kind is QueryKind.TEXT and q.problem is None:
        words = text_index.words(q.text)
        assert len(words) <= query_kinds.MAX_WORDS and all(len(w) <= query_kinds.MAX_WORD_CHARS for w in words)
    if isinstance(q.problem, QueryLimitError):
        assert q.kind is QueryKind.TEXT and str(q.problem)[0].islower()
        assert LIMIT_MESSAGE.fullmatch(q.problem.message), "the limits and counts only, never the text"
    assert all(ch in "abcdefghijklmnopqrstuvwxyz0123456789 " for ch in text_index.fold(text))


# -- search on both databases -----------------------------------------------------------------------

PEOPLE = [
    ("Anna Maria", "Mäkinen", "010594Y9032", "Hämeenkatu 12 B 5", "33100", "Tampere"),
    ("Anna", "Mäkinen", "020594X903P", "Aurakatu 3", "20100", "Turku"),
    ("Pekka", "Virtanen", "030594W903B", "Koivukuja 4", "33200", "Tampere"),
    ("Sari", "Salainen", "040594V9030", "Piilotie 9", "00100", "Helsinki"),
    ("Åsa", "Öberg", "", "Närhintie 1", "22100", "Maarianhamina"),
    ("Kalle", "Kolehmainen", "", "Ääritie 7 A", "40100", "Jyväskylä"),
    ("Kaisa", "Kolehmainen-Järvinen", "", "Niemenkatu 2", "15100", "Lahti"),
    ("A", "B", "", "", "", ""),
]


@pytest.fixture
def population(db):
    reg = CustomerRegister(db)
    made = {}
    for first, last, hetu, street, postal, town in PEOPLE:
        made[(first, last)] = reg.create(
            CustomerDraft(
                first_names=first, last_name=last, hetu=hetu, street=street, postal_code=postal, municipality=town
            ),
            actor="fuzz",
        ).id
    set_alert(db, made[("Sari", "Salainen")], AlertKind.PROTECTED_ADDRESS, actor="fuzz")
    return made


def check_page(page, text: str, everyone: set[int]) -> None:
    assert {h.customer_id for h in page.hits} <= everyone
    assert len(page.hits) <= page.limit
    if page.query.problem is not None:
        assert page.hits == () and page.problem == page.query.problem.message
    if isinstance(page.query.problem, QueryLimitError):
        assert page.query.problem.code in {"search.too_long", "search.too_many_words", "search.word_too_long"}
    for hit in page.hits:
        if hit.address_protected:
            assert hit.street is None and hit.postal_code is None and hit.municipality is None


@given(text=queries)
def test_search_returns_a_page_for_anything_typed(db, population, text):
    page = CustomerSearch(db).search(text, limit=5)
    check_page(page, text, set(population.values()))


decoration = st.sampled_from(["{}", "{} ", " {}", "{},", '"{}"', "({})", "{}*", "-{}", "{}!", "{}:*", "^{}"])


@given(
    who=st.sampled_from(PEOPLE[:-1]),
    forms=st.lists(st.sampled_from(["as is", "upper", "lower", "nfd"]), min_size=3, max_size=3),
    decorations=st.lists(decoration, min_size=3, max_size=3),
    with_place=st.booleans(),
)
def test_a_person_is_found_by_name_however_it_is_typed(db, population, who, forms, decorations, with_place):
    first, last, _hetu, _street, _postal, town = who
    words = [first.split()[0], last] + ([town] if with_place and who[0] != "Sari" else [])
    typed = []
    for w, form, deco in zip(words, forms, decorations, strict=False):  # two or three words, three forms
        w = {"as is": w, "upper": w.upper(), "lower": w.lower(), "nfd": unicodedata.normalize("NFD", w)}[form]
        typed.append(deco.format(w))
    page = CustomerSearch(db).search(" ".join(typed))
    assert page.problem is None
    assert population[(first, last)] in {h.customer_id for h in page.hits}, typed


@given(
    words=st.lists(
        st.sampled_from(["Piilotie", "piilotie 9", "9", "00100", "Helsinki", "piilo", "Piilotie9"]),
        min_size=1,
        max_size=4,
    ),
    decorations=st.lists(decoration, min_size=4, max_size=4),
)
def test_a_protected_address_cannot_be_searched_however_it_is_typed(db, population, words, decorations):
    # One to four words, four decorations: the extra decorations go unused.
    page = CustomerSearch(db).search(" ".join(d.format(w) for w, d in zip(words, decorations, strict=False)))
    assert population[("Sari", "Salainen")] not in {h.customer_id for h in page.hits}

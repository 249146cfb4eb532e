"""What the agent typed into the one search box: an identity code, a phone number, an e-mail,
a business id, another register's id, or names and address words.

A query is bounded before any of it reaches the database: at most :data:`MAX_QUERY_CHARS`
characters, and a name/address query at most :data:`MAX_WORDS` words of at most
:data:`MAX_WORD_CHARS` letters each (words as the index folds them: ``Anna-Liisa`` is two).
A larger query is not searched; it says what is too large (:class:`QueryLimitError`), and the
search box shows that under itself while keeping the text.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from agentdesk import identity
from agentdesk.search import text_index

# The longest valid e-mail address (254 characters) still fits; names and addresses never come close.
MAX_QUERY_CHARS = 256
MAX_WORDS = 12
# Longer than any Finnish name, street or municipality word ("vanhankaupunginkoskentie" is 24), and
# the longest word the typo vocabulary keeps.
MAX_WORD_CHARS = text_index.TYPO_MAX
# How far the search pages (a page at most MAX_LIMIT hits, the last from MAX_OFFSET): the desk's results
# list stops there and says "1000+".
MAX_OFFSET = 1000
MAX_LIMIT = 1000  # a page; also keeps every IN list far below PostgreSQL's 65,535 parameters


class QueryKind(str, enum.Enum):
    EMPTY = "empty"
    HETU = "hetu"
    YTUNNUS = "ytunnus"
    PHONE = "phone"
    EMAIL = "email"
    REGISTER_ID = "register_id"
    TEXT = "text"


_REGISTER_ID = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/.]{3,40}$")


class QueryLimitError(ValueError):
    """A query larger than the search takes.

    Like :class:`agentdesk.identity.IdentityError` it carries a stable ``code`` (``search.too_long``,
    ``search.too_many_words``, ``search.word_too_long``) for the desk to translate and an English
    ``message`` that quotes only the limit and the count, never the text; ``limit`` and ``count`` are
    those numbers (256 characters allowed, 300 typed).
    """

    def __init__(self, code: str, message: str, limit: int, count: int) -> None:
        super().__init__(message)
        self.code: str = code
        self.message: str = message
        self.limit: int = limit
        self.count: int = count

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"QueryLimitError(code={self.code!r})"


QueryProblem = identity.IdentityError | QueryLimitError


@dataclass(frozen=True, slots=True)
class ClassifiedQuery:
    kind: QueryKind
    text: str  # the query as typed, stripped
    value: str  # canonical value for exact kinds (E.164, lower-case e-mail, upper-case ids)
    # A recognised kind whose value is invalid, or a query over the limits (then it is not searched).
    problem: QueryProblem | None = None

    @property
    def is_exact(self) -> bool:
        return self.kind not in (QueryKind.TEXT, QueryKind.EMPTY)


def text_limit_problem(text: str) -> QueryLimitError | None:
    """Why a name/address query is too large to search, or None."""
    if len(text) > MAX_QUERY_CHARS:
        return QueryLimitError(
            "search.too_long",
            f"a search can be at most {MAX_QUERY_CHARS} characters, this one has {len(text)}",
            MAX_QUERY_CHARS,
            len(text),
        )
    words = text_index.words(text)
    if len(words) > MAX_WORDS:
        return QueryLimitError(
            "search.too_many_words",
            f"a search can have at most {MAX_WORDS} words, this one has {len(words)}",
            MAX_WORDS,
            len(words),
        )
    longest = max(map(len, words), default=0)
    if longest > MAX_WORD_CHARS:
        return QueryLimitError(
            "search.word_too_long",
            f"a word in a search can be at most {MAX_WORD_CHARS} letters, one here has {longest}",
            MAX_WORD_CHARS,
            longest,
        )
    return None


def classify(query: str, *, today: dt.date | None = None) -> ClassifiedQuery:
    """What the query is; ``today`` decides whether an identity code's birth date is in the future."""
    text = " ".join(query.split())
    if not text:
        return ClassifiedQuery(QueryKind.EMPTY, "", "")
    if len(text) > MAX_QUERY_CHARS:  # before any parsing: its size alone is the problem
        return ClassifiedQuery(QueryKind.TEXT, text, text, text_limit_problem(text))
    if identity.looks_like_hetu(text):
        try:
            return ClassifiedQuery(QueryKind.HETU, text, identity.parse_hetu(text, today=today).value)
        except identity.IdentityError as exc:
            return ClassifiedQuery(QueryKind.HETU, text, text.upper(), exc)
    if identity.looks_like_ytunnus(text):
        try:
            return ClassifiedQuery(QueryKind.YTUNNUS, text, identity.parse_ytunnus(text))
        except identity.IdentityError as exc:
            return ClassifiedQuery(QueryKind.YTUNNUS, text, text, exc)
    if identity.looks_like_email(text):
        try:
            return ClassifiedQuery(QueryKind.EMAIL, text, identity.normalise_email(text))
        except identity.IdentityError as exc:
            return ClassifiedQuery(QueryKind.EMAIL, text, text.lower(), exc)
    if identity.looks_like_phone(text):
        try:
            return ClassifiedQuery(QueryKind.PHONE, text, identity.normalise_phone(text))
        except identity.IdentityError as exc:
            return ClassifiedQuery(QueryKind.PHONE, text, text, exc)
    if " " not in text and _REGISTER_ID.match(text) and not (text.isdigit() and len(text) < 6):
        return ClassifiedQuery(QueryKind.REGISTER_ID, text, text.upper())
    return ClassifiedQuery(QueryKind.TEXT, text, text, text_limit_problem(text))

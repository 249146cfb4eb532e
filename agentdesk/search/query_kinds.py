"""What the agent typed into the one search box: an identity code, a phone number, an e-mail,
a business id, another register's id, or names and address words."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from agentdesk import identity


class QueryKind(str, enum.Enum):
    EMPTY = "empty"
    HETU = "hetu"
    YTUNNUS = "ytunnus"
    PHONE = "phone"
    EMAIL = "email"
    REGISTER_ID = "register_id"
    TEXT = "text"


_REGISTER_ID = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/.]{3,40}$")


@dataclass(frozen=True, slots=True)
class ClassifiedQuery:
    kind: QueryKind
    text: str  # the query as typed, stripped
    value: str  # canonical value for exact kinds (E.164, lower-case e-mail, upper-case ids)
    problem: identity.IdentityError | None = None  # a recognised kind whose value is invalid

    @property
    def is_exact(self) -> bool:
        return self.kind not in (QueryKind.TEXT, QueryKind.EMPTY)


def classify(query: str) -> ClassifiedQuery:
    text = " ".join(query.split())
    if not text:
        return ClassifiedQuery(QueryKind.EMPTY, "", "")
    if identity.looks_like_hetu(text):
        try:
            return ClassifiedQuery(QueryKind.HETU, text, identity.parse_hetu(text).value)
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
    return ClassifiedQuery(QueryKind.TEXT, text, text)

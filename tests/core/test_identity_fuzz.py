"""Fuzz tests of the identity parsers: whatever is typed, pasted or sent, a parser returns a canonical
value or raises IdentityError, nothing else; canonical values parse to themselves.

The budget comes from the hypothesis profile (tests/conftest.py): a quick one in the suite,
``--hypothesis-profile=long`` (about 10,000 inputs per property) for a release.
"""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from agentdesk import identity
from agentdesk.identity import IdentityError

# Any text at all: control characters, NUL, lone surrogates, combining marks, other scripts.
any_text = st.text(st.characters(exclude_categories=()), max_size=80)
# Text near each parser's shape, so that the deeper rules are reached and not only the first check.
hetu_like = st.text(st.sampled_from("0123456789-+ABCDEFYXWVUabcdefy\u2013 \x00\ud800"), min_size=9, max_size=13)
digits_like = st.text(st.sampled_from("0123456789- +()/.\u00a0\x00"), max_size=24)
email_like = st.text(st.sampled_from("aäöåz0._-+@.fi\u0308\u030a AÄ\x00\ud800'\""), max_size=40)

TODAY = datetime.date(2026, 12, 2)
CENTURIES = {
    "+": 1800,
    "-": 1900,
    "Y": 1900,
    "X": 1900,
    "W": 1900,
    "V": 1900,
    "U": 1900,
    "A": 2000,
    "B": 2000,
    "C": 2000,
    "D": 2000,
    "E": 2000,
    "F": 2000,
}
CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def parses_or_refuses(parse, text: str, *args):
    """The parser's value, or None when it refused with an IdentityError (any other exception fails)."""
    try:
        return parse(text, *args)
    except IdentityError as error:
        refusal = error
    assert refusal.code.split(".")[0] in {"hetu", "ytunnus", "phone", "email"}
    assert refusal.message and refusal.message[0].islower()
    return None


# -- henkilötunnus ----------------------------------------------------------------------------------


@given(st.one_of(any_text, hetu_like))
def test_parse_hetu_returns_a_code_or_refuses(text):
    hetu = parses_or_refuses(lambda t: identity.parse_hetu(t, today=TODAY), text)
    identity.looks_like_hetu(text)
    if hetu is not None:
        assert hetu.birth_date <= TODAY
        assert identity.parse_hetu(hetu.value, today=TODAY) == hetu
        assert identity.looks_like_hetu(hetu.value)


@st.composite
def issued_hetu(draw):
    """A code as DVV issues it, built here from the published rules (not by the module under test)."""
    sign = draw(st.sampled_from(sorted(CENTURIES)))
    century = CENTURIES[sign]
    born = draw(st.dates(datetime.date(century, 1, 1), datetime.date(century + 99, 12, 31)))
    number = draw(st.integers(2, 999))
    digits = f"{born:%d%m}{born.year % 100:02d}{number:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{CHECK[int(digits) % 31]}", born, number


@given(issued_hetu(), st.sampled_from(["", " ", "\t", "\n"]), st.booleans())
def test_every_issued_code_round_trips_and_a_future_one_is_refused_by_the_parser(made, space, lower):
    code, born, number = made
    typed = space + (code.lower() if lower else code) + space
    if born > TODAY:
        with pytest.raises(IdentityError) as refused:  # a birth date in the future is never accepted
            identity.parse_hetu(typed, today=TODAY)
        assert refused.value.code == "hetu.future_birth_date"
        assert refused.value.message == "the identity code's birth date is in the future"
        assert identity.parse_hetu(typed, today=born).value == code
        return
    hetu = identity.parse_hetu(typed, today=TODAY)
    assert (hetu.value, hetu.birth_date, hetu.is_test_range) == (code, born, number >= 900)
    assert hetu.sex == ("male" if number % 2 else "female")
    assert code not in repr(hetu)


# -- Y-tunnus ---------------------------------------------------------------------------------------


@given(st.one_of(any_text, digits_like))
def test_parse_ytunnus_returns_a_canonical_id_or_refuses(text):
    canonical = parses_or_refuses(identity.parse_ytunnus, text)
    identity.looks_like_ytunnus(text)
    if canonical is not None:
        assert identity.parse_ytunnus(canonical) == canonical
        assert identity.parse_ytunnus(canonical.replace("-", "")) == canonical
        assert identity.looks_like_ytunnus(canonical)


@given(st.integers(0, 9_999_999))
def test_every_business_id_with_a_check_digit_round_trips(body):
    seven = f"{body:07d}"
    remainder = sum(w * int(d) for w, d in zip((7, 9, 10, 5, 8, 4, 2), seven, strict=True)) % 11
    assume(remainder != 1)
    check = 0 if remainder == 0 else 11 - remainder
    assert identity.parse_ytunnus(f"{seven}-{check}") == f"{seven}-{check}"
    assert identity.parse_ytunnus(f" {seven}{check} ") == f"{seven}-{check}"


# -- phone numbers ----------------------------------------------------------------------------------


@given(
    st.one_of(any_text, digits_like, digits_like.map(lambda t: "+" + t), digits_like.map(lambda t: "0" + t)),
    st.sampled_from(["FI", "SE", "AX", "EE", "ZZ"]),
)
def test_normalise_phone_returns_e164_or_refuses(text, region):
    e164 = parses_or_refuses(identity.normalise_phone, text, region)
    identity.looks_like_phone(text)
    if e164 is not None:
        assert e164.startswith("+") and e164[1:].isdigit()
        assert identity.normalise_phone(e164) == e164
        # What the desk shows can be typed back in.
        assert identity.normalise_phone(identity.format_phone_for_display(e164)) == e164


@given(any_text)
def test_format_phone_for_display_never_raises(text):
    assert isinstance(identity.format_phone_for_display(text), str)


# -- e-mail -----------------------------------------------------------------------------------------


@given(st.one_of(any_text, email_like))
def test_normalise_email_returns_an_address_or_refuses(text):
    address = parses_or_refuses(identity.normalise_email, text)
    identity.looks_like_email(text)
    if address is not None:
        assert identity.normalise_email(address) == address
        assert address == unicodedata.normalize("NFC", address) and address == address.lower()


@given(st.one_of(any_text, email_like))
def test_an_address_is_the_same_in_every_normal_form_and_case(text):
    composed = parses_or_refuses(identity.normalise_email, unicodedata.normalize("NFC", text))
    for form in ("NFD", "NFC"):
        assert parses_or_refuses(identity.normalise_email, unicodedata.normalize(form, text)) == composed
    if all(ch.upper().lower() == ch.lower() for ch in text):  # not ß → SS, ﬁ → FI: those are other letters
        assert parses_or_refuses(identity.normalise_email, unicodedata.normalize("NFC", text).upper()) == composed

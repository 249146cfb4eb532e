"""Identity rules: henkilötunnus, Y-tunnus, phone numbers, e-mail addresses."""

from __future__ import annotations

import datetime

import pytest

from agentdesk.identity import (
    Hetu,
    IdentityError,
    format_phone_for_display,
    hetu_check_char,
    looks_like_email,
    looks_like_hetu,
    looks_like_phone,
    looks_like_ytunnus,
    normalise_email,
    normalise_phone,
    parse_hetu,
    parse_ytunnus,
    ytunnus_check_digit,
)

# An independent, deliberately naive implementation of the check character, used to
# build codes in the tests instead of trusting the module under test.
_CHECK_TABLE = {
    0: "0", 1: "1", 2: "2", 3: "3", 4: "4", 5: "5", 6: "6", 7: "7", 8: "8", 9: "9",
    10: "A", 11: "B", 12: "C", 13: "D", 14: "E", 15: "F", 16: "H", 17: "J", 18: "K",
    19: "L", 20: "M", 21: "N", 22: "P", 23: "R", 24: "S", 25: "T", 26: "U", 27: "V",
    28: "W", 29: "X", 30: "Y",
}  # fmt: skip


def _check(digits: str) -> str:
    return _CHECK_TABLE[int(digits) % 31]


def _make_hetu(ddmmyy: str, sign: str, nnn: str) -> str:
    return f"{ddmmyy}{sign}{nnn}{_check(ddmmyy + nnn)}"


def _error(func, text: str, *args) -> IdentityError:
    with pytest.raises(IdentityError) as info:
        func(text, *args)
    return info.value


# --------------------------------------------------------------------------
# IdentityError
# --------------------------------------------------------------------------


def test_identity_error_is_a_value_error_with_code_and_message() -> None:
    error = _error(parse_hetu, "100190-999X")
    assert isinstance(error, ValueError)
    assert error.code == "hetu.check_char"
    assert error.message == "check character should be P"
    assert str(error) == "check character should be P"
    assert "100190" not in repr(error)


# --------------------------------------------------------------------------
# Henkilötunnus
# --------------------------------------------------------------------------

# Fictional test-range persons, one per century sign of 1900 and 2000 (2023 signs).
FICTIONAL_PERSONS = [
    ("010594Y9032", datetime.date(1994, 5, 1), "male"),
    ("020594X903P", datetime.date(1994, 5, 2), "male"),
    ("030594W903B", datetime.date(1994, 5, 3), "male"),
    ("040594V9030", datetime.date(1994, 5, 4), "male"),
    ("050594U903M", datetime.date(1994, 5, 5), "male"),
    ("010516B903X", datetime.date(2016, 5, 1), "male"),
    ("020516C903K", datetime.date(2016, 5, 2), "male"),
    ("030516D9037", datetime.date(2016, 5, 3), "male"),
    ("010501E9032", datetime.date(2001, 5, 1), "male"),
    ("020504A902E", datetime.date(2004, 5, 2), "female"),
]


@pytest.mark.parametrize(("code", "birth_date", "sex"), FICTIONAL_PERSONS)
def test_fictional_test_persons(code: str, birth_date: datetime.date, sex: str) -> None:
    hetu = parse_hetu(code)
    assert hetu.value == code
    assert hetu.birth_date == birth_date
    assert hetu.sex == sex
    assert hetu.is_test_range is True


@pytest.mark.parametrize(
    ("sign", "year"),
    [
        ("+", 1885),
        ("-", 1985),
        ("Y", 1985),
        ("X", 1985),
        ("W", 1985),
        ("V", 1985),
        ("U", 1985),
        ("A", 2085),
        ("B", 2085),
        ("C", 2085),
        ("D", 2085),
        ("E", 2085),
        ("F", 2085),
    ],
)
def test_every_century_sign_gives_its_century(sign: str, year: int) -> None:
    code = _make_hetu("150385", sign, "234")
    hetu = parse_hetu(code, today=datetime.date(2100, 1, 1))  # 2085 is in the future today
    assert hetu.value == code
    assert hetu.value[6] == sign
    assert hetu.birth_date == datetime.date(year, 3, 15)
    assert hetu.is_test_range is False


def test_a_birth_date_in_the_future_is_refused_by_the_parser_itself() -> None:
    code = _make_hetu("151072", "E", "179")  # the century sign E puts the birth in 2072
    error = _error(lambda text: parse_hetu(text, today=datetime.date(2026, 12, 2)), code)
    assert error.code == "hetu.future_birth_date"
    assert error.message == "the identity code's birth date is in the future"
    with pytest.raises(IdentityError, match="in the future"):
        parse_hetu(code)  # without ``today``: the local date, long before 2072
    born_today = _make_hetu("021226", "A", "234")
    assert parse_hetu(born_today, today=datetime.date(2026, 12, 2)).birth_date == datetime.date(2026, 12, 2)
    assert _error(lambda text: parse_hetu(text, today=datetime.date(2026, 12, 1)), born_today).code == (
        "hetu.future_birth_date"
    )


def test_a_wrong_check_character_is_told_before_a_future_birth_date() -> None:
    error = _error(parse_hetu, "151072E179X")
    assert error.code == "hetu.check_char"


def test_century_sign_is_part_of_the_identity() -> None:
    dash = parse_hetu("100190-999P")
    letter = parse_hetu("100190Y999P")
    assert dash.value == "100190-999P"
    assert letter.value == "100190Y999P"
    assert dash != letter
    assert dash.birth_date == letter.birth_date == datetime.date(1990, 1, 10)


def test_lower_case_and_whitespace_are_accepted() -> None:
    assert parse_hetu("  010594y9032\n").value == "010594Y9032"
    assert parse_hetu("\t100190y999p ").value == "100190Y999P"
    assert parse_hetu("020504a902e").value == "020504A902E"


def test_typographic_dash_is_read_as_hyphen() -> None:
    assert parse_hetu("100190\u2013999P").value == "100190-999P"


@pytest.mark.parametrize(
    ("nnn", "sex", "test_range"),
    [
        ("002", "female", False),
        ("003", "male", False),
        ("898", "female", False),
        ("899", "male", False),
        ("900", "female", True),
        ("901", "male", True),
        ("998", "female", True),
        ("999", "male", True),
    ],
)
def test_individual_number_gives_sex_and_test_range(nnn: str, sex: str, test_range: bool) -> None:
    hetu = parse_hetu(_make_hetu("311299", "-", nnn))
    assert hetu.sex == sex
    assert hetu.is_test_range is test_range
    assert hetu.birth_date == datetime.date(1999, 12, 31)


@pytest.mark.parametrize("nnn", ["000", "001"])
def test_individual_numbers_000_and_001_are_not_issued(nnn: str) -> None:
    error = _error(parse_hetu, _make_hetu("010190", "-", nnn))
    assert error.code == "hetu.individual_number"
    assert error.message == f"individual number {nnn} is not issued"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("100190-999A", "P"),
        ("100190Y9990", "P"),
        ("010594Y9033", "2"),
        ("020504A902F", "E"),
        ("010516B903Y", "X"),
    ],
)
def test_wrong_check_character_names_the_right_one(code: str, expected: str) -> None:
    error = _error(parse_hetu, code)
    assert error.code == "hetu.check_char"
    assert error.message == f"check character should be {expected}"


@pytest.mark.parametrize("bad", ["G", "I", "O", "Q", "Z", "!"])
def test_impossible_check_character(bad: str) -> None:
    error = _error(parse_hetu, f"100190-999{bad}")
    assert error.code == "hetu.check_char"
    assert error.message == f"{bad!r} is never a check character; it should be P"


@pytest.mark.parametrize(
    ("ddmmyy", "sign", "shown"),
    [
        ("310290", "-", "31.02.1990"),
        ("290201", "A", "29.02.2001"),  # 2001 is not a leap year
        ("290200", "-", "29.02.1900"),  # 1900 is not a leap year either
        ("290200", "+", "29.02.1800"),  # nor 1800
        ("320190", "-", "32.01.1990"),
        ("001090", "-", "00.10.1990"),
        ("011390", "-", "01.13.1990"),
        ("310490", "Y", "31.04.1990"),
    ],
)
def test_impossible_dates(ddmmyy: str, sign: str, shown: str) -> None:
    error = _error(parse_hetu, _make_hetu(ddmmyy, sign, "123"))
    assert error.code == "hetu.date"
    assert error.message == f"no such date: {shown}"


def test_leap_day_in_leap_year_is_valid() -> None:
    hetu = parse_hetu(_make_hetu("290200", "A", "123"))
    assert hetu.birth_date == datetime.date(2000, 2, 29)
    hetu = parse_hetu(_make_hetu("290296", "-", "124"))
    assert hetu.birth_date == datetime.date(1996, 2, 29)
    assert hetu.sex == "female"


@pytest.mark.parametrize("sign", ["Q", "Z", "G", "*", "9", "/"])
def test_unknown_century_sign(sign: str) -> None:
    error = _error(parse_hetu, f"100190{sign}999P")
    assert error.code == "hetu.century_sign"
    assert error.message == f"unknown century sign {sign!r}"


def test_unknown_century_sign_is_shown_in_upper_case() -> None:
    assert _error(parse_hetu, "100190q999P").message == "unknown century sign 'Q'"


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("100190-99", 9),
        ("100190-999", 10),
        ("100190-999PP", 12),
        ("1", 1),
        ("100190 - 999P", 13),
    ],
)
def test_wrong_length(text: str, length: int) -> None:
    error = _error(parse_hetu, text)
    assert error.code == "hetu.length"
    assert error.message == f"a personal identity code has 11 characters, got {length}"


def test_empty_hetu() -> None:
    error = _error(parse_hetu, "   ")
    assert error.code == "hetu.empty"
    assert error.message == "the personal identity code is empty"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1O0190-999P", "invalid character 'O' at position 2: the date of birth must be digits"),
        ("10019a-999P", "invalid character 'A' at position 6: the date of birth must be digits"),
        ("100190-9X9P", "invalid character 'X' at position 9: the individual number must be digits"),
        ("100190- 99P", "invalid character ' ' at position 8: the individual number must be digits"),
        ("１00190-999P", "invalid character '１' at position 1: the date of birth must be digits"),
    ],
)
def test_invalid_characters(text: str, message: str) -> None:
    error = _error(parse_hetu, text)
    assert error.code == "hetu.characters"
    assert error.message == message


def test_hetu_repr_does_not_leak_the_code() -> None:
    hetu = parse_hetu("100190-999P")
    assert "100190" not in repr(hetu)
    assert "100190" not in str(hetu)
    assert "1990" not in repr(hetu)


def test_hetu_is_frozen() -> None:
    hetu = parse_hetu("100190-999P")
    with pytest.raises(AttributeError):
        hetu.value = "x"  # type: ignore[misc]
    assert isinstance(hetu, Hetu)


@pytest.mark.parametrize("digits", ["100190999", "010594903", "020504902", "000000000", "999999999", "311299002"])
def test_hetu_check_char_matches_independent_implementation(digits: str) -> None:
    assert hetu_check_char(digits) == _check(digits)


def test_hetu_check_char_known_values() -> None:
    assert hetu_check_char("100190999") == "P"
    assert hetu_check_char("131052308") == "T"


@pytest.mark.parametrize("bad", ["10019099", "1001909999", "10019099P", " 10019099", "１00190999"])
def test_hetu_check_char_refuses_non_nine_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="needs exactly nine digits"):
        hetu_check_char(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100190-999P", True),
        ("100190-999X", True),  # wrong check char: still an identity-code query
        ("100190Q999P", True),  # unknown sign letter: shape only
        ("310290-1234", True),
        (" 100190y999p ", True),
        ("100190-99", False),
        ("100190-999PP", False),
        ("1001909999P", False),  # a digit at the sign position is not a sign
        ("0401234567", False),
        ("0112038-9", False),
        ("matti@hel.fi", False),
        ("Meikäläinen", False),
    ],
)
def test_looks_like_hetu(text: str, expected: bool) -> None:
    assert looks_like_hetu(text) is expected


# --------------------------------------------------------------------------
# Y-tunnus
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("0112038-9", "0112038-9"),
        ("2617416-4", "2617416-4"),
        ("2077474-0", "2077474-0"),  # remainder 0 → check digit 0
        ("  2617416-4 ", "2617416-4"),
        ("26174164", "2617416-4"),
        ("112038-9", "0112038-9"),  # six-digit form, padded
        ("2617416\u20134", "2617416-4"),
    ],
)
def test_valid_ytunnus(text: str, canonical: str) -> None:
    assert parse_ytunnus(text) == canonical


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0112038-0", 9), ("0112038-8", 9), ("2617416-5", 4), ("2077474-1", 0), ("112038-1", 9)],
)
def test_ytunnus_wrong_check_digit(text: str, expected: int) -> None:
    error = _error(parse_ytunnus, text)
    assert error.code == "ytunnus.check_digit"
    assert error.message == f"check digit should be {expected}"


def test_ytunnus_remainder_one() -> None:
    # 0000006: weighted sum 6 * 2 = 12, remainder 1: no check digit can work.
    body = "0000006"
    assert sum(w * int(d) for w, d in zip((7, 9, 10, 5, 8, 4, 2), body, strict=True)) % 11 == 1
    for check in "0123456789":
        error = _error(parse_ytunnus, f"{body}-{check}")
        assert error.code == "ytunnus.remainder_one"
        assert error.message == ("the digits 0000006 give remainder 1: no valid Y-tunnus has these digits")
    assert ytunnus_check_digit(body) is None


@pytest.mark.parametrize(("body", "expected"), [("0112038", 9), ("2617416", 4), ("2077474", 0), ("0000006", None)])
def test_ytunnus_check_digit(body: str, expected: int | None) -> None:
    assert ytunnus_check_digit(body) == expected


@pytest.mark.parametrize(
    "text",
    ["0112038", "011203-89", "01120389-", "12345-6", "12345678-9", "0112O38-9", "FI01120389",
     "0112038 9", "1120389"],
)  # fmt: skip
def test_ytunnus_bad_format(text: str) -> None:
    error = _error(parse_ytunnus, text)
    assert error.code == "ytunnus.format"
    assert error.message.startswith("a business id (Y-tunnus) is seven digits")


def test_ytunnus_empty() -> None:
    assert _error(parse_ytunnus, " ").code == "ytunnus.empty"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0112038-9", True),
        ("0112038-0", True),  # wrong check digit: shape only
        ("112038-9", True),
        (" 2617416-4 ", True),
        ("01120389", False),
        ("040-1234567", False),
        ("100190-9990", False),
        ("12345-6", False),
    ],
)
def test_looks_like_ytunnus(text: str, expected: bool) -> None:
    assert looks_like_ytunnus(text) is expected


# --------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------

MOBILE_FORMS = [
    "040 123 4567",
    "0401234567",
    "+358401234567",
    "+358 40 123 4567",
    "00358-40-1234567",
    "00358401234567",
    "040/1234567",
    "040-123 4567",
    "040.123.4567",
    "(040) 123 4567",
    " 040 123 4567 ",
    "040\u00a0123\u00a04567",
]


@pytest.mark.parametrize("text", MOBILE_FORMS)
def test_mobile_number_forms_normalise_to_the_same_e164(text: str) -> None:
    assert normalise_phone(text) == "+358401234567"


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("(09) 310 1234", "FI", "+35893101234"),
        ("09 310 1234", "FI", "+35893101234"),
        ("+358 9 310 1234", "FI", "+35893101234"),
        ("018 123 4567", "FI", "+358181234567"),  # Åland shares +358
        ("+46 8 123 456 78", "FI", "+46812345678"),
        ("0046 8 123 456 78", "FI", "+46812345678"),
        ("08-123 456 78", "SE", "+46812345678"),
        ("+358401234567", "SE", "+358401234567"),
    ],
)
def test_landline_and_foreign_numbers(text: str, region: str, e164: str) -> None:
    assert normalise_phone(text, region) == e164


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("", "phone.empty", "the phone number is empty"),
        ("040-CALL-ME", "phone.not_a_number", "not a phone number"),
        ("matti@hel.fi", "phone.not_a_number", "not a phone number"),
        ("040 123 4567 ext 12", "phone.not_a_number", "not a phone number"),
        ("040+1234567", "phone.not_a_number", "not a phone number"),
        ("+", "phone.not_a_number", "not a phone number"),
        ("--", "phone.not_a_number", "not a phone number"),
        ("0401", "phone.too_short", "too short to be a phone number"),
        ("+358 4", "phone.too_short", "too short to be a phone number"),
        ("+46 8 1", "phone.too_short", "too short to be a phone number"),
        ("+358 40 1234 5678 9012", "phone.too_long", "too long to be a phone number"),
        ("+46 8 123 456 78 99 99", "phone.too_long", "too long to be a phone number"),
        ("+210 1234567", "phone.country_code", "unknown country code"),
        ("040 12", "phone.invalid", "not a valid number in Finland"),
        ("0000000", "phone.invalid", "not a valid number in Finland"),
    ],
)
def test_invalid_phone_numbers(text: str, code: str, message: str) -> None:
    error = _error(normalise_phone, text)
    assert error.code == code
    assert error.message == message


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+358401234567", "040 1234567"),
        ("+35893101234", "09 3101234"),
        ("+358181234567", "018 1234567"),
        ("+46812345678", "+46 8 123 456 78"),
        ("not a number", "not a number"),
    ],
)
def test_format_phone_for_display(e164: str, shown: str) -> None:
    assert format_phone_for_display(e164) == shown


@pytest.mark.parametrize("text", [*MOBILE_FORMS, "(09) 310 1234", "+46 8 123 456 78", "040 123", "0000000"])
def test_looks_like_phone(text: str) -> None:
    assert looks_like_phone(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "0112038-9",  # Y-tunnus
        "112038-9",
        "010594-9032",  # henkilötunnus with a digit check character
        "010594Y9032",
        "100190-999P",
        "401234567",  # does not start with + 0 (
        "040 12",  # five digits only
        "(09) 12",
        "040-CALL-ME",
        "matti@hel.fi",
        "Virtanen",
        "",
        "0401+234567",
    ],
)
def test_does_not_look_like_phone(text: str) -> None:
    assert looks_like_phone(text) is False


# --------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("matti.meikalainen@hel.fi", "matti.meikalainen@hel.fi"),
        ("  Matti.Meikalainen@Hel.FI \n", "matti.meikalainen@hel.fi"),
        ("MATTI+palaute@Sub.Example.FI", "matti+palaute@sub.example.fi"),
        ("o'brien@example.co.uk", "o'brien@example.co.uk"),
        ("a@b.fi", "a@b.fi"),
        ("pääkäyttäjä@hämeenlinna.fi", "pääkäyttäjä@hämeenlinna.fi"),
        ("x_y-z@my-domain.example.com", "x_y-z@my-domain.example.com"),
        ("a" * 64 + "@hel.fi", "a" * 64 + "@hel.fi"),
    ],
)
def test_valid_email(text: str, normalised: str) -> None:
    assert normalise_email(text) == normalised


@pytest.mark.parametrize("address", ["aaäaa@example.com", "pääkäyttäjä@hämeenlinna.fi", "Åsa.Öberg@Åland.ax"])
def test_a_decomposed_address_is_the_same_address(address: str) -> None:
    """What a Mac or a web form sends (a + combining diaeresis) is what the desk stored (ä)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", address)
    assert decomposed != address
    assert normalise_email(decomposed) == normalise_email(address) == unicodedata.normalize("NFC", address.lower())


_LONG_DOMAIN = ".".join(["d" * 63, "e" * 63, "f" * 63]) + ".fi"  # 194 characters


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("", "email.empty", "the e-mail address is empty"),
        ("matti.hel.fi", "email.at_sign", "an e-mail address needs one @"),
        ("matti@@hel.fi", "email.at_sign", "an e-mail address needs one @"),
        ("a@b@hel.fi", "email.at_sign", "an e-mail address needs one @"),
        ("matti @hel.fi", "email.spaces", "spaces are not allowed in an e-mail address"),
        ("matti@hel fi", "email.spaces", "spaces are not allowed in an e-mail address"),
        ("@hel.fi", "email.local_empty", "the part before @ is empty"),
        ("matti@", "email.domain_empty", "the part after @ is empty"),
        ("matti@localhost", "email.domain_dot", "the domain 'localhost' has no dot"),
        ("matti@HEL", "email.domain_dot", "the domain 'hel' has no dot"),
        (
            "a" * 65 + "@hel.fi",
            "email.local_too_long",
            "the part before @ can be at most 64 characters, got 65",
        ),
        (
            "a" * 60 + "@" + _LONG_DOMAIN,
            "email.too_long",
            "an e-mail address can be at most 254 characters, got 255",
        ),
        ("matti@hel,fi", "email.domain_character", "the character ',' is not allowed in the domain"),
        ("matti@hel_fi.fi", "email.domain_character", "the character '_' is not allowed in the domain"),
        ("mat(ti)@hel.fi", "email.local_character", "the character '(' is not allowed before @"),
        ('"matti"@hel.fi', "email.local_character", "the character '\"' is not allowed before @"),
        (
            "matti..m@hel.fi",
            "email.local_dots",
            "dots before @ must be single and cannot start or end that part",
        ),
        (
            ".matti@hel.fi",
            "email.local_dots",
            "dots before @ must be single and cannot start or end that part",
        ),
        (
            "matti.@hel.fi",
            "email.local_dots",
            "dots before @ must be single and cannot start or end that part",
        ),
        (
            "matti@hel..fi",
            "email.domain_label",
            "the domain 'hel..fi' has an empty part between dots",
        ),
        (
            "matti@.hel.fi",
            "email.domain_label",
            "the domain '.hel.fi' has an empty part between dots",
        ),
        (
            "matti@hel.fi.",
            "email.domain_label",
            "the domain 'hel.fi.' has an empty part between dots",
        ),
        (
            "matti@-hel.fi",
            "email.domain_label",
            "a part of the domain '-hel.fi' starts or ends with a hyphen",
        ),
        (
            "matti@" + "x" * 64 + ".fi",
            "email.domain_label",
            "a part of the domain can be at most 63 characters",
        ),
        (
            "matti@10.0.0.1",
            "email.domain_tld",
            "the domain '10.0.0.1' does not end in a top-level domain",
        ),
    ],
)
def test_invalid_email(text: str, code: str, message: str) -> None:
    error = _error(normalise_email, text)
    assert error.code == code
    assert error.message == message


def test_email_length_limits_are_exact() -> None:
    at_limit = "a" * 59 + "@" + _LONG_DOMAIN
    assert len(at_limit) == 254
    assert normalise_email(at_limit) == at_limit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("matti@hel.fi", True),
        (" Matti@Hel.FI ", True),
        ("matti@localhost", True),  # shape only
        ("matti", False),
        ("@hel.fi", False),
        ("matti@", False),
        ("matti @hel.fi", False),
        ("a@b@c", False),
        ("040 123 4567", False),
    ],
)
def test_looks_like_email(text: str, expected: bool) -> None:
    assert looks_like_email(text) is expected

"""Identity rules: henkilötunnus, Y-tunnus, phone numbers and e-mail addresses.

Every parser here either returns the canonical form of a value or raises
:class:`IdentityError`.  The error carries a stable ``code`` (e.g.
``"hetu.check_char"``) that the desktop can translate, and an English
``message`` that says precisely what is wrong ("check character should be P").

Privacy: this module never logs.  Error messages may quote parts of the value
the user typed (a date of birth, a check character) because they are shown to
that same user; callers that log a failure should log ``error.code`` only, never
``error.message`` or ``str(error)``.  :class:`Hetu` hides its contents in
``repr()`` so that an accidental log line does not leak an identity code.

The module is pure Python on top of python-stdnum and phonenumbers; it must not
import Qt.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import hetu as stdnum_hetu
from stdnum.fi import ytunnus as stdnum_ytunnus

from agentdesk.phone_display import country_name, format_phone_for_display

__all__ = [
    "Hetu",
    "IdentityError",
    "Sex",
    "format_phone_for_display",
    "hetu_check_char",
    "looks_like_email",
    "looks_like_hetu",
    "looks_like_phone",
    "looks_like_ytunnus",
    "normalise_email",
    "normalise_phone",
    "parse_hetu",
    "parse_ytunnus",
    "ytunnus_check_digit",
]

Sex = Literal["male", "female"]

_DIGITS: Final = frozenset("0123456789")

# Hyphen look-alikes that word processors and web pages substitute for '-'.
# They are read as the ASCII hyphen-minus in identity codes.
_HYPHENS: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_HYPHEN_TABLE: Final = str.maketrans(dict.fromkeys(_HYPHENS, "-"))


class IdentityError(ValueError):
    """A value that is not a valid identifier of the kind asked for.

    ``code`` is stable and machine-readable (``"hetu.check_char"``,
    ``"phone.too_short"``, ...) so the UI can show a translated text;
    ``message`` is the English, user-facing explanation and is also ``str()``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code: str = code
        self.message: str = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        # Only the code: the message may quote personal data.
        return f"IdentityError(code={self.code!r})"


def _is_ascii_digits(text: str) -> bool:
    return bool(text) and all(ch in _DIGITS for ch in text)


def _ascii_upper(text: str) -> str:
    """Upper-case ASCII letters only (``'ß'.upper()`` would change the length)."""
    return "".join(ch.upper() if ch.isascii() else ch for ch in text)


# --------------------------------------------------------------------------
# Henkilötunnus
# --------------------------------------------------------------------------

HETU_CHECK_CHARS: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"
"""The 31 check characters, indexed by ``int(DDMMYYNNN) % 31``."""

HETU_CENTURY_SIGNS: Final[dict[str, int]] = {
    "+": 1800,
    **dict.fromkeys("-YXWVU", 1900),
    **dict.fromkeys("ABCDEF", 2000),
}
"""Century sign → century.  The letters Y–U and B–F were added in 2023."""

_HETU_LENGTH: Final = 11
_HETU_SHAPE: Final = re.compile(r"\d{6}[-+A-Za-z]\d{3}[0-9A-Za-z]", re.ASCII)


@dataclass(frozen=True, slots=True, repr=False)
class Hetu:
    """A valid henkilötunnus.

    ``value`` is the canonical upper-case code with the century sign exactly as
    given: ``100190-999P`` and ``100190Y999P`` are different people.
    ``is_test_range`` is true for individual numbers 900–999, which are used
    for temporary and test identities and never for a permanent code.

    ``repr()`` and ``str()`` are redacted; show the code with ``.value``.
    """

    value: str
    birth_date: datetime.date
    sex: Sex
    is_test_range: bool

    def __repr__(self) -> str:
        # str() falls back to this too: log lines never show the code itself.
        return f"Hetu(value=<redacted>, is_test_range={self.is_test_range!r})"


def hetu_check_char(ddmmyy_nnn: str) -> str:
    """Return the check character for the nine digits ``DDMMYYNNN``.

    The century sign is not part of the calculation.  Raises ``ValueError`` if
    the argument is not exactly nine ASCII digits.
    """
    if len(ddmmyy_nnn) != 9 or not _is_ascii_digits(ddmmyy_nnn):
        raise ValueError("hetu_check_char() needs exactly nine digits DDMMYYNNN")
    return HETU_CHECK_CHARS[int(ddmmyy_nnn) % 31]


def looks_like_hetu(text: str) -> bool:
    """True if *text* has the shape of a henkilötunnus.

    Shape only: six digits, a sign, three digits and one character.  The date,
    the sign letter and the check character are not verified, so the search box
    can treat a mistyped code as an identity-code query.
    """
    return _HETU_SHAPE.fullmatch(text.strip().translate(_HYPHEN_TABLE)) is not None


def parse_hetu(text: str, *, today: datetime.date | None = None) -> Hetu:
    """Validate a henkilötunnus and return it as :class:`Hetu`.

    Surrounding whitespace and lower case are accepted; the canonical form is
    upper case.  Individual numbers 900–999 (temporary and test codes) are
    accepted and marked with ``is_test_range=True``.  A birth date after *today*
    (default: the local date) is refused: ``040594A…`` would be born in 2094.

    Raises :class:`IdentityError` with one of the codes ``hetu.empty``,
    ``hetu.length``, ``hetu.characters``, ``hetu.century_sign``, ``hetu.date``,
    ``hetu.individual_number``, ``hetu.check_char`` or ``hetu.future_birth_date``.
    """
    stripped = text.strip()
    if not stripped:
        raise IdentityError("hetu.empty", "the personal identity code is empty")
    if len(stripped) != _HETU_LENGTH:
        raise IdentityError(
            "hetu.length",
            f"a personal identity code has {_HETU_LENGTH} characters, got {len(stripped)}",
        )
    code = _ascii_upper(stripped.translate(_HYPHEN_TABLE))

    for position in (*range(6), *range(7, 10)):
        ch = code[position]
        if ch not in _DIGITS:
            part = "date of birth" if position < 6 else "individual number"
            raise IdentityError(
                "hetu.characters",
                f"invalid character {ch!r} at position {position + 1}: the {part} must be digits",
            )

    sign = code[6]
    century = HETU_CENTURY_SIGNS.get(sign)
    if century is None:
        raise IdentityError("hetu.century_sign", f"unknown century sign {sign!r}")

    day, month, year = code[0:2], code[2:4], century + int(code[4:6])
    try:
        birth_date = datetime.date(year, int(month), int(day))
    except ValueError:
        raise IdentityError("hetu.date", f"no such date: {day}.{month}.{year:04d}") from None

    individual = code[7:10]
    if int(individual) < 2:
        raise IdentityError("hetu.individual_number", f"individual number {individual} is not issued")

    expected = hetu_check_char(code[0:6] + individual)
    given = code[10]
    if given != expected:
        if given in HETU_CHECK_CHARS:
            message = f"check character should be {expected}"
        else:
            message = f"{given!r} is never a check character; it should be {expected}"
        raise IdentityError("hetu.check_char", message)

    # Every rule has been checked above with a precise message; python-stdnum is
    # the reference implementation and must agree.
    try:
        stdnum_hetu.validate(code, allow_temporary=True)
    except StdnumValidationError:  # pragma: no cover - would be a bug in one of us
        raise IdentityError("hetu.invalid", "not a valid personal identity code") from None
    # Last: a well-formed code with a future date is most likely a wrong century sign.
    if birth_date > (today or datetime.date.today()):
        raise IdentityError("hetu.future_birth_date", "the identity code's birth date is in the future")

    number = int(individual)
    return Hetu(
        value=code,
        birth_date=birth_date,
        sex="male" if number % 2 else "female",
        is_test_range=number >= 900,
    )


# --------------------------------------------------------------------------
# Y-tunnus
# --------------------------------------------------------------------------

_YTUNNUS_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2)
_YTUNNUS_SHAPE: Final = re.compile(r"\d{6,7}-\d", re.ASCII)
# Seven digits with or without the hyphen, or the old six-digit form (hyphen required,
# otherwise "0112038" with a forgotten check digit would be misread).
_YTUNNUS_FORM: Final = re.compile(r"(?P<body>\d{7}-?|\d{6}-)(?P<check>\d)", re.ASCII)


def ytunnus_check_digit(seven_digits: str) -> int | None:
    """Return the check digit for the seven digits of a Y-tunnus.

    Returns ``None`` when the weighted sum leaves remainder 1: no check digit
    makes such digits valid, so they are never issued.  Raises ``ValueError``
    if the argument is not exactly seven ASCII digits.
    """
    if len(seven_digits) != 7 or not _is_ascii_digits(seven_digits):
        raise ValueError("ytunnus_check_digit() needs exactly seven digits")
    remainder = sum(w * int(d) for w, d in zip(_YTUNNUS_WEIGHTS, seven_digits, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def looks_like_ytunnus(text: str) -> bool:
    """True if *text* has the shape of a Y-tunnus: 6–7 digits, '-', one digit.

    The check digit is not verified.  The hyphen is required here (eight bare
    digits are as likely to be a phone number); :func:`parse_ytunnus` itself
    also accepts the form without a hyphen.
    """
    return _YTUNNUS_SHAPE.fullmatch(text.strip().translate(_HYPHEN_TABLE)) is not None


def parse_ytunnus(text: str) -> str:
    """Validate a Y-tunnus (business id) and return it as ``NNNNNNN-C``.

    Accepts surrounding whitespace, the form without a hyphen (``01120389``)
    and the old six-digit form, which is padded with a leading zero
    (``112038-9`` → ``0112038-9``).

    Raises :class:`IdentityError` with one of the codes ``ytunnus.empty``,
    ``ytunnus.format``, ``ytunnus.remainder_one`` or ``ytunnus.check_digit``.
    """
    stripped = text.strip().translate(_HYPHEN_TABLE)
    if not stripped:
        raise IdentityError("ytunnus.empty", "the business id is empty")
    match = _YTUNNUS_FORM.fullmatch(stripped)
    if match is None:
        raise IdentityError(
            "ytunnus.format",
            "a business id (Y-tunnus) is seven digits, a hyphen and a check digit, e.g. 0112038-9",
        )
    body = match["body"].rstrip("-").rjust(7, "0")
    given = int(match["check"])
    expected = ytunnus_check_digit(body)
    if expected is None:
        raise IdentityError(
            "ytunnus.remainder_one",
            f"the digits {body} give remainder 1: no valid Y-tunnus has these digits",
        )
    if given != expected:
        raise IdentityError("ytunnus.check_digit", f"check digit should be {expected}")

    canonical = f"{body}-{given}"
    try:
        stdnum_ytunnus.validate(canonical)
    except StdnumValidationError:  # pragma: no cover - would be a bug in one of us
        raise IdentityError("ytunnus.invalid", "not a valid business id") from None
    return canonical


# --------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------

_PHONE_SEPARATORS: Final = frozenset(" \u00a0\t-/().")
_PHONE_CHARS: Final = _DIGITS | _PHONE_SEPARATORS | {"+"}
_PHONE_MIN_DIGITS: Final = 6


def looks_like_phone(text: str) -> bool:
    """True if *text* has the shape of a phone number (for the search box).

    Only digits, spaces and ``+ - / ( ) .``; at least six digits; starts with
    ``+``, ``0`` or ``(``.  Anything shaped like a Y-tunnus or a henkilötunnus
    is *not* a phone number, even though ``0112038-9`` would pass the rest.
    """
    stripped = text.strip()
    if not stripped or stripped[0] not in "+0(":
        return False
    if any(ch not in _PHONE_CHARS for ch in stripped) or "+" in stripped[1:]:
        return False
    if sum(ch in _DIGITS for ch in stripped) < _PHONE_MIN_DIGITS:
        return False
    return not (looks_like_ytunnus(stripped) or looks_like_hetu(stripped))


def normalise_phone(text: str, region: str = "FI") -> str:
    """Return a phone number in E.164 form, e.g. ``+358401234567``.

    National numbers are read as numbers of *region*.  Accepts the common ways
    of writing a number: spaces, hyphens, slashes, dots, parentheses, the
    ``+`` and the ``00`` international prefixes ("00358-40-1234567",
    "(09) 310 1234", "+46 8 123 456 78").  Letters and extensions are refused.

    Raises :class:`IdentityError` with one of the codes ``phone.empty``,
    ``phone.not_a_number``, ``phone.country_code``, ``phone.too_short``,
    ``phone.too_long``, ``phone.length`` or ``phone.invalid``.
    """
    stripped = text.strip()
    if not stripped:
        raise IdentityError("phone.empty", "the phone number is empty")
    if (
        any(ch not in _PHONE_CHARS for ch in stripped)
        or "+" in stripped[1:]
        or not any(ch in _DIGITS for ch in stripped)
    ):
        raise IdentityError("phone.not_a_number", "not a phone number")

    try:
        number = phonenumbers.parse(stripped, region)
    except NumberParseException as error:
        if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            raise IdentityError("phone.country_code", "unknown country code") from None
        if error.error_type in (
            NumberParseException.TOO_SHORT_NSN,
            NumberParseException.TOO_SHORT_AFTER_IDD,
        ):
            raise IdentityError("phone.too_short", "too short to be a phone number") from None
        if error.error_type == NumberParseException.TOO_LONG:
            raise IdentityError("phone.too_long", "too long to be a phone number") from None
        raise IdentityError("phone.not_a_number", "not a phone number") from None

    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.TOO_SHORT:
        raise IdentityError("phone.too_short", "too short to be a phone number")
    if reason == ValidationResult.TOO_LONG:
        raise IdentityError("phone.too_long", "too long to be a phone number")
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise IdentityError("phone.country_code", "unknown country code")
    if reason == ValidationResult.INVALID_LENGTH:
        raise IdentityError("phone.length", f"wrong length for a phone number in {country_name(number)}")
    if not phonenumbers.is_valid_number(number):
        raise IdentityError("phone.invalid", f"not a valid number in {country_name(number)}")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


# --------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------

_EMAIL_MAX_LENGTH: Final = 254
_EMAIL_LOCAL_MAX_LENGTH: Final = 64
_DOMAIN_LABEL_MAX_LENGTH: Final = 63
# RFC 5322 "atext"; quoted local parts ("john doe"@x) are deliberately refused.
_LOCAL_ASCII_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~.")
_EMAIL_SHAPE: Final = re.compile(r"[^@\s]+@[^@\s]+")


def looks_like_email(text: str) -> bool:
    """True if *text* has the shape of an e-mail address: ``something@something``
    with no spaces.  Shape only; see :func:`normalise_email` for the real check."""
    return _EMAIL_SHAPE.fullmatch(text.strip()) is not None


def _local_char_ok(ch: str) -> bool:
    return ch in _LOCAL_ASCII_CHARS or (not ch.isascii() and ch.isalnum())


def _domain_char_ok(ch: str) -> bool:
    return ch in "-." or ch.isalnum()


def normalise_email(text: str) -> str:
    """Check the syntax of an e-mail address and return it normalised.

    Normalisation strips surrounding whitespace, composes the letters (Unicode
    NFC: an ``ä`` typed as ``a`` + combining diaeresis is the same ``ä``) and
    lower-cases the *whole* address.  RFC 5321 allows a mail server to treat the local part
    case-sensitively, but no provider our citizens use does so, and a
    case-insensitive canonical form is what makes duplicate detection and
    search reliable; this is a deliberate choice.

    Syntax only (standard library, no DNS): one ``@``; non-empty local part of
    at most 64 characters made of letters, digits and ``!#$%&'*+-/=?^_`{|}~``
    with dots only between them; a domain with at least one dot whose labels are
    letters, digits and inner hyphens; at most 254 characters in all.
    Internationalised letters are accepted.  Quoted local parts and IP-literal
    domains are refused.

    Raises :class:`IdentityError` with a code starting ``email.``.
    """
    address = unicodedata.normalize("NFC", text.strip().lower())
    if not address:
        raise IdentityError("email.empty", "the e-mail address is empty")
    if any(ch.isspace() for ch in address):
        raise IdentityError("email.spaces", "spaces are not allowed in an e-mail address")
    if address.count("@") != 1:
        raise IdentityError("email.at_sign", "an e-mail address needs one @")
    local, domain = address.split("@")
    if not local:
        raise IdentityError("email.local_empty", "the part before @ is empty")
    if not domain:
        raise IdentityError("email.domain_empty", "the part after @ is empty")
    if len(address) > _EMAIL_MAX_LENGTH:
        raise IdentityError(
            "email.too_long",
            f"an e-mail address can be at most {_EMAIL_MAX_LENGTH} characters, got {len(address)}",
        )
    if len(local) > _EMAIL_LOCAL_MAX_LENGTH:
        raise IdentityError(
            "email.local_too_long",
            f"the part before @ can be at most {_EMAIL_LOCAL_MAX_LENGTH} characters, got {len(local)}",
        )
    for ch in local:
        if not _local_char_ok(ch):
            raise IdentityError(
                "email.local_character",
                f"the character {ch!r} is not allowed before @",
            )
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise IdentityError(
            "email.local_dots",
            "dots before @ must be single and cannot start or end that part",
        )
    for ch in domain:
        if not _domain_char_ok(ch):
            raise IdentityError(
                "email.domain_character",
                f"the character {ch!r} is not allowed in the domain",
            )
    if "." not in domain:
        raise IdentityError("email.domain_dot", f"the domain {domain!r} has no dot")
    for label in domain.split("."):
        if not label:
            raise IdentityError(
                "email.domain_label",
                f"the domain {domain!r} has an empty part between dots",
            )
        if label.startswith("-") or label.endswith("-"):
            raise IdentityError(
                "email.domain_label",
                f"a part of the domain {domain!r} starts or ends with a hyphen",
            )
        if len(label) > _DOMAIN_LABEL_MAX_LENGTH:
            raise IdentityError(
                "email.domain_label",
                f"a part of the domain can be at most {_DOMAIN_LABEL_MAX_LENGTH} characters",
            )
    if domain.rsplit(".", 1)[1].isdigit():
        raise IdentityError("email.domain_tld", f"the domain {domain!r} does not end in a top-level domain")
    return address

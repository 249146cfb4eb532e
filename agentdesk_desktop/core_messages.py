"""Translatable texts for the messages the core gives in English.

The core raises :class:`agentdesk.identity.IdentityError` (and the search its
:class:`~agentdesk.search.query_kinds.QueryLimitError`) with a stable ``code`` and an English
``message``; the desk shows the text for the code in the user's language, keeping the dynamic
part (the expected check character, the date, the position) as an argument. A code this module
does not know yet is shown as the core's English message, so nothing is ever hidden.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from agentdesk.identity import IdentityError
from agentdesk.search.query_kinds import QueryLimitError, QueryProblem
from agentdesk_desktop.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_QUOTED = re.compile(r"""(['"])(.*?)\1""")
_NUMBERS = re.compile(r"\d+")


def _quoted(message: str) -> list[str]:
    return [m.group(2) for m in _QUOTED.finditer(message)]


def _last_word(message: str) -> str:
    return message.rstrip(". ").rsplit(" ", 1)[-1]


def _after(message: str, marker: str) -> str:
    return message.split(marker, 1)[1].strip() if marker in message else ""


def identity_error_text(error: IdentityError) -> str:
    """The error in the current language, e.g. 'Tarkistusmerkin pitäisi olla P'."""
    text = _identity_error_text(error.code, error.message)
    return text if text is not None else error.message


def query_problem_text(problem: QueryProblem) -> str:
    """What is wrong with a search query in the current language: an invalid identifier typed
    into the search box, or a query over the search's limits."""
    if isinstance(problem, QueryLimitError):
        text = _query_limit_text(problem)
    else:
        text = _identity_error_text(problem.code, problem.message)
    return text if text is not None else problem.message


def _query_limit_text(problem: QueryLimitError) -> str | None:
    if problem.code == "search.too_long":
        template = translate("CoreMessages", "A search can be at most %1 characters, this one has %2")
    elif problem.code == "search.too_many_words":
        template = translate("CoreMessages", "A search can have at most %1 words, this one has %2")
    elif problem.code == "search.word_too_long":
        template = translate("CoreMessages", "A word in a search can be at most %1 letters, one here has %2")
    else:
        return None
    return fill(template, problem.limit, problem.count)


def _identity_error_text(code: str, message: str) -> str | None:
    quoted, numbers = _quoted(message), _NUMBERS.findall(message)
    # -- henkilötunnus -----------------------------------------------------------------------
    if code == "hetu.empty":
        return fill(translate("CoreMessages", "The personal identity code is empty"))
    if code == "hetu.length" and numbers:
        return fill(
            translate("CoreMessages", "A personal identity code has 11 characters, this one has %1"), numbers[-1]
        )
    if code == "hetu.characters" and quoted and numbers:
        if "date of birth" in message:
            return fill(
                translate("CoreMessages", "Invalid character %1 at position %2: the date of birth must be digits"),
                quoted[0],
                numbers[-1],
            )
        return fill(
            translate("CoreMessages", "Invalid character %1 at position %2: the individual number must be digits"),
            quoted[0],
            numbers[-1],
        )
    if code == "hetu.century_sign" and quoted:
        return fill(translate("CoreMessages", "Unknown century sign %1"), quoted[0])
    if code == "hetu.date":
        return fill(translate("CoreMessages", "No such date: %1"), _after(message, ":"))
    if code == "hetu.individual_number" and numbers:
        return fill(translate("CoreMessages", "Individual number %1 is not issued"), numbers[0])
    if code == "hetu.check_char":
        if quoted:
            return fill(
                translate("CoreMessages", "%1 is never a check character; it should be %2"),
                quoted[0],
                _last_word(message),
            )
        return fill(translate("CoreMessages", "Check character should be %1"), _last_word(message))
    if code == "hetu.future_birth_date":
        return fill(translate("CoreMessages", "The identity code's birth date is in the future"))
    if code == "hetu.invalid":
        return fill(translate("CoreMessages", "Not a valid personal identity code"))
    # -- Y-tunnus ------------------------------------------------------------------------------
    if code == "ytunnus.empty":
        return fill(translate("CoreMessages", "The business ID is empty"))
    if code == "ytunnus.format":
        return fill(
            translate(
                "CoreMessages", "A business ID (Y-tunnus) is seven digits, a hyphen and a check digit, e.g. 0112038-9"
            )
        )
    if code == "ytunnus.remainder_one" and numbers:
        return fill(
            translate("CoreMessages", "The digits %1 give remainder 1: no valid business ID has these digits"),
            numbers[0],
        )
    if code == "ytunnus.check_digit":
        return fill(translate("CoreMessages", "Check digit should be %1"), _last_word(message))
    if code == "ytunnus.invalid":
        return fill(translate("CoreMessages", "Not a valid business ID"))
    # -- phone ---------------------------------------------------------------------------------
    if code == "phone.empty":
        return fill(translate("CoreMessages", "The phone number is empty"))
    if code == "phone.not_a_number":
        return fill(translate("CoreMessages", "Not a phone number"))
    if code == "phone.country_code":
        return fill(translate("CoreMessages", "Unknown country code"))
    if code == "phone.too_short":
        return fill(translate("CoreMessages", "Too short to be a phone number"))
    if code == "phone.too_long":
        return fill(translate("CoreMessages", "Too long to be a phone number"))
    if code == "phone.length":
        return fill(translate("CoreMessages", "Wrong length for a phone number in %1"), _after(message, " in "))
    if code == "phone.invalid":
        return fill(translate("CoreMessages", "Not a valid number in %1"), _after(message, " in "))
    # -- e-mail --------------------------------------------------------------------------------
    if code == "email.empty":
        return fill(translate("CoreMessages", "The e-mail address is empty"))
    if code == "email.spaces":
        return fill(translate("CoreMessages", "Spaces are not allowed in an e-mail address"))
    if code == "email.at_sign":
        return fill(translate("CoreMessages", "An e-mail address needs one @"))
    if code == "email.local_empty":
        return fill(translate("CoreMessages", "The part before @ is empty"))
    if code == "email.domain_empty":
        return fill(translate("CoreMessages", "The part after @ is empty"))
    if code == "email.too_long" and len(numbers) >= 2:
        return fill(
            translate("CoreMessages", "An e-mail address can be at most %1 characters, this one has %2"),
            numbers[0],
            numbers[1],
        )
    if code == "email.local_too_long" and len(numbers) >= 2:
        return fill(
            translate("CoreMessages", "The part before @ can be at most %1 characters, this one has %2"),
            numbers[0],
            numbers[1],
        )
    if code == "email.local_character" and quoted:
        return fill(translate("CoreMessages", "The character %1 is not allowed before @"), quoted[0])
    if code == "email.local_dots":
        return fill(translate("CoreMessages", "Dots before @ must be single and cannot start or end that part"))
    if code == "email.domain_character" and quoted:
        return fill(translate("CoreMessages", "The character %1 is not allowed in the domain"), quoted[0])
    if code == "email.domain_dot" and quoted:
        return fill(translate("CoreMessages", "The domain %1 has no dot"), quoted[0])
    if code == "email.domain_label":
        if "empty part" in message and quoted:
            return fill(translate("CoreMessages", "The domain %1 has an empty part between dots"), quoted[0])
        if "hyphen" in message and quoted:
            return fill(translate("CoreMessages", "A part of the domain %1 starts or ends with a hyphen"), quoted[0])
        if numbers:
            return fill(translate("CoreMessages", "A part of the domain can be at most %1 characters"), numbers[-1])
    if code == "email.domain_tld" and quoted:
        return fill(translate("CoreMessages", "The domain %1 does not end in a top-level domain"), quoted[0])
    return None

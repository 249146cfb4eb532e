"""Filling a quick text's placeholders and choosing the language it is shown in.

A text names what it needs in braces: ``Hei {customer_name}, asianne {case_number} on vastaanotettu.``
:func:`fill_placeholders` replaces the names it is given a value for and leaves every other brace as
written, so a placeholder the desk cannot fill (no case chosen yet) stays visible for the agent to
complete, and a brace that is not a placeholder (``{`` in a URL) is never an error.

:func:`choose_language` picks the text's language: the customer's preferred one when the text exists
in it, else the agent's own, else Finnish, Swedish, English in that order of what exists. Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

LANGUAGES = ("fi", "sv", "en")
PLACEHOLDERS = ("customer_name", "case_number", "agent_name", "today")
_NAME = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def fill_placeholders(template: str, values: Mapping[str, str]) -> str:
    """``template`` with each ``{name}`` that has a non-empty value in ``values`` replaced by it."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return _NAME.sub(replace, template)


def placeholders_in(template: str) -> list[str]:
    """The placeholder names a text uses, in order, each once."""
    return list(dict.fromkeys(_NAME.findall(template)))


def choose_language(available: Collection[str], customer: str | None, agent: str | None = None) -> str | None:
    """The language to show a text in (None when it has none): the customer's when the text has it,
    else the agent's, else the first of fi, sv, en it has."""
    for wanted in (customer, agent, *LANGUAGES):
        if wanted and wanted in available:
            return wanted
    return next(iter(sorted(available)), None)

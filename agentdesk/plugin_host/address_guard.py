"""The protected-address guard: does anything a plugin returns mention a protected street address?

A back end that knows a protected person's address (a service request's status notes, a care
unit's free text) must never get it onto the agent's screen through a panel. Comparing the
address as typed is not enough: ``AHOTIE 33``, ``Ahotie 33, Naantali``, ``Ahotie\\u00a033``,
``Ahotie  33``, ``Åhotie 33`` or ``Ahotie33`` are the same place to a reader. So both sides are
compared folded the way the customer search folds text (case, Nordic and other accented letters,
punctuation — :func:`agentdesk.search.text_index.fold`), with invisible format characters removed
and white space of any kind ignored, and the address is reduced to what identifies a building:
the street name and the house number (``Ahotie 33 B 12`` → ``ahotie 33``).

The number must end where the text's number ends (``Ahotie 330`` is another building), and the
street name must start at a word boundary (``Kotiahotie 33`` is another street).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass

from agentdesk.search.text_index import fold

MIN_NEEDLE = 4  # characters (spaces not counted): shorter texts would match too much to be useful
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


def _plain(text: str) -> str:
    """Folded, with format characters (zero-width space, soft hyphen, direction marks) dropped and
    letters and digits split apart: ``Ahotie\\u200b33A`` → ``ahotie 33 a``."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _LETTERS_DIGITS.sub(" ", fold(visible))


def street_and_number(address: str) -> str:
    """The identifying part of a street address, folded: its words up to the first house number.

    ``Hämeenkatu 12 B 5`` → ``hameenkatu 12``; an address without a number stays whole."""
    words = _plain(address).split()
    for i, word in enumerate(words):
        if word.isdigit() and i > 0:
            return " ".join(words[: i + 1])
    return " ".join(words)


def _pattern(needle: str) -> re.Pattern[str] | None:
    compact = needle.replace(" ", "")
    if len(compact) < MIN_NEEDLE or compact.isdigit():  # a postal code alone is no one's address
        return None
    # Any spacing between the characters: "aho tie 33", "ahotie33" and "a h o t i e 3 3" all match.
    body = " ?".join(re.escape(ch) for ch in compact)
    tail = r"(?![0-9])" if compact[-1].isdigit() else r"(?![a-z0-9])"
    return re.compile(r"(?<![a-z0-9])" + body + tail)


class AddressGuard:
    """Built once per call from the protected address texts; ``mentions`` checks any output."""

    def __init__(self, protected: Iterable[object]) -> None:  # not only texts: whatever the desk holds
        needles = {street_and_number(text) for text in protected if isinstance(text, str)}
        self._patterns = [p for p in (_pattern(n) for n in sorted(needles)) if p is not None]

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def mentions(self, value: object) -> bool:
        """Whether any text anywhere in ``value`` (dataclasses, tuples, lists, sets, dict keys and
        values, however deeply nested) names one of the protected addresses."""
        if not self._patterns:
            return False
        for text in strings_in(value):
            plain = _plain(text)
            if any(p.search(plain) for p in self._patterns):
                return True
        return False


def strings_in(value: object) -> Iterator[str]:
    """Every str inside ``value``, depth first, without recursion (no depth limit to overrun)."""
    stack: list[object] = [value]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        if isinstance(item, (int, float, bool, bytes)) or item is None:
            continue
        if id(item) in seen:  # a structure that contains itself
            continue
        seen.add(id(item))
        if is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name, None) for f in fields(item))
        elif isinstance(item, dict):
            for key, val in item.items():
                stack.append(key)
                stack.append(val)
        elif isinstance(item, (tuple, list, set, frozenset)):
            stack.extend(item)

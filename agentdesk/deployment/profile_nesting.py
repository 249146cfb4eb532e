"""Limits that keep ``agentdesk profile check`` answering for any text: nesting depth, and values
shown in messages.

Python's ``tomllib`` reads nested arrays and inline tables recursively, so ``a = [[[[...]]]]`` a few
hundred levels deep ends in RecursionError; dotted keys and table headers nest without recursion
but give a structure too deep to walk or show. A profile needs five levels
(``plugins.health.panel_roles.summary = ["agent"]``), so anything deeper than :data:`MAX_NESTING`
is a finding with its key, before tomllib is asked (:func:`too_deep_in_text`) and after
(:func:`too_deep`).
"""

from __future__ import annotations

from collections.abc import Mapping

MAX_NESTING = 8  # tables, arrays and inline tables inside each other
MAX_SHOWN = 80  # characters of a value quoted in a message


def nesting_message(limit: int = MAX_NESTING) -> str:
    return (
        f"nested more than {limit} levels deep (tables, lists and inline tables inside each other); "
        "a profile needs at most 5"
    )


def _dotted(*parts: str) -> str:
    text = ".".join(p for p in parts if p)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def _key_text(raw: str) -> str:
    """A TOML key as written (``"a b" . c``) in the dotted form of the findings (``a b.c``)."""
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


def _string_end(text: str, i: int) -> int:
    """The index after the TOML string that starts at *i* (the end of the text when unterminated)."""
    quote = text[i]
    triple = text.startswith(quote * 3, i)
    delimiter = quote * 3 if triple else quote
    j = i + len(delimiter)
    n = len(text)
    while j < n:
        c = text[j]
        if c == "\\" and quote == '"':
            j += 2
            continue
        if not triple and c == "\n":
            return j  # a single-line string ends at the line end at the latest
        if text.startswith(delimiter, j):
            j += len(delimiter)
            while triple and j < n and text[j] == quote:  # """a"""" : up to two quotes belong inside
                j += 1
            return j
        j += 1
    return n


def too_deep_in_text(text: str, limit: int = MAX_NESTING) -> str | None:
    """The dotted key of the first value whose arrays or inline tables nest deeper than *limit*,
    found by scanning the text (strings and comments skipped), or None. Table headers count
    towards the depth of the table under them only in :func:`too_deep`."""
    table = ""
    key = ""
    depth = 0
    in_value = False  # after the '=' of a key at the top of a table
    line_start = True
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            if depth == 0:
                in_value, key = False, ""
            line_start = True
            i += 1
            continue
        if c in " \t\r":
            i += 1
            continue
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if depth == 0 and line_start and c == "[":  # a [table] or [[array]] header: never recursive
            end = text.find("\n", i)
            end = n if end < 0 else end
            table = _key_text(text[i:end].split("#", 1)[0].strip().strip("[]"))
            i = end
            continue
        line_start = False
        if depth == 0 and not in_value:
            start = i
            while i < n and text[i] not in "=\n":
                i = _string_end(text, i) if text[i] in "\"'" else i + 1
            if i < n and text[i] == "=":
                key, in_value = _key_text(text[start:i]), True
                i += 1
            continue
        if c in "\"'":
            i = _string_end(text, i)
            continue
        if c in "[{":
            depth += 1
            if depth > limit:
                return _dotted(table, key) or "(top level)"
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None


def too_deep(value: object, limit: int = MAX_NESTING) -> str | None:
    """The dotted key where the parsed profile nests deeper than *limit* (walked without recursion)."""
    stack: list[tuple[object, int, tuple[str, ...]]] = [(value, 0, ())]
    while stack:
        item, depth, path = stack.pop()
        if not isinstance(item, (dict, list)):
            continue
        if depth > limit:
            return _dotted(*path) or "(top level)"
        if isinstance(item, Mapping):
            stack.extend((v, depth + 1, (*path, str(k))) for k, v in item.items())
        else:
            stack.extend((v, depth + 1, path) for v in item)
    return None


def shown(value: object) -> str:
    """A value for a message: its repr, cut to :data:`MAX_SHOWN` characters; never fails (a whole
    number past Python's 4300-digit limit cannot be turned into text)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return "a number too large to show"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return "a value too large to show"
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"

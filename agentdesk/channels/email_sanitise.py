"""Text from a mailbox made safe to store and show: the one boundary where mail enters.

Everything :func:`~agentdesk.channels.email_threading.parse_message` returns passes through here,
so every string the intake stores is valid, NUL-free Unicode of bounded length, whatever the
sender's client wrote:

- bytes the ``email`` package could not decode reach us as surrogate escapes (``\\udce4``); they are
  decoded again, as UTF-8 when they are UTF-8 and as Windows-1252 (Latin-1) otherwise, so a raw
  Latin-1 ``From: Mäkinen`` reads as written; any other lone surrogate becomes U+FFFD;
- NUL and other control characters become U+FFFD in header fields (a line break or tab becomes a
  space there); a body keeps its line breaks and tabs and loses its NUL characters;
- header fields are cut to the length of the columns they go into.

:func:`html_to_text` reduces an HTML body to text in one linear pass (Python's ``html.parser`` is
quadratic on some inputs), on at most :data:`MAX_HTML_CHARS` characters of it.
"""

from __future__ import annotations

import html
import re

__all__ = ["MAX_HTML_CHARS", "clean_body", "clean_field", "html_to_text", "recover_bytes"]

MAX_HTML_CHARS = 500_000  # of an HTML body converted to text; the stored body is shorter still

_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELD_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("[\t\r\n]+")
_BODY_CONTROLS = re.compile("[\x00]")
_SPACES = re.compile(r"\s+")


def _decode_run(match: re.Match[str]) -> str:
    data = bytes(ord(ch) - 0xDC00 for ch in match.group())
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails; only for the five bytes cp1252 leaves undefined


def recover_bytes(text: str) -> str:
    """Surrogate-escaped bytes decoded again (UTF-8, else Windows-1252); other surrogates U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", _ESCAPED_RUN.sub(_decode_run, text))


def clean_field(text: str | None, limit: int) -> str:
    """One header field (a subject, a name, an address, a Message-ID, a file name) as stored: one
    line of valid text without NUL or control characters, at most ``limit`` characters."""
    if not text:
        return ""
    text = recover_bytes(str(text))
    text = _LINE_BREAKS.sub(" ", text)
    text = _FIELD_CONTROLS.sub("\ufffd", text)
    return text[:limit]


def clean_body(text: str) -> str:
    """A body as stored: valid text, line breaks normalised to ``\\n``, no NUL characters."""
    text = recover_bytes(text).replace("\r\n", "\n").replace("\r", "\n")
    return _BODY_CONTROLS.sub("", text)


# --------------------------------------------------------------------------------------------
# HTML to text, linear

_SKIP_CONTENT = {"head", "title"}  # text inside is not shown; tags inside are still read
_RAW_TEXT = {"script", "style", "textarea", "xmp", "noscript"}  # content up to the end tag is not markup
_BREAK = {
    "br",
    "p",
    "div",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "ul",
    "ol",
    "pre",
    "hr",
}
_TAG_NAME = re.compile(r"/?\s*([A-Za-z][A-Za-z0-9:-]*)")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def html_to_text(markup: str) -> str:
    """Readable plain text from an HTML body: no tags, scripts or styles; paragraphs kept.

    One pass over the input, every character looked at a bounded number of times (``str.find``
    from the current position only), so time grows linearly with the size; only the first
    :data:`MAX_HTML_CHARS` characters are read. A tag ends at the first ``>``; an unclosed tag, comment
    or script at the end is dropped."""
    markup = markup[:MAX_HTML_CHARS]
    lower = markup.translate(_ASCII_LOWER)  # same length and positions as ``markup``
    out: list[str] = []
    skip = 0
    pos, end = 0, len(markup)
    while pos < end:
        lt = markup.find("<", pos)
        if lt < 0:
            lt = end
        if lt > pos and not skip:
            out.append(_SPACES.sub(" ", html.unescape(markup[pos:lt])))
        if lt >= end:
            break
        following = markup[lt + 1 : lt + 2]
        if not (following.isascii() and (following.isalpha() or following in "/!?")) or not following:
            if not skip:
                out.append("<")  # "a < b": a lone "<" is text
            pos = lt + 1
            continue
        if markup.startswith("<!--", lt):
            close = markup.find("-->", lt + 4)
            if close < 0:
                break
            pos = close + 3
            continue
        gt = markup.find(">", lt + 1)
        if gt < 0:
            break
        pos = gt + 1
        inside = markup[lt + 1 : gt]
        name_match = _TAG_NAME.match(inside)
        if name_match is None:  # "<!DOCTYPE", "<?xml", or a lone "<" in text: no tag to act on
            continue
        tag = name_match.group(1).translate(_ASCII_LOWER)
        closing = inside.lstrip().startswith("/")
        if not closing and tag in _RAW_TEXT and not inside.rstrip().endswith("/"):
            close = lower.find("</" + tag, pos)
            if close < 0:
                break
            after = markup.find(">", close)
            pos = end if after < 0 else after + 1
            continue
        if tag == "body":
            skip = 0
        elif tag in _SKIP_CONTENT:
            skip = max(0, skip - 1) if closing else skip + 1
        elif tag in _BREAK:
            out.append("\n")
            if tag == "li" and not closing:
                out.append("- ")
    lines = [line.strip() for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

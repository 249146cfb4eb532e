"""Reading incoming e-mail and finding the conversation it belongs to. Pure: no I/O, no database.

:func:`parse_message` turns the raw bytes of a message (RFC 5322, MIME) into a
:class:`ParsedEmail` with the stdlib ``email`` package (``policy.default``): RFC 2047 encoded
words in subjects and names decoded, the sender's address lower-cased, the text body (text/plain
preferred, HTML reduced to text otherwise) and the attachments *listed* (name, type, size; their
content is never kept).

Threading, as mail clients and helpdesks do it (RFC 5322 section 3.6.4; the rule itself is
:func:`agentdesk.channels.email_thread_match.resolve_thread`, the subjects and ids are here):

1. the message's own parents: ``In-Reply-To`` and then ``References`` from the newest to the
   oldest; the first one that is known belongs to the conversation;
2. when no parent is known (a client that drops the headers, a reply to a message that never
   passed the desk), the same normalised subject from the same sender.

Subjects are normalised by removing reply and forward prefixes as written by clients in
Finnish ("Vs:", "VL:", "Vast:"), Swedish ("Sv:", "VB:"), English ("Re:", "Fwd:", "FW:"), German
("AW:", "WG:") and others, repeated and counted ("Re[2]:", "RE: VS: AW:").
"""

from __future__ import annotations

import datetime as dt
import email
import email.errors
import email.header
import email.message
import email.parser
import email.utils
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

from agentdesk.channels.email_sanitise import clean_body, clean_field, html_to_text, recover_bytes

__all__ = [
    "Attachment",
    "ParsedEmail",
    "attachment_parts",
    "html_to_text",
    "message_digest",
    "message_ids",
    "normalise_subject",
    "parse_message",
    "part_payload",
    "reply_subject",
    "storage_ref",
    "subject_key",
]

# Prefixes a reply gets, by language: English/Latin "Re", Finnish "Vs"/"Vast", Swedish/Danish/
# Norwegian "Sv", German "AW"/"Antw", Dutch "Antw", Polish "Odp", Italian "Rif", Turkish "Ynt".
REPLY_PREFIXES = ("re", "vs", "vast", "sv", "aw", "antw", "odp", "rif", "ynt", "atb")
# ... and a forward: "Fwd"/"FW", Finnish "VL" (välitetty), Swedish "VB" (vidarebefordrat),
# German "WG", French "TR", Spanish "RV", Portuguese "Enc".
FORWARD_PREFIXES = ("fwd", "fw", "vl", "vb", "wg", "tr", "rv", "enc")


def _prefix_re(words: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    # "Re:", "RE :", "Re[2]:", "Re(2):", full-width colon from East Asian clients.
    return re.compile(rf"^\s*(?:{alternatives})\s*(?:\[\d+\]|\(\d+\))?\s*[:\uff1a]\s*", re.IGNORECASE)


_REPLY_RE = _prefix_re(REPLY_PREFIXES)
_ANY_PREFIX_RE = _prefix_re(REPLY_PREFIXES + FORWARD_PREFIXES)
_SPACES_RE = re.compile(r"\s+")
_MSGID_RE = re.compile(r"<([^<>\s]+)>")
_ENCODED_WORD_RE = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_SURROGATE_RE = re.compile("[\udc80-\udcff]")

MAX_REF_LENGTH = 128  # interaction.external_ref

# Field lengths as stored (the columns they go into, or what RFC 5321/5322 allow).
SUBJECT_MAX = 200  # work_item.subject, service_case.title
NAME_MAX = 200
ADDRESS_MAX = 254  # RFC 5321 path, less the brackets
MESSAGE_ID_MAX = 998  # one header line; stored through storage_ref() (a digest beyond 128)
FILENAME_MAX = 255
CONTENT_TYPE_MAX = 127
MAX_REFERENCES = 50  # the nearest ancestors are kept; an endless References line is no query
MAX_RECIPIENTS = 100
# A message with more MIME parts or nesting than this is read for its headers only: the stdlib parser
# takes milliseconds per part and recurses once per level.
MAX_MIME_PARTS = 500
MAX_MIME_DEPTH = 40
TOO_COMPLEX = "(this message has too many parts to be shown here; it is kept in the mailbox)"


def _strip_prefixes(subject: str, pattern: re.Pattern[str]) -> str:
    text = _SPACES_RE.sub(" ", subject).strip()
    while True:
        stripped = pattern.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def normalise_subject(subject: str) -> str:
    """The subject without any reply or forward prefixes, whitespace collapsed (case kept)."""
    return _strip_prefixes(subject, _ANY_PREFIX_RE)


def subject_key(subject: str) -> str:
    """The subject as compared for threading: normalised and case-folded."""
    return normalise_subject(subject).casefold()


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` with exactly one reply prefix ("Vs: Re: Asia" gives "Re: Asia").
    Forward prefixes stay: a reply to "Fwd: Asia" is "Re: Fwd: Asia", as clients write it."""
    rest = _strip_prefixes(subject, _REPLY_RE)
    return f"Re: {rest}" if rest else "Re:"


def message_ids(value: str | None) -> tuple[str, ...]:
    """Every ``<id>`` in a Message-ID / In-Reply-To / References value, in order, without repeats.

    A bare ``id@host`` (no angle brackets, as some clients write In-Reply-To) counts as one."""
    if not value:
        return ()
    found = [f"<{m}>" for m in _MSGID_RE.findall(value)]
    if not found:
        bare = value.strip()
        if "@" in bare and not any(ch.isspace() for ch in bare):
            found = [f"<{bare.strip('<>')}>"]
    return tuple(dict.fromkeys(found))  # without repeats, in first-seen order


def storage_ref(message_id: str) -> str:
    """The Message-ID as stored in ``interaction.external_ref`` (at most 128 characters): itself,
    or for the rare longer one a stable digest of it."""
    if len(message_id) <= MAX_REF_LENGTH:
        return message_id
    return "<sha256:" + hashlib.sha256(message_id.encode("utf-8", "surrogateescape")).hexdigest() + ">"


def message_digest(message_id: str) -> str:
    """How a log names a message: 12 hex digits of its Message-ID's SHA-256 ("-" when unknown)."""
    if not message_id:
        return "-"
    return hashlib.sha256(message_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]


# --------------------------------------------------------------------------------------------
# Parsing


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str  # decoded; "" when the sender gave none
    content_type: str  # "application/pdf"
    size: int  # bytes after transfer decoding

    def describe(self) -> str:
        name = self.filename or "(no name)"
        return f"{name} ({self.content_type}, {_human_size(self.size)})"


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    message_id: str  # "<...>"; a stable made-up one when the message has none
    message_id_missing: bool
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str  # decoded, whitespace collapsed
    from_addr: str  # lower-cased; "" when missing or unreadable
    from_name: str
    reply_to: str  # where a reply goes: Reply-To when given, else From (lower-cased)
    to: tuple[str, ...]
    cc: tuple[str, ...]
    date: dt.datetime | None  # aware
    text: str  # the text body
    body_was_html: bool
    attachments: tuple[Attachment, ...]
    auto_submitted: bool  # an out-of-office reply, a bounce, a list digest...
    size: int  # bytes of the raw message

    @property
    def parent_ids(self) -> tuple[str, ...]:
        """The message's ancestors, nearest first: In-Reply-To, then References newest to oldest."""
        ordered = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        return tuple(x for x in dict.fromkeys(ordered) if x != self.message_id)


def parse_message(raw: bytes) -> ParsedEmail:
    """Parse one message. Never raises for bad input: what cannot be read is left empty.

    Every string in the result is valid, NUL-free text within its field's length
    (:mod:`~agentdesk.channels.email_sanitise`): this is where mail enters."""
    too_complex = _too_complex(raw)
    parser = email.parser.BytesParser(policy=policy.default)
    msg = parser.parsebytes(raw, headersonly=too_complex)
    assert isinstance(msg, EmailMessage)

    own_ids = _ids(msg, "Message-ID")
    missing = not own_ids
    message_id = own_ids[0] if own_ids else _made_up_id(raw)
    in_reply_to_ids = _ids(msg, "In-Reply-To")
    from_list = _addresses(msg, "From")
    from_name, from_addr = from_list[0] if from_list else ("", "")
    reply_to_list = _addresses(msg, "Reply-To")
    if too_complex:
        body_part, text, was_html = None, TOO_COMPLEX, False
    else:
        body_part = _body_part(msg)
        text, was_html = _text_of(body_part) if body_part is not None else ("", False)

    return ParsedEmail(
        message_id=message_id,
        message_id_missing=missing,
        in_reply_to=in_reply_to_ids[0] if in_reply_to_ids else None,
        references=_ids(msg, "References")[-MAX_REFERENCES:],
        subject=clean_field(_SPACES_RE.sub(" ", _header(msg, "Subject")).strip(), SUBJECT_MAX).strip(),
        from_addr=from_addr,
        from_name=from_name,
        reply_to=reply_to_list[0][1] if reply_to_list else from_addr,
        to=tuple(a for _, a in _addresses(msg, "To"))[:MAX_RECIPIENTS],
        cc=tuple(a for _, a in _addresses(msg, "Cc"))[:MAX_RECIPIENTS],
        date=_date(msg),
        text=text,
        body_was_html=was_html,
        attachments=() if too_complex else tuple(a for _, a in attachment_parts(msg, body_part)),
        auto_submitted=_is_automatic(msg),
        size=len(raw),
    )


def _too_complex(raw: bytes) -> bool:
    """More MIME parts or deeper nesting than the parser is given (a cheap upper bound: every
    delimiter line and every multipart content type counts)."""
    lowered = raw.lower()
    multiparts = lowered.count(b"multipart/")
    if not multiparts:
        return False  # one part: lines of "-----" in a plain text body are no delimiters
    return multiparts > MAX_MIME_DEPTH or lowered.count(b"\n--") > MAX_MIME_PARTS


def _made_up_id(raw: bytes) -> str:
    # Stable, so the same message fetched twice is recognised as already seen.
    return f"<{hashlib.sha256(raw).hexdigest()[:40]}@no-message-id.invalid>"


# The helpers' `except Exception` (noqa: BLE001, "hostile input") are deliberate: the email package raises
# almost anything (IndexError, AttributeError, ...) on a crafted message, and parse_message never raises.


def _ids(msg: EmailMessage, name: str) -> tuple[str, ...]:
    found = (clean_field(i, MESSAGE_ID_MAX) for i in message_ids(_header(msg, name)))
    return tuple(dict.fromkeys(found))  # without repeats, in first-seen order


def _raw_header(msg: EmailMessage, name: str) -> str | None:
    for key, raw in msg.raw_items():
        if key.lower() == name.lower():
            return str(raw)
    return None


def _header(msg: EmailMessage, name: str) -> str:
    """The decoded header value, "" when missing; survives malformed headers. A header written in
    raw 8-bit (an old client's Latin-1 subject) is read from its bytes, not from the parser's guess."""
    raw = _raw_header(msg, name)
    if raw is None:
        return ""
    if _SURROGATE_RE.search(raw):
        text = recover_bytes(_SPACES_RE.sub(" ", raw))
        return _decode_words(text) if _ENCODED_WORD_RE.search(text) else text
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - the header parser can fail on hostile input; fall back to the raw text
        value = _decode_words(raw)
    if value is None:
        return ""
    text = str(value)
    return _decode_words(text) if _ENCODED_WORD_RE.search(text) else text


def _decode_words(text: str) -> str:
    """Decode RFC 2047 encoded words the header parser left alone (e.g. inside quotes)."""
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except (LookupError, ValueError, UnicodeError, email.errors.HeaderParseError):
        return text


def _addresses(msg: EmailMessage, name: str) -> list[tuple[str, str]]:
    """(display name, lower-cased address) pairs of an address header, cleaned and cut to length."""
    return [
        (clean_field(display, NAME_MAX).strip(), clean_field(addr, ADDRESS_MAX))
        for display, addr in _raw_addresses(msg, name)
    ]


def _raw_addresses(msg: EmailMessage, name: str) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    try:
        header = msg.get(name)
        groups = getattr(header, "addresses", None)
    except Exception:  # noqa: BLE001 - hostile input
        header, groups = None, None
    if groups is not None:
        for address in groups:
            addr = (address.addr_spec or "").strip().lower()
            if addr and "@" in addr and addr != "<>":
                result.append((_decode_words(address.display_name or ""), addr))
        if result:
            return result
    raw = [str(v) for k, v in msg.raw_items() if k.lower() == name.lower()]
    try:
        pairs = email.utils.getaddresses(raw)
    except Exception:  # noqa: BLE001 - getaddresses is lenient, but hostile input has surprised it before
        pairs = []
    for display, addr in pairs:
        addr = addr.strip().lower()
        if addr and "@" in addr:
            result.append((_decode_words(display), addr))
    return result


def _date(msg: EmailMessage) -> dt.datetime | None:
    try:
        header = msg.get("Date")
        value = getattr(header, "datetime", None)
        if value is not None and value.tzinfo is None:  # "-0000": the zone is unknown; UTC (RFC 5322 3.3)
            value = value.replace(tzinfo=dt.UTC)
        if value is not None:
            value.astimezone(dt.UTC)  # a year 1 with a positive offset cannot be stored
    except Exception:  # noqa: BLE001 - hostile input
        value = None
    return value


def _is_automatic(msg: EmailMessage) -> bool:
    auto = _header(msg, "Auto-Submitted").strip().lower()
    if auto and auto != "no":
        return True
    precedence = _header(msg, "Precedence").strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return True
    return bool(_header(msg, "X-Autoreply") or _header(msg, "X-Autorespond"))


# --- body and attachments ---------------------------------------------------------------


def _body_part(msg: EmailMessage) -> EmailMessage | None:
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001 - hostile input
        part = None
    if (
        part is None
        and not msg.is_multipart()
        and msg.get_content_maintype() == "text"
        and msg.get_content_disposition() != "attachment"
    ):
        part = msg
    return part  # type: ignore[return-value]


def _text_of(part: EmailMessage) -> tuple[str, bool]:
    try:
        content = part.get_content()
    except Exception:  # noqa: BLE001 - an unknown charset, a broken transfer encoding
        try:
            payload = part.get_payload(decode=True) or b""
        except Exception:  # noqa: BLE001 - hostile input
            payload = b""
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else str(payload)
    if not isinstance(content, str):
        content = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else ""
    # PostgreSQL text cannot hold NUL; a body never needs one.
    content = clean_body(content)
    if part.get_content_subtype() == "html":
        return clean_body(html_to_text(content)), True
    return content.strip("\n"), False


def _leaves(part: EmailMessage) -> Iterator[EmailMessage]:
    # An attached message (message/rfc822) is one attachment, not a tree to descend into.
    stack = [part]
    while stack:
        current = stack.pop()
        if current.get_content_maintype() == "multipart":
            try:
                children = list(current.iter_parts())
            except Exception:  # noqa: BLE001 - hostile input
                children = []
            stack.extend(reversed(children))  # type: ignore[arg-type]
        else:
            yield current


def attachment_parts(msg: EmailMessage, body: EmailMessage | None) -> Iterator[tuple[EmailMessage, Attachment]]:
    """Each attachment of ``msg`` (``body``: its body part) as listed, with the MIME part it was read from."""
    if msg.get_content_maintype() != "multipart" and msg is body:
        return
    for part in _leaves(msg):
        if part is body:
            continue
        try:
            disposition = part.get_content_disposition()
            content_type = part.get_content_type()
        except Exception:  # noqa: BLE001 - hostile input
            disposition, content_type = None, "application/octet-stream"
        filename = clean_field(_filename(part), FILENAME_MAX).strip()
        if disposition != "attachment" and not filename and content_type.startswith("text/"):
            continue  # an extra inline text part (a list footer), not an attachment
        yield part, Attachment(filename, clean_field(content_type, CONTENT_TYPE_MAX), _size(part))


def _filename(part: EmailMessage) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # noqa: BLE001 - hostile input
        name = ""
    if not name and part.get_content_type() == "message/rfc822":
        try:
            inner = part.get_payload(0)
            subject = _header(inner, "Subject") if isinstance(inner, EmailMessage) else ""
        except Exception:  # noqa: BLE001 - hostile input
            subject = ""
        name = f"{subject}.eml" if subject else ""
    if _ENCODED_WORD_RE.search(name):  # RFC 2047 inside a quoted parameter: common, not standard
        name = _decode_words(name)
    return name.replace("/", "_").replace("\\", "_").strip()


def part_payload(part: EmailMessage) -> bytes | None:
    """An attachment's content after transfer decoding (an attached message as its bytes); None when
    it cannot be read."""
    try:
        if part.get_content_maintype() == "message":
            inner = part.get_payload(0)
            return inner.as_bytes() if isinstance(inner, email.message.Message) else b""
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - hostile input
        return None
    return payload if isinstance(payload, bytes) else b""


def _size(part: EmailMessage) -> int:
    payload = part_payload(part)
    return len(payload) if payload is not None else 0


def _human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size / (1024 * 1024):.1f} MB"

"""Which conversation an incoming e-mail belongs to: its parents (References, In-Reply-To) nearest
first, else its subject from the same sender, else a new one (:func:`resolve_thread`, generic over what
the caller calls a conversation: a case, a thread row)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from agentdesk.channels.email_threading import ParsedEmail, subject_key

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ThreadKey:
    parent_ids: tuple[str, ...]  # nearest first
    subject: str  # subject_key(); "" means no subject fallback
    sender: str  # lower-cased address


@dataclass(frozen=True, slots=True)
class ThreadMatch(Generic[T]):
    thread: T | None
    how: Literal["references", "subject", "new"]


def thread_key(mail: ParsedEmail) -> ThreadKey:
    return ThreadKey(mail.parent_ids, subject_key(mail.subject), mail.from_addr)


def resolve_thread(
    key: ThreadKey,
    find_by_ids: Callable[[Sequence[str]], Mapping[str, T]],
    find_by_subject: Callable[[str, str], T | None],
) -> ThreadMatch[T]:
    """The conversation a message belongs to.

    ``find_by_ids`` maps the known ones among the given Message-IDs to their conversation;
    ``find_by_subject(subject_key, sender)`` finds a conversation with that subject from that
    sender (or None). Parents are tried nearest first; the subject only when no parent is known.
    """
    if key.parent_ids:
        known = find_by_ids(key.parent_ids)
        for parent in key.parent_ids:
            if parent in known:
                return ThreadMatch(known[parent], "references")
    if key.subject and key.sender:
        found = find_by_subject(key.subject, key.sender)
        if found is not None:
            return ThreadMatch(found, "subject")
    return ThreadMatch(None, "new")

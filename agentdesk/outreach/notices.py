"""A notice's texts and channel, and planning its send job: one transaction writes the notice and a
recipient row per citizen of the segment, with the citizen's language (their preferred one when the
notice has a text in it, else Finnish) and the e-mail address or phone number the notice goes to."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.outreach.segments import SegmentFilter, segment_query
from agentdesk.storage.models import (
    Channel,
    ContactKind,
    ContactPoint,
    Customer,
    Language,
    Notice,
    NoticeRecipient,
    NoticeRecipientState,
)

NOTICE_LANGUAGES = (Language.FI, Language.SV, Language.EN)
NOTICE_CHANNELS = (Channel.EMAIL, Channel.SMS)
SMS_MAX_CHARS = 612  # four concatenated messages
PLAN_CHUNK = 5000


class NoticeInputError(ValueError):
    """What is wrong with a notice: field → (code, English message). Fields: ``title``, ``channel``,
    ``subject_fi``/``body_fi`` (and sv, en)."""

    def __init__(self, problems: Mapping[str, tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{k}: {m}" for k, (_c, m) in problems.items()))
        self.problems = dict(problems)


@dataclass(frozen=True, slots=True)
class NoticeText:
    subject: str = ""  # e-mail only
    body: str = ""


@dataclass(frozen=True, slots=True)
class NoticeDraft:
    title: str
    channel: Channel
    segment: SegmentFilter
    texts: Mapping[Language, NoticeText]  # fi, sv, en; a missing or empty language falls back to fi
    department_id: int | None = None

    def text_for(self, language: Language) -> NoticeText:
        text = self.texts.get(language)
        if text is None or not text.body.strip():
            return self.texts.get(Language.FI, NoticeText())
        return text


def language_for(preferred: Language, available: frozenset[Language]) -> Language:
    """The language a citizen gets: their preferred one when the notice has it, else Finnish."""
    return preferred if preferred in available else Language.FI


def check_draft(draft: NoticeDraft, needed: Mapping[Language, int] | None = None) -> None:
    """Raises :class:`NoticeInputError`: no title, no Finnish text (the fallback for everyone), an
    e-mail text without a subject, an SMS over its length, a subject without a message. An empty
    sv/en text is allowed: those citizens get the Finnish one (the composer warns, from
    :func:`language_counts`) unless ``needed`` (language → recipients, the composer's) asks for it."""
    problems: dict[str, tuple[str, str]] = {}
    if not draft.title.strip():
        problems["title"] = ("notice.title", "Give the notice a title (staff see it in the timeline)")
    if draft.channel not in NOTICE_CHANNELS:
        problems["channel"] = ("notice.channel", "A notice goes by e-mail or SMS")
    fi = draft.texts.get(Language.FI, NoticeText())
    if not fi.body.strip():
        problems["body_fi"] = (
            "notice.body_fi",
            "Write the Finnish text: it is sent to everyone without their own language",
        )
    for lang in NOTICE_LANGUAGES:
        text = draft.texts.get(lang, NoticeText())
        code = lang.value
        if text.subject.strip() and not text.body.strip():
            problems[f"body_{code}"] = ("notice.body_missing", f"The {code} text has a subject but no message")
        if draft.channel is Channel.EMAIL and text.body.strip() and not text.subject.strip():
            problems[f"subject_{code}"] = ("notice.subject", f"An e-mail needs a subject ({code})")
        if draft.channel is Channel.SMS and len(text.body) > SMS_MAX_CHARS:
            problems[f"body_{code}"] = ("notice.sms_length", f"An SMS is at most {SMS_MAX_CHARS} characters ({code})")
        if needed and needed.get(lang, 0) and not text.body.strip() and f"body_{code}" not in problems:
            problems[f"body_{code}"] = (
                "notice.language_missing",
                f"{needed[lang]} recipients read {code}: write the {code} text",
            )
    if problems:
        raise NoticeInputError(problems)


def language_counts(session: Session, segment: SegmentFilter) -> dict[Language, int]:
    """How many of the segment prefer each language (other → fi), for the composer's warnings."""
    ids = segment_query(session, segment).subquery()
    rows = session.execute(
        select(Customer.preferred_language, func.count())
        .where(Customer.id.in_(select(ids.c.id)))
        .group_by(Customer.preferred_language)
    ).all()
    out: dict[Language, int] = {}
    for lang, n in rows:
        key = lang if lang in NOTICE_LANGUAGES else Language.FI
        out[key] = out.get(key, 0) + int(n)
    return out


@dataclass(frozen=True, slots=True)
class PlannedNotice:
    notice_id: int
    recipients: int
    unreachable: int  # no e-mail address / phone number for the channel
    changes: Changes


def plan_notice(session: Session, draft: NoticeDraft, *, actor: str, today: dt.date | None = None) -> PlannedNotice:
    """Write the notice and its recipients (state pending, or unreachable) in the caller's transaction."""
    check_draft(draft)
    segment = draft.segment.cleaned()
    available = frozenset(lang for lang in NOTICE_LANGUAGES if draft.texts.get(lang, NoticeText()).body.strip())
    kind = ContactKind.EMAIL if draft.channel is Channel.EMAIL else ContactKind.PHONE
    texts = {lang: draft.texts.get(lang, NoticeText()) for lang in NOTICE_LANGUAGES}
    notice = Notice(
        title=draft.title.strip(),
        channel=draft.channel,
        segment=segment.to_json(),
        subject_fi=texts[Language.FI].subject.strip(),
        subject_sv=texts[Language.SV].subject.strip(),
        subject_en=texts[Language.EN].subject.strip(),
        body_fi=texts[Language.FI].body.strip(),
        body_sv=texts[Language.SV].body.strip(),
        body_en=texts[Language.EN].body.strip(),
        created_by=actor,
        department_id=draft.department_id,
    )
    session.add(notice)
    session.flush()
    ids = segment_query(session, segment, today).subquery()
    people = session.execute(
        select(Customer.id, Customer.preferred_language).where(Customer.id.in_(select(ids.c.id))).order_by(Customer.id)
    ).all()
    # each one's contact point of the kind: the primary one first, then the lowest id
    best: dict[int, tuple[bool, int, str]] = {}
    for cid, primary, point_id, value in session.execute(
        select(ContactPoint.customer_id, ContactPoint.is_primary, ContactPoint.id, ContactPoint.value).where(
            ContactPoint.kind == kind, ContactPoint.customer_id.in_(select(ids.c.id))
        )
    ):
        rank = (not primary, point_id, value)
        if cid not in best or rank < best[cid]:
            best[cid] = rank
    rows = [(cid, preferred, best[cid][2] if cid in best else None) for cid, preferred in people]
    total = unreachable = 0
    batch: list[dict[str, object]] = []
    for cid, preferred, destination in rows:
        state = NoticeRecipientState.PENDING if destination else NoticeRecipientState.UNREACHABLE
        unreachable += 0 if destination else 1
        total += 1
        batch.append(
            {
                "notice_id": notice.id,
                "customer_id": cid,
                "language": language_for(preferred, available),
                "destination": destination or "",
                "state": state,
                "idempotency_key": uuid.uuid4().hex,
                "attempts": 0,
                "error": "" if destination else "no address for the channel",
            }
        )
        if len(batch) >= PLAN_CHUNK:
            session.execute(insert(NoticeRecipient), batch)
            batch = []
    if batch:
        session.execute(insert(NoticeRecipient), batch)
    audit.record(
        session,
        actor=actor,
        action="notice.plan",
        subject_customer_id=None,
        detail=f"notice={notice.id} channel={draft.channel.value} recipients={total} unreachable={unreachable}",
    )
    return PlannedNotice(notice.id, total, unreachable, Changes())  # no timeline yet: sending writes them

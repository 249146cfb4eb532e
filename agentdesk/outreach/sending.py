"""The send job of a notice: resumable, and never sending a recipient twice.

Every recipient row moves pending → sending → sent or failed. A batch is claimed (pending → sending,
attempts + 1) and committed *before* anything is handed to the channel; its outcomes, the outbound
contacts on the citizens' timelines and one audit entry are committed together after. A job killed
in between leaves rows in 'sending', settled when the job is run again (:func:`recover`):

- SMS: back to pending with the same idempotency key; the gateway delivers a key at most once and
  answers a repeat ``duplicate`` (counted as sent, the contact written once);
- e-mail: failed ("interrupted: may have been delivered, not resent"), since an SMTP server cannot
  say whether it took a message; the Message-ID made from the key is on record for a look-up.

So each recipient gets a notice at most once; with SMS exactly once. A batch is claimed only from
rows still pending, so two runs of one notice at the same time share its rows instead of both sending
them (but a run started while another is alive settles that one's 'sending' rows as interrupted).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, func, insert, select, update

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.outreach.transports import Outgoing, Transport, TransportDown, message_id
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Channel,
    Direction,
    Interaction,
    Language,
    Notice,
    NoticeRecipient,
    NoticeRecipientState,
    utcnow,
)

log = logging.getLogger(__name__)

NOTICE_TOPIC = "general.notice"
INTERRUPTED = "interrupted: may have been delivered, not resent"
S = NoticeRecipientState


@dataclass(frozen=True, slots=True)
class NoticeProgress:
    notice_id: int
    title: str
    channel: Channel
    total: int
    pending: int
    sending: int
    sent: int
    failed: int
    unreachable: int
    finished: bool

    @property
    def remaining(self) -> int:
        return self.pending + self.sending


@dataclass(frozen=True, slots=True)
class SendOutcome:
    progress: NoticeProgress
    stopped: str  # "" when finished; else why it stopped (the channel went down, asked to stop)
    changes: Changes


def progress_of(db: Database, notice_id: int) -> NoticeProgress:
    with db.session() as s:
        notice = s.get(Notice, notice_id)
        if notice is None:
            raise LookupError(f"no notice {notice_id}")
        counts = dict(
            s.execute(
                select(NoticeRecipient.state, func.count())
                .where(NoticeRecipient.notice_id == notice_id)
                .group_by(NoticeRecipient.state)
            ).all()
        )
        n = {state: int(counts.get(state, 0)) for state in S}
        return NoticeProgress(
            notice_id,
            notice.title,
            notice.channel,
            sum(n.values()),
            n[S.PENDING],
            n[S.SENDING],
            n[S.SENT],
            n[S.FAILED],
            n[S.UNREACHABLE],
            notice.finished_at is not None,
        )


def unfinished_notices(db: Database) -> list[NoticeProgress]:
    """The notices whose send job has not finished (offered to continue on the next start)."""
    with db.session() as s:
        ids = list(s.scalars(select(Notice.id).where(Notice.finished_at.is_(None)).order_by(Notice.id)))
    return [progress_of(db, i) for i in ids]


def recover(db: Database, notice_id: int, transport: Transport) -> int:
    """Settle the rows a crashed run left in 'sending' (see the module's rules); returns how many."""
    with db.session() as s, s.begin():
        if transport.resend_interrupted:
            values: dict[str, object] = {"state": S.PENDING}
        else:
            values = {"state": S.FAILED, "error": INTERRUPTED}
        result = s.execute(
            update(NoticeRecipient)
            .where(NoticeRecipient.notice_id == notice_id, NoticeRecipient.state == S.SENDING)
            .values(**values)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _texts(notice: Notice) -> dict[Language, tuple[str, str]]:
    out = {
        Language.FI: (notice.subject_fi, notice.body_fi),
        Language.SV: (notice.subject_sv, notice.body_sv),
        Language.EN: (notice.subject_en, notice.body_en),
    }
    return {lang: text if text[1] else out[Language.FI] for lang, text in out.items()}


def send_notice(
    db: Database,
    notice_id: int,
    transport: Transport,
    *,
    actor: str,
    stop: threading.Event | None = None,
    on_progress: Callable[[NoticeProgress], None] | None = None,
    sender: str = "",
) -> SendOutcome:
    """Run (or resume) the notice's send job until every recipient is settled, the channel goes down
    or ``stop`` is set. Each batch is one transaction of outcomes + contacts + an audit entry."""
    with db.session() as s:
        notice = s.get(Notice, notice_id)
        if notice is None:
            raise LookupError(f"no notice {notice_id}")
        if notice.channel is not transport.channel:
            raise ValueError(f"notice {notice_id} goes by {notice.channel.value}, not {transport.channel.value}")
        texts = _texts(notice)
        title, department_id = notice.title, notice.department_id
    recovered = recover(db, notice_id, transport)
    if recovered:
        log.info("notice %d: %d interrupted recipients settled", notice_id, recovered)
    timelines: set[int] = set()
    stopped = ""
    last_id = 0
    while True:
        if stop is not None and stop.is_set():
            stopped = "stopped"
            break
        with db.session() as s, s.begin():
            rows = s.execute(
                select(
                    NoticeRecipient.id,
                    NoticeRecipient.customer_id,
                    NoticeRecipient.language,
                    NoticeRecipient.destination,
                    NoticeRecipient.idempotency_key,
                )
                .where(
                    NoticeRecipient.notice_id == notice_id,
                    NoticeRecipient.state == S.PENDING,
                    NoticeRecipient.id > last_id,
                )
                .order_by(NoticeRecipient.id)
                .limit(transport.batch_size)
            ).all()
            if not rows:
                break
            # claimed only if still pending: a second run of the same notice gets none of these rows
            claimed = set(
                s.scalars(
                    update(NoticeRecipient)
                    .where(NoticeRecipient.id.in_([r.id for r in rows]), NoticeRecipient.state == S.PENDING)
                    .values(state=S.SENDING, attempts=NoticeRecipient.attempts + 1)
                    .returning(NoticeRecipient.id)
                )
            )
        last_id = rows[-1].id
        rows = [r for r in rows if r.id in claimed]
        if not rows:
            continue
        items = [
            Outgoing(r.id, r.idempotency_key, r.destination, *texts.get(r.language, texts[Language.FI])) for r in rows
        ]
        down: TransportDown | None = None
        try:
            done = transport.send(items)
        except TransportDown as exc:
            down, done = exc, exc.done
        _settle(
            db,
            notice_id,
            rows,
            done,
            texts=texts,
            channel=transport.channel,
            department_id=department_id,
            actor=actor,
            sender=sender,
            title=title,
        )
        timelines.update(r.customer_id for r in rows if done.get(r.id) == "")
        if down is not None:
            # the unsettled rows of the batch go back to pending (an SMS resent with its key), except an
            # e-mail that was being handed over when the server went: its outcome is unknown, never resent.
            uncertain = None if transport.resend_interrupted else down.uncertain
            unsettled = [r.id for r in rows if r.id not in done and r.id != uncertain]
            with db.session() as s, s.begin():
                s.execute(update(NoticeRecipient).where(NoticeRecipient.id.in_(unsettled)).values(state=S.PENDING))
                if uncertain is not None:
                    s.execute(
                        update(NoticeRecipient)
                        .where(NoticeRecipient.id == uncertain)
                        .values(state=S.FAILED, error=INTERRUPTED)
                    )
            stopped = str(down)
            break
        if on_progress is not None:
            on_progress(progress_of(db, notice_id))
    progress = progress_of(db, notice_id)
    if not stopped and progress.remaining == 0 and not progress.finished:
        with db.session() as s, s.begin():
            s.execute(update(Notice).where(Notice.id == notice_id).values(finished_at=utcnow()))
        progress = progress_of(db, notice_id)
    return SendOutcome(progress, stopped, Changes.of(timelines=timelines))


def _settle(
    db: Database,
    notice_id: int,
    rows: Sequence[Row[int, int, Language, str, str]],
    done: dict[int, str],
    *,
    texts: dict[Language, tuple[str, str]],
    channel: Channel,
    department_id: int | None,
    actor: str,
    sender: str,
    title: str,
) -> None:
    now = utcnow()
    sent = [r for r in rows if done.get(r.id) == ""]
    failed = [(r, done[r.id]) for r in rows if done.get(r.id)]
    with db.session() as s, s.begin():
        if sent:
            s.execute(
                update(NoticeRecipient)
                .where(NoticeRecipient.id.in_([r.id for r in sent]))
                .values(state=S.SENT, sent_at=now, error="")
            )
            s.execute(
                insert(Interaction),
                [
                    {
                        "customer_id": r.customer_id,
                        "channel": channel,
                        "direction": Direction.OUTBOUND,
                        "started_at": now,
                        "ended_at": now,
                        "department_id": department_id,
                        "topic": NOTICE_TOPIC,
                        "notes": _notes(title, *texts.get(r.language, texts[Language.FI])),
                        "external_ref": _ref(channel, r.idempotency_key, sender),
                        "version": 1,
                    }
                    for r in sent
                ],
            )
        for r, error in failed:
            s.execute(
                update(NoticeRecipient).where(NoticeRecipient.id == r.id).values(state=S.FAILED, error=error[:200])
            )
        if sent or failed:
            audit.record(
                s,
                actor=actor,
                action="notice.send",
                subject_customer_id=None,
                detail=f"notice={notice_id} channel={channel.value} sent={len(sent)} failed={len(failed)}",
            )


def _notes(title: str, subject: str, body: str) -> str:
    head = f"Notice: {title}" + (f"\nSubject: {subject}" if subject else "")
    return f"{head}\n\n{body}"


def _ref(channel: Channel, key: str, sender: str) -> str:
    return message_id(key, sender) if channel is Channel.EMAIL else f"sms:{key}"

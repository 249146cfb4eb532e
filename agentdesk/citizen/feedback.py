"""A one-question survey after a closed contact: 1–5 and a free text, by e-mail or SMS, answered once
through a signed, expiring link (:mod:`agentdesk.citizen.links`, purpose ``feedback``).

- :meth:`FeedbackSurveys.plan` picks the contacts that ended in the last days (inbound, a person with an
  e-mail address or a phone number, no survey yet, not opted out, no survey in the quiet period) and
  writes a survey row each, in the citizen's language;
- :meth:`FeedbackSurveys.send` sends the pending ones through a notice transport
  (:mod:`agentdesk.outreach.transports`), resumable as notices are: a batch is claimed (pending →
  sending) and committed before it is handed over; a row a crash left in 'sending' goes back to
  pending for SMS (the gateway honours the key) and to failed for e-mail (never sent twice);
- :meth:`FeedbackSurveys.answer` takes the answer once (a conditional UPDATE: a reused link is told so),
  :meth:`FeedbackSurveys.opt_out` records that the citizen wants no more surveys (an expired link still
  opts out). The answer joins its contact (the timeline shows it) and the reports' feedback figures
  (:mod:`agentdesk.reports.feedback`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.citizen import links
from agentdesk.outreach.transports import Outgoing, Transport, TransportDown
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Channel,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerKind,
    Direction,
    FeedbackOptOut,
    FeedbackSurvey,
    Interaction,
    Language,
    SurveyState,
    utcnow,
)

PURPOSE = "feedback"
ACTOR = "citizen:web"
INTERRUPTED = "interrupted: may have been delivered, not resent"
COMMENT_MAX = 2000
S = SurveyState

# The survey message per language: {link} is the signed link.
MESSAGES: Mapping[Language, tuple[str, str]] = {
    Language.FI: (
        "Miten onnistuimme?",
        "Kiitos yhteydenotostasi kaupungin asiakaspalveluun. Miten onnistuimme? Vastaa yhteen kysymykseen: {link}",
    ),
    Language.SV: (
        "Hur lyckades vi?",
        "Tack för att du kontaktade stadens kundtjänst. Hur lyckades vi? Svara på en fråga: {link}",
    ),
    Language.EN: (
        "How did we do?",
        "Thank you for contacting the city's customer service. How did we do? Answer one question: {link}",
    ),
}


class FeedbackInputError(ValueError):
    """field → code: ``score`` ("score.range"), ``comment`` ("comment.too_long")."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = dict(problems)


class SurveyAnswered(RuntimeError):
    """The link was used already: a survey is answered once."""


class SurveyGone(LookupError):
    """A well-signed link whose survey is no longer there (the contact was erased)."""


@dataclass(frozen=True, slots=True)
class SurveyPolicy:
    within_days: int = 3  # contacts that ended this recently get a survey
    valid_days: int = 14  # how long a link answers
    quiet_days: int = 30  # at most one survey per citizen in this many days
    channels: tuple[Channel, ...] = (Channel.PHONE, Channel.EMAIL, Channel.WALK_IN, Channel.WEB)  # surveyed contacts
    send_by: tuple[Channel, ...] = (Channel.EMAIL, Channel.SMS)  # preference: e-mail, else SMS
    max_per_run: int = 20_000


@dataclass(frozen=True, slots=True)
class SurveyView:
    survey_id: int
    language: Language
    answered: bool
    opted_out: bool


@dataclass(frozen=True, slots=True)
class SurveySendOutcome:
    sent: int
    failed: int
    recovered: int
    stopped: str  # "" when every pending survey of the channel went out


class FeedbackSurveys:
    def __init__(
        self,
        db: Database,
        secret: bytes,
        *,
        link_base: str,
        policy: SurveyPolicy = SurveyPolicy(),
    ) -> None:
        if not secret:
            raise ValueError("the link secret is empty")
        self._db, self._secret, self.policy = db, secret, policy
        self.link_base = link_base.rstrip("/")

    # -- links -------------------------------------------------------------------------------------

    def link(self, survey_id: int, expires_at: dt.datetime) -> str:
        return f"{self.link_base}/feedback/{links.sign(self._secret, PURPOSE, survey_id, expires_at)}"

    def _survey_id(self, token: str, now: dt.datetime, *, allow_expired: bool = False) -> int:
        try:
            return links.verify(self._secret, PURPOSE, token, now)
        except links.LinkInvalid as exc:
            if allow_expired and exc.problem is links.LinkProblem.EXPIRED:
                return links.verify(self._secret, PURPOSE, token, dt.datetime.fromtimestamp(0, dt.UTC))
            raise

    # -- planning ----------------------------------------------------------------------------------

    def plan(self, *, now: dt.datetime | None = None) -> int:
        """Write a survey for each contact the policy picks; returns how many."""
        now = now or utcnow()
        p = self.policy
        since = now - dt.timedelta(days=p.within_days)
        quiet = now - dt.timedelta(days=p.quiet_days)
        surveyed = exists().where(FeedbackSurvey.interaction_id == Interaction.id)
        recent = exists().where(
            FeedbackSurvey.customer_id == Interaction.customer_id, FeedbackSurvey.created_at >= quiet
        )
        opted = exists().where(FeedbackOptOut.customer_id == Interaction.customer_id)
        latest = (
            select(Interaction.customer_id, func.max(Interaction.id).label("interaction_id"))
            .join(Customer, Customer.id == Interaction.customer_id)
            .where(
                Interaction.ended_at.is_not(None),
                Interaction.ended_at >= since,
                Interaction.ended_at <= now,
                Interaction.direction == Direction.INBOUND,
                Interaction.channel.in_(p.channels),
                Customer.kind == CustomerKind.PERSON,
                Customer.merged_into.is_(None),
                ~surveyed,
                ~recent,
                ~opted,
            )
            .group_by(Interaction.customer_id)
            .limit(p.max_per_run)
        )
        with self._db.session() as s, s.begin():
            picked = {c: i for c, i in s.execute(latest) if c is not None}
            if not picked:
                return 0
            languages = dict(
                s.execute(select(Customer.id, Customer.preferred_language).where(Customer.id.in_(picked))).all()
            )
            points: dict[tuple[int, ContactKind], str] = {}
            for cid, kind, value in s.execute(
                select(ContactPoint.customer_id, ContactPoint.kind, ContactPoint.value)
                .where(ContactPoint.customer_id.in_(picked))
                .order_by(ContactPoint.customer_id, ContactPoint.is_primary.desc(), ContactPoint.id)
            ):
                points.setdefault((cid, kind), value)
            rows = []
            for cid, interaction_id in picked.items():
                channel, destination = self._destination(points, cid)
                if channel is None:
                    continue
                language = languages.get(cid, Language.FI)
                rows.append(
                    FeedbackSurvey(
                        interaction_id=interaction_id,
                        customer_id=cid,
                        channel=channel,
                        language=language if language in MESSAGES else Language.FI,
                        destination=destination,
                        idempotency_key=uuid.uuid4().hex,
                        state=S.PENDING,
                        created_at=now,
                        expires_at=now + dt.timedelta(days=p.valid_days),
                    )
                )
            s.add_all(rows)
            return len(rows)

    def _destination(self, points: Mapping[tuple[int, ContactKind], str], cid: int) -> tuple[Channel | None, str]:
        for channel in self.policy.send_by:
            kind = ContactKind.EMAIL if channel is Channel.EMAIL else ContactKind.PHONE
            value = points.get((cid, kind))
            if value:
                return channel, value
        return None, ""

    # -- sending -----------------------------------------------------------------------------------

    def send(
        self,
        transport: Transport,
        *,
        now: Callable[[], dt.datetime] = utcnow,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> SurveySendOutcome:
        """Send every pending survey of the transport's channel; resumable (see the module)."""
        recovered = self._recover(transport)
        sent = failed = 0
        stopped = ""
        while True:
            if should_stop():
                stopped = "asked to stop"
                break
            batch = self._claim(transport.channel, transport.batch_size)
            if not batch:
                break
            try:
                done = transport.send(batch)
            except TransportDown as exc:
                s_, f_ = self._settle(exc.done, now())
                sent, failed = sent + s_, failed + f_
                if exc.uncertain is not None and not transport.resend_interrupted:
                    self._settle({exc.uncertain: INTERRUPTED}, now())
                    failed += 1
                self._release(b.recipient_id for b in batch if b.recipient_id not in exc.done)
                stopped = str(exc)
                break
            s_, f_ = self._settle(done, now())
            sent, failed = sent + s_, failed + f_
        return SurveySendOutcome(sent, failed, recovered, stopped)

    def _recover(self, transport: Transport) -> int:
        values: dict[str, object] = (
            {"state": S.PENDING} if transport.resend_interrupted else {"state": S.FAILED, "error": INTERRUPTED}
        )
        with self._db.session() as s, s.begin():
            result = s.execute(
                update(FeedbackSurvey)
                .where(FeedbackSurvey.state == S.SENDING, FeedbackSurvey.channel == transport.channel)
                .values(**values)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def _claim(self, channel: Channel, size: int) -> list[Outgoing]:
        with self._db.session() as s, s.begin():
            stmt = (
                select(FeedbackSurvey)
                .where(FeedbackSurvey.state == S.PENDING, FeedbackSurvey.channel == channel)
                .order_by(FeedbackSurvey.id)
                .limit(size)
            )
            if self._db.dialect == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True)
            rows = list(s.scalars(stmt))
            out = []
            for r in rows:
                r.state = S.SENDING
                subject, body = MESSAGES[r.language]
                out.append(
                    Outgoing(
                        r.id, r.idempotency_key, r.destination, subject, body.format(link=self.link(r.id, r.expires_at))
                    )
                )
            return out

    def _settle(self, done: Mapping[int, str], at: dt.datetime) -> tuple[int, int]:
        if not done:
            return 0, 0
        ok = [i for i, error in done.items() if not error]
        with self._db.session() as s, s.begin():
            if ok:
                s.execute(update(FeedbackSurvey).where(FeedbackSurvey.id.in_(ok)).values(state=S.SENT, sent_at=at))
            for survey_id, error in done.items():
                if error:
                    s.execute(
                        update(FeedbackSurvey)
                        .where(FeedbackSurvey.id == survey_id)
                        .values(state=S.FAILED, error=error[:200])
                    )
        return len(ok), len(done) - len(ok)

    def _release(self, ids: Iterable[int]) -> None:
        """Back to pending: the rows of a batch that were never handed over."""
        wanted = list(ids)
        if wanted:
            with self._db.session() as s, s.begin():
                s.execute(
                    update(FeedbackSurvey)
                    .where(FeedbackSurvey.id.in_(wanted), FeedbackSurvey.state == S.SENDING)
                    .values(state=S.PENDING)
                )

    # -- the citizen's side -------------------------------------------------------------------------

    def view(self, token: str, *, now: dt.datetime | None = None) -> SurveyView:
        """What the survey page shows; :class:`links.LinkInvalid` or :class:`SurveyGone` if nothing."""
        now = now or utcnow()
        survey_id = self._survey_id(token, now)
        with self._db.session() as s:
            row = s.execute(
                select(FeedbackSurvey.language, FeedbackSurvey.answered_at, FeedbackOptOut.customer_id)
                .outerjoin(FeedbackOptOut, FeedbackOptOut.customer_id == FeedbackSurvey.customer_id)
                .where(FeedbackSurvey.id == survey_id)
            ).first()
        if row is None:
            raise SurveyGone(survey_id)
        return SurveyView(survey_id, row[0], row[1] is not None, row[2] is not None)

    def answer(self, token: str, score: object, comment: str = "", *, now: dt.datetime | None = None) -> Changes:
        """Store the answer once. Raises :class:`links.LinkInvalid` (malformed, tampered, expired),
        :class:`FeedbackInputError`, :class:`SurveyAnswered` (the link was used) or :class:`SurveyGone`."""
        now = now or utcnow()
        survey_id = self._survey_id(token, now)
        problems: dict[str, str] = {}
        try:
            value = int(str(score).strip())
        except ValueError:
            value = 0
        if not 1 <= value <= 5:
            problems["score"] = "score.range"
        comment = comment.strip()
        if len(comment) > COMMENT_MAX:
            problems["comment"] = "comment.too_long"
        if problems:
            raise FeedbackInputError(problems)
        with self._db.session() as s, s.begin():
            result = s.execute(
                update(FeedbackSurvey)
                .where(FeedbackSurvey.id == survey_id, FeedbackSurvey.answered_at.is_(None))
                .values(answered_at=now, score=value, comment=comment)
            )
            if not result.rowcount:  # type: ignore[attr-defined]
                if s.get(FeedbackSurvey, survey_id) is None:
                    raise SurveyGone(survey_id)
                raise SurveyAnswered(survey_id)
            customer_id = s.scalar(select(FeedbackSurvey.customer_id).where(FeedbackSurvey.id == survey_id))
            audit.record(
                s, actor=ACTOR, action="feedback.answer", subject_customer_id=customer_id, detail=f"survey {survey_id}"
            )
        return Changes.of(timelines=[customer_id] if customer_id is not None else [])

    def opt_out(self, token: str, *, now: dt.datetime | None = None) -> None:
        """No more surveys for this citizen (an expired but genuine link still opts out)."""
        now = now or utcnow()
        survey_id = self._survey_id(token, now, allow_expired=True)
        with self._db.session() as s, s.begin():
            customer_id = s.scalar(select(FeedbackSurvey.customer_id).where(FeedbackSurvey.id == survey_id))
            if customer_id is None:
                raise SurveyGone(survey_id)
            set_opt_out(s, customer_id, via="link", at=now)
            audit.record(s, actor=ACTOR, action="feedback.opt_out", subject_customer_id=customer_id)


def set_opt_out(s: Session, customer_id: int, *, via: str, at: dt.datetime) -> None:
    if s.get(FeedbackOptOut, customer_id) is None:
        s.add(FeedbackOptOut(customer_id=customer_id, via=via, at=at))
        s.flush()


def opted_out(db: Database, customer_id: int) -> bool:
    with db.session() as s:
        return s.get(FeedbackOptOut, customer_id) is not None

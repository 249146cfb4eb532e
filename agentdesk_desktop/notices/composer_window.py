"""The notice composer: choose a segment (street and house numbers, postal code, municipality, role,
guardians), see its count and a sample of names as you type (read off the UI thread, audited), write
the notice in fi/sv/en, pick the channel and send with a progress bar.

The send job runs on the background pool and lives in the database: closing the window does not stop
it, and a job left unfinished (the desk closed or crashed) is offered to continue on the next open.
Bad input is shown next to its field and nothing typed is lost.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.outreach.notices import (
    NoticeDraft,
    NoticeInputError,
    NoticeText,
    check_draft,
    language_counts,
    plan_notice,
)
from agentdesk.outreach.segments import (
    SegmentAnswer,
    SegmentFilter,
    SegmentInputError,
    parse_house_range,
    select_segment,
)
from agentdesk.outreach.sending import NoticeProgress, SendOutcome, send_notice, unfinished_notices
from agentdesk.outreach.transports import Transport
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import Channel, Language
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.i18n import fill

LIVE_DELAY_MS = 400
LANGUAGES = (Language.FI, Language.SV, Language.EN)

TransportFor = Callable[[Channel], "tuple[Transport, str]"]


class _LanguageTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b00020")
        self.subject_label = QLabel(self)
        self.body_label = QLabel(self)
        form.addRow(self.subject_label, self.subject)
        form.addRow(self.body_label, self.body)
        form.addRow(self.error)

    def text(self) -> NoticeText:
        return NoticeText(self.subject.text(), self.body.toPlainText())


class NoticeComposer(QWidget):
    def __init__(
        self,
        db: Database,
        background: Background,
        *,
        actor: str,
        channels: tuple[Channel, ...],
        transport_for: TransportFor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.background, self.actor = db, background, actor
        self.transport_for = transport_for
        self._latest = LatestOnly()
        self._answer: SegmentAnswer | None = None
        self._languages: dict[Language, int] = {}
        self._job: int | None = None  # the notice being sent or offered to continue
        self._job_channel: Channel | None = None  # the channel of a job offered to continue
        self._stop = threading.Event()
        self.resize(900, 720)

        # the segment
        self.street = QLineEdit(self)
        self.houses = QLineEdit(self)
        self.postal_code = QLineEdit(self)
        self.municipality = QLineEdit(self)
        self.role = QLineEdit(self)
        self.guardians = QCheckBox(self)
        self.segment_error = QLabel(self)
        self.segment_error.setStyleSheet("color: #b00020")
        self.segment_error.setWordWrap(True)
        self.count = QLabel(self)
        self.sample = QListWidget(self)
        self.sample.setMaximumHeight(160)
        seg = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for key, field in (
            ("street", self.street),
            ("houses", self.houses),
            ("postal_code", self.postal_code),
            ("municipality", self.municipality),
            ("role", self.role),
            ("guardians", self.guardians),
        ):
            label = QLabel(self)
            self._labels[key] = label
            seg.addRow(label, field)
            if isinstance(field, QLineEdit):
                field.textEdited.connect(self._segment_changed)
        self.guardians.toggled.connect(self._segment_changed)
        seg.addRow(self.segment_error)
        seg.addRow(self.count)
        seg.addRow(self.sample)

        # the notice
        self.title = QLineEdit(self)
        self.title_error = QLabel(self)
        self.title_error.setStyleSheet("color: #b00020")
        self.tabs = QTabWidget(self)
        self.language_tabs = {lang: _LanguageTab(self) for lang in LANGUAGES}
        for tab in self.language_tabs.values():
            self.tabs.addTab(tab, "")
        self.email = QRadioButton(self)
        self.sms = QRadioButton(self)
        self._channel_group = QButtonGroup(self)
        for button, channel in ((self.email, Channel.EMAIL), (self.sms, Channel.SMS)):
            self._channel_group.addButton(button)
            button.setEnabled(channel in channels)
        (self.email if Channel.EMAIL in channels else self.sms).setChecked(True)
        self.channel_note = QLabel(self)
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self.send)
        self.continue_button = QPushButton(self)
        self.continue_button.clicked.connect(self.continue_job)
        self.continue_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.title_label = QLabel(self)
        notice = QFormLayout()
        notice.addRow(self.title_label, self.title)
        notice.addRow(self.title_error)
        channel_row = QHBoxLayout()
        channel_row.addWidget(self.email)
        channel_row.addWidget(self.sms)
        channel_row.addWidget(self.channel_note, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(seg)
        layout.addLayout(notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(channel_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_DELAY_MS)
        self._live.timeout.connect(self.refresh_segment)
        self.retranslate()
        self.channel_note.setVisible(len(channels) < 2)
        self.send_button.setEnabled(bool(channels))
        self.background.read(unfinished_notices, self.db, owner=self).success(self._offer_unfinished)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Notice to citizens"))
        for key, text in (
            ("street", self.tr("Street")),
            ("houses", self.tr("House numbers")),
            ("postal_code", self.tr("Postal code")),
            ("municipality", self.tr("Municipality")),
            ("role", self.tr("Role")),
            ("guardians", self.tr("Guardians")),
        ):
            self._labels[key].setText(text)
        self.street.setPlaceholderText(self.tr("e.g. Hämeenkatu"))
        self.houses.setPlaceholderText(self.tr("e.g. 1–40"))
        self.role.setPlaceholderText(self.tr("e.g. water_customer, daycare_child"))
        self.guardians.setText(self.tr("Send to the guardians of the matched persons instead"))
        self.title_label.setText(self.tr("Title"))
        for lang, name in zip(LANGUAGES, (self.tr("Finnish"), self.tr("Swedish"), self.tr("English")), strict=True):
            tab = self.language_tabs[lang]
            self.tabs.setTabText(LANGUAGES.index(lang), name)
            tab.subject_label.setText(self.tr("Subject (e-mail)"))
            tab.body_label.setText(self.tr("Message"))
        self.email.setText(self.tr("E-mail"))
        self.sms.setText(self.tr("SMS"))
        self.channel_note.setText(self.tr("Only the channels this desk is set up for can be chosen."))
        self.send_button.setText(self.tr("Send…"))
        self.continue_button.setText(self.tr("Continue sending"))
        if self._answer is None:
            self.count.setText(self.tr("Choose a street, a postal code, a municipality or a role."))

    # -- the segment ---------------------------------------------------------------------------

    def segment(self) -> SegmentFilter:
        """The filters as typed; raises :class:`SegmentInputError` for a malformed house-number range."""
        lo, hi = parse_house_range(self.houses.text())
        return SegmentFilter(
            street=self.street.text(),
            house_from=lo,
            house_to=hi,
            postal_code=self.postal_code.text(),
            municipality=self.municipality.text(),
            role_code=self.role.text(),
            guardians=self.guardians.isChecked(),
        ).cleaned()

    @Slot()
    def _segment_changed(self) -> None:
        self._live.start()

    def _segment_problem_text(self, error: SegmentInputError) -> str:
        texts = {
            "segment.house_range": self.tr("Give house numbers as 1–40 or a single number."),
            "segment.house_range_reversed": self.tr(
                "The house numbers run backwards: write the smaller number first (1–40, not 40–1)."
            ),
            "segment.street_needed": self.tr("House numbers need a street."),
            "segment.house_number": self.tr("A house number is 1 or more."),
            "segment.postal_code": self.tr("A postal code is five digits."),
            "segment.role_code": self.tr("A role code is lower-case letters, digits and _ (e.g. water_customer)."),
            "segment.empty": self.tr("Choose a street, a postal code, a municipality or a role."),
        }
        return " ".join(texts.get(code, message) for code, message in error.problems.values())

    @Slot()
    def refresh_segment(self) -> None:
        """Count the segment and fetch its sample (and how many read each language) off the UI thread."""
        try:
            segment = self.segment()
        except SegmentInputError as exc:
            self._latest.cancel()
            self._answer = None
            self.segment_error.setText(self._segment_problem_text(exc))
            self.count.setText("")
            self.sample.clear()
            return
        self.segment_error.setText("")
        self.count.setText(self.tr("Counting…"))
        token = self._latest.next()

        def work() -> tuple[SegmentAnswer, dict[Language, int]]:
            with self.db.session() as s, s.begin():
                answer = select_segment(s, segment, actor=self.actor)
                return answer, language_counts(s, segment)

        self.background.write(work, token=token, owner=self).success(self._show_segment).failure(self._segment_failed)

    def _show_segment(self, result: tuple[SegmentAnswer, dict[Language, int]]) -> None:
        self._answer, self._languages = result
        self.count.setText(fill(self.tr("%1 citizens"), f"{self._answer.count:,}".replace(",", "\u00a0")))
        self.sample.clear()
        self.sample.addItems(list(self._answer.sample))

    def _segment_failed(self, error: BaseException) -> None:
        self._answer = None
        self.count.setText(self.tr("The segment could not be counted. Try again."))

    # -- sending -------------------------------------------------------------------------------

    def channel(self) -> Channel:
        return Channel.EMAIL if self.email.isChecked() else Channel.SMS

    def draft(self) -> NoticeDraft:
        texts = {lang: tab.text() for lang, tab in self.language_tabs.items()}
        return NoticeDraft(self.title.text(), self.channel(), self.segment(), texts)

    def _notice_problem_text(self, code: str, message: str, field: str) -> str:
        lang = {"fi": self.tr("Finnish"), "sv": self.tr("Swedish"), "en": self.tr("English")}.get(field[-2:], "")
        texts = {
            "notice.title": self.tr("Give the notice a title (staff see it on the timelines)."),
            "notice.body_fi": self.tr("Write the Finnish text: it goes to everyone without a text of their own."),
            "notice.body_missing": fill(self.tr("The %1 text has a subject but no message."), lang),
            "notice.subject": fill(self.tr("An e-mail needs a subject (%1)."), lang),
            "notice.sms_length": fill(self.tr("The %1 SMS is too long."), lang),
            "notice.language_missing": fill(
                self.tr("%1 recipients read %2: write the %2 text."),
                str(self._languages.get(Language(field[-2:]), 0)),
                lang,
            ),
        }
        return texts.get(code, message)

    def _show_problems(self, error: NoticeInputError) -> None:
        first_tab = None
        for field, (code, message) in error.problems.items():
            text = self._notice_problem_text(code, message, field)
            if field == "title":
                self.title_error.setText(text)
            elif field[-2:] in ("fi", "sv", "en"):
                lang = Language(field[-2:])
                tab = self.language_tabs[lang]
                tab.error.setText((tab.error.text() + " " + text).strip())
                first_tab = lang if first_tab is None else first_tab
        if first_tab is not None:
            self.tabs.setCurrentIndex(LANGUAGES.index(first_tab))

    def _clear_problems(self) -> None:
        self.title_error.setText("")
        for tab in self.language_tabs.values():
            tab.error.setText("")

    @Slot()
    def send(self) -> None:
        """Check what was typed, plan the notice (one transaction) and start the send job."""
        self._clear_problems()
        try:
            draft = self.draft()
        except SegmentInputError as exc:
            self.segment_error.setText(self._segment_problem_text(exc))
            return
        if self._answer is None:
            self.status.setText(self.tr("Wait for the count of the segment, then send."))
            self.refresh_segment()
            return
        if self._answer.count == 0:
            self.status.setText(self.tr("Nobody is in this segment: nothing to send."))
            return
        try:
            check_draft(draft, self._languages)
        except NoticeInputError as exc:
            self._show_problems(exc)
            return
        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Preparing the notice…"))

        def plan() -> int:
            with self.db.session() as s, s.begin():
                return plan_notice(s, draft, actor=self.actor).notice_id

        self.background.write(plan, owner=self).success(self._start_job).failure(self._send_failed)

    def _start_job(self, notice_id: int) -> None:
        self._job = notice_id
        self.continue_button.hide()
        self.progress.show()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Sending…"))
        self.send_button.setEnabled(False)
        updates = self.background.channel(self._show_progress, owner=self)
        channel_of_job = self._job_channel or self.channel()
        self._stop = threading.Event()
        stop = self._stop

        def run() -> SendOutcome:
            transport, sender = self.transport_for(channel_of_job)
            try:
                return send_notice(
                    self.db, notice_id, transport, actor=self.actor, stop=stop, on_progress=updates.send, sender=sender
                )
            finally:
                transport.close()
                updates.close()

        # the pool, not the writer: a long job must not hold up the desk's other writes
        self.background.read(run, owner=self).success(self._job_done).failure(self._send_failed)

    def _show_progress(self, p: NoticeProgress) -> None:
        done = p.sent + p.failed + p.unreachable
        self.progress.setRange(0, max(p.total, 1))
        self.progress.setValue(done)
        self.status.setText(
            fill(self.tr("Sent %1 of %2 (%3 failed, %4 without an address)."), p.sent, p.total, p.failed, p.unreachable)
        )

    def _job_done(self, outcome: SendOutcome) -> None:
        self._show_progress(outcome.progress)
        self.send_button.setEnabled(True)
        self._job_channel = None
        if outcome.stopped:
            self.status.setText(
                fill(
                    self.tr("Sending stopped (%1): %2 still to send. Continue when the channel is back."),
                    outcome.stopped,
                    outcome.progress.remaining,
                )
            )
            self._offer(outcome.progress)
        else:
            self.status.setText(
                fill(
                    self.tr("Done: %1 sent, %2 failed, %3 without an address."),
                    outcome.progress.sent,
                    outcome.progress.failed,
                    outcome.progress.unreachable,
                )
            )

    def _send_failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.status.setText(fill(self.tr("The notice could not be sent: %1"), str(error) or type(error).__name__))

    def _offer_unfinished(self, jobs: list[NoticeProgress]) -> None:
        if jobs and self._job is None:
            self._offer(jobs[0])

    def _offer(self, job: NoticeProgress) -> None:
        self._job, self._job_channel = job.notice_id, job.channel
        self.continue_button.setText(
            fill(self.tr("Continue sending “%1” (%2 of %3 left)"), job.title, job.remaining, job.total)
        )
        self.continue_button.show()

    @Slot()
    def continue_job(self) -> None:
        if self._job is not None:
            self._start_job(self._job)

"""The desk's log file: rotating, in the log folder, and never holding personal data."""

from __future__ import annotations

import datetime as dt
import logging
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, event, insert
from sqlalchemy.exc import IntegrityError

from agentdesk import app_log, paths
from agentdesk.storage.database import _sqlite_on_connect
from agentdesk.storage.models import Interaction

HETU = "010594Y9032"
STREET = "Ahotie 33 B 5"
EMAIL = "maija.meikalainen@example.fi"
BODY = f"Hei, osoitteeni on {STREET}, 21100 Naantali, hetu {HETU}, s-posti {EMAIL}."

log = logging.getLogger("agentdesk.test_app_log")


@pytest.fixture
def log_file(tmp_path):
    path = app_log.start_log_file(tmp_path / "log")
    yield path
    app_log.stop_log_file()


def failing_insert(engine) -> IntegrityError:
    """An inbound mail stored without its channel (NOT NULL): the statement carries the body."""
    with pytest.raises(IntegrityError) as failed, engine.begin() as conn:
        conn.execute(
            insert(Interaction.__table__).values(
                channel=None, started_at=dt.datetime.now(dt.UTC), topic="", notes=BODY, external_ref="", version=1
            )
        )
    return failed.value


@pytest.mark.expect_log_warnings
def test_a_failed_insert_logged_with_its_traceback_leaves_no_identity_code_or_address_in_the_file(db, log_file):
    raw = create_engine(db.engine.url)  # as engines were made before: parameters in the exception text
    if db.dialect == "sqlite":
        event.listen(raw, "connect", _sqlite_on_connect)
    try:
        error = failing_insert(raw)
    finally:
        raw.dispose()
    assert HETU in str(error) or STREET in str(error), "without the filter the log would hold them"
    try:
        raise RuntimeError("mail 17 could not be stored") from error
    except RuntimeError:
        log.exception("mail 17 skipped after 3 tries: %s", error)
    text = log_file.read_text(encoding="utf-8")
    assert "mail 17 skipped after 3 tries" in text and "IntegrityError" in text, "the failure is still logged"
    assert "Traceback" in text, "with its stack"
    for personal in (HETU, STREET, "Ahotie", "Naantali", EMAIL):
        assert personal not in text, personal


def test_the_desks_engines_hide_statement_parameters(db):
    error = failing_insert(db.engine)
    assert "[parameters:" not in str(error) and "hidden due to hide_parameters=True" in str(error)


def test_identity_codes_e_mail_addresses_and_phone_numbers_in_messages_are_redacted(log_file):
    log.info(
        "mail from %s (%s), called from %s and 040-123 4567; case 1234 due 2024-01-15 10:20",
        EMAIL,
        HETU,
        "+358 40 123 4567",
    )
    text = log_file.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "mail from" in line)
    assert line.endswith("mail from [email] ([hetu]), called from [phone] and [phone]; case 1234 due 2024-01-15 10:20")


def test_the_file_lives_in_the_log_folder_and_rotates():
    path = app_log.start_log_file()
    try:
        assert path == paths.user_log_dir() / "agentdesk.log" and path.exists()
        assert path.is_relative_to(os.environ["AGENTDESK_HOME"]), "under AGENTDESK_HOME when that is set"
        handlers = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path)]
        assert len(handlers) == 1
        assert (handlers[0].maxBytes, handlers[0].backupCount) == (2 * 1024 * 1024, 5)
        assert app_log.start_log_file() == path
        assert len([h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path)]) == 1
    finally:
        app_log.stop_log_file()
    assert not [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path)]


def test_other_handlers_still_see_the_record_as_logged(log_file, caplog):
    log.info("reply sent to %s", EMAIL)
    assert caplog.records[-1].getMessage() == f"reply sent to {EMAIL}", "the console is unchanged"
    assert EMAIL not in log_file.read_text(encoding="utf-8")


# -- redaction as a property -----------------------------------------------------------------------

_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@st.composite
def identity_codes(draw) -> str:
    born = draw(st.dates(dt.date(1850, 1, 1), dt.date(2099, 12, 31)))
    century = {18: "+", 19: draw(st.sampled_from("-YXWVU")), 20: draw(st.sampled_from("ABCDEF"))}[born.year // 100]
    individual = draw(st.integers(2, 899))
    digits = f"{born:%d%m}{born.year % 100:02d}"
    return f"{digits}{century}{individual:03d}{_CHECK[int(f'{digits}{individual:03d}') % 31]}"


phones = st.one_of(
    st.builds(lambda n: f"+358 40 {n // 10000:03d} {n % 10000:04d}", st.integers(0, 9_999_999)),
    st.builds(lambda n: f"+35840{n:07d}", st.integers(0, 9_999_999)),
    st.builds(lambda n: f"050-{n:07d}", st.integers(0, 9_999_999)),
    st.builds(lambda n: f"09 {n // 10000:03d} {n % 10000:04d}", st.integers(0, 9_999_999)),
)
emails = st.emails()
words = st.text(st.characters(categories=("L", "Nd", "P", "Zs")), max_size=30)


@given(before=words, personal=st.one_of(identity_codes(), phones, emails), after=words)
def test_no_identity_code_phone_or_e_mail_survives_scrubbing(before, personal, after):
    scrubbed = app_log.scrub(f"{before} {personal} {after}")
    assert personal not in scrubbed

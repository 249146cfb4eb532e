"""Reading e-mail and threading it, without servers: subjects, encoded words, bodies, attachments."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk.channels.email_thread_match import ThreadKey, resolve_thread, thread_key
from agentdesk.channels.email_threading import (
    html_to_text,
    message_ids,
    normalise_subject,
    parse_message,
    reply_subject,
    storage_ref,
    subject_key,
)


def raw(*headers: str, body: str = "Hei!") -> bytes:
    return ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Jäteastia", "Jäteastia"),
        ("RE: VS: Sv: AW: Jäteastia", "Jäteastia"),
        ("Vs: Vast: Jäteastia", "Jäteastia"),
        ("VL: Fwd: FW: VB: Jäteastia", "Jäteastia"),
        ("Re[2]: Re(3):  Jäteastia  tyhjentämättä", "Jäteastia tyhjentämättä"),
        ("SV : jäteastia", "jäteastia"),
        ("Revontulet ja vesimaksu", "Revontulet ja vesimaksu"),  # "Re" inside a word is no prefix
        ("Vesimaksu: kysymys", "Vesimaksu: kysymys"),
        ("Re:", ""),
    ],
)
def test_subjects_lose_reply_and_forward_prefixes_in_every_language(subject, expected):
    assert normalise_subject(subject) == expected


def test_subject_keys_ignore_case_and_prefixes():
    assert subject_key("VS: JÄTEASTIA") == subject_key("jäteastia") == "jäteastia"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Jäteastia", "Re: Jäteastia"),
        ("Re: Jäteastia", "Re: Jäteastia"),
        ("RE: Re: Jäteastia", "Re: Jäteastia"),
        ("Vs: Sv: Jäteastia", "Re: Jäteastia"),
        ("Fwd: Jäteastia", "Re: Fwd: Jäteastia"),
        ("", "Re:"),
    ],
)
def test_a_reply_subject_has_exactly_one_re(subject, expected):
    assert reply_subject(subject) == expected


def test_message_ids_are_read_from_messy_headers():
    assert message_ids("<a@x> <b@y>\r\n <a@x>") == ("<a@x>", "<b@y>")
    assert message_ids("<c@z> (message from Anna of 1 July)") == ("<c@z>",)
    assert message_ids("bare@example.fi") == ("<bare@example.fi>",)
    assert message_ids("no id here") == ()
    assert message_ids(None) == ()


def test_long_message_ids_are_stored_as_a_stable_digest():
    short = "<a@example.fi>"
    long = "<" + "x" * 200 + "@example.fi>"
    assert storage_ref(short) == short
    assert storage_ref(long) == storage_ref(long) and len(storage_ref(long)) <= 128
    assert storage_ref(long) != storage_ref(long.replace("x", "y", 1))


def test_encoded_word_subjects_and_names_are_decoded():
    mail = parse_message(
        raw(
            "From: =?iso-8859-1?q?J=E4rvinen=2C_Anna?= <Asiakas@Example.FI>",
            "To: Neuvonta <NEUVONTA@city.example>, tekniset@city.example",
            "Subject: =?utf-8?q?Vesimaksu_=E2=80=93_kysymys?=",
            "Message-ID: <m1@example.fi>",
            "Date: Tue, 01 Jul 2025 10:00:00 +0300",
        )
    )
    assert mail.subject == "Vesimaksu – kysymys"
    assert (mail.from_name, mail.from_addr) == ("Järvinen, Anna", "asiakas@example.fi")
    assert mail.reply_to == "asiakas@example.fi"
    assert mail.to == ("neuvonta@city.example", "tekniset@city.example")
    assert mail.date == dt.datetime(2025, 7, 1, 7, 0, tzinfo=dt.UTC)
    assert mail.text == "Hei!"
    latin = parse_message(raw("From: a@b.fi", "Subject: =?iso-8859-1?b?SuR0ZWFzdGlh?="))
    assert latin.subject == "Jäteastia"


def test_references_give_the_parents_nearest_first():
    mail = parse_message(
        raw("From: a@b.fi", "Message-ID: <m3@x>", "In-Reply-To: <m2@x>", "References: <m0@x> <m1@x>\r\n <m2@x>")
    )
    assert mail.in_reply_to == "<m2@x>"
    assert mail.references == ("<m0@x>", "<m1@x>", "<m2@x>")
    assert mail.parent_ids == ("<m2@x>", "<m1@x>", "<m0@x>")
    assert thread_key(mail) == ThreadKey(("<m2@x>", "<m1@x>", "<m0@x>"), "", "a@b.fi")


def test_html_only_mail_is_read_as_text():
    mail = parse_message(
        raw(
            "From: a@b.fi",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            body="<html><head><style>p {color: red}</style><script>x()</script></head>"
            "<body><p>Hei,</p><p>jäteastia &amp; kansi</p><ul><li>yksi</li></ul></body></html>",
        )
    )
    assert mail.body_was_html
    assert mail.text == "Hei,\n\njäteastia & kansi\n\n- yksi"
    assert html_to_text("a<br>b") == "a\nb"


def test_plain_text_is_preferred_and_attachments_are_listed_not_kept():
    pdf = "JVBERi0xLjQKJcfsj6IK" * 10  # base64
    body = "\r\n".join(
        [
            "--outer",
            "Content-Type: multipart/alternative; boundary=alt",
            "",
            "--alt",
            "Content-Type: text/plain; charset=iso-8859-1",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "J=E4teastia on rikki.",
            "--alt",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>HTML version</p>",
            "--alt--",
            "--outer",
            "Content-Type: application/pdf",
            'Content-Disposition: attachment; filename="=?utf-8?q?lasku_kes=C3=A4kuu.pdf?="',
            "Content-Transfer-Encoding: base64",
            "",
            pdf,
            "--outer",
            "Content-Type: image/jpeg",
            "Content-Disposition: inline; filename*=utf-8''kuva%20j%C3%A4te.jpg",
            "Content-Transfer-Encoding: base64",
            "",
            "aGVsbG8gd29ybGQ=",
            "--outer",
            "Content-Type: message/rfc822",
            "",
            "Subject: Aiempi viesti",
            "From: x@y.fi",
            "",
            "vanha",
            "--outer--",
        ]
    )
    mail = parse_message(
        raw("From: a@b.fi", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="outer"', body=body)
    )
    assert mail.text == "Jäteastia on rikki."
    assert not mail.body_was_html
    names = [(a.filename, a.content_type) for a in mail.attachments]
    assert names == [
        ("lasku kesäkuu.pdf", "application/pdf"),
        ("kuva jäte.jpg", "image/jpeg"),
        ("Aiempi viesti.eml", "message/rfc822"),
    ]
    assert mail.attachments[0].size == 150
    assert mail.attachments[1].describe() == "kuva jäte.jpg (image/jpeg, 11 B)"


def test_broken_mail_is_read_as_far_as_possible():
    mail = parse_message(
        b"Subject: =?x-unknown?q?abc?=\r\nFrom: not an address\r\n"
        b"Content-Type: text/plain; charset=x-unknown\r\n\r\nbody \xff\x00 end\r\n"
    )
    assert mail.from_addr == ""
    assert "\x00" not in mail.text and mail.text.startswith("body")
    assert mail.message_id_missing
    assert (
        mail.message_id
        == parse_message(
            b"Subject: =?x-unknown?q?abc?=\r\nFrom: not an address\r\n"
            b"Content-Type: text/plain; charset=x-unknown\r\n\r\n"
            b"body \xff\x00 end\r\n"
        ).message_id
    )
    assert parse_message(b"").message_id.endswith("@no-message-id.invalid>")


def test_automatic_replies_are_recognised():
    assert parse_message(raw("From: a@b.fi", "Auto-Submitted: auto-replied")).auto_submitted
    assert parse_message(raw("From: a@b.fi", "Precedence: bulk")).auto_submitted
    assert not parse_message(raw("From: a@b.fi", "Auto-Submitted: no")).auto_submitted


def test_threads_resolve_by_the_nearest_known_parent_then_by_subject():
    key = ThreadKey(("<p2@x>", "<p1@x>", "<p0@x>"), "jäteastia", "a@b.fi")
    calls = []

    def by_subject(subject, sender):
        calls.append((subject, sender))
        return "subject-case"

    match = resolve_thread(key, lambda ids: {"<p0@x>": "root-case", "<p1@x>": "mid-case"}, by_subject)
    assert (match.thread, match.how) == ("mid-case", "references")
    assert calls == []
    match = resolve_thread(key, lambda ids: {}, by_subject)
    assert (match.thread, match.how) == ("subject-case", "subject")
    assert calls == [("jäteastia", "a@b.fi")]
    match = resolve_thread(ThreadKey((), "", "a@b.fi"), lambda ids: {}, by_subject)
    assert (match.thread, match.how) == (None, "new")


# --- text cleaned where mail enters -------------------------------------------------------


def _storable(value: str) -> None:
    value.encode("utf-8")  # no surrogates: SQLite and PostgreSQL take it
    assert "\x00" not in value


def test_a_raw_latin1_or_utf8_sender_name_and_subject_read_as_written():
    latin = parse_message(b"From: M\xe4kinen Maija <maija@example.fi>\r\nSubject: J\xe4teastia\r\n\r\nHei\r\n")
    assert (latin.from_name, latin.subject) == ("Mäkinen Maija", "Jäteastia")
    utf8 = parse_message("From: Mäkinen <maija@example.fi>\r\nSubject: Jäteastia\r\n\r\nHei\r\n".encode())
    assert (utf8.from_name, utf8.subject) == ("Mäkinen", "Jäteastia")


def test_nul_in_encoded_subject_name_attachment_and_message_id_is_replaced_not_fatal():
    body = "\r\n".join(  # noqa: FLY002 - one MIME line per element
        [
            "--b",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Hei",
            "--b",
            "Content-Type: application/pdf",
            'Content-Disposition: attachment; filename="=?utf-8?q?lasku=00.pdf?="',
            "",
            "xx",
            "--b--",
        ]
    )
    mail = parse_message(
        raw(
            "From: =?utf-8?q?Maija=00?= <maija@example.fi>",
            "Subject: =?utf-8?b?SGVpAA==?=",
            "Message-ID: <a\x00b@example.fi>",
            "MIME-Version: 1.0",
            'Content-Type: multipart/mixed; boundary="b"',
            body=body,
        )
    )
    assert (mail.from_name, mail.subject, mail.message_id) == ("Maija\ufffd", "Hei\ufffd", "<a\ufffdb@example.fi>")
    assert [a.filename for a in mail.attachments] == ["lasku\ufffd.pdf"]
    assert mail.text == "Hei"
    for value in (mail.from_name, mail.subject, mail.message_id, mail.attachments[0].filename):
        _storable(value)


def test_header_fields_are_cut_to_their_columns():
    refs = " ".join(f"<r{i}@x>" for i in range(500))
    mail = parse_message(raw("From: " + "N" * 500 + " <a@b.fi>", "Subject: " + "pitkä " * 200, f"References: {refs}"))
    assert len(mail.subject) <= 200 and mail.subject.startswith("pitkä pitkä")
    assert len(mail.from_name) <= 200
    assert len(mail.references) == 50 and mail.references[-1] == "<r499@x>"  # the nearest ancestors kept


def test_a_pathological_html_mail_is_read_in_one_pass():
    # 46 kB of unclosed "<a " made html.parser stall intake for 30 s; the text before it is what counts.
    html = "<p>Hei, katuvalo on rikki.</p>" + "<a " * 15_500
    mail = parse_message(raw("From: a@b.fi", "MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8", body=html))
    assert mail.body_was_html and mail.text == "Hei, katuvalo on rikki."
    assert html_to_text("<p>x</p>" + "<a >" * 50_000 + "<p>loppu") == "x\n\nloppu"
    assert html_to_text("1 < 2 ja <b>3</b> > 2") == "1 < 2 ja 3 > 2"
    assert html_to_text("<p>alku</p><script>" + "x" * 1000) == "alku"  # an unclosed script is dropped


def test_html_beyond_the_cap_is_not_read():
    from agentdesk.channels.email_sanitise import MAX_HTML_CHARS

    text = html_to_text("<p>alku</p>" + " " * MAX_HTML_CHARS + "<p>loppu</p>")
    assert text == "alku"


def test_deeply_nested_or_many_part_mail_is_read_for_its_headers():
    nested = "".join(f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n" for i in range(1000))
    mail = parse_message(
        (
            "From: Anna <a@b.fi>\r\nSubject: Syvä\r\nMIME-Version: 1.0\r\n"
            + nested
            + "Content-Type: text/plain\r\n\r\nhei\r\n"
        ).encode()
    )
    assert (mail.subject, mail.from_addr, mail.attachments) == ("Syvä", "a@b.fi", ())
    assert "too many parts" in mail.text


def test_a_plain_text_body_full_of_dashes_is_read_whole():
    table = "\r\n".join(["-------- | --------"] * 800)
    mail = parse_message(raw("From: a@b.fi", "Subject: Taulukko", body=table))
    assert mail.text.count("-------- | --------") == 800

"""Messages and rows for the e-mail store tests (tests/core/test_email_store.py, tests/ui/test_email_desk.py)."""

from __future__ import annotations

import uuid
from email import policy
from email.message import EmailMessage as MimeMessage
from email.utils import formatdate

from sqlalchemy import select

from agentdesk.storage.models import EmailAttachment, EmailMessage

CITIZEN = "asiakas@example.fi"
NEUVONTA = "neuvonta@city.example"
PDF = b"%PDF-1.4\n% a tiny test document\n" + bytes(range(256)) * 4
SCRIPTED_HTML = (
    "<html><head><title>ignored</title><style>p{color:red}</style>"
    "<script>alert('owned'); document.location='http://evil.example/'</script></head>"
    '<body><p>Hei, <b>katuvalo</b> on pimeänä.</p><img src="http://tracker.example/pixel.png">'
    '<p><a href="http://phish.example/">Klikkaa tästä</a></p>'
    "<iframe src='http://evil.example/frame'></iframe></body></html>"
)


def rich_mail(
    subject: str = "Katuvalo Hämeenkadulla",
    *,
    sender: str = f"Anna Asiakas <{CITIZEN}>",
    to: str = NEUVONTA,
    text: str | None = "Hyvää päivää,\nkatuvalo on pimeänä jo viikon. Äiti.",
    html: str | None = SCRIPTED_HTML,
    attachment: tuple[str, bytes] | None = ("kuva ja lasku ä.pdf", PDF),
    headers: dict[str, str] | None = None,
) -> tuple[str, bytes]:
    """(Message-ID, raw bytes): a Latin-1 quoted-printable text part, an HTML alternative with a script,
    remote pictures and links, and a PDF attachment with a non-ASCII name."""
    msg = MimeMessage()
    mid = f"<{uuid.uuid4().hex}@example.fi>"
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = mid
    msg["Date"] = formatdate(localtime=True)
    for name, value in (headers or {}).items():
        msg[name] = value
    if text is not None:
        msg.set_content(text, charset="iso-8859-1", cte="quoted-printable")
        if html is not None:
            msg.add_alternative(html, subtype="html", cte="quoted-printable")
    elif html is not None:
        msg.set_content(html, subtype="html", cte="quoted-printable")
    if attachment is not None:
        name, data = attachment
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return mid, msg.as_bytes(policy=policy.SMTP)


def stored_messages(db) -> list[EmailMessage]:
    with db.session() as s:
        return list(s.scalars(select(EmailMessage).order_by(EmailMessage.id)))


def stored_attachments(db) -> list[EmailAttachment]:
    with db.session() as s:
        return list(s.scalars(select(EmailAttachment).order_by(EmailAttachment.id)))

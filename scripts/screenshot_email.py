#!/usr/bin/env python3
"""Take the README screenshot of an e-mail conversation with a reply: ``docs/screenshots/email.png``.

    source /work/wt/servers.env   # or: eval "$(bash scripts/mailservers.sh env)"
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_email.py

Against the loopback mail servers (scripts/mailservers.sh; their test mailboxes are emptied): a
temporary database with one agent, the e-mail queue "Kirjaamo" and the citizen Anna Asiakas; the desk
starts with the neuvonta@ mailbox in its ``[email]`` settings; the citizen's mail (text, HTML and a
PDF) is delivered over SMTP, the watcher takes it in, the agent takes it with Next, writes a reply
and sends it. The window is saved at 1600×1000 with the conversation — the citizen's mail selected,
the reply below it — in the e-mail dock beside the citizen's overview.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

REPLY = (
    "Hei Anna,\n\nkiitos ilmoituksesta. Katuvalon korjaus on tilattu, ja valo korjataan torstaihin mennessä.\n\n"
    "Ystävällisin terveisin\nAino, kaupungin neuvonta"
)
TEXT = (
    "Hyvää päivää,\n\nHämeenkadun ja Puutarhakadun kulmassa oleva katuvalo on ollut pimeänä jo viikon. "
    "Liitteenä kuva valaisimesta.\n\nAnna Asiakas"
)


def wait_until(condition: Callable[[], object], timeout: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "email.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENTDESK_HOME"] = tempfile.mkdtemp(prefix="agentdesk-shot-home-")
    if not (os.environ.get("AGENTDESK_TEST_IMAP") and os.environ.get("AGENTDESK_TEST_SMTP")):
        print("screenshot_email: start the mail servers first (bash scripts/mailservers.sh start)", file=sys.stderr)
        return 2
    os.environ.pop("AGENTDESK_REQUIRE_PG", None)
    # A throwaway keyring in the temporary home for the test mailboxes' password (as the tests do).
    os.environ["XDG_DATA_HOME"] = os.path.join(os.environ["AGENTDESK_HOME"], "xdg-data")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(os.environ["AGENTDESK_HOME"], "xdg-config")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    os.environ["AGENTDESK_ALLOW_PLAINTEXT_KEYRING"] = "1"

    from PySide6.QtCore import QCoreApplication, Qt

    from agentdesk.channels.email_channel import QueueMailbox, WatcherStatus, set_keyring_password
    from agentdesk.customer_register import CustomerDraft, CustomerRegister
    from agentdesk.deployment.profile_email import EmailSettings
    from agentdesk.queues import QueueDirectory, QueueSpec
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk.storage.models import Department, StaffRole, StaffUser
    from agentdesk_desktop.app import build_app
    from tests.core.email_store_support import CITIZEN, NEUVONTA, PDF, rich_mail
    from tests.core.mail_support import TEKNISET, MailKit, servers_from_env

    servers = servers_from_env()
    kit = MailKit(servers, Path(os.environ["AGENTDESK_HOME"]))
    for user in (NEUVONTA, TEKNISET, CITIZEN):
        kit.empty(user)
        set_keyring_password(servers.imap.account("imap", user), servers.password)

    db = Database(f"sqlite:///{Path(os.environ['AGENTDESK_HOME']) / 'shot.sqlite3'}")
    schema.upgrade(db)
    with db.session() as s, s.begin():
        service = Department(code="customer_service", name="Asiakaspalvelu")
        s.add(service)
        s.flush()
        aino = StaffUser(
            username="agent.aino",
            display_name="Aino Asiakaspalvelija",
            role=StaffRole.AGENT,
            department_id=service.id,
            active=True,
        )
        s.add(aino)
        s.flush()
        aino_id = aino.id
    directory = QueueDirectory(db)
    queue = directory.create(QueueSpec.email("posti", "Kirjaamo", hours=8)).id
    directory.add_member(queue, aino_id, skills=["fi"])
    CustomerRegister(db).create(
        CustomerDraft(
            first_names="Anna",
            last_name="Asiakas",
            birth_date="15.3.1985",
            emails=(CITIZEN,),
            phones=("+358401234567",),
            street="Hämeenkatu 10 A 5",
            postal_code="33100",
            municipality="Tampere",
        ),
        actor="screenshot",
    )

    box = QueueMailbox(NEUVONTA, queue_code="posti", display_name="Kaupungin neuvonta")
    settings = EmailSettings(servers.imap, servers.smtp, "city.example", (box,), idle=True)
    desk = build_app(db, install_hooks=False, language="fi", email=settings)
    ready: list[object] = []
    desk.window_ready.connect(ready.append)
    desk.start(username="agent.aino")
    wait_until(lambda: ready)
    window = desk.window
    assert window is not None and desk.windows is not None
    window.resize(1600, 1000)
    windows = desk.windows
    assert windows.mail is not None and windows.email is not None and windows.inbox is not None
    watchers = windows.mail.channel
    assert watchers is not None
    wait_until(lambda: all(s.status in (WatcherStatus.IDLE, WatcherStatus.POLLING) for s in watchers.states().values()))

    _, raw = rich_mail(
        "Katuvalo pimeänä Hämeenkadulla",
        text=TEXT,
        html=f"<p>{TEXT.replace(chr(10), '<br>')}</p><script>alert(1)</script>",
        attachment=("katuvalo.pdf", PDF),
    )
    kit.send(raw, NEUVONTA)
    inbox, dock = windows.inbox, windows.email
    wait_until(lambda: inbox.items.topLevelItemCount() == 1)
    shown: list[object] = []
    dock.thread_shown.connect(shown.append)
    inbox.take_next()
    wait_until(lambda: shown)
    window.resizeDocks([dock], [660], Qt.Orientation.Horizontal)
    dock.reply_editor.setPlainText(REPLY)
    sent: list[object] = []
    dock.reply_sent.connect(sent.append)
    dock.send_reply()
    wait_until(lambda: sent)
    wait_until(lambda: dock.messages.count() == 2)
    dock.messages.setCurrentRow(0)  # the citizen's mail; the reply is listed under it
    dock.insert_reply_text("")  # the editor empty, ready for the next
    for _ in range(30):
        QCoreApplication.processEvents()
        time.sleep(0.03)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(args.out))
    print(f"{args.out}: {'saved' if ok else 'NOT saved'}")
    desk.shutdown()
    db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

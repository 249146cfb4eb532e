"""Fixtures shared by the core tests: the loopback mail servers and the mail client of the e-mail
channel tests (their support code is in tests/core/mail_support.py)."""

from __future__ import annotations

import threading

import pytest

from agentdesk.channels.email_channel import set_keyring_password
from tests.core.mail_support import CITIZEN, NEUVONTA, TEKNISET, MailKit, Servers, servers_from_env


@pytest.fixture(scope="module")
def servers() -> Servers:
    return servers_from_env()


@pytest.fixture
def kit(servers, tmp_path):
    kit = MailKit(servers, tmp_path)
    for user in (NEUVONTA, TEKNISET, CITIZEN):
        kit.empty(user)
        set_keyring_password(servers.imap.account("imap", user), servers.password)
    yield kit
    for w in kit.watchers:
        w.stop()
    leaked = [t.name for t in threading.enumerate() if t.name.startswith("mailbox-watcher")]
    assert not leaked, f"watcher threads left running: {leaked}"

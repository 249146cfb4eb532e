"""Signed, expiring links for citizens: ``<payload>.<signature>``, both base64url without padding.

The payload is the purpose's record id and the expiry (Unix seconds); the signature is the first
16 bytes of HMAC-SHA256 over the purpose and the payload under the city's link secret, so a link
cannot be made for another id, another purpose or a later expiry. Whether a link was already used is
the database's to say (:mod:`agentdesk.citizen.feedback`): a signed link stays valid until it expires.

The secret lives in the OS keyring (service ``agentdesk-citizen-web``, account ``link-signing``);
:func:`ensure_link_secret` makes one the first time.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import hashlib
import hmac
import secrets
import struct

from agentdesk import credentials

KEYRING_SERVICE = "agentdesk-citizen-web"
KEYRING_ACCOUNT = "link-signing"
_PAYLOAD = struct.Struct(">QQ")  # id, expiry
_SIGNATURE_BYTES = 16


class LinkProblem(str, enum.Enum):
    MALFORMED = "malformed"  # not a link of ours at all (cut short, mistyped)
    TAMPERED = "tampered"  # well formed, but the signature does not match
    EXPIRED = "expired"


class LinkInvalid(ValueError):
    def __init__(self, problem: LinkProblem) -> None:
        super().__init__(f"link {problem.value}")
        self.problem = problem


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, purpose: str, payload: bytes) -> bytes:
    return hmac.new(secret, purpose.encode() + b"\0" + payload, hashlib.sha256).digest()[:_SIGNATURE_BYTES]


def sign(secret: bytes, purpose: str, record_id: int, expires_at: dt.datetime) -> str:
    payload = _PAYLOAD.pack(record_id, int(expires_at.timestamp()))
    return f"{_b64(payload)}.{_b64(_signature(secret, purpose, payload))}"


def verify(secret: bytes, purpose: str, token: str, now: dt.datetime | None = None) -> int:
    """The record id a link stands for; :class:`LinkInvalid` says why not."""
    head, dot, tail = token.partition(".")
    try:
        if not dot or len(token) > 64:
            raise ValueError
        payload, signature = _unb64(head), _unb64(tail)
        record_id, expires = _PAYLOAD.unpack(payload)
    except (ValueError, struct.error):
        raise LinkInvalid(LinkProblem.MALFORMED) from None
    if not hmac.compare_digest(signature, _signature(secret, purpose, payload)):
        raise LinkInvalid(LinkProblem.TAMPERED)
    now = now or dt.datetime.now(dt.UTC)
    if now.timestamp() >= expires:
        raise LinkInvalid(LinkProblem.EXPIRED)
    return int(record_id)


def link_secret() -> bytes | None:
    value = credentials.get_secret(KEYRING_SERVICE, KEYRING_ACCOUNT)
    return value.encode() if value else None


def ensure_link_secret() -> bytes:
    """The keyring's link secret, made (32 random bytes) and stored the first time."""
    found = link_secret()
    if found:
        return found
    value = secrets.token_urlsafe(32)
    credentials.set_secret(KEYRING_SERVICE, KEYRING_ACCOUNT, value)
    return value.encode()

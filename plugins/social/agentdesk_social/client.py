"""HTTP client for the social-services contract (``openapi.yaml``): one read, checked field by field.

Errors follow the plugin contract: :class:`BackendUnavailable` when the server does not answer in
time (or answers 502/503/504), :class:`BackendError` when it answers badly. Messages name the
server and what went wrong, never the identity code or the token; the original exception is not
chained because its text would carry the request URL, and with it the identity code.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal, overload
from urllib.parse import urljoin, urlsplit

import requests

from agentdesk.plugin_api import BackendError, BackendUnavailable

STATUSES = ("active", "waiting", "ended")
MAX_ANSWER_BYTES = 2_000_000  # a person has at most some dozens of relationships
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"(Z|z|[+-][0-9]{2}:[0-9]{2})"
)
USER_AGENT = "AgentDesk-social/1.0"


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    service_area: str


@dataclass(frozen=True, slots=True)
class Worker:
    name: str
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class Relationship:
    id: str
    unit: Unit
    worker: Worker | None
    status: str  # active, waiting, ended
    start: date
    end: date | None
    next_meeting: datetime | None  # aware


@dataclass(frozen=True, slots=True)
class ClientRecord:
    hetu: str
    relationships: tuple[Relationship, ...]


class SocialServicesClient:
    """Talks to one deployment. Thread-safe: each calling thread gets its own HTTP session."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        parts = urlsplit(base_url or "")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http(s) URL, not {base_url!r}")
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.server = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        self._token = token or None
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()

    def client_relationships(
        self, hetu: str, *, timeout: float, purpose: str, check_cancelled: Callable[[], None] = lambda: None
    ) -> ClientRecord:
        """``GET /clients?hetu=`` within ``timeout`` seconds in all (connect, wait and read)."""
        request_id = str(uuid.uuid4())
        headers = {"Accept": "application/json", "X-Purpose-Of-Use": purpose, "X-Request-ID": request_id}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        check_cancelled()
        deadline = time.monotonic() + timeout
        status, content_type, body = self._get("clients", {"hetu": hetu}, headers, timeout, deadline)
        check_cancelled()
        where = f"{self.server} (request {request_id})"
        if status != 200:
            raise _status_error(status, content_type, body, where, hetu)
        return parse_client_record(_json_body(content_type, body, where), hetu, where)

    def _get(
        self, path: str, params: Mapping[str, str], headers: Mapping[str, str], timeout: float, deadline: float
    ) -> tuple[int, str, bytes]:
        url = urljoin(self.base_url, path)
        try:
            with self._session().get(
                url, params=params, headers=headers, timeout=(timeout, timeout), allow_redirects=False, stream=True
            ) as resp:
                chunks, size = [], 0
                for chunk in resp.iter_content(64 * 1024):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        raise BackendError(
                            f"Social services back end {self.server} sent an answer larger than "
                            f"{MAX_ANSWER_BYTES // 1_000_000} MB; nothing is shown"
                        )
                    if time.monotonic() > deadline:
                        raise BackendUnavailable(
                            f"Social services back end {self.server} did not finish its answer within {timeout:g} s"
                        )
                return resp.status_code, resp.headers.get("Content-Type", ""), b"".join(chunks)
        except requests.exceptions.SSLError:
            raise BackendError(
                f"Social services back end {self.server}: the TLS connection failed "
                "(certificate not trusted or protocol mismatch)"
            ) from None
        except requests.exceptions.Timeout:
            raise BackendUnavailable(
                f"Social services back end {self.server} did not answer within {timeout:g} s"
            ) from None
        except requests.exceptions.ConnectionError as exc:
            if "timed out" in str(exc).lower():
                raise BackendUnavailable(
                    f"Social services back end {self.server} did not answer within {timeout:g} s"
                ) from None
            raise BackendUnavailable(
                f"Social services back end {self.server} cannot be reached (connection refused or lost)"
            ) from None
        except requests.exceptions.RequestException as exc:
            raise BackendError(
                f"Social services back end {self.server}: the request failed ({type(exc).__name__})"
            ) from None


def _scrub(text: str, hetu: str) -> str:
    """A server's message for display: short, one line, without the identity code asked about."""
    text = " ".join(text.split())[:200]
    return text.replace(hetu, "***").replace(hetu.upper(), "***") if hetu else text


def _status_error(status: int, content_type: str, body: bytes, where: str, hetu: str) -> BackendError:
    message = ""
    if "json" in content_type.lower():
        try:
            error = json.loads(body).get("error")
            if isinstance(error, dict) and isinstance(error.get("message"), str):
                message = ": " + _scrub(error["message"], hetu)
        except (ValueError, AttributeError):
            pass
    if status in (502, 503, 504):
        return BackendUnavailable(f"Social services back end {where} is unavailable (HTTP {status}){message}")
    if status >= 500:
        return BackendError(f"Social services back end {where} failed (HTTP {status}){message}")
    if status in (401, 403):
        return BackendError(
            f"Social services back end {where} refused the desk's credentials (HTTP {status})"
            f"{message}; check the plugin secret 'token'"
        )
    if status == 404:
        return BackendError(
            f"Social services back end {where} has no client endpoint (HTTP 404); check the plugin setting 'base_url'"
        )
    if 300 <= status < 400:
        return BackendError(
            f"Social services back end {where} redirected the request (HTTP {status}); "
            "check the plugin setting 'base_url'"
        )
    return BackendError(f"Social services back end {where} refused the request (HTTP {status}){message}")


def _json_body(content_type: str, body: bytes, where: str) -> Any:
    kind = content_type.split(";")[0].strip().lower()
    if kind == "text/html" or body.lstrip()[:1] == b"<":
        raise BackendError(
            f"Social services back end {where} answered with an HTML page instead of JSON; "
            "check the plugin setting 'base_url'"
        )
    if kind != "application/json" and not kind.endswith("+json"):
        raise BackendError(
            f"Social services back end {where} answered with {kind or 'no content type'} instead of JSON"
        )
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested deeper than any answer
        raise BackendError(f"Social services back end {where} answered with malformed JSON") from None


class _Invalid(Exception):
    pass


def _obj(value: Any, at: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{at} must be an object")
    return value


@overload
def _text(value: Any, at: str, *, nullable: Literal[False] = False) -> str: ...
@overload
def _text(value: Any, at: str, *, nullable: bool) -> str | None: ...
def _text(value: Any, at: str, *, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{at} must be a non-empty text" + (" or null" if nullable else ""))
    return value.strip()


@overload
def _date(value: Any, at: str, *, nullable: Literal[False] = False) -> date: ...
@overload
def _date(value: Any, at: str, *, nullable: bool) -> date | None: ...
def _date(value: Any, at: str, *, nullable: bool = False) -> date | None:
    if value is None and nullable:
        return None
    try:
        if isinstance(value, str) and _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _Invalid(f"{at} must be a date YYYY-MM-DD" + (" or null" if nullable else ""))


def _date_time(value: Any, at: str) -> datetime | None:
    if value is None:
        return None
    try:
        if isinstance(value, str) and _DATE_TIME.fullmatch(value):
            moment = datetime.fromisoformat(value.replace("z", "Z"))
            if 1 < moment.astimezone(UTC).year < 9999:  # else it cannot be shown in Finnish time
                return moment
    except (ValueError, OverflowError):
        pass
    raise _Invalid(f"{at} must be a date-time with a UTC offset (e.g. 2026-12-03T10:30:00+02:00) or null")


def _about(raw: Mapping[str, Any]) -> str | None:
    """Whom a relationship says it is about, when it says so (``person.hetu`` or ``hetu``, as an
    adapter passing FHIR data through may add); None when it names no one."""
    person = raw.get("person")
    named = person.get("hetu") if isinstance(person, dict) else raw.get("hetu")
    return named.strip().upper() if isinstance(named, str) else None


def _relationship(raw: Any, at: str) -> Relationship:
    raw = _obj(raw, at)
    unit = _obj(raw.get("unit"), f"{at}.unit")
    area = _text(unit.get("service_area"), f"{at}.unit.service_area")
    worker_raw = raw.get("worker")
    worker = None
    if worker_raw is not None:
        worker_raw = _obj(worker_raw, f"{at}.worker")
        worker = Worker(
            _text(worker_raw.get("name"), f"{at}.worker.name"),
            _text(worker_raw.get("phone"), f"{at}.worker.phone", nullable=True),
            _text(worker_raw.get("email"), f"{at}.worker.email", nullable=True),
        )
    status = raw.get("status")
    if status not in STATUSES:
        raise _Invalid(f"{at}.status must be one of {', '.join(STATUSES)}")
    return Relationship(
        id=_text(raw.get("id"), f"{at}.id"),
        unit=Unit(_text(unit.get("code"), f"{at}.unit.code"), _text(unit.get("name"), f"{at}.unit.name"), area),
        worker=worker,
        status=status,
        start=_date(raw.get("start"), f"{at}.start"),
        end=_date(raw.get("end"), f"{at}.end", nullable=True),
        next_meeting=_date_time(raw.get("next_meeting"), f"{at}.next_meeting"),
    )


def parse_client_record(payload: Any, hetu: str, where: str = "social services back end") -> ClientRecord:
    """Check an answer against the contract's ``ClientRelationships`` schema; unknown members are ignored."""
    try:
        doc = _obj(payload, "the answer")
        person = _obj(doc.get("person"), "person")
        answered = _text(person.get("hetu"), "person.hetu")
        items = doc.get("relationships")
        if not isinstance(items, list):
            raise _Invalid("relationships must be a list")
        relationships = tuple(_relationship(item, f"relationships[{i}]") for i, item in enumerate(items))
        named = {_about(item) for item in items} - {None}
    except _Invalid as exc:
        raise BackendError(
            f"Social services back end {where} answered with data that does not follow the contract: {exc}"
        ) from None
    if answered.upper() != hetu.strip().upper() or named - {hetu.strip().upper()}:
        raise BackendError(
            f"Social services back end {where} answered about another person than asked; nothing is shown"
        )
    return ClientRecord(answered.upper(), relationships)

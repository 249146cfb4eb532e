"""HTTP client for the education-services contract (``openapi.yaml``): one read per person, checked
field by field.

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
from datetime import date
from typing import Any, Literal, overload
from urllib.parse import urljoin, urlsplit

import requests

from agentdesk.plugin_api import BackendError, BackendUnavailable

KINDS = ("daycare_placement", "daycare_application", "school_enrolment", "adult_education_enrolment")
STATUSES = ("active", "pending", "offered", "ended", "cancelled")
SUPPORT_LEVELS = ("general", "intensified", "special")
VIEWS = ("summary", "full")
MAX_ANSWER_BYTES = 2_000_000
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
USER_AGENT = "AgentDesk-education/1.0"
NAME = "Education services back end"


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Support:
    """Learning or early-childhood support (special-needs data): only in the ``full`` view."""

    level: str  # general, intensified, special
    measures: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EducationRecord:
    id: str
    kind: str
    unit: Unit
    status: str
    title: str | None  # the group, class or course
    start: date | None
    end: date | None
    support: Support | None


@dataclass(frozen=True, slots=True)
class Learner:
    hetu: str
    records: tuple[EducationRecord, ...]


class EducationClient:
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

    def learner(
        self,
        hetu: str,
        *,
        view: str,
        deadline: float,
        timeout: float,
        purpose: str,
        check_cancelled: Callable[[], None] = lambda: None,
    ) -> Learner:
        """``GET /learners?hetu=&view=`` before ``deadline`` (time.monotonic()); ``timeout`` is the
        call's whole budget, named in the message when it runs out."""
        if view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)}")
        request_id = str(uuid.uuid4())
        headers = {"Accept": "application/json", "X-Purpose-Of-Use": purpose, "X-Request-ID": request_id}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        check_cancelled()
        left = deadline - time.monotonic()
        if left <= 0:
            raise BackendUnavailable(f"{NAME} {self.server} did not answer within {timeout:g} s")
        status, content_type, body = self._get(
            "learners", {"hetu": hetu, "view": view}, headers, left, deadline, timeout
        )
        check_cancelled()
        where = f"{self.server} (request {request_id})"
        if status != 200:
            raise _status_error(status, content_type, body, where, hetu)
        return parse_learner(_json_body(content_type, body, where), hetu, view, where)

    def _get(
        self,
        path: str,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        left: float,
        deadline: float,
        timeout: float,
    ) -> tuple[int, str, bytes]:
        url = urljoin(self.base_url, path)
        slow = f"{NAME} {self.server} did not answer within {timeout:g} s"
        try:
            with self._session().get(
                url, params=params, headers=headers, timeout=(left, left), allow_redirects=False, stream=True
            ) as resp:
                chunks, size = [], 0
                for chunk in resp.iter_content(64 * 1024):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        raise BackendError(
                            f"{NAME} {self.server} sent an answer larger than "
                            f"{MAX_ANSWER_BYTES // 1_000_000} MB; nothing is shown"
                        )
                    if time.monotonic() > deadline:
                        raise BackendUnavailable(f"{NAME} {self.server} did not finish its answer within {timeout:g} s")
                return resp.status_code, resp.headers.get("Content-Type", ""), b"".join(chunks)
        except requests.exceptions.SSLError:
            raise BackendError(
                f"{NAME} {self.server}: the TLS connection failed (certificate not trusted or protocol mismatch)"
            ) from None
        except requests.exceptions.Timeout:
            raise BackendUnavailable(slow) from None
        except requests.exceptions.ConnectionError as exc:
            if "timed out" in str(exc).lower():
                raise BackendUnavailable(slow) from None
            raise BackendUnavailable(f"{NAME} {self.server} cannot be reached (connection refused or lost)") from None
        except requests.exceptions.RequestException as exc:
            raise BackendError(f"{NAME} {self.server}: the request failed ({type(exc).__name__})") from None


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
        return BackendUnavailable(f"{NAME} {where} is unavailable (HTTP {status}){message}")
    if status >= 500:
        return BackendError(f"{NAME} {where} failed (HTTP {status}){message}")
    if status in (401, 403):
        return BackendError(
            f"{NAME} {where} refused the desk's credentials (HTTP {status}){message}; check the plugin secret 'token'"
        )
    if status == 404:
        return BackendError(f"{NAME} {where} has no learners endpoint (HTTP 404); check the plugin setting 'base_url'")
    if 300 <= status < 400:
        return BackendError(
            f"{NAME} {where} redirected the request (HTTP {status}); check the plugin setting 'base_url'"
        )
    return BackendError(f"{NAME} {where} refused the request (HTTP {status}){message}")


def _json_body(content_type: str, body: bytes, where: str) -> Any:
    kind = content_type.split(";")[0].strip().lower()
    if kind == "text/html" or body.lstrip()[:1] == b"<":
        raise BackendError(
            f"{NAME} {where} answered with an HTML page instead of JSON; check the plugin setting 'base_url'"
        )
    if kind != "application/json" and not kind.endswith("+json"):
        raise BackendError(f"{NAME} {where} answered with {kind or 'no content type'} instead of JSON")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BackendError(f"{NAME} {where} answered with malformed JSON") from None


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


def _date(value: Any, at: str) -> date | None:
    if value is None:
        return None
    try:
        if isinstance(value, str) and _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _Invalid(f"{at} must be a date YYYY-MM-DD or null")


def _choice(value: Any, at: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _Invalid(f"{at} must be one of {', '.join(allowed)}")
    return str(value)


def _support(value: Any, at: str) -> Support | None:
    if value is None:
        return None
    raw = _obj(value, at)
    measures = raw.get("measures", [])
    if not isinstance(measures, list):
        raise _Invalid(f"{at}.measures must be a list")
    return Support(
        _choice(raw.get("level"), f"{at}.level", SUPPORT_LEVELS),
        tuple(_text(m, f"{at}.measures[{i}]") for i, m in enumerate(measures)),
    )


def _record(raw: Any, at: str, view: str) -> EducationRecord:
    raw = _obj(raw, at)
    unit = _obj(raw.get("unit"), f"{at}.unit")
    support = _support(raw.get("support"), f"{at}.support")
    return EducationRecord(
        id=_text(raw.get("id"), f"{at}.id"),
        kind=_choice(raw.get("kind"), f"{at}.kind", KINDS),
        unit=Unit(_text(unit.get("code"), f"{at}.unit.code"), _text(unit.get("name"), f"{at}.unit.name")),
        status=_choice(raw.get("status"), f"{at}.status", STATUSES),
        title=_text(raw.get("title"), f"{at}.title", nullable=True),
        start=_date(raw.get("start"), f"{at}.start"),
        end=_date(raw.get("end"), f"{at}.end"),
        # Need-to-know: what a summary answer says of support is dropped, even if the server sent it.
        support=support if view == "full" else None,
    )


def parse_learner(payload: Any, hetu: str, view: str, where: str = "education back end") -> Learner:
    """Check an answer against the contract's ``Learner`` schema; unknown members are ignored."""
    try:
        doc = _obj(payload, "the answer")
        person = _obj(doc.get("person"), "person")
        answered = _text(person.get("hetu"), "person.hetu")
        items = doc.get("records")
        if not isinstance(items, list):
            raise _Invalid("records must be a list")
        records = tuple(_record(item, f"records[{i}]", view) for i, item in enumerate(items))
    except _Invalid as exc:
        raise BackendError(f"{NAME} {where} answered with data that does not follow the contract: {exc}") from None
    if answered.upper() != hetu.strip().upper():
        raise BackendError(f"{NAME} {where} answered about another person than asked; nothing is shown")
    return Learner(answered.upper(), records)

"""A client for Open311 GeoReport v2 servers that survives what real servers do.

Every call takes a ``timeout`` in seconds. What can go wrong is reported with the plugin API's
errors, with English messages (the plugin translates them for the agent):

- no answer (refused, reset, timed out) → :class:`Open311Unavailable` (a ``BackendUnavailable``);
- an HTML page instead of JSON, broken JSON, an unexpected shape, HTTP 5xx → :class:`Open311BadAnswer`;
- HTTP 404 → :class:`Open311NotFound`;
- a refused API key (403, or 6aika's ``{"code": 400, "detail": ["Invalid API key"]}``) →
  :class:`Open311KeyRefused`;
- refused input (400 in the spec's ``[{"code": 400, "description": ...}]`` shape or 6aika's
  ``{"code": 400, "detail": {"field": ["..."]}}``) → :class:`Open311InputRefused` with the messages
  per request parameter (``service_code``, ``attribute[CODE]``, ...) and the general ones.

Tolerated: 200 or 201 on POST, an id or a token in the POST answer, unknown extra fields, empty
echoed addresses, ``extended_attributes`` (Helsinki's ``extensions=true``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin

import requests

from agentdesk.plugin_api import BackendError, BackendUnavailable, text_of

USER_AGENT = "AgentDesk-technical/1.0 (Open311 GeoReport v2)"
PARAMETERS = (
    "service_code",
    "description",
    "address_string",
    "address_id",
    "lat",
    "long",
    "email",
    "phone",
    "first_name",
    "last_name",
    "media_url",
    "device_id",
    "account_id",
    "api_key",
    "jurisdiction_id",
)
_ATTRIBUTE_PARAM = re.compile(r"attribute\[([^\[\]\s]+)\]")
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_KEY_WORDS = re.compile(r"api[ _-]?key", re.IGNORECASE)
ID_CHUNK = 50  # service_request_id values per GET requests.json


# -- errors ---------------------------------------------------------------------------------------


class Open311Unavailable(BackendUnavailable):
    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out  # it may have acted on the request: the answer was not awaited


class Open311BadAnswer(BackendError):
    def __init__(self, message: str, *, status: int | None = None, html: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.html = html


class Open311NotFound(Open311BadAnswer):
    pass


class Open311KeyRefused(BackendError):
    pass


class Open311InputRefused(BackendError):
    """``fields``: request parameter → message; ``general``: messages naming no parameter."""

    def __init__(self, fields: Mapping[str, str], general: Sequence[str]) -> None:
        self.fields = dict(fields)
        self.general = list(general)
        super().__init__(
            "; ".join([f"{k}: {v}" for k, v in self.fields.items()] + self.general) or "the request was refused"
        )


# -- values -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Service:
    code: str
    name: str
    description: str = ""
    metadata: bool = False
    type: str = ""
    keywords: str = ""
    group: str = ""


@dataclass(frozen=True, slots=True)
class Attribute:
    code: str
    datatype: str
    description: str
    required: bool = False
    variable: bool = True
    order: int = 0
    datatype_description: str = ""
    values: tuple[tuple[str, str], ...] = ()  # (key, name)


@dataclass(frozen=True, slots=True)
class ServiceRequest:
    id: str
    status: str  # "open", "closed" or what the server said
    service_code: str = ""
    service_name: str = ""
    status_notes: str = ""
    description: str = ""
    agency_responsible: str = ""
    service_notice: str = ""
    requested: dt.datetime | None = None
    updated: dt.datetime | None = None
    expected: dt.datetime | None = None
    address: str = ""
    title: str = ""  # extended_attributes.title (Helsinki)
    detailed_status: str = ""  # extended_attributes.detailed_status (Helsinki)
    email: str = ""  # contacts, only from a server that publishes them (never shown)
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Submission:
    """What POST requests.json answered: an id, or a token to turn into an id later."""

    service_request_id: str = ""
    token: str = ""
    service_notice: str = ""


# -- parsing helpers -------------------------------------------------------------------------------


def parse_time(value: Any) -> dt.datetime | None:
    text = text_of(value).strip()
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text)
        parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        utc = parsed.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None
    # A moment that cannot be shown in local time (years 1 and 9999 at the edges) is no date at all.
    return parsed if 1 < utc.year < 9999 else None


def _flag(value: Any) -> bool:
    return value is True or text_of(value).strip().lower() in ("true", "1", "yes")


def _records(value: Any) -> list[Mapping[str, Any]]:
    """A JSON list of objects (a lone object is taken as a list of one); anything else is refused."""
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        raise Open311BadAnswer("the Open311 server answered with JSON of an unexpected shape")
    return [v for v in value if isinstance(v, Mapping)]


def parse_service(raw: Mapping[str, Any]) -> Service | None:
    code = text_of(raw.get("service_code"))
    if not code:
        return None
    return Service(
        code,
        text_of(raw.get("service_name"), code),
        text_of(raw.get("description")),
        _flag(raw.get("metadata")),
        text_of(raw.get("type")),
        text_of(raw.get("keywords")),
        text_of(raw.get("group")),
    )


def parse_attribute(raw: Mapping[str, Any]) -> Attribute | None:
    code = text_of(raw.get("code"))
    if not code:
        return None
    values = []
    for v in raw.get("values") or ():
        if isinstance(v, Mapping) and text_of(v.get("key")):
            values.append((text_of(v.get("key")), text_of(v.get("name"), text_of(v.get("key")))))
    try:
        order = int(raw.get("order") or 0)
    except (TypeError, ValueError):
        order = 0
    variable = raw.get("variable")
    return Attribute(
        code,
        text_of(raw.get("datatype"), "string").lower(),
        text_of(raw.get("description"), code),
        _flag(raw.get("required")),
        True if variable is None else _flag(variable),
        order,
        text_of(raw.get("datatype_description")),
        tuple(values),
    )


def parse_request(raw: Mapping[str, Any]) -> ServiceRequest | None:
    request_id = text_of(raw.get("service_request_id"))
    if not request_id:
        return None
    extended = raw.get("extended_attributes")
    extended = extended if isinstance(extended, Mapping) else {}
    return ServiceRequest(
        id=request_id,
        status=text_of(raw.get("status")).strip().lower(),
        service_code=text_of(raw.get("service_code")),
        service_name=text_of(raw.get("service_name")),
        status_notes=text_of(raw.get("status_notes")),
        description=text_of(raw.get("description")),
        agency_responsible=text_of(raw.get("agency_responsible")),
        service_notice=text_of(raw.get("service_notice")),
        requested=parse_time(raw.get("requested_datetime")),
        updated=parse_time(raw.get("updated_datetime")),
        expected=parse_time(raw.get("expected_datetime")),
        address=text_of(raw.get("address")).strip(),
        title=text_of(extended.get("title")),
        detailed_status=text_of(extended.get("detailed_status")),
        email=text_of(raw.get("email")).strip(),
        phone=text_of(raw.get("phone")).strip(),
    )


def error_messages(body: Any) -> tuple[dict[str, str], list[str]]:
    """(parameter → message, general messages) from either error style, or anything else."""
    fields: dict[str, str] = {}
    general: list[str] = []

    def add(param: str, message: str) -> None:
        fields[param] = f"{fields[param]} {message}" if param in fields else message

    def loose(message: str) -> None:
        param = param_named_in(message)
        if param:
            add(param, message)
        else:
            general.append(message)

    if isinstance(body, list):  # the spec: [{"code": 400, "description": "..."}]
        for item in body:
            if isinstance(item, Mapping):
                loose(text_of(item.get("description")) or text_of(item.get("message")) or "")
            elif isinstance(item, str):
                loose(item)
    elif isinstance(body, Mapping):
        detail = body.get("detail", body.get("errors"))
        if isinstance(detail, Mapping):  # 6aika / Django REST framework
            for param, messages in detail.items():
                if isinstance(messages, (list, tuple)):
                    text = " ".join(text_of(m) for m in messages if text_of(m))
                else:
                    text = text_of(messages)
                add(str(param), text or "invalid")
        elif isinstance(detail, (list, tuple)):
            for m in detail:
                loose(text_of(m))
        elif text_of(detail):
            loose(text_of(detail))
        else:
            for key in ("description", "message", "error"):
                if text_of(body.get(key)):
                    loose(text_of(body[key]))
                    break
    return fields, [g for g in general if g]


def param_named_in(message: str) -> str | None:
    """The request parameter a spec-style description talks about, e.g. "email is not valid"."""
    m = _ATTRIBUTE_PARAM.search(message)
    if m:
        return f"attribute[{m.group(1)}]"
    first = re.match(r"\s*(\w+)", message)
    if first and first.group(1) in PARAMETERS and first.group(1) not in ("lat", "long", "address_id"):
        return first.group(1)
    # Anywhere in the sentence; "lat"/"long" only at its start (they are English words too).
    hits = [
        (m.start(), p)
        for p in PARAMETERS
        if (m := re.search(rf"(?<![\w\[]){re.escape(p)}(?![\w\]])", message))
        and (p not in ("lat", "long") or m.start() == len(message) - len(message.lstrip()))
    ]
    if not hits:
        return None
    preferred = [h for h in hits if h[1] not in ("lat", "long", "address_id")] or hits
    return min(preferred)[1]


# -- the client --------------------------------------------------------------------------------------


class Open311Client:
    """One GeoReport v2 endpoint. Thread-safe for the plugin's use (no cookies, a pooled session)."""

    def __init__(
        self, base_url: str, *, api_key: str = "", jurisdiction_id: str = "", session: requests.Session | None = None
    ) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.api_key = api_key
        self.jurisdiction_id = jurisdiction_id
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})

    def close(self) -> None:
        self.session.close()

    # -- transport ---------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        timeout: float,
        *,
        params: Mapping[str, str] | None = None,
        data: Sequence[tuple[str, str]] | None = None,
    ) -> tuple[int, Any]:
        url = urljoin(self.base_url, path)
        query = dict(params or {})
        if self.jurisdiction_id and method == "GET":
            query.setdefault("jurisdiction_id", self.jurisdiction_id)
        try:
            form = list(data) if data is not None else None  # requests takes a list of pairs, not any sequence
            response = self.session.request(
                method, url, params=query or None, data=form, timeout=max(0.05, timeout), allow_redirects=False
            )
        except requests.ConnectTimeout:
            raise Open311Unavailable(
                f"cannot reach the Open311 server at {self.base_url} within {timeout:.1f} s"
            ) from None
        except requests.Timeout:
            raise Open311Unavailable(
                f"the Open311 server did not answer within {timeout:.1f} s ({path})", timed_out=True
            ) from None
        except requests.ConnectionError as exc:
            raise Open311Unavailable(f"cannot reach the Open311 server at {self.base_url}: {_reason(exc)}") from None
        except requests.RequestException as exc:
            raise Open311Unavailable(f"the request to the Open311 server failed: {type(exc).__name__}") from None
        status = response.status_code
        text = response.text
        content_type = response.headers.get("Content-Type", "").lower()
        is_html = "html" in content_type or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
        if is_html:
            title = _HTML_TITLE.search(text)
            title_text = re.sub(r"\s+", " ", title.group(1)).strip() if title else ""
            what = f"HTTP {status}" + (f" “{title_text[:80]}”" if title_text else "")
            cls = Open311NotFound if status == 404 else Open311BadAnswer
            raise cls(
                f"the Open311 server answered {path} with an HTML page instead of JSON ({what})",
                status=status,
                html=True,
            )
        try:
            body = json.loads(text) if text.strip() else None
        except (ValueError, RecursionError):  # RecursionError: nested deeper than any real answer
            raise Open311BadAnswer(
                f"the Open311 server sent malformed JSON for {path} (HTTP {status})", status=status
            ) from None
        if status >= 500:
            fields, general = error_messages(body)
            detail = "; ".join(general + [f"{k}: {v}" for k, v in fields.items()])
            raise Open311BadAnswer(
                f"the Open311 server failed on {path} (HTTP {status})" + (f": {detail}" if detail else ""),
                status=status,
            )
        if status == 404:
            fields, general = error_messages(body)
            raise Open311NotFound("; ".join(general + list(fields.values())) or f"{path} was not found", status=status)
        if status in (401, 403):
            raise Open311KeyRefused("the Open311 API key was refused")
        if status >= 400:
            fields, general = error_messages(body)
            if status == 400 and not fields and any(_KEY_WORDS.search(g) for g in general):
                raise Open311KeyRefused("the Open311 API key was refused")
            if "api_key" in fields:
                raise Open311KeyRefused("the Open311 API key was refused")
            raise Open311InputRefused(fields, general or ([] if fields else [f"HTTP {status}"]))
        if status >= 300:
            raise Open311BadAnswer(f"the Open311 server answered {path} with HTTP {status}", status=status)
        return status, body

    # -- the GeoReport v2 resources ----------------------------------------------------------------

    def services(self, timeout: float) -> list[Service]:
        _, body = self._call("GET", "services.json", timeout)
        return [s for s in map(parse_service, _records(body)) if s]

    def service_definition(self, code: str, timeout: float) -> list[Attribute]:
        _, body = self._call("GET", f"services/{quote(code, safe='')}.json", timeout)
        if isinstance(body, list) and body and isinstance(body[0], Mapping):
            body = body[0]  # some servers wrap the definition in a list
        if not isinstance(body, Mapping):
            raise Open311BadAnswer(f"the Open311 server sent no service definition for {code}")
        attributes = [a for a in map(parse_attribute, _records(body.get("attributes") or [])) if a]
        return sorted(attributes, key=lambda a: a.order)

    def find_requests(
        self, timeout: float, *, ids: Iterable[str] = (), extensions: bool = True, **filters: str
    ) -> list[ServiceRequest]:
        """``GET requests.json``. ``ids`` are asked in chunks; other filters pass as given."""
        params = {k: v for k, v in filters.items() if v}
        if extensions:
            params["extensions"] = "true"
        id_list = list(dict.fromkeys(i for i in ids if i))
        found: list[ServiceRequest] = []
        chunks = [id_list[i : i + ID_CHUNK] for i in range(0, len(id_list), ID_CHUNK)] if id_list else [[]]
        started = time.monotonic()
        for chunk in chunks:
            query = dict(params)
            if chunk:
                query["service_request_id"] = ",".join(chunk)
            left = timeout - (time.monotonic() - started)
            if left <= 0:
                raise Open311Unavailable(f"the Open311 server did not answer within {timeout:.0f} s (requests.json)")
            _, body = self._call("GET", "requests.json", left, params=query)
            found.extend(r for r in map(parse_request, _records(body if body is not None else [])) if r)
        return found

    def request(self, request_id: str, timeout: float) -> ServiceRequest | None:
        try:
            _, body = self._call(
                "GET", f"requests/{quote(request_id, safe='')}.json", timeout, params={"extensions": "true"}
            )
        except Open311NotFound as exc:
            if exc.html:
                raise
            return None
        found = [r for r in map(parse_request, _records(body)) if r]
        return found[0] if found else None

    def token(self, token: str, timeout: float) -> str:
        """The service_request_id behind a token, or "" while the server has not assigned one."""
        try:
            _, body = self._call("GET", f"tokens/{quote(token, safe='')}.json", timeout)
        except Open311NotFound as exc:
            if exc.html:
                raise
            return ""  # some servers know a token only once its request exists
        for item in _records(body):
            if text_of(item.get("service_request_id")):
                return text_of(item.get("service_request_id"))
        return ""

    def submit(self, fields: Sequence[tuple[str, str]], timeout: float) -> Submission:
        """``POST requests.json`` form-encoded; the API key and jurisdiction are added here."""
        data = [(k, v) for k, v in fields if k not in ("api_key", "jurisdiction_id")]
        if self.jurisdiction_id:
            data.insert(0, ("jurisdiction_id", self.jurisdiction_id))
        data.insert(0, ("api_key", self.api_key))
        _, body = self._call("POST", "requests.json", timeout, data=data)
        for item in _records(body):
            request_id = text_of(item.get("service_request_id"))
            token = text_of(item.get("token"))
            if request_id or token:
                return Submission(request_id, token, text_of(item.get("service_notice")))
        return Submission()


def _reason(exc: Exception) -> str:
    text = str(exc)
    for marker in (
        "Connection refused",
        "Name or service not known",
        "timed out",
        "Connection reset",
        "Remote end closed connection",
    ):
        if marker.lower() in text.lower():
            return marker.lower()
    return type(exc).__name__

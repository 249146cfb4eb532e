"""The data and the rules of the loopback Open311 GeoReport v2 server (no HTTP here).

:class:`GeoReportStore` holds services, service definitions and service requests seeded from a
plain dict (or a JSON file), validates ``POST requests.json`` input the way the GeoReport v2 spec
describes, and answers the ``GET requests.json`` filters. :mod:`.reference_server` puts it behind
HTTP and adds the deviation modes of real servers.

Seed format (all keys optional except ``services``)::

    {
      "jurisdiction_id": "hel.fi",              # when set, a request naming another one gets 404
      "api_keys": ["demo-key"],                 # keys accepted by POST requests.json
      "services": [{"service_code": "streetlight", "service_name": "Katuvalo rikki",
                    "description": "...", "metadata": true, "type": "realtime",
                    "keywords": "valo,katu", "group": "Katu ja liikenne",
                    "attributes": [{"code": "FAULT", "datatype": "multivaluelist", "required": true,
                                    "order": 1, "description": "Vika", "datatype_description": "",
                                    "variable": true, "values": [{"key": "dark", "name": "Ei pala"}]}]}],
      "requests": [{"service_request_id": "101", "service_code": "streetlight", "status": "open",
                    "status_notes": "...", "agency_responsible": "...", "service_notice": "",
                    "requested_datetime": "2025-01-15T09:30:00+02:00", "updated_datetime": "...",
                    "expected_datetime": null, "description": "...", "address": "...",
                    "address_id": null, "zipcode": "00100", "lat": 60.17, "long": 24.94,
                    "media_url": null,
                    "email": "...", "phone": "+358...", "first_name": "...", "last_name": "...",
                    "extended_attributes": {"title": "...", "detailed_status": "IN_PROCESS"}}]
    }

Contact details (``email``, ``phone``, names) are kept but never returned: GeoReport v2 does not
publish them. They serve the non-standard ``email``/``phone`` filter of ``GET requests.json`` (see
:meth:`GeoReportStore.search`), an extension in the spirit of Helsinki's ``extensions=true``.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
MAX_DESCRIPTION = 4000
MAX_DAYS = 90
MAX_RESULTS = 1000
PUBLIC_FIELDS = (
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
)
PRIVATE_FIELDS = ("email", "phone", "first_name", "last_name", "device_id", "account_id")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
try:  # Windows has no system time-zone database; the tzdata package may be missing there
    HELSINKI: dt.tzinfo = ZoneInfo("Europe/Helsinki")
except ZoneInfoNotFoundError:  # pragma: no cover - a Python without a tz database
    HELSINKI = dt.timezone(dt.timedelta(hours=2))  # fallback: Finnish winter time


@dataclass(frozen=True)
class Problem:
    """One refused input: the parameter, the spec-style sentence and the 6aika (DRF) style one."""

    param: str
    description: str
    detail: str


class NotFound(LookupError):
    pass


class Refused(ValueError):
    """Input the spec says to refuse; ``status`` 400 (bad input) or 403 (bad api_key)."""

    def __init__(self, status: int, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.description for p in problems))
        self.status = status
        self.problems = problems


def parse_datetime(text: str) -> dt.datetime:
    """An ISO 8601 / W3C datetime; naive values are taken as Helsinki time."""
    value = dt.datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        value = value.replace(tzinfo=HELSINKI)
    return value


def format_datetime(value: dt.datetime) -> str:
    return value.astimezone(HELSINKI).isoformat(timespec="seconds")


def normalise_phone(text: str) -> str:
    digits = re.sub(r"[\s\-().]", "", text or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+358" + digits[1:]
    return digits


@dataclass
class Filed:
    service_request_id: str
    token: str
    id_visible_at: float  # time.monotonic() after which tokens/{token}.json reveals the id
    record: dict[str, Any] = field(repr=False, default_factory=dict)


class GeoReportStore:
    """Services, definitions and requests, guarded by one lock (the server is threaded)."""

    def __init__(self, seed: Mapping[str, Any]) -> None:
        seed = copy.deepcopy(dict(seed))
        self.jurisdiction_id: str | None = seed.get("jurisdiction_id") or None
        self.api_keys = set(seed.get("api_keys") or ("test-key",))
        self._lock = threading.Lock()
        self.services: list[dict[str, Any]] = []
        self.attributes: dict[str, list[dict[str, Any]]] = {}
        for raw in seed.get("services") or ():
            service = {k: v for k, v in raw.items() if k != "attributes"}
            service.setdefault("description", "")
            service.setdefault("metadata", bool(raw.get("attributes")))
            service.setdefault("type", "realtime")
            service.setdefault("keywords", "")
            service.setdefault("group", "")
            self.services.append(service)
            attrs = []
            for a in raw.get("attributes") or ():
                if a.get("datatype") not in DATATYPES:
                    raise ValueError(
                        f"service {service['service_code']}: attribute {a.get('code')!r} "
                        f"has datatype {a.get('datatype')!r}; use one of {', '.join(DATATYPES)}"
                    )
                attrs.append({"variable": True, "datatype_description": "", "required": False, "values": [], **a})
            self.attributes[service["service_code"]] = sorted(attrs, key=lambda a: a.get("order", 0))
        self._names = {s["service_code"]: s["service_name"] for s in self.services}
        self.requests: dict[str, dict[str, Any]] = {}
        for raw in seed.get("requests") or ():
            record = dict(raw)
            record["service_request_id"] = str(record["service_request_id"])
            record.setdefault("service_name", self._names.get(record.get("service_code"), ""))
            self.requests[record["service_request_id"]] = record
        numeric = [int(i) for i in self.requests if i.isdigit()]
        self._ids = itertools.count(max(numeric, default=1000) + 1)
        self.tokens: dict[str, Filed] = {}

    # -- services ---------------------------------------------------------------------------------

    def check_jurisdiction(self, value: str | None) -> None:
        if value and self.jurisdiction_id and value != self.jurisdiction_id:
            raise NotFound(f"jurisdiction_id {value} was not found")

    def service_definition(self, code: str) -> dict[str, Any]:
        if code not in self._names:
            raise NotFound(f"service_code {code} was not found")
        return {"service_code": code, "attributes": copy.deepcopy(self.attributes.get(code, []))}

    # -- reading requests -------------------------------------------------------------------------

    @staticmethod
    def public(record: Mapping[str, Any], extensions: bool) -> dict[str, Any]:
        out = {k: record.get(k) for k in PUBLIC_FIELDS}
        if extensions and record.get("extended_attributes"):
            out["extended_attributes"] = copy.deepcopy(record["extended_attributes"])
        return out

    def get(self, request_id: str) -> dict[str, Any]:
        with self._lock:
            record = self.requests.get(request_id)
            if record is None:
                raise NotFound(f"service_request_id {request_id} was not found")
            return dict(record)

    def set_status(self, request_id: str, status: str, notes: str = "", *, now: dt.datetime | None = None) -> None:
        """What the back office does: a request moves to ``status`` ("open"/"closed") with a note."""
        if status not in ("open", "closed"):
            raise ValueError(f"status must be open or closed, not {status!r}")
        with self._lock:
            record = self.requests.get(request_id)
            if record is None:
                raise NotFound(f"service_request_id {request_id} was not found")
            record["status"], record["status_notes"] = status, notes
            record["updated_datetime"] = format_datetime(now or dt.datetime.now(dt.UTC))

    def search(
        self, params: Mapping[str, str], *, now: dt.datetime | None = None, contact_filter: bool = True
    ) -> list[dict[str, Any]]:
        """``GET requests.json``: the spec's filters, plus ``email``/``phone`` when ``contact_filter``.

        - ``service_request_id`` (comma list): all other parameters are ignored (spec).
        - ``service_code`` (comma list), ``status`` (``open``, ``closed`` or both, comma list).
        - ``start_date``/``end_date``: on ``requested_datetime``; both together may span at most
          90 days (400 otherwise). With neither, the last 90 days are searched, except when a
          contact filter is given: a citizen's history is searched in full.
        - Extension: ``email`` and ``phone`` (comma lists) keep requests whose contact matches
          any of them (e-mail case-insensitively, phone numbers normalised to +358...).
        Newest first, at most 1000.
        """
        ids = _csv(params.get("service_request_id"))
        with self._lock:
            records = [dict(r) for r in self.requests.values()]
        if ids:
            by_id = {r["service_request_id"]: r for r in records}
            return [by_id[i] for i in ids if i in by_id]
        problems = []
        codes = set(_csv(params.get("service_code")))
        statuses = set(_csv(params.get("status")))
        if statuses - {"open", "closed"}:
            problems.append(
                Problem("status", "status must be open, closed or both (comma separated)", "Select a valid choice.")
            )
        start = end = None
        for name in ("start_date", "end_date"):
            if params.get(name):
                try:
                    value = parse_datetime(params[name])
                except ValueError:
                    problems.append(
                        Problem(name, f"{name} is not a valid ISO 8601 datetime", "Enter a valid date/time.")
                    )
                    continue
                if name == "start_date":
                    start = value
                else:
                    end = value
        if start and end and end - start > dt.timedelta(days=MAX_DAYS):
            problems.append(
                Problem(
                    "end_date",
                    f"start_date and end_date may span at most {MAX_DAYS} days",
                    f"Ensure the range is at most {MAX_DAYS} days.",
                )
            )
        if problems:
            raise Refused(400, problems)
        emails = {e.lower() for e in _csv(params.get("email"))} if contact_filter else set()
        phones = {normalise_phone(p) for p in _csv(params.get("phone"))} if contact_filter else set()
        contact = bool(emails or phones)
        now = now or dt.datetime.now(dt.UTC)
        if start is None and end is None and not contact:
            start, end = now - dt.timedelta(days=MAX_DAYS), now
        elif start is not None and end is None and not contact:
            end = start + dt.timedelta(days=MAX_DAYS)
        elif end is not None and start is None and not contact:
            start = end - dt.timedelta(days=MAX_DAYS)
        found = []
        for r in records:
            if codes and r.get("service_code") not in codes:
                continue
            if statuses and r.get("status") not in statuses:
                continue
            if contact and not (
                (r.get("email") or "").lower() in emails or normalise_phone(r.get("phone") or "") in phones
            ):
                continue
            requested = _requested(r)
            if start and (requested is None or requested < start):
                continue
            if end and (requested is None or requested > end):
                continue
            found.append(r)
        found.sort(key=lambda r: _requested(r) or dt.datetime.min.replace(tzinfo=dt.UTC), reverse=True)
        return found[:MAX_RESULTS]

    # -- filing -----------------------------------------------------------------------------------

    def validate(self, form: list[tuple[str, str]]) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Check ``POST requests.json`` input; returns (fields, attributes) or raises Refused."""
        values: dict[str, str] = {}
        attributes: dict[str, list[str]] = {}
        for key, value in form:
            m = _ATTRIBUTE.match(key)
            if m:
                attributes.setdefault(m.group(1), []).append(value)
            else:
                values[key] = value
        self.check_jurisdiction(values.get("jurisdiction_id"))
        if values.get("api_key", "") not in self.api_keys:
            raise Refused(403, [Problem("api_key", "api_key was not provided or is invalid", "Invalid API key")])
        problems: list[Problem] = []
        code = values.get("service_code", "").strip()
        if not code:
            problems.append(Problem("service_code", "service_code was not provided", "This field is required."))
        elif code not in self._names:
            problems.append(
                Problem("service_code", f"service_code {code} was not found", f'Invalid service code "{code}".')
            )
        lat, lon = values.get("lat", "").strip(), values.get("long", "").strip()
        has_point = bool(lat and lon)
        if bool(lat) != bool(lon):
            problems.append(
                Problem("lat" if not lat else "long", "lat and long must be given together", "This field is required.")
            )
        for name, text in (("lat", lat), ("long", lon)):
            if text:
                try:
                    float(text)
                except ValueError:
                    problems.append(Problem(name, f"{name} must be a decimal number", "A valid number is required."))
        if not (has_point or values.get("address_string", "").strip() or values.get("address_id", "").strip()):
            problems.append(
                Problem(
                    "address_string",
                    "a location is required: lat and long, address_string or address_id",
                    "This field is required.",
                )
            )
        if len(values.get("description", "")) > MAX_DESCRIPTION:
            problems.append(
                Problem(
                    "description",
                    f"description may not be longer than {MAX_DESCRIPTION} characters",
                    f"Ensure this field has no more than {MAX_DESCRIPTION} characters.",
                )
            )
        if values.get("email") and not _EMAIL.match(values["email"].strip()):
            problems.append(Problem("email", "email is not a valid e-mail address", "Enter a valid email address."))
        if code in self._names:
            problems.extend(self._check_attributes(code, attributes))
        if problems:
            raise Refused(400, problems)
        return values, attributes

    def _check_attributes(self, code: str, given: dict[str, list[str]]) -> list[Problem]:
        problems = []
        for a in self.attributes.get(code, []):
            if not a.get("variable", True):
                continue
            name = f"attribute[{a['code']}]"
            values = [v for v in given.get(a["code"], []) if v.strip()]
            if not values:
                if a.get("required"):
                    problems.append(Problem(name, f"{name} is required", "This field is required."))
                continue
            datatype = a["datatype"]
            keys = {str(v["key"]) for v in a.get("values") or ()}
            if datatype == "singlevaluelist" and (len(values) > 1 or values[0] not in keys):
                problems.append(
                    Problem(
                        name,
                        f"{name} must be one of {', '.join(sorted(keys))}",
                        f'"{values[0]}" is not a valid choice.',
                    )
                )
            elif datatype == "multivaluelist" and set(values) - keys:
                problems.append(
                    Problem(name, f"{name} values must be among {', '.join(sorted(keys))}", "Select a valid choice.")
                )
            elif datatype == "number":
                try:
                    float(values[0])
                except ValueError:
                    problems.append(Problem(name, f"{name} must be a number", "A valid number is required."))
            elif datatype == "datetime":
                try:
                    parse_datetime(values[0])
                except ValueError:
                    problems.append(Problem(name, f"{name} must be an ISO 8601 datetime", "Enter a valid date/time."))
        return problems

    def file(
        self, values: Mapping[str, str], attributes: Mapping[str, list[str]], *, token_delay: float, clock: float
    ) -> Filed:
        now = dt.datetime.now(dt.UTC)
        code = values["service_code"]
        with self._lock:
            request_id = str(next(self._ids))
            record = {
                "service_request_id": request_id,
                "status": "open",
                "status_notes": "",
                "service_name": self._names[code],
                "service_code": code,
                "description": values.get("description", ""),
                "agency_responsible": "",
                "service_notice": "",
                "requested_datetime": format_datetime(now),
                "updated_datetime": format_datetime(now),
                "expected_datetime": None,
                "address": values.get("address_string") or None,
                "address_id": values.get("address_id") or None,
                "zipcode": None,
                "lat": _float(values.get("lat")),
                "long": _float(values.get("long")),
                "media_url": values.get("media_url") or None,
                "attributes": {k: list(v) for k, v in attributes.items()},
                **{k: values.get(k) or None for k in PRIVATE_FIELDS},
            }
            self.requests[request_id] = record
            filed = Filed(request_id, secrets.token_hex(8), clock + token_delay, record)
            self.tokens[filed.token] = filed
            return filed


def _csv(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _requested(record: Mapping[str, Any]) -> dt.datetime | None:
    try:
        return parse_datetime(str(record.get("requested_datetime") or ""))
    except ValueError:
        return None

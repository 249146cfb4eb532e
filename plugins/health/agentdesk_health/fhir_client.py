"""A small, defensive HL7 FHIR R4 client: searches only, first page only, untrusted bodies.

Every request gets the time left of the call's budget as its timeout (so four searches together
stay within ``call.timeout``), checks ``call.check_cancelled()`` before it starts and while the
body arrives, and turns every way a server can fail into :class:`BackendUnavailable` (no answer)
or :class:`BackendError` (a useless answer) with a message an agent or IT can act on.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import requests

from agentdesk.plugin_api import BackendError, BackendUnavailable, CallContext

HETU_SYSTEM = "urn:oid:1.2.246.21"  # Finnish personal identity code (henkilötunnus)
FHIR_JSON = "application/fhir+json"
MAX_BODY_BYTES = 8 * 1024 * 1024  # a first page of a search is far smaller; more is a broken server
MAX_ENTRIES = 100  # resources taken from one search page, whatever the server sends
CHUNK_BYTES = 64 * 1024


class FhirClient:
    """Searches one FHIR R4 server. Thread-safe: each thread gets its own requests.Session."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.host = parts.netloc
        self._token = token or None
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()

    # -- the searches the health panel makes ------------------------------------------------------

    def find_patients(self, hetu: str, call: CallContext, deadline: float | None = None) -> list[dict[str, Any]]:
        return self.search("Patient", {"identifier": f"{HETU_SYSTEM}|{hetu}"}, call, deadline)

    def upcoming_appointments(
        self, patient_id: str, today: dt.date, call: CallContext, deadline: float | None = None
    ) -> list[dict[str, Any]]:
        params = {
            "patient": f"Patient/{patient_id}",
            "status": "booked",
            "date": f"ge{today.isoformat()}",
            "_sort": "date",
            "_count": "20",
        }
        return self.search("Appointment", params, call, deadline)

    def recent_encounters(
        self, patient_id: str, since: dt.date, call: CallContext, deadline: float | None = None
    ) -> list[dict[str, Any]]:
        params = {
            "patient": f"Patient/{patient_id}",
            "date": f"ge{since.isoformat()}",
            "_sort": "-date",
            "_count": "10",
        }
        return self.search("Encounter", params, call, deadline)

    def active_episodes(
        self, patient_id: str, call: CallContext, deadline: float | None = None
    ) -> list[dict[str, Any]]:
        params = {"patient": f"Patient/{patient_id}", "status": "active", "_count": "20"}
        return self.search("EpisodeOfCare", params, call, deadline)

    # -- the generic part ---------------------------------------------------------------------------

    def search(
        self, resource_type: str, params: Mapping[str, str], call: CallContext, deadline: float | None = None
    ) -> list[dict[str, Any]]:
        """The resources of ``resource_type`` on the first page of a search (at most MAX_ENTRIES).

        Entries of other types (an OperationOutcome with ``search.mode = outcome``, included
        resources) and entries that are not objects are left out; paging links are not followed.
        ``deadline`` (``time.monotonic()`` based) defaults to ``call.timeout`` from now; a panel
        passes one deadline to all of its searches so that together they keep to the budget.
        """
        body = self._get(resource_type, params, call, deadline)
        if body.get("resourceType") != "Bundle":
            raise BackendError(f"the FHIR server returned {_kind(body)} instead of a search Bundle for {resource_type}")
        entries = body.get("entry", [])
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise BackendError(f"the FHIR server returned a Bundle whose 'entry' is not a list (for {resource_type})")
        found = []
        for entry in entries:
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if isinstance(resource, dict) and resource.get("resourceType") == resource_type:
                found.append(resource)
                if len(found) >= MAX_ENTRIES:
                    break
        return found

    def _get(self, path: str, params: Mapping[str, str], call: CallContext, deadline: float | None) -> dict[str, Any]:
        call.check_cancelled()
        if deadline is None:
            deadline = time.monotonic() + call.timeout
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise BackendUnavailable(
                f"the FHIR server at {self.host} did not answer in time ({call.timeout:g} s for the whole panel)"
            )
        headers = {"Accept": FHIR_JSON}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        if call.purpose:
            headers["X-Purpose-Of-Use"] = call.purpose
        url = self.base_url + path
        try:
            with self._session().get(
                url, params=params, headers=headers, timeout=remaining, stream=True, allow_redirects=False
            ) as response:
                raw = self._read(response, call, deadline)
                return self._parse(response, raw, path)
        except requests.Timeout:
            raise BackendUnavailable(
                f"the FHIR server at {self.host} did not answer within {call.timeout:g} s"
            ) from None
        except requests.ConnectionError as exc:
            raise BackendUnavailable(f"cannot reach the FHIR server at {self.host}: {_reason(exc)}") from None
        except requests.RequestException as exc:
            raise BackendUnavailable(
                f"the connection to the FHIR server at {self.host} failed: {type(exc).__name__}"
            ) from None

    def _read(self, response: requests.Response, call: CallContext, deadline: float) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise BackendError(
                f"the FHIR server sent {int(declared)} bytes for one search page; refusing more than {MAX_BODY_BYTES}"
            )
        chunks, size = [], 0
        for chunk in response.iter_content(CHUNK_BYTES):
            call.check_cancelled()
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise BackendError(f"the FHIR server sent more than {MAX_BODY_BYTES} bytes for one search page")
            if time.monotonic() > deadline:
                raise BackendUnavailable(
                    f"the FHIR server at {self.host} did not finish its answer within {call.timeout:g} s"
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _parse(self, response: requests.Response, raw: bytes, path: str) -> dict[str, Any]:
        status = response.status_code
        content_type = response.headers.get("Content-Type", "").lower()
        if "html" in content_type or raw.lstrip()[:1] == b"<":
            prefix = f"HTTP {status} from FHIR server: " if status >= 400 else ""
            error = BackendUnavailable if status in (503, 504) else BackendError
            raise error(
                f"{prefix}HTML instead of FHIR JSON (the FHIR server at {self.host} or a proxy "
                f"in front of it sent a web page)"
            )
        body = _json_object(raw)
        if status >= 400 or 300 <= status < 400:
            detail = _outcome_text(body) if body is not None else ""
            if not detail:
                detail = {
                    301: "redirected",
                    302: "redirected",
                    303: "redirected",
                    307: "redirected",
                    308: "redirected",
                    401: "not authorised (check the token)",
                    403: "access denied",
                    404: f"no such FHIR endpoint ({path}; check base_url)",
                }.get(status, response.reason or "error")
            error = BackendUnavailable if status in (503, 504) else BackendError
            raise error(f"HTTP {status} from FHIR server: {detail}")
        if body is None:
            raise BackendError(f"the FHIR server returned malformed JSON (HTTP {status}, {path})")
        return body

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = False  # a deployment's proxy variables must not reroute patient data
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()


def _json_object(raw: bytes) -> dict[str, Any] | None:
    """The body as a JSON object, or None when it is not JSON or not an object."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _outcome_text(body: dict[str, Any]) -> str:
    """The diagnostics / details of an OperationOutcome's issues, '' for anything else."""
    if body.get("resourceType") != "OperationOutcome" or not isinstance(body.get("issue"), list):
        return ""
    texts = []
    for issue in body["issue"][:5]:
        if not isinstance(issue, dict):
            continue
        text = issue.get("diagnostics")
        details = issue.get("details")
        if not isinstance(text, str) and isinstance(details, dict):
            text = details.get("text")
        if isinstance(text, str) and text.strip():
            texts.append(text.strip()[:300])
    return "; ".join(texts)


def _kind(body: dict[str, Any]) -> str:
    rt = body.get("resourceType")
    if rt == "OperationOutcome":
        text = _outcome_text(body)
        return f"an OperationOutcome ({text})" if text else "an OperationOutcome"
    if isinstance(rt, str):
        return f"a {rt[:40]!r} resource"
    return "a JSON object that is not a FHIR resource"


def _reason(exc: requests.ConnectionError) -> str:
    text = str(exc)
    if "timed out" in text.lower():
        return "timed out"
    if "refused" in text.lower():
        return "connection refused"
    if "Name or service not known" in text or "getaddrinfo" in text or "resolve" in text.lower():
        return "unknown host name"
    if "reset" in text.lower() or "aborted" in text.lower():
        return "connection reset"
    return type(exc).__name__

"""The citizens' small web service (stdlib HTTP, one thread per request, loopback by default; a city puts
its reverse proxy with TLS and strong identification in front of it).

HTML (no script, escaped values, a strict Content-Security-Policy, no referrer so a link's token does
not travel on):

- ``GET /feedback/<token>`` the survey; ``POST`` it (``score``, ``comment``) answers once;
  ``POST /feedback/<token>/opt-out`` no more surveys;
- ``GET /update`` the self-service form; ``POST /update`` files it (a problem is shown at its field and
  everything typed stays in the form).

JSON (``Content-Type: application/json``, UTF-8):

- ``POST /api/v1/updates`` — an object with ``kind`` (phone, email, language, address), ``hetu``,
  ``last_name`` and the kind's fields (``phone``; ``email``; ``language``; ``street``, ``postal_code``,
  ``municipality``, ``moved_on``) → 202 ``{"status": "received", "reference": "SS-000123"}``,
  422 ``{"errors": {FIELD: {"code": CODE, "message": TEXT}}}``, 400 for a body that is not a JSON
  object, 503 when self-service is not set up;
- ``POST /api/v1/feedback/<token>`` — ``{"score": 1..5, "comment": TEXT}`` → 200 ``{"status":
  "answered"}``; 409 answered already, 410 expired, 403 tampered or malformed, 422 bad score;
- ``GET /healthz`` → ``ok``.

Pages take ``?lang=fi|sv|en`` (else the browser's Accept-Language, else Finnish; a survey its
citizen's language). Nothing personal is logged: a request's log line has the route and the status.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from agentdesk.changes import Changes
from agentdesk.citizen import pages
from agentdesk.citizen.feedback import FeedbackInputError, FeedbackSurveys, SurveyAnswered, SurveyGone
from agentdesk.citizen.links import LinkInvalid, LinkProblem
from agentdesk.citizen.update_form import SelfServiceForm, SelfServiceInvalid
from agentdesk.citizen.updates import SelfServiceUnavailable, SelfServiceUpdates

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
_LINK_STATUS = {
    LinkProblem.EXPIRED: (HTTPStatus.GONE, "expired"),
    LinkProblem.TAMPERED: (HTTPStatus.FORBIDDEN, "invalid"),
    LinkProblem.MALFORMED: (HTTPStatus.FORBIDDEN, "invalid"),
}


@dataclass(frozen=True, slots=True)
class CitizenServices:
    feedback: FeedbackSurveys | None  # None: surveys are not set up (their routes answer 404)
    updates: SelfServiceUpdates | None
    on_change: Callable[[Changes], None] = lambda _c: None  # e.g. the demo desk's change bus


class _BadBody(ValueError):
    pass


class _Handler(BaseHTTPRequestHandler):
    server: CitizenWebServer
    protocol_version = "HTTP/1.1"
    server_version = "AgentDeskCitizen/1"
    sys_version = ""

    # -- plumbing ---------------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the default line has the path (a token) and the client address: see _done

    def _done(self, status: int, route: str) -> None:
        log.info("citizen web %s %s -> %d", self.command, route, status)

    def _send(self, status: int, body: str, content_type: str, route: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in _HEADERS.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self._done(status, route)

    def _html(self, status: int, body: str, route: str) -> None:
        self._send(status, body, "text/html", route)

    def _json(self, status: int, value: object, route: str) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False), "application/json", route)

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise _BadBody("bad Content-Length") from None
        if length < 0 or length > MAX_BODY:
            raise _BadBody("body too large")
        return self.rfile.read(length)

    def _form(self) -> dict[str, str]:
        fields = parse_qs(self._body().decode("utf-8", "replace"), keep_blank_values=True)
        return {k: v[0] for k, v in fields.items()}

    def _lang(self, query: dict[str, list[str]], fallback: str = "fi") -> str:
        return pages.choose_language((query.get("lang") or [""])[0], self.headers.get("Accept-Language", ""), fallback)

    # -- routes ------------------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = [p for p in url.path.split("/") if p]
        try:
            if parts == ["healthz"]:
                self._send(HTTPStatus.OK, "ok", "text/plain", "healthz")
            elif parts == ["update"] and self.server.services.updates is not None:
                self._html(HTTPStatus.OK, pages.update_form(self._lang(query), {}, {}), "update")
            elif len(parts) == 2 and parts[0] == "feedback" and self.server.services.feedback is not None:
                self._survey_page(parts[1], query)
            else:
                self._send(HTTPStatus.NOT_FOUND, "not found", "text/plain", "unknown")
        except Exception:
            log.exception("citizen web GET failed")
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "error", "text/plain", "error")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = [p for p in url.path.split("/") if p]
        services = self.server.services
        try:
            if parts == ["update"] and services.updates is not None:
                self._post_update(services.updates, query)
            elif parts == ["api", "v1", "updates"] and services.updates is not None:
                self._api_update(services.updates)
            elif len(parts) == 2 and parts[0] == "feedback" and services.feedback is not None:
                self._post_survey(services.feedback, parts[1], query)
            elif len(parts) == 3 and parts[0] == "feedback" and parts[2] == "opt-out" and services.feedback:
                self._opt_out(services.feedback, parts[1], query)
            elif len(parts) == 4 and parts[:3] == ["api", "v1", "feedback"] and services.feedback is not None:
                self._api_feedback(services.feedback, parts[3])
            else:
                self._send(HTTPStatus.NOT_FOUND, "not found", "text/plain", "unknown")
        except _BadBody as exc:
            self._send(HTTPStatus.BAD_REQUEST, str(exc), "text/plain", "bad-body")
        except Exception:
            log.exception("citizen web POST failed")
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "error", "text/plain", "error")

    # -- feedback ----------------------------------------------------------------------------------

    def _survey_lang(self, token: str, query: dict[str, list[str]]) -> str:
        """The page's ``?lang=``, else the survey's citizen's language, else Finnish."""
        if query.get("lang"):
            return self._lang(query)
        feedback = self.server.services.feedback
        try:
            lang = feedback.view(token).language.value if feedback is not None else "fi"
        except (LinkInvalid, SurveyGone):
            lang = "fi"
        return lang if lang in pages.LANGS else "fi"

    def _survey_page(self, token: str, query: dict[str, list[str]]) -> None:
        feedback = self.server.services.feedback
        assert feedback is not None
        lang = self._lang(query)
        try:
            view = feedback.view(token)
        except LinkInvalid as exc:
            status, key = _LINK_STATUS[exc.problem]
            self._feedback_message(status, lang, key)
            return
        except SurveyGone:
            self._feedback_message(HTTPStatus.GONE, lang, "gone")
            return
        if not query.get("lang") and view.language.value in pages.LANGS:
            lang = view.language.value
        if view.answered:
            self._feedback_message(HTTPStatus.OK, lang, "answered")
            return
        self._html(HTTPStatus.OK, pages.survey_form(lang, token), "feedback")

    def _feedback_message(self, status: HTTPStatus, lang: str, key: str, route: str = "feedback") -> None:
        """A survey link's answer in a sentence: expired, altered, answered already, thanks, opted out."""
        self._html(status, pages.message_page(lang, "title.feedback", key), route)

    def _post_survey(self, feedback: FeedbackSurveys, token: str, query: dict[str, list[str]]) -> None:
        form = self._form()
        lang = self._survey_lang(token, query)
        score, comment = form.get("score", ""), form.get("comment", "")
        try:
            changes = feedback.answer(token, score, comment)
        except FeedbackInputError as exc:
            code = next(iter(exc.problems.values()))
            page = pages.survey_form(lang, token, error=pages.t(code, lang), score=score, comment=comment)
            self._html(HTTPStatus.UNPROCESSABLE_ENTITY, page, "feedback")
            return
        except LinkInvalid as exc:
            status, key = _LINK_STATUS[exc.problem]
            self._feedback_message(status, lang, key)
            return
        except SurveyAnswered:
            self._feedback_message(HTTPStatus.CONFLICT, lang, "answered")
            return
        except SurveyGone:
            self._feedback_message(HTTPStatus.GONE, lang, "gone")
            return
        self.server.services.on_change(changes)
        self._feedback_message(HTTPStatus.OK, lang, "thanks")

    def _opt_out(self, feedback: FeedbackSurveys, token: str, query: dict[str, list[str]]) -> None:
        self._body()
        lang = self._survey_lang(token, query)
        try:
            feedback.opt_out(token)
        except LinkInvalid as exc:
            status, key = _LINK_STATUS[exc.problem]
            self._feedback_message(status, lang, key, "opt-out")
            return
        except SurveyGone:
            self._feedback_message(HTTPStatus.GONE, lang, "gone", "opt-out")
            return
        self._feedback_message(HTTPStatus.OK, lang, "opted_out", "opt-out")

    def _api_feedback(self, feedback: FeedbackSurveys, token: str) -> None:
        data = self._json_object()
        if data is None:
            return
        try:
            changes = feedback.answer(token, data.get("score", ""), str(data.get("comment") or ""))
        except FeedbackInputError as exc:
            errors = {f: {"code": c, "message": pages.t(c, "en")} for f, c in exc.problems.items()}
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"errors": errors}, "api-feedback")
            return
        except LinkInvalid as exc:
            status, _key = _LINK_STATUS[exc.problem]
            self._json(status, {"error": exc.problem.value}, "api-feedback")
            return
        except SurveyAnswered:
            self._json(HTTPStatus.CONFLICT, {"error": "answered"}, "api-feedback")
            return
        except SurveyGone:
            self._json(HTTPStatus.GONE, {"error": "gone"}, "api-feedback")
            return
        self.server.services.on_change(changes)
        self._json(HTTPStatus.OK, {"status": "answered"}, "api-feedback")

    # -- self-service --------------------------------------------------------------------------------

    def _post_update(self, updates: SelfServiceUpdates, query: dict[str, list[str]]) -> None:
        values = self._form()
        lang = self._lang(query)
        try:
            received = updates.submit(SelfServiceForm.from_mapping(values), via="web")
        except SelfServiceInvalid as exc:
            errors = {f: pages.problem_text(f, code, lang) for f, (code, _m) in exc.problems.items()}
            self._html(HTTPStatus.UNPROCESSABLE_ENTITY, pages.update_form(lang, values, errors), "update")
            return
        except SelfServiceUnavailable:
            self._html(
                HTTPStatus.SERVICE_UNAVAILABLE, pages.message_page(lang, "title.update", "unavailable"), "update"
            )
            return
        self.server.services.on_change(received.changes)
        page = pages.message_page(lang, "title.update", "received", ref=received.reference)
        self._html(HTTPStatus.OK, page, "update")

    def _api_update(self, updates: SelfServiceUpdates) -> None:
        data = self._json_object()
        if data is None:
            return
        try:
            received = updates.submit(SelfServiceForm.from_mapping(data), via="api")
        except SelfServiceInvalid as exc:
            errors = {f: {"code": c, "message": m} for f, (c, m) in exc.problems.items()}
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"errors": errors}, "api-update")
            return
        except SelfServiceUnavailable:
            self._json(HTTPStatus.SERVICE_UNAVAILABLE, {"error": "unavailable"}, "api-update")
            return
        self.server.services.on_change(received.changes)
        self._json(HTTPStatus.ACCEPTED, {"status": "received", "reference": received.reference}, "api-update")

    def _json_object(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self._body().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            data = None
        if not isinstance(data, dict):
            self._json(HTTPStatus.BAD_REQUEST, {"error": "the body must be a JSON object"}, "api")
            return None
        return data


class CitizenWebServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, services: CitizenServices, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), _Handler)
        self.services = services
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> CitizenWebServer:
        """Serve on a thread of its own (the demo, tests); ``serve_forever`` for a service of its own."""
        self._thread = threading.Thread(target=self.serve_forever, name="citizen-web", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(5)

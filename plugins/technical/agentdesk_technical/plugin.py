"""The technical-services plugin: the citizen's Open311 service requests, and filing new ones.

Panel ``requests`` — which requests are the citizen's:

1. those the desk stored from earlier actions: ``CallContext.references`` pairs ``("open311", id)``
   (and ``("open311-token", token)`` for requests whose number had not been assigned when filed),
   asked with the standard ``GET requests.json?service_request_id=a,b,c``;
2. when the deployment sets ``contact_search = true``: ``GET requests.json?email=...&phone=...``,
   a non-standard filter (the reference server has it). A server that does not know the filter
   ignores it and answers with everyone's requests, so before showing any match the plugin asks the
   same question for an address nobody has; if that answers too, the matches are thrown away and a
   warning badge says so.

Actions: ``file_request`` offers the service list and the common fields (enough for services
without attributes); ``file_request:<service_code>`` is the form of one service, built from
``services/{code}.json``. Both are filed with ``run_action`` under the same id.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from agentdesk.plugin_api import (
    ActionResult,
    BackendError,
    BackendUnavailable,
    Badge,
    CallContext,
    FormSpec,
    PanelData,
    PluginContext,
    ReferenceStatus,
    ReferenceStatuses,
    Section,
    Table,
    UserInputError,
    text_of,
)

from . import request_forms as forms
from .open311_client import (
    Attribute,
    Open311BadAnswer,
    Open311Client,
    Open311InputRefused,
    Open311KeyRefused,
    Open311NotFound,
    Open311Unavailable,
    Service,
    ServiceRequest,
)
from .texts import detailed_status, format_time, tr

log = logging.getLogger(__name__)

PANEL = "requests"
ACTION = "file_request"
ACTION_PREFIX = "file_request:"
SYSTEM = "open311"  # reference_system of a filed request's service_request_id
TOKEN_SYSTEM = "open311-token"  # reference_system of a token whose id was not known yet
PROBE_EMAIL = "nobody@agentdesk-probe.invalid"
PROBE_PHONE = "+000000000000"
MAX_CONTACTS = 3
MAX_TOKENS = 10
TOKEN_POLL_DELAYS = (0.2, 0.3, 0.5, 0.8, 1.2)


def create(context: PluginContext) -> TechnicalPlugin:
    return TechnicalPlugin(context)


class _Budget:
    """What is left of ``call.timeout`` for the next network call."""

    def __init__(self, call: CallContext) -> None:
        self.call = call
        self.deadline = time.monotonic() + call.timeout

    def left(self) -> float:
        self.call.check_cancelled()
        left = self.deadline - time.monotonic()
        if left <= 0.05:
            raise Open311Unavailable(f"no answer within {self.call.timeout:.0f} s")
        return left


def _flag(value: Any) -> bool:
    return value is True or text_of(value).strip().lower() in ("true", "1", "yes", "on")


def _digits(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return "358" + digits[1:] if digits.startswith("0") and not digits.startswith("00") else digits.lstrip("0")


def _contact_is(r: ServiceRequest, emails: tuple[str, ...], phones: tuple[str, ...]) -> bool:
    """Whether a request the contact search found is the customer's. GeoReport v2 servers do not
    publish contacts (then the probe has shown the filter works); one that does must name the
    customer's e-mail or phone, or the request is someone else's."""
    if not r.email and not r.phone:
        return True
    mine_e = {e.strip().casefold() for e in emails}
    mine_p = {_digits(p) for p in phones} - {""}
    return (bool(r.email) and r.email.strip().casefold() in mine_e) or (bool(r.phone) and _digits(r.phone) in mine_p)


class TechnicalPlugin:
    def __init__(self, context: PluginContext) -> None:
        base_url = text_of(context.settings.get("base_url")).strip()
        if not base_url:
            raise ValueError("the technical plugin needs the setting base_url (the Open311 GeoReport v2 endpoint)")
        self.client = Open311Client(
            base_url,
            api_key=context.secrets.get("api_key", ""),
            jurisdiction_id=text_of(context.settings.get("jurisdiction_id")).strip(),
        )
        self.contact_search = _flag(context.settings.get("contact_search", False))
        self.source = f"Open311 GeoReport v2 ({urlsplit(self.client.base_url).netloc})"
        self._warned = threading.Event()

    def close(self) -> None:
        self.client.close()

    def reference_statuses(self, system: str, references: Sequence[str], call: CallContext) -> ReferenceStatuses:
        """Where Open311 is with the requests the desk filed (``GET requests.json?service_request_id=…``)."""
        if system != SYSTEM:
            raise KeyError(system)
        with self._translated(call):
            found = self.client.find_requests(call.timeout, ids=references, extensions=False)
        asked = set(references)
        return ReferenceStatuses(
            tuple(
                ReferenceStatus(r.id, r.status, closed=r.status.lower() == "closed", detail=r.status_notes[:500])
                for r in found
                if r.id in asked
            )
        )

    # -- errors in the agent's language ---------------------------------------------------------------

    @contextlib.contextmanager
    def _translated(self, call: CallContext) -> Iterator[None]:
        lang = call.language
        try:
            yield
        except Open311Unavailable as exc:
            raise BackendUnavailable(tr(lang, "err_unavailable", detail=str(exc))) from exc
        except Open311KeyRefused as exc:
            raise BackendError(tr(lang, "err_key_refused")) from exc
        except Open311InputRefused as exc:
            raise BackendError(tr(lang, "err_refused", detail=str(exc))) from exc
        except Open311BadAnswer as exc:
            raise BackendError(tr(lang, "err_bad_answer", detail=str(exc))) from exc

    # -- the panel ------------------------------------------------------------------------------------

    def panel(self, panel_id: str, call: CallContext) -> PanelData:
        if panel_id != PANEL:
            raise KeyError(panel_id)
        with self._translated(call):
            return self._requests_panel(call)

    def _requests_panel(self, call: CallContext) -> PanelData:
        lang, budget, customer = call.language, _Budget(call), call.customer
        ids = [ref for system, ref in call.references if system == SYSTEM]
        pending = 0
        for token in [ref for system, ref in call.references if system == TOKEN_SYSTEM][:MAX_TOKENS]:
            request_id = self.client.token(token, budget.left())
            if request_id:
                ids.append(request_id)
            else:
                pending += 1
        found: dict[str, ServiceRequest] = {}
        if ids:
            asked = {i.strip() for i in ids}
            for r in self.client.find_requests(budget.left(), ids=ids):
                if r.id.strip() in asked:  # a server that ignores the id filter answers with everyone's
                    found[r.id] = r
        badges: list[Badge] = []
        searched_contacts = False
        emails, phones = customer.emails[:MAX_CONTACTS], customer.phones[:MAX_CONTACTS]
        if self.contact_search and (emails or phones):
            matches = self.client.find_requests(budget.left(), email=",".join(emails), phone=",".join(phones))
            searched_contacts = True
            if matches:
                probe = self.client.find_requests(budget.left(), extensions=False, email=PROBE_EMAIL, phone=PROBE_PHONE)
                if probe:
                    searched_contacts = False
                    badges.append(Badge(tr(lang, "badge_filter_ignored"), "warning"))
                    if not self._warned.is_set():
                        self._warned.set()
                        log.warning(
                            "Open311 server %s ignores the email/phone filter of requests.json; "
                            "set contact_search = false for it",
                            self.client.base_url,
                        )
                else:
                    for r in matches:
                        if _contact_is(r, emails, phones):
                            found.setdefault(r.id, r)
        if pending:
            badges.append(Badge(tr(lang, "badge_pending", n=pending), "info"))
        requests = sorted(found.values(), key=lambda r: r.requested.timestamp() if r.requested else 0.0, reverse=True)
        if not requests:
            message = tr(lang, "none_found")
            if not searched_contacts:
                message += " " + tr(lang, "desk_only")
            return PanelData(badges=tuple(badges), empty=True, message=message, source=self.source)
        n_open = sum(1 for r in requests if r.status == "open")
        if n_open:
            badges.insert(0, Badge(tr(lang, "badge_open", n=n_open), "info"))
        show_location = not customer.address_protected
        columns = [tr(lang, k) for k in ("col_status", "col_service", "col_requested", "col_updated", "col_notes")]
        if show_location:
            columns.append(tr(lang, "col_location"))
        columns.append(tr(lang, "col_number"))
        rows = []
        for r in requests:
            service = r.service_name or r.service_code
            row = [
                self._status(lang, r),
                f"{service} – {r.title}" if r.title else service,
                format_time(lang, r.requested),
                format_time(lang, r.updated),
                r.status_notes or r.service_notice,
            ]
            if show_location:
                row.append(r.address)
            row.append(r.id)
            rows.append(tuple(row))
        table = Table(tuple(columns), tuple(rows), tr(lang, "none_found"))
        return PanelData(
            sections=(Section(tr(lang, "section"), table=table),), badges=tuple(badges), source=self.source
        )

    @staticmethod
    def _status(lang: str, r: ServiceRequest) -> str:
        text = tr(lang, f"status_{r.status}") if r.status in ("open", "closed") else r.status
        if not r.detailed_status:
            return text
        detailed = detailed_status(lang, r.detailed_status)  # a known code in words, never the raw code
        return f"{text} – {detailed}" if detailed else f"{text} ({r.detailed_status})"

    # -- forms ----------------------------------------------------------------------------------------

    def action_form(self, action_id: str, call: CallContext) -> FormSpec:
        with self._translated(call):
            form, _service = self._form(action_id, call, _Budget(call))
            return form

    def _form(
        self, action_id: str, call: CallContext, budget: _Budget, chosen: str = ""
    ) -> tuple[FormSpec, Service | None]:
        if action_id == ACTION:
            services = self.client.services(budget.left())
            form = forms.choice_form(services, call.customer, call.language)
            return form, next((s for s in services if s.code == chosen), None)
        if not action_id.startswith(ACTION_PREFIX) or len(action_id) == len(ACTION_PREFIX):
            raise KeyError(action_id)
        code = action_id[len(ACTION_PREFIX) :]
        service = next((s for s in self.client.services(budget.left()) if s.code == code), None)
        if service is None:
            raise KeyError(action_id)
        attributes = self._attributes(service, budget)
        return forms.service_form(service, attributes, call.customer, call.language), service

    def _attributes(self, service: Service, budget: _Budget) -> list[Attribute] | None:
        if not service.metadata:
            return []
        try:
            return self.client.service_definition(service.code, budget.left())
        except Open311NotFound:
            log.info("Open311: no definition for service %s; its details go in the description", service.code)
            return None

    # -- filing ---------------------------------------------------------------------------------------

    def run_action(self, action_id: str, call: CallContext, values: Mapping[str, Any]) -> ActionResult:
        lang, budget = call.language, _Budget(call)
        with self._translated(call):
            form, service = self._form(action_id, call, budget, chosen=text_of(values.get("service_code")))
            errors = forms.check(form, values, lang)
            if errors:
                raise UserInputError(errors)
            if service is None:
                raise UserInputError({"service_code": tr(lang, "err_unknown_service")})
            if action_id == ACTION and service.metadata:
                required = [a for a in (self._attributes(service, budget) or ()) if a.variable and a.required]
                if required:
                    raise UserInputError(
                        {
                            "service_code": tr(
                                lang,
                                "err_needs_details",
                                service=service.name,
                                fields=", ".join(a.description or a.code for a in required),
                            )
                        }
                    )
            if not self.client.api_key:
                raise BackendError(tr(lang, "err_no_key"))
            try:
                submitted = self.client.submit(forms.post_fields(form, values, service.code), budget.left())
            except Open311InputRefused as exc:
                raise UserInputError(self._input_errors(form, exc)) from exc
            except Open311Unavailable as exc:
                if exc.timed_out:  # the server may have filed it: say so, or the agent files it twice
                    raise BackendUnavailable(tr(lang, "err_post_timeout")) from exc
                raise
        if submitted.service_request_id:
            return self._filed(lang, service, submitted.service_request_id, submitted.service_notice)
        if submitted.token:
            return self._await_id(call, budget, service, submitted.token, submitted.service_notice)
        return ActionResult(tr(lang, "done_no_id", service=service.name))

    @staticmethod
    def _input_errors(form: FormSpec, exc: Open311InputRefused) -> dict[str, str]:
        """Server complaints at the fields they name; the rest under "" (the form as a whole)."""
        errors: dict[str, str] = {}
        general = list(exc.general)
        for param, message in exc.fields.items():
            key = forms.field_for_param(form, param)
            if key:
                errors[key] = f"{errors[key]} {message}" if key in errors else message
            else:
                general.append(message if param in message else f"{param}: {message}")
        if general:
            errors[""] = " ".join(general)
        return errors

    @staticmethod
    def _filed(lang: str, service: Service, request_id: str, notice: str) -> ActionResult:
        message = tr(lang, "done", id=request_id, service=service.name)
        return ActionResult(f"{message} {notice}".strip(), reference=request_id, reference_system=SYSTEM)

    def _await_id(self, call: CallContext, budget: _Budget, service: Service, token: str, notice: str) -> ActionResult:
        """Poll tokens/{token}.json a few times within the call's time. The request is filed either
        way, so no error (not even cancellation) may hide the token from the desk."""
        for delay in TOKEN_POLL_DELAYS:
            left = budget.deadline - time.monotonic()
            if left < delay + 0.2 or call.cancel_event.wait(delay):
                break
            try:
                request_id = self.client.token(token, min(budget.deadline - time.monotonic(), 2.0))
            except BackendError as exc:
                log.info("Open311: token %s not resolved yet: %s", token, exc)
                break
            if request_id:
                return self._filed(call.language, service, request_id, notice)
        return ActionResult(
            tr(call.language, "done_token", service=service.name, token=token),
            reference=token,
            reference_system=TOKEN_SYSTEM,
        )

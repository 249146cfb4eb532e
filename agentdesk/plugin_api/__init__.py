"""The public AgentDesk plugin API. Plugins import this module and nothing else of AgentDesk.

Version rules (docs/PLUGINS.md): an addition bumps the minor version; a removal or a changed
signature bumps the major. A plugin's manifest states the range it supports (``api = ">=1.0,<2"``);
the host refuses a plugin whose range does not include :data:`API_VERSION`.

A plugin's code is Qt-free. It returns plain data (:class:`PanelData`, :class:`FormSpec`,
:class:`ActionResult`); the desk renders it. Every call runs off the UI thread with a timeout,
and the host treats anything a plugin returns or raises as untrusted.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

API_VERSION = "1.4"  # 1.1: agentdesk.plugin_api.demo and customer_fields; 1.2: reference statuses (status_systems)
# 1.3: message gateways (MessageGateway, entry point group "agentdesk.message_gateways");
# 1.4: the customer's children (customer_fields "children", CustomerContext.children, DemoPerson.children)

# The customer fields a manifest may ask for with ``customer_fields`` (API 1.1, docs/PLUGINS.md).
# A plugin always gets the customer id, the display name (first_names, last_name), the preferred
# language and whether the address is protected; everything else only when its manifest asks:
#   hetu        CustomerContext.hetu
#   birth_date  CustomerContext.birth_date
#   phones      CustomerContext.phones
#   emails      CustomerContext.emails
#   address     CustomerContext.street, postal_code, municipality (never for a protected address)
#   references  CallContext.references (the back-office ids the desk stored for the customer)
#   children    CustomerContext.children (API 1.4): the register's active guardian relationships,
#               each child with the hetu / birth_date only when those are asked for too
# "name" is accepted and changes nothing: the display name is always given.
CUSTOMER_FIELDS = ("name", "hetu", "birth_date", "phones", "emails", "address", "references", "children")

__all__ = [
    "API_VERSION",
    "CUSTOMER_FIELDS",
    "MESSAGE_GATEWAY_GROUP",
    "ActionResult",
    "BackendError",
    "BackendUnavailable",
    "Badge",
    "CallContext",
    "Cancelled",
    "CustomerContext",
    "FieldSpec",
    "FormSpec",
    "GatewayConfig",
    "KeyValue",
    "MessageGateway",
    "MessageGatewayFactory",
    "OutboundText",
    "PanelData",
    "Plugin",
    "PluginContext",
    "ReferenceStatus",
    "ReferenceStatuses",
    "RelatedPerson",
    "Section",
    "Table",
    "TextDelivery",
    "TracksReferences",
    "UserInputError",
    "rows",
    "text_of",
]


# -- what the host gives a plugin ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelatedPerson:
    """A person the register relates to the customer (API 1.4): for now the children the customer is
    an active guardian of. No address and no contact details; ``hetu`` and ``birth_date`` are None
    unless the manifest's ``customer_fields`` ask for them too. A restricted child is left out."""

    customer_id: int
    hetu: str | None
    first_names: str
    last_name: str
    birth_date: str | None  # ISO date
    relation: str = "child"


@dataclass(frozen=True, slots=True)
class CustomerContext:
    """The customer a panel is asked about, with only the fields its manifest's ``customer_fields``
    ask for: a field not asked for is None or empty. The address is None for a protected address."""

    customer_id: int
    hetu: str | None
    first_names: str
    last_name: str
    birth_date: str | None  # ISO date
    phones: tuple[str, ...]  # E.164
    emails: tuple[str, ...]
    street: str | None
    postal_code: str | None
    municipality: str | None
    address_protected: bool
    preferred_language: str  # fi, sv, en, other
    # API 1.4: the children the customer is an active guardian of (customer_fields "children").
    children: tuple[RelatedPerson, ...] = ()


class Cancelled(Exception):
    """The agent moved on (switched customer, closed the tab); stop and return nothing."""


@dataclass(frozen=True)
class CallContext:
    """Per call: the customer, the agent's language, the cancellation flag and the time budget."""

    customer: CustomerContext
    language: str
    timeout: float  # seconds: pass it to every network call
    cancel_event: threading.Event = field(default_factory=threading.Event, compare=False)
    # Why the agent is looking (sensitive panels): "consent", "statutory_task", "emergency", or
    # "customer_service" for non-sensitive panels. Send it on to back ends that log purpose of use.
    purpose: str = "customer_service"
    # References the desk has stored for this customer from earlier actions, as (system, id)
    # pairs, e.g. ("open311", "4711") for service requests filed from the desk. Empty unless the
    # manifest's customer_fields ask for "references".
    references: tuple[tuple[str, str], ...] = ()

    def check_cancelled(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled()


@dataclass(frozen=True)
class PluginContext:
    """Given once at activation: the deployment's settings and secrets for this plugin."""

    plugin_id: str
    settings: Mapping[str, Any]
    secrets: Mapping[str, str]  # from the OS keyring; never log them


# -- what a plugin returns -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyValue:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str = ""


@dataclass(frozen=True, slots=True)
class Badge:
    text: str
    level: str = "info"  # info, warning, alert


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    items: tuple[KeyValue, ...] = ()
    table: Table | None = None


@dataclass(frozen=True, slots=True)
class PanelData:
    """What a panel shows. ``empty`` with a message when the back end knows nothing of the customer."""

    sections: tuple[Section, ...] = ()
    badges: tuple[Badge, ...] = ()
    empty: bool = False
    message: str = ""
    source: str = ""  # the back end asked, for the audit log and the panel footer


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str
    kind: str = "string"  # string, text, number, datetime, choice, multichoice
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (key, label)
    max_length: int | None = None
    default: str = ""
    help: str = ""


@dataclass(frozen=True, slots=True)
class FormSpec:
    title: str
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True, slots=True)
class ActionResult:
    message: str
    reference: str = ""  # the back end's id for what was created, stored on the interaction/case
    reference_system: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceStatus:
    """Where the back end is with one thing the desk filed there (API 1.2)."""

    reference: str  # the id the desk stored (ActionResult.reference)
    status: str  # the back end's own word, e.g. Open311's "open" / "closed"
    closed: bool = False  # the back end has finished with it: the desk resolves the linked case
    detail: str = ""  # the back end's note (Open311 status_notes), shown in the case's history


@dataclass(frozen=True, slots=True)
class ReferenceStatuses:
    items: tuple[ReferenceStatus, ...] = ()


# -- errors a plugin raises ----------------------------------------------------------------------


class BackendError(Exception):
    """The back end answered, but not usefully (HTTP 500, malformed body). Shown with Retry."""


class BackendUnavailable(BackendError):
    """The back end did not answer (refused, timed out). Counts towards the circuit breaker."""


class UserInputError(Exception):
    """An action's input was refused; ``errors`` maps field key → message, shown at the field."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = dict(errors)


# -- the plugin object ---------------------------------------------------------------------------


class Plugin(Protocol):
    """Returned by the manifest's ``factory`` (``module:callable``), called with a PluginContext."""

    def panel(self, panel_id: str, call: CallContext) -> PanelData: ...

    def action_form(self, action_id: str, call: CallContext) -> FormSpec: ...

    def run_action(self, action_id: str, call: CallContext, values: Mapping[str, Any]) -> ActionResult: ...

    def close(self) -> None: ...


@runtime_checkable
class TracksReferences(Protocol):
    """A plugin whose manifest lists ``status_systems`` answers where its back end is with the
    references the desk stored (API 1.2). Called in the background, without a customer (the
    CallContext's customer has id 0 and no fields); unknown references are left out of the answer."""

    def reference_statuses(self, system: str, references: Sequence[str], call: CallContext) -> ReferenceStatuses: ...


# -- message gateways (API 1.3) ------------------------------------------------------------------

MESSAGE_GATEWAY_GROUP = "agentdesk.message_gateways"  # entry point name -> a MessageGatewayFactory


@dataclass(frozen=True, slots=True)
class OutboundText:
    """One text message to send. ``idempotency_key`` is fixed by the desk before the first attempt
    and is the same on every retry: a gateway must deliver a key at most once, and answer a repeated
    key with the first attempt's outcome (``duplicate=True``)."""

    idempotency_key: str
    to: str  # E.164
    text: str


@dataclass(frozen=True, slots=True)
class TextDelivery:
    """The gateway's answer for one message: accepted (now or, when ``duplicate``, earlier) or not."""

    idempotency_key: str
    accepted: bool
    duplicate: bool = False
    error: str = ""  # a short reason when not accepted (no personal data)


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    """What the desk gives a gateway factory: the gateway's base URL, its token (from the OS
    keyring, or None) and the timeout of every request in seconds."""

    url: str
    token: str | None = None
    timeout: float = 10.0


@runtime_checkable
class MessageGateway(Protocol):
    """Sends text messages (SMS) for the desk's outbound notices. ``send_batch`` gets at most
    ``max_batch`` messages and answers each one (any order); it raises :class:`BackendUnavailable`
    when the gateway did not answer (then none of the batch is known to be sent: the desk retries
    with the same keys). Called off the UI thread, from one thread at a time."""

    max_batch: int

    def send_batch(self, messages: Sequence[OutboundText]) -> Sequence[TextDelivery]: ...

    def close(self) -> None: ...


class MessageGatewayFactory(Protocol):
    def __call__(self, config: GatewayConfig) -> MessageGateway: ...


def text_of(value: Any, default: str = "") -> str:
    """A display string from an untrusted JSON value (helper for plugin authors)."""
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)):
        return str(value)
    return default


def rows(*items: Sequence[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(text_of(v) for v in row) for row in items)

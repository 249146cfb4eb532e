"""Forms for filing a service request: built from GeoReport v2 definitions, checked, turned into POST fields.

Form keys are the GeoReport v2 request parameters themselves (``service_code``, ``description``,
``address_string``, ``email``, ``phone``, ``first_name``, ``last_name``, ``attribute[CODE]``), so a
server's complaint about a parameter lands on the field of the same name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from agentdesk.plugin_api import CustomerContext, FieldSpec, FormSpec

from .open311_client import Attribute, Service
from .texts import LOCAL_TIME, tr

MAX_DESCRIPTION = 4000
KINDS = {
    "string": "string",
    "number": "number",
    "datetime": "datetime",
    "text": "text",
    "singlevaluelist": "choice",
    "multivaluelist": "multichoice",
}


def attribute_key(code: str) -> str:
    return f"attribute[{code}]"


def customer_address(customer: CustomerContext) -> str:
    """The customer's address for prefilling, or "" when it is protected (or unknown)."""
    if customer.address_protected or not customer.street:
        return ""
    place = " ".join(p for p in (customer.postal_code, customer.municipality) if p)
    return f"{customer.street}, {place}" if place else customer.street


def common_fields(customer: CustomerContext, language: str, *, description_help: str = "") -> list[FieldSpec]:
    protected = customer.address_protected
    help_text = tr(language, "f_description_help", n=MAX_DESCRIPTION)
    return [
        FieldSpec(
            "description",
            tr(language, "f_description"),
            "text",
            max_length=MAX_DESCRIPTION,
            help=f"{help_text} {description_help}".strip(),
        ),
        FieldSpec(
            "address_string",
            tr(language, "f_address"),
            "string",
            required=True,
            default=customer_address(customer),
            help=tr(language, "f_address_protected_help" if protected else "f_address_help"),
        ),
        FieldSpec("email", tr(language, "f_email"), "string", default=customer.emails[0] if customer.emails else ""),
        FieldSpec("phone", tr(language, "f_phone"), "string", default=customer.phones[0] if customer.phones else ""),
        FieldSpec("first_name", tr(language, "f_first_name"), "string", default=customer.first_names or ""),
        FieldSpec("last_name", tr(language, "f_last_name"), "string", default=customer.last_name or ""),
    ]


def choice_form(services: Sequence[Service], customer: CustomerContext, language: str) -> FormSpec:
    """``file_request``: pick a service; the common fields let simple services be filed at once."""
    choices = tuple((s.code, s.name + (" *" if s.metadata else "")) for s in services)
    service = FieldSpec(
        "service_code",
        tr(language, "f_service"),
        "choice",
        required=True,
        choices=choices,
        help=tr(language, "f_service_help"),
    )
    return FormSpec(tr(language, "form_title"), (service, *common_fields(customer, language)))


def attribute_field(attribute: Attribute) -> FieldSpec:
    return FieldSpec(
        attribute_key(attribute.code),
        attribute.description or attribute.code,
        KINDS.get(attribute.datatype, "string"),
        required=attribute.required,
        choices=attribute.values if attribute.datatype.endswith("valuelist") else (),
        help=attribute.datatype_description,
    )


def service_form(
    service: Service, attributes: Sequence[Attribute] | None, customer: CustomerContext, language: str
) -> FormSpec:
    """``file_request:<code>``: the service's attributes (in their order), then the common fields.

    ``attributes`` is None when the service has metadata but the server gave no definition (6aika
    answers an HTML 404): the form then asks for the details in the description. Attributes with
    ``variable: false`` are instructions, shown as help on the description.
    """
    title = tr(language, "form_title_service", service=service.name)
    if attributes is None:
        return FormSpec(title, tuple(common_fields(customer, language, description_help=tr(language, "no_definition"))))
    notes = " ".join(a.description for a in attributes if not a.variable and a.description)
    fields = [attribute_field(a) for a in attributes if a.variable]
    return FormSpec(title, (*fields, *common_fields(customer, language, description_help=notes)))


# -- checking and sending ------------------------------------------------------------------------------


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in str(value).split(",") if p.strip()]


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value).strip()


def parse_local_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime(value.year, value.month, value.day)
    else:
        parsed = dt.datetime.fromisoformat(str(value).strip())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LOCAL_TIME)


def check(form: FormSpec, values: Mapping[str, Any], language: str) -> dict[str, str]:
    """Field key → message for every value the form refuses (the desk shows it at the field)."""
    errors: dict[str, str] = {}
    for f in form.fields:
        raw = values.get(f.key)
        if f.kind == "multichoice":
            given = _as_list(raw)
            if not given:
                if f.required:
                    errors[f.key] = tr(language, "err_required")
            elif set(given) - {k for k, _ in f.choices}:
                errors[f.key] = tr(language, "err_choice")
            continue
        text = _as_text(raw)
        if not text:
            if f.required:
                errors[f.key] = tr(language, "err_required")
            continue
        if f.kind == "choice" and text not in {k for k, _ in f.choices}:
            errors[f.key] = tr(language, "err_choice")
        elif f.kind == "number":
            try:
                float(text.replace(",", ".").replace(" ", ""))
            except ValueError:
                errors[f.key] = tr(language, "err_number")
        elif f.kind == "datetime":
            try:
                parse_local_datetime(raw)
            except (TypeError, ValueError):
                errors[f.key] = tr(language, "err_datetime")
        if f.max_length is not None and len(text) > f.max_length:
            errors[f.key] = tr(language, "err_too_long", n=f.max_length)
    return errors


def post_fields(form: FormSpec, values: Mapping[str, Any], service_code: str) -> list[tuple[str, str]]:
    """The form-encoded fields of ``POST requests.json`` (api_key and jurisdiction are the client's)."""
    out: list[tuple[str, str]] = [("service_code", service_code)]
    for f in form.fields:
        if f.key == "service_code":
            continue
        raw = values.get(f.key)
        if f.kind == "multichoice":
            out.extend((f"{f.key}[]", v) for v in _as_list(raw))
            continue
        text = _as_text(raw)
        if not text:
            continue
        if f.kind == "number":
            text = text.replace(",", ".").replace(" ", "")
        elif f.kind == "datetime":
            text = parse_local_datetime(raw).isoformat(timespec="seconds")
        out.append((f.key, text))
    return out


def field_for_param(form: FormSpec, param: str) -> str | None:
    """The form key a server's complaint about ``param`` belongs to (``attribute[X][]`` → ``attribute[X]``)."""
    keys = {f.key for f in form.fields}
    param = param.removesuffix("[]")
    if param in keys:
        return param
    if param in ("lat", "long", "address_id", "address") and "address_string" in keys:
        return "address_string"
    if param.startswith("attribute") and param not in keys:
        bare = param.removeprefix("attribute").strip("[]")
        return attribute_key(bare) if attribute_key(bare) in keys else None
    return None

"""The readable HTML document of a ``gdpr export`` (:mod:`agentdesk.gdpr_export`), in Finnish, Swedish
or English: a heading per section and a table per list, every value escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

SECTIONS = (
    "identifiers",
    "addresses",
    "contact_points",
    "alerts",
    "roles",
    "relationships",
    "interactions",
    "cases",
    "work_items",
    "audit_entries",
)

_TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Kaupungin asiakaspalvelun tiedot henkilöstä",
        "produced": "Tulostettu",
        "none": "Ei tietoja.",
        "customer": "Asiakas",
        "identifiers": "Tunnisteet",
        "addresses": "Osoitteet",
        "contact_points": "Yhteystiedot",
        "alerts": "Huomautukset",
        "roles": "Roolit",
        "relationships": "Suhteet muihin henkilöihin",
        "interactions": "Yhteydenotot kaupunkiin",
        "cases": "Asiat",
        "work_items": "Jonossa olleet yhteydenotot",
        "audit_entries": "Kuka on käsitellyt tietoja (lokitiedot)",
    },
    "sv": {
        "title": "Uppgifter om personen i stadens kundtjänst",
        "produced": "Utskrivet",
        "none": "Inga uppgifter.",
        "customer": "Kund",
        "identifiers": "Identifierare",
        "addresses": "Adresser",
        "contact_points": "Kontaktuppgifter",
        "alerts": "Anmärkningar",
        "roles": "Roller",
        "relationships": "Relationer till andra personer",
        "interactions": "Kontakter med staden",
        "cases": "Ärenden",
        "work_items": "Kontakter i kö",
        "audit_entries": "Vem har behandlat uppgifterna (logg)",
    },
    "en": {
        "title": "Personal data held by the city's customer service",
        "produced": "Produced",
        "none": "None.",
        "customer": "Customer",
        "identifiers": "Identifiers",
        "addresses": "Addresses",
        "contact_points": "Contact points",
        "alerts": "Alerts",
        "roles": "Roles",
        "relationships": "Relationships",
        "interactions": "Contacts with the city",
        "cases": "Service cases",
        "work_items": "Queued contacts",
        "audit_entries": "Who has handled this data (audit log)",
    },
}
LANGUAGES = tuple(_TEXTS)

_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
    "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}"
)


def _cell(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def _table(rows: list[Mapping[str, Any]], none: str) -> str:
    if not rows:
        return f"<p>{html.escape(none)}</p>"
    columns = list(rows[0])
    head = "".join(f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(r.get(c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(data: Mapping[str, Any], language: str = "fi") -> str:
    texts = _TEXTS.get(language, _TEXTS["fi"])
    customer = data["customer"]
    name = " ".join(p for p in (customer.get("first_names"), customer.get("last_name")) if p)
    title = f"{texts['title']}: {name}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language if language in _TEXTS else "fi"}"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(texts['produced'])} {html.escape(str(data['generated_at']))}</p>",
        f"<h2>{html.escape(texts['customer'])}</h2>",
        _table([customer], texts["none"]),
    ]
    for key in SECTIONS:
        parts += [f"<h2>{html.escape(texts[key])}</h2>", _table(data[key], texts["none"])]
    parts.append("</body></html>")
    return "\n".join(parts)

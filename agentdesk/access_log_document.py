"""The citizen's own access-log request, as a document the city can hand over (HTML, in Finnish,
Swedish or English; printable to PDF from any browser, like the ``gdpr export`` document).

What it lists, for the period: when (Helsinki time), who, what was done and why. Who, by the city's
policy (:class:`StaffShown`): by default the staff member's name and unit, as the citizen has the
right to know who handled their data; ``ID`` shows the staff id (directory username) instead, for a
city whose policy is to name staff only on a further request. Actions not done by a staff member
(the register import, the command line) are "the city's information system". The workstation is
not in the document: it is the city's internal detail, kept for the data protection officer's view.
"""

from __future__ import annotations

import enum
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agentdesk.access_log import Access, AccessReport


class StaffShown(str, enum.Enum):
    NAME = "name"  # "Aino Agentti (Neuvonta)"
    ID = "id"  # "agent.aino"


LANGUAGES = ("fi", "sv", "en")

_TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Tietojesi käsittely kaupungin asiakaspalvelussa (lokiote)",
        "intro": "Tässä ovat kaupungin asiakaspalvelujärjestelmän lokimerkinnät siitä, kuka on käsitellyt tietojasi, "
        "milloin ja mihin tarkoitukseen.",
        "person": "Henkilö",
        "period": "Ajanjakso",
        "whole": "koko tallennettu aika",
        "produced": "Laadittu",
        "when": "Aika",
        "who": "Käsittelijä",
        "what": "Toimenpide",
        "why": "Käyttötarkoitus",
        "none": "Ajanjaksolla ei ole merkintöjä.",
        "count": "Merkintöjä",
        "system": "kaupungin tietojärjestelmä",
        "search": "haku, jonka {n} tuloksen joukossa olit",
        "truncated": "Ajanjaksolla on enemmän merkintöjä kuin tähän mahtuu: pyydä lyhyempi ajanjakso.",
    },
    "sv": {
        "title": "Behandlingen av dina uppgifter i stadens kundtjänst (loggutdrag)",
        "intro": "Här är loggposterna i stadens kundtjänstsystem om vem som har behandlat dina uppgifter, "
        "när och för vilket ändamål.",
        "person": "Person",
        "period": "Period",
        "whole": "hela den lagrade tiden",
        "produced": "Upprättat",
        "when": "Tid",
        "who": "Behandlare",
        "what": "Åtgärd",
        "why": "Ändamål",
        "none": "Inga poster under perioden.",
        "count": "Poster",
        "system": "stadens informationssystem",
        "search": "sökning där du var bland {n} träffar",
        "truncated": "Perioden har fler poster än som ryms här: begär en kortare period.",
    },
    "en": {
        "title": "Who handled your data at the city's customer service (access log)",
        "intro": "These are the entries of the city's customer service system's log on who handled your data, "
        "when and for what purpose.",
        "person": "Person",
        "period": "Period",
        "whole": "all recorded time",
        "produced": "Produced",
        "when": "Time",
        "who": "Handled by",
        "what": "Action",
        "why": "Purpose",
        "none": "No entries in the period.",
        "count": "Entries",
        "system": "the city's information system",
        "search": "a search that listed you among {n} results",
        "truncated": "The period has more entries than fit here: ask for a shorter period.",
    },
}

# (fi, sv, en) for the actions the desk writes; anything else is shown as its code.
_ACTIONS: dict[str, tuple[str, str, str]] = {
    "customer.view": ("asiakastietojen katselu", "visning av kunduppgifter", "customer data viewed"),
    "customer.create": ("asiakastietojen luonti", "kunduppgifter skapade", "customer record created"),
    "customer.edit": ("asiakastietojen muutos", "kunduppgifter ändrade", "customer data changed"),
    "customer.merge": ("päällekkäisten tietojen yhdistäminen", "dubbletter sammanslagna", "duplicate records merged"),
    "customer.unmerge": ("yhdistämisen peruminen", "sammanslagning ångrad", "merge undone"),
    "hetu.reveal": ("henkilötunnuksen näyttäminen", "visning av personbeteckning", "identity code shown"),
    "search.results": ("haku", "sökning", "search"),
    "interaction.log": ("yhteydenoton kirjaus", "kontakt registrerad", "contact logged"),
    "interaction.link": ("yhteydenoton liittäminen", "kontakt kopplad", "contact linked"),
    "case.status": ("asian tilan muutos", "ärendets status ändrad", "case status changed"),
    "plugin.panel.view": ("palvelutietojen katselu", "visning av tjänsteuppgifter", "department data viewed"),
    "plugin.action": ("toimenpide taustajärjestelmässä", "åtgärd i bakgrundssystem", "back-office action"),
    "gdpr.export": ("tietopyynnön koonti", "sammanställning för registerutdrag", "data access export"),
    "break_glass": (
        "rajatun asiakkaan tietojen avaus poikkeusperusteella",
        "öppning av begränsad kund av särskilt skäl",
        "restricted record opened for an exceptional reason",
    ),
    "dpo.access_log": (
        "tietosuojavastaavan lokitarkastus",
        "dataskyddsombudets loggkontroll",
        "data protection review",
    ),
    "access_log.document": ("tämän lokiotteen laadinta", "upprättande av detta loggutdrag", "this access log produced"),
    "register.import": ("rekisteritietojen tuonti", "import av registeruppgifter", "register data imported"),
    "retention.run": ("vanhojen tietojen anonymisointi", "anonymisering av gamla uppgifter", "old data anonymised"),
}


_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
    "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}"
)


def action_text(action: str, language: str) -> str:
    texts = _ACTIONS.get(action)
    return texts[LANGUAGES.index(language)] if texts and language in LANGUAGES else action


def who_text(access: Access, staff: StaffShown, language: str) -> str:
    texts = _TEXTS.get(language, _TEXTS["fi"])
    if not access.staff_name:  # no staff user: the command line, an import job, the system
        return texts["system"]
    if staff is StaffShown.ID:
        return access.actor
    return f"{access.staff_name} ({access.department})" if access.department else access.staff_name


def render_html(report: AccessReport, *, language: str = "fi", staff: StaffShown = StaffShown.NAME) -> str:
    from agentdesk.access_log import HELSINKI
    from agentdesk.storage.models import utcnow

    language = language if language in _TEXTS else "fi"
    t = _TEXTS[language]
    f = report.filters
    period = (
        f"{f.start.strftime('%d.%m.%Y') if f.start else '…'} – {f.end.strftime('%d.%m.%Y') if f.end else '…'}"
        if f.start or f.end
        else t["whole"]
    )
    c = report.citizen
    person = c.name + (f", {c.hetu}" if c.hetu else "")
    rows = []
    for a in report.accesses:
        what = action_text(a.action, language)
        if a.shown_with_others:
            what = t["search"].format(n=a.shown_with_others)
        cells = (a.local_time.strftime("%d.%m.%Y %H.%M"), who_text(a, staff, language), what, a.purpose)
        rows.append("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in cells) + "</tr>")
    head = "".join(f"<th>{html.escape(t[k])}</th>" for k in ("when", "who", "what", "why"))
    table = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else f"<p>{html.escape(t['none'])}</p>"
    )
    produced = utcnow().astimezone(HELSINKI).strftime("%d.%m.%Y %H.%M")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{html.escape(t['title'])}</title>",
        f"<style>{_STYLE}</style>",
        "</head><body>",
        f"<h1>{html.escape(t['title'])}</h1>",
        f"<p>{html.escape(t['intro'])}</p>",
        "<dl>",
        f"<dt>{html.escape(t['person'])}</dt><dd>{html.escape(person)}</dd>",
        f"<dt>{html.escape(t['period'])}</dt><dd>{html.escape(period)}</dd>",
        f"<dt>{html.escape(t['produced'])}</dt><dd>{html.escape(produced)}</dd>",
        f"<dt>{html.escape(t['count'])}</dt><dd>{len(report.accesses)}</dd>",
        "</dl>",
        table,
    ]
    if report.truncated:
        parts.append(f"<p><strong>{html.escape(t['truncated'])}</strong></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


CSV_COLUMNS = (
    "time",
    "staff_id",
    "staff_name",
    "department",
    "action",
    "purpose",
    "workstation",
    "listed_among",
    "audit_entry",
)


def render_csv(report: AccessReport) -> str:
    """The data protection officer's export of a person's accesses (every column of the view), one row
    per audit entry; times in Helsinki with their UTC offset."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in report.accesses:
        writer.writerow(
            (
                a.local_time.isoformat(timespec="seconds"),
                a.actor,
                a.staff_name,
                a.department,
                a.action,
                a.purpose,
                a.workstation,
                a.shown_with_others or "",
                a.id,
            )
        )
    return out.getvalue()

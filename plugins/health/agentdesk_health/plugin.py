"""The health plugin: one sensitive panel, ``summary``, read from an HL7 FHIR R4 server.

The panel finds the Patient by the customer's henkilötunnus (``urn:oid:1.2.246.21|<hetu>``) and
then searches by patient reference — chained search is not something every server supports:

1. ``Patient?identifier=urn:oid:1.2.246.21|<hetu>``
2. ``Appointment?patient=Patient/<id>&status=booked&date=ge<today>``       upcoming appointments
3. ``Encounter?patient=Patient/<id>&date=ge<today-365d>&_sort=-date&_count=10``   recent visits
4. ``EpisodeOfCare?patient=Patient/<id>&status=active``                   active care
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from agentdesk.plugin_api import (
    ActionResult,
    BackendError,
    Badge,
    CallContext,
    FormSpec,
    PanelData,
    PluginContext,
    Section,
    Table,
    text_of,
)
from agentdesk_health import summary_panel
from agentdesk_health.fhir_client import HETU_SYSTEM, FhirClient
from agentdesk_health.summary_panel import HELSINKI, texts

BACKEND = "HL7 FHIR R4"
RECENT_DAYS = 365
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


def helsinki_today() -> dt.date:
    return dt.datetime.now(HELSINKI).date() if HELSINKI else dt.date.today()


class HealthPlugin:
    def __init__(self, client: FhirClient, today: Callable[[], dt.date] = helsinki_today) -> None:
        self.client = client
        self._today = today
        self.backend = f"{BACKEND} ({client.host})"

    # -- plugin contract ----------------------------------------------------------------------------

    def panel(self, panel_id: str, call: CallContext) -> PanelData:
        if panel_id != "summary":
            raise KeyError(panel_id)
        return self.summary(call)

    def action_form(self, action_id: str, call: CallContext) -> FormSpec:
        raise KeyError(action_id)

    def run_action(self, action_id: str, call: CallContext, values: Mapping[str, Any]) -> ActionResult:
        raise KeyError(action_id)

    def close(self) -> None:
        self.client.close()

    # -- the summary panel --------------------------------------------------------------------------

    def summary(self, call: CallContext) -> PanelData:
        t = texts(call.language)
        source = f"{BACKEND} {self.client.base_url}"
        hetu = (call.customer.hetu or "").strip().upper()
        if not hetu:
            return PanelData(empty=True, message=t["no_hetu"], source=source)
        deadline = time.monotonic() + call.timeout

        found = self.client.find_patients(hetu, call, deadline)
        patients = [p for p in found if _has_hetu(p, hetu)]
        if found and not patients:
            raise BackendError(
                "the FHIR server answered the identity-code search with patients that do "
                "not carry that code (does it ignore the 'identifier' parameter?)"
            )
        if not patients:
            return PanelData(empty=True, message=t["no_patient"].format(backend=self.backend), source=source)
        patient = patients[0]
        patient_id = text_of(patient.get("id"))
        if not _FHIR_ID.fullmatch(patient_id):
            raise BackendError("the FHIR server returned a Patient without a valid id")

        today = self._today()
        since = today - dt.timedelta(days=RECENT_DAYS)
        call.check_cancelled()
        appointments = self.client.upcoming_appointments(patient_id, today, call, deadline)
        call.check_cancelled()
        encounters = self.client.recent_encounters(patient_id, since, call, deadline)
        call.check_cancelled()
        episodes = self.client.active_episodes(patient_id, call, deadline)
        call.check_cancelled()

        lang, base = call.language, self.client.base_url
        sections = (
            Section(
                t["upcoming"],
                table=Table(
                    (t["when"], t["service"], t["where"]),
                    summary_panel.appointment_rows(appointments, patient_id, today, lang, base_url=base),
                    t["no_upcoming"],
                ),
            ),
            Section(
                t["recent"],
                table=Table(
                    (t["date"], t["type"], t["reason"]),
                    summary_panel.encounter_rows(encounters, patient_id, since, lang, base_url=base),
                    t["no_recent"],
                ),
            ),
            Section(
                t["care"],
                table=Table(
                    (t["unit"], t["team"], t["period"]),
                    summary_panel.episode_rows(episodes, patient_id, lang, base_url=base),
                    t["no_care"],
                ),
            ),
        )
        badges = []
        if len(patients) > 1:
            badges.append(Badge(t["several"].format(n=len(patients)), "warning"))
        if patient.get("deceasedBoolean") is True or isinstance(patient.get("deceasedDateTime"), str):
            badges.append(Badge(t["deceased"], "alert"))
        return PanelData(sections=sections, badges=tuple(badges), source=source)


def _has_hetu(patient: dict[str, Any], hetu: str) -> bool:
    """Whether the Patient really carries the searched code: a server that ignored the search
    parameter would otherwise put a stranger's record on screen."""
    identifiers = patient.get("identifier")
    if not isinstance(identifiers, list):
        return False
    return any(
        isinstance(i, dict) and i.get("system") == HETU_SYSTEM and text_of(i.get("value")).strip().upper() == hetu
        for i in identifiers
    )


def create(context: PluginContext) -> HealthPlugin:
    base_url = context.settings.get("base_url")
    if not isinstance(base_url, str) or not base_url:
        raise ValueError("the health plugin needs the setting 'base_url' (FHIR R4 base URL)")
    return HealthPlugin(FhirClient(base_url, token=context.secrets.get("token")))

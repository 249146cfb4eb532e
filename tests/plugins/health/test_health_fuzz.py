"""Fuzzed FHIR answers: whatever Bundles and resources the server sends (wrong types, missing
fields, other patients, huge or odd dates, nested garbage), the health panel raises nothing but
the plugin API's BackendError/BackendUnavailable, and never shows anything of anyone but the
patient asked for. Served by the canned-response server on loopback (conftest.py); the row
builders, pure functions, are also fuzzed directly.

Every text that belongs to someone else (another patient's resources, a participant that is a
Patient or a RelatedPerson or says nothing of its kind, the customer's own Patient display)
carries the marker VIERAS; the benign texts and the garbage cannot spell it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.plugin_api import BackendError, CallContext, PanelData, PluginContext
from agentdesk.plugin_api.testing import make_customer
from agentdesk.plugin_host.address_guard import strings_in
from agentdesk_health import summary_panel
from agentdesk_health.plugin import create

HETU = "010594Y9032"
PID = "p1"
HETU_SYSTEM = "urn:oid:1.2.246.21"
MARK = "VIERAS"
TODAY = dt.date(2026, 3, 2)

# Garbage never contains upper-case letters, so it cannot spell the marker.
_garbage_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö0123456789 -:/+.TZ#?\u00a0\u200b\x00", max_size=24)
_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _garbage_text
)
_KEYS = [
    "reference",
    "display",
    "type",
    "start",
    "end",
    "period",
    "status",
    "actor",
    "participant",
    "subject",
    "patient",
    "coding",
    "text",
    "code",
    "id",
    "resourceType",
    "identifier",
    "system",
    "value",
]
garbage = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS) | _garbage_text, inner, max_size=3)
    ),
    max_leaves=6,
)

odd_dates = st.sampled_from(
    [
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59Z",
        "0001-01-01",
        "9999-12-31",
        "99999-01-01",
        "2026-02-30",
        "2026-13-01T10:00:00Z",
        "1e309",
        "",
        " ",
        "tomorrow",
        "2026-03-02T10:00:00+99:00",
        "2026-03-02T24:00:00Z",
        "2026-03-0\u0662",
    ]
)
good_dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)).map(
    dt.date.isoformat
) | st.datetimes(
    min_value=dt.datetime(2024, 1, 1),
    max_value=dt.datetime(2030, 12, 31),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-14))]),
).map(dt.datetime.isoformat)
dates = good_dates | odd_dates | garbage

BENIGN = ["Hervannan terveysasema", "Dr Aalto", "Kotihoito", "Lääkäri", "Hoitaja Nieminen", "Sydänasema"]
benign = st.sampled_from(BENIGN)

me = st.sampled_from([f"Patient/{PID}", f"Patient/{PID}/_history/3"]).map(lambda r: {"reference": r})
# References that are not the patient asked for, whatever they resemble.
others = (
    st.sampled_from(
        [
            "Patient/p2",
            "patient/p1",
            " Patient/p1",
            "Patient/p1 ",
            "#p1",
            "Patient/p10",
            "http://other.example/fhir/Patient/p1",
            "Patient/p1?x",
            "Group/p1",
            "RelatedPerson/p1",
            "Patient/",
            "",
        ]
    ).map(lambda r: {"reference": r, "display": f"{MARK} Toinen"})
    | st.just({"display": f"{MARK} Nimetön"})
    | st.just({"identifier": {"system": HETU_SYSTEM, "value": HETU}})
)


_FOREIGN = [
    "Patient/p2",
    f"Patient/{PID}",
    "RelatedPerson/r1",
    "Person/x",
    "#contained",
    "Group/g",
    "http://127.0.0.1:9/fhir/R4/RelatedPerson/r1",
    "Patient?identifier=x",
    "Patient/p1?x",
]


def _foreign_actor(untyped: bool = True):
    """A reference that names a citizen, or (``untyped``) says nothing of its kind: an Appointment
    actor may be a patient, so an untyped one is as foreign. For elements FHIR restricts to one kind
    (careManager, reasonReference) a display alone is of that kind and may show."""
    refs = st.sampled_from(_FOREIGN).map(lambda r: {"reference": r, "display": f"{MARK} Omainen"})
    return refs | st.just({"display": f"{MARK} Tyypitön"}) if untyped else refs


def _professional():
    return st.builds(
        lambda kind, n, name: {"reference": f"{kind}/{n}", "display": name},
        st.sampled_from(["Practitioner", "PractitionerRole", "Location", "HealthcareService"]),
        st.integers(1, 9),
        benign,
    )


def _maybe(strategy):
    return strategy | garbage


@st.composite
def appointment(draw, mine: bool):
    participants = [{"actor": draw(me if mine else others)}]
    # The patient's own appointment may list relatives, other patients, untyped actors (never shown)
    # beside professionals; another patient's lists no actor that is the patient asked for.
    extra = _professional() | _foreign_actor() if mine else _professional()
    participants += draw(st.lists(st.builds(lambda a: {"actor": a}, extra), max_size=3))
    return {
        "resourceType": "Appointment",
        "status": draw(_maybe(st.sampled_from(["booked", "cancelled"]))),
        "start": draw(dates),
        "participant": draw(_maybe(st.just(participants))),
        "serviceType": [{"text": draw(benign) if mine else f"{MARK} palvelu"}],
        "description": draw(benign) if mine else f"{MARK} kuvaus",
    }


@st.composite
def encounter(draw, mine: bool):
    who = draw(me if mine else others)
    name = draw(benign) if mine else f"{MARK} käynti"
    return {
        "resourceType": "Encounter",
        "subject": draw(_maybe(st.just(who))),
        "status": draw(_maybe(st.sampled_from(["finished", "entered-in-error", "in-progress"]))),
        "period": draw(_maybe(st.fixed_dictionaries({"start": dates}))),
        "class": draw(_maybe(st.just({"code": "AMB"}))),
        "type": [{"text": name}],
        "reasonReference": draw(st.lists(_foreign_actor(False) if mine else st.just({"display": name}), max_size=2)),
        "serviceProvider": {"reference": "Organization/o1", "display": name},
    }


@st.composite
def episode(draw, mine: bool):
    who = draw(me if mine else others)
    name = draw(benign) if mine else f"{MARK} yksikkö"
    return {
        "resourceType": "EpisodeOfCare",
        "status": draw(_maybe(st.just("active"))),
        "patient": draw(_maybe(st.just(who))),
        "managingOrganization": {"display": name},
        "careManager": draw(_foreign_actor(False) if mine else st.just({"display": name})),
        "team": draw(_maybe(st.just([{"display": name}]))),
        "period": draw(_maybe(st.fixed_dictionaries({"start": dates, "end": dates}))),
    }


def patient(mine: bool):
    if mine:
        return st.just(
            {
                "resourceType": "Patient",
                "id": PID,
                "name": [{"text": f"{MARK} itse"}],
                "identifier": [{"system": HETU_SYSTEM, "value": HETU}],
            }
        )
    wrong = st.sampled_from(
        [
            {"system": HETU_SYSTEM, "value": "020594X903P"},
            {"system": "urn:other", "value": HETU},
            {"value": HETU},
            {"system": HETU_SYSTEM, "value": HETU + "X"},
        ]
    )
    return st.builds(
        lambda ident, pid: {
            "resourceType": "Patient",
            "id": pid,
            "identifier": [ident],
            "name": [{"text": f"{MARK} muu"}],
        },
        wrong,
        st.sampled_from([PID, "p2"]),
    )


def entries(kind, *, with_mine: bool = True):
    resource = kind(False) | garbage
    if with_mine:
        resource = kind(True) | resource
    return st.lists(st.builds(lambda r: {"resource": r}, resource) | garbage, max_size=4)


def bundle(entry_list):
    return st.one_of(
        st.builds(lambda e: {"resourceType": "Bundle", "type": "searchset", "entry": e}, entry_list), garbage
    )


def _assert_only_the_patient_asked_for(data: PanelData) -> None:
    assert isinstance(data, PanelData)
    shown = list(strings_in(data))
    assert not [s for s in shown if MARK in s], shown


@pytest.fixture
def fuzz_plugin(canned):
    plugin = create(PluginContext("health", {"base_url": f"http://127.0.0.1:{canned.server_port}/fhir/R4"}, {}))
    yield plugin
    plugin.close()


@given(
    patients=bundle(
        st.lists(st.builds(lambda r: {"resource": r}, patient(True) | patient(False) | garbage), max_size=3)
    ),
    appointments=bundle(entries(appointment)),
    encounters=bundle(entries(encounter)),
    episodes=bundle(entries(episode)),
    language=st.sampled_from(["fi", "sv", "en", "xx"]),
)
def test_fuzz_the_panel_over_any_fhir_answer(
    canned, fuzz_plugin, patients, appointments, encounters, episodes, language
):
    for path, body in (
        ("Patient", patients),
        ("Appointment", appointments),
        ("Encounter", encounters),
        ("EpisodeOfCare", episodes),
    ):
        canned.route(path, body)
    try:
        data = fuzz_plugin.panel("summary", CallContext(make_customer(hetu=HETU), language, timeout=5.0))
    except BackendError:  # BackendUnavailable included: the declared errors, shown with Retry
        return
    _assert_only_the_patient_asked_for(data)


@given(
    patients=st.lists(st.builds(lambda r: {"resource": r}, patient(False)), min_size=1, max_size=3),
    appointments=bundle(entries(appointment)),
)
def test_fuzz_a_bundle_of_other_patients_never_shows_them(canned, fuzz_plugin, patients, appointments):
    canned.route("Patient", {"resourceType": "Bundle", "entry": patients})
    canned.route("Appointment", appointments)
    with pytest.raises(BackendError, match="patients that do not carry that code"):
        fuzz_plugin.panel("summary", CallContext(make_customer(hetu=HETU), "fi", timeout=5.0))
    assert [path.split("?")[0] for path, _ in canned.requests][-1] == "/fhir/R4/Patient"  # asked nothing more


def _resources(kind):
    return st.lists(kind(True) | kind(False) | st.dictionaries(st.sampled_from(_KEYS), garbage, max_size=4), max_size=4)


@given(
    appointments=_resources(appointment),
    encounters=_resources(encounter),
    episodes=_resources(episode),
    language=st.sampled_from(["fi", "sv", "en"]),
    base=st.sampled_from(["", "http://127.0.0.1:9/fhir/R4/"]),
)
def test_fuzz_the_row_builders_directly(appointments, encounters, episodes, language, base):
    rows = (
        summary_panel.appointment_rows(appointments, PID, TODAY, language, base_url=base)
        + summary_panel.encounter_rows(encounters, PID, TODAY - dt.timedelta(days=365), language, base_url=base)
        + summary_panel.episode_rows(episodes, PID, language, base_url=base)
    )
    for row in rows:
        assert all(isinstance(cell, str) and len(cell) <= summary_panel.MAX_CELL for cell in row)
        assert not [cell for cell in row if MARK in cell]


@given(dates)
def test_fuzz_dates_parse_or_give_none(value):
    for with_time in (True, False):
        for language in ("fi", "sv", "en"):
            assert isinstance(summary_panel.format_when(value, language, with_time), str)
    summary_panel.day_of(value)

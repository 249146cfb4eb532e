"""Property-based tests of ``agentdesk profile check``: it answers with findings, never an exception,
for any text (brackets, strings and comments in any order, nesting far past the limit) and any
structure (nested tables and lists, wrong types, unicode, huge numbers, dates), checked against the
first-party plugins' real manifests; and a secret put into a URL never comes back in a message.

The budget comes from the hypothesis profile in tests/conftest.py (``--hypothesis-profile=long``
for a release run)."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.deployment.installed_plugins import InstalledPlugins, installed_plugins
from agentdesk.deployment.profile import ProfileProblem, check_profile, parse_profile


@pytest.fixture(scope="module")
def first_party() -> InstalledPlugins:
    return installed_plugins()  # health, social, technical (scripts/setup.sh installs them editable)


def check(text: str, installed) -> list[ProfileProblem]:
    found = check_profile(text, "p.toml", installed=installed)
    assert all(isinstance(p, ProfileProblem) and isinstance(str(p), str) for p in found)
    if not found:
        parse_profile(text, "p.toml", installed=installed).deployment_plugins()
    return found


# -- any text ----------------------------------------------------------------------------------

FRAGMENTS = [
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    " = ",
    ",",
    ".",
    "\n",
    "\r\n",
    '"',
    "'",
    '"""',
    "'''",
    "#",
    "\\",
    "\\u00e4",
    "a",
    "profile_version = 1\n",
    "[department]\n",
    'code = "health"\n',
    "[plugins.health]\n",
    "x = [",
    "x = {a = ",
    "1",
    "0x" + "f" * 40,
    "9" * 5000,
    "1e400",
    "nan",
    "inf",
    "true",
    "1979-05-27",
    "1979-05-27T07:32:00+25:00",
    "07:32:00",
    "ä",
    "\x00",
    "\u2028",
    "\ud800",
]
text_piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6))
deep = st.tuples(st.sampled_from(["[", "{a=", "[{b=[", "x.", "[t."]), st.integers(1, 3000)).map(lambda p: p[0] * p[1])
toml_text = st.lists(st.one_of(text_piece, text_piece, text_piece, deep), max_size=40).map("".join)


@given(toml_text)
def test_any_text_gets_findings_never_an_exception(first_party, text):
    check(text, first_party)
    check(text, None)


# -- any structure -----------------------------------------------------------------------------

SECRET = "Zx9-sekret-4711"
keys = st.one_of(
    st.sampled_from(
        [
            "code",
            "name",
            "url",
            "password",
            "token",
            "api_key",
            "enabled",
            "version",
            "secrets",
            "panel_roles",
            "summary",
            "requests",
            "base_url",
            "fi",
            "sv",
            "en",
        ]
    ),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8),
)
scalars = st.one_of(
    st.booleans(),
    st.integers(),
    st.integers(64, 20_000).map(lambda bits: 2**bits - 1),
    st.floats(),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(
        [
            "health",
            "agent",
            "supervisor",
            "fi",
            ">=1.0,<2",
            "keyring",
            "none",
            "https://h.example/",
            "postgresql://desk@db.example/agentdesk",
            "sqlite:///x.db",
            "https://h.example:99999/",
        ]
    ),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.datetimes(timezones=st.integers(-24 * 60 + 1, 24 * 60 - 1).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3), max_leaves=12
)
url_with_secret = st.sampled_from(
    [
        f"https://fhir.example/api/?api_key={SECRET}",
        f"https://fhir.example/?a=1&access_token={SECRET}",
        f"https://{SECRET}@fhir.example/",
        f"https://u:{SECRET}@fhir.example:8443/",
        f"https://u:{SECRET}@fhir:x/",
        f"ftp://u:{SECRET}@fhir.example/?token={SECRET}",
        f"postgresql://desk:{SECRET}@db.example:54x2/agentdesk",
        f"postgresql://desk@db.example/agentdesk?password={SECRET}",
        f"postgresql://desk:{SECRET}@db.example/a",
    ]
)


def plugin_table(pid: str):
    return st.fixed_dictionaries(
        {},
        optional={
            "enabled": st.booleans() | values,
            "version": st.just(">=1.0,<2") | values,
            "base_url": url_with_secret | values | st.just("https://backend.example/api/"),
            "secrets": st.sampled_from([["token"], ["api_key"], []]) | values,
            "panel_roles": st.dictionaries(
                st.sampled_from(["summary", "clients", "requests", "file_request", "x"]),
                st.lists(st.sampled_from(["agent", "supervisor", "boss"])) | values,
                max_size=2,
            )
            | values,
            pid: values,
        },
    )


profile = st.fixed_dictionaries(
    {},
    optional={
        "profile_version": st.just(1) | values,
        "department": st.fixed_dictionaries(
            {},
            optional={
                "code": st.just("health") | values,
                "name": st.just({"fi": "Terveys"}) | values,
                "default_language": st.sampled_from(["fi", "sv", "en", "fin"]) | values,
            },
        )
        | values,
        "database": st.fixed_dictionaries(
            {}, optional={"url": url_with_secret | values, "password": st.sampled_from(["keyring", "none"]) | values}
        ),
        "queues": st.fixed_dictionaries({}, optional={"member_of": st.lists(st.text(max_size=10)) | values}) | values,
        "plugins": st.fixed_dictionaries(
            {},
            optional={
                "health": plugin_table("health"),
                "technical": plugin_table("technical"),
                "other": plugin_table("other") | values,
            },
        )
        | values,
        "extra": values,
    },
)


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value) -> str:
    """A value as TOML: inline tables and arrays, so any nesting is one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"0x{value:x}" if value > 10**100 else str(value)  # decimal text stops at 4300 digits
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return toml_string(value)


def toml_document(structure: dict) -> str:
    return "".join(f"{toml_string(k)} = {toml_value(v)}\n" for k, v in structure.items())


@given(profile)
def test_any_structure_gets_findings_never_an_exception(first_party, structure):
    found = check(toml_document(structure), first_party)
    assert not any(SECRET in str(p) for p in found)

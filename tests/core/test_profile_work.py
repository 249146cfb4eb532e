"""The profile's [work] table: how long wrap-up lasts by itself and which wrap-up codes agents choose from."""

from __future__ import annotations

import pytest

from agentdesk.deployment.profile import check_profile, parse_profile
from agentdesk.deployment.profile_work import DEFAULT_WRAP_UP_CODES

HEAD = """\
profile_version = 1
[department]
code = "water"
name = { fi = "Vesihuolto", sv = "Vattenförsörjning", en = "Water" }
"""


def test_a_profile_without_work_gets_a_minute_of_wrap_up_and_the_default_codes():
    work = parse_profile(HEAD, "p.toml", installed=None).work
    assert (work.wrap_up_seconds, work.wrap_up_codes) == (60, DEFAULT_WRAP_UP_CODES)


def test_the_department_sets_its_wrap_up_time_and_codes():
    text = HEAD + '[work]\nwrap_up_seconds = 0\nwrap_up_codes = ["resolved", "water_leak_reported"]\n'
    work = parse_profile(text, "p.toml", installed=None).work
    assert (work.wrap_up_seconds, work.wrap_up_codes) == (0, ("resolved", "water_leak_reported"))


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("wrap_up_seconds = -1", "p.toml: work.wrap_up_seconds: expected whole seconds from 0 to 3600"),
        ("wrap_up_codes = []", "p.toml: work.wrap_up_codes: expected a list of 1 to 30 codes"),
        ('wrap_up_codes = ["Soitto takaisin"]', "p.toml: work.wrap_up_codes[0]: 'Soitto takaisin' is not a code"),
        ('wrap_up_codes = ["a", "a"]', "p.toml: work.wrap_up_codes[1]: 'a' is listed twice"),
        ("wrap_up = 3", "p.toml: work.wrap_up: unknown key"),
    ],
)
def test_mistakes_in_work_name_the_key(table, expected):
    problems = [str(p) for p in check_profile(HEAD + "[work]\n" + table + "\n", "p.toml", installed=None)]
    assert any(p.startswith(expected) for p in problems), problems

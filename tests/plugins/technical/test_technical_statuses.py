"""Open311 detailed statuses in the agent's language: a known code in words (never the raw code in the
status cell), an unknown code as the back end wrote it."""

from __future__ import annotations

import pytest

from agentdesk_technical.open311_client import ServiceRequest
from agentdesk_technical.plugin import TechnicalPlugin


def _request(status: str, detailed: str) -> ServiceRequest:
    return ServiceRequest(id="7", status=status, detailed_status=detailed)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", "Suljettu – työ tehty"), ("sv", "Stängd – arbetet utfört"), ("en", "Closed – work done")],
)
def test_a_known_detailed_status_is_shown_in_words(lang, expected):
    text = TechnicalPlugin._status(lang, _request("closed", "PUBLIC_WORKS_COMPLETED"))
    assert text == expected
    assert "PUBLIC_WORKS_COMPLETED" not in text


def test_an_unknown_detailed_status_is_shown_as_the_back_end_wrote_it():
    assert (
        TechnicalPlugin._status("sv", _request("open", "WAITING_FOR_SPARE_PARTS")) == "Öppen (WAITING_FOR_SPARE_PARTS)"
    )

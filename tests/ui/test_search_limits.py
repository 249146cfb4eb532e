"""The search box with what an agent may paste or type: oversized queries, initials, a code born in the future.

The problem shows in red under the box in the desk's language, the typed text stays as it was, and the
desk keeps working (a traceback would fail the test through the background helper's error path).
"""

from __future__ import annotations

import pytest


def paste(panel, qtbot, text: str) -> None:
    panel.field.setFocus()
    panel.field.setText(text)
    qtbot.waitUntil(lambda: not panel.pending, timeout=5000)


def rows(panel) -> list[int]:
    return [panel.model.customer_id(r) for r in range(panel.model.rowCount())]


@pytest.mark.parametrize(
    ("text", "finnish", "swedish"),
    [
        (
            " ".join(["anna"] * 13),
            "Haussa voi olla enintään 12 sanaa, tässä on 13",
            "En sökning kan ha högst 12 ord, den här har 13",
        ),
        (
            "Kolehmainen" * 4,
            "Hakusanassa voi olla enintään 40 kirjainta, yhdessä tässä on 44",
            "Ett sökord kan ha högst 40 bokstäver, ett här har 44",
        ),
        (
            "x" * 20_000,
            "Haussa voi olla enintään 256 merkkiä, tässä on 20000",
            "En sökning kan ha högst 256 tecken, den här har 20000",
        ),
    ],
)
def test_an_oversized_query_says_what_is_too_large_and_keeps_the_text(desk, qtbot, text, finnish, swedish):
    panel = desk.window.search_panel
    paste(panel, qtbot, text)
    assert panel.problem_label.isVisible()
    assert panel.problem_label.text() == finnish
    assert panel.field.text() == text
    assert rows(panel) == []
    desk.set_language("sv")
    assert panel.problem_label.text() == swedish

    panel.field.clear()
    paste(panel, qtbot, "anna virtanen")
    assert not panel.problem_label.isVisible()


def test_initials_alone_find_nobody_without_a_problem(desk, qtbot, seeded):
    panel = desk.window.search_panel
    paste(panel, qtbot, "a b")
    assert rows(panel) == [] and not panel.problem_label.isVisible()
    assert panel.count_label.text() == "Asiakkaita ei löytynyt"
    assert panel.kind_label.text() == "Nimi tai osoite"


def test_an_identity_code_born_in_the_future_is_an_identity_code_with_that_problem(desk, qtbot):
    panel = desk.window.search_panel
    paste(panel, qtbot, "150385A912E")
    assert panel.kind_label.text() == "Henkilötunnus"
    assert panel.problem_label.isVisible()
    assert panel.problem_label.text() == "Henkilötunnuksen syntymäaika on tulevaisuudessa"
    assert panel.field.text() == "150385A912E"

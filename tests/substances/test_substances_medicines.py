"""The medicines page: each medicine's interactions, shown at once when added; unknown names are
never shown as safe; the risk page's summary; alerts for high-severity medicines."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from stepdown.core.rules import LEARN_SLUGS, LearnSlug
from stepdown.profile import services
from stepdown.profile.selectors import medicines_for

pytestmark = pytest.mark.django_db

UNKNOWN = "not in Stepdown's knowledge base — this does not mean it is safe; ask a pharmacist"
HTMX = {"HX-Request": "true"}


def medicine_block(body: str, name: str) -> str:
    """The HTML of one medicine's card."""
    match = re.search(
        rf'<article class="medicine[^"]*" data-testid="medicine" data-name="{re.escape(name)}">'
        r"(.*?)</article>",
        body,
        re.S,
    )
    assert match, f"{name} is not on the page"
    return match.group(1)


def test_the_learn_link_points_to_an_existing_learn_page(client: Client) -> None:
    assert LearnSlug.INTERACTIONS.value in LEARN_SLUGS
    assert client.get(f"/learn/{LearnSlug.INTERACTIONS.value}/").status_code == 200


def test_jordans_medicines_show_their_warnings_with_reasons_and_sources(
    web: Client, person: Any
) -> None:
    services.medicines_set(owner=person, names=["quetiapine", "gabapentin"])
    body = web.get("/substances/medicines/").content.decode()
    quetiapine = medicine_block(body, "quetiapine")
    assert "High risk" in quetiapine
    assert "Quetiapine and other CYP3A-cleared antipsychotics" in quetiapine
    assert "What happens:" in quetiapine
    assert "What to do:" in quetiapine
    assert "Hughes2018" in quetiapine
    assert 'href="/learn/interactions/"' in quetiapine
    gabapentin = medicine_block(body, "gabapentin")
    assert "Moderate risk" in gabapentin
    assert "FDA2019Gabapentinoids" in gabapentin
    # Worst first: the high-risk quetiapine before the moderate gabapentin.
    assert body.index('data-name="quetiapine"') < body.index('data-name="gabapentin"')


def test_a_brand_name_is_recognised_as_its_generic(web: Client, person: Any) -> None:
    services.medicines_set(owner=person, names=["Xanax"])
    block = medicine_block(web.get("/substances/medicines/").content.decode(), "Xanax")
    assert "Recognised as <strong>alprazolam</strong>" in block
    assert "Benzodiazepines" in block
    assert "High risk" in block


def test_an_unknown_name_is_never_shown_as_safe(web: Client, person: Any) -> None:
    services.medicines_set(owner=person, names=["metformin"])
    body = web.get("/substances/medicines/").content.decode()
    block = medicine_block(body, "metformin")
    assert UNKNOWN in block
    assert "Not checked" in block
    for reassuring in ("No known interaction", "Low risk", "is safe.", "no interaction"):
        assert reassuring not in block
    summary = web.get("/risk/").content.decode()
    assert "Not in Stepdown's knowledge base: metformin" in summary


def test_a_combination_names_the_part_that_was_not_recognised(web: Client, person: Any) -> None:
    services.medicines_set(owner=person, names=["oxycodone/metformin"])
    block = medicine_block(
        web.get("/substances/medicines/").content.decode(), "oxycodone/metformin"
    )
    assert "Opioids" in block
    assert "<strong>metformin</strong> is " + UNKNOWN in block


def test_adding_a_medicine_shows_its_warning_at_once_first_in_the_list(
    web: Client, person: Any
) -> None:
    services.medicines_set(owner=person, names=["gabapentin", "ibuprofen"])
    response = web.post("/substances/medicines/add/", {"name": "Seroquel"}, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="medicines-panel">')  # the partial, not the page
    assert "Added Seroquel." in body
    first = body.index('data-testid="medicine"')
    assert body.index('data-name="Seroquel"') < body.index('data-name="gabapentin"')
    assert 'just-added" data-testid="medicine" data-name="Seroquel"' in body[first - 80 :]
    block = medicine_block(body, "Seroquel")
    assert "Recognised as <strong>quetiapine</strong>" in block
    assert "High risk" in block
    assert medicines_for(owner=person) == ["gabapentin", "ibuprofen", "Seroquel"]


def test_adding_without_htmx_renders_the_page_with_the_new_medicine(
    web: Client, person: Any
) -> None:
    response = web.post("/substances/medicines/add/", {"name": "gabapentin"})
    assert response.status_code == 200
    assert "<h1>Your medicines</h1>" in response.content.decode()
    assert medicines_for(owner=person) == ["gabapentin"]


def test_an_empty_or_overlong_name_is_refused_with_the_reason(web: Client) -> None:
    empty = web.post("/substances/medicines/add/", {"name": "  "}, headers=HTMX)
    assert empty.status_code == 422
    assert "Please fill this in." in empty.content.decode()
    long = web.post("/substances/medicines/add/", {"name": "x" * 101}, headers=HTMX)
    assert long.status_code == 422
    assert "100 characters or fewer" in long.content.decode()


def test_removing_a_medicine_keeps_the_others(web: Client, person: Any) -> None:
    services.medicines_set(owner=person, names=["quetiapine", "gabapentin"])
    response = web.post("/substances/medicines/remove/", {"name": "QUETIAPINE"}, headers=HTMX)
    assert response.status_code == 200
    assert 'data-name="quetiapine"' not in response.content.decode()
    assert medicines_for(owner=person) == ["gabapentin"]


def test_a_high_severity_medicine_is_alerted_once(person: Any, interaction_alerts: Any) -> None:
    services.medicine_add(owner=person, name="quetiapine")
    services.medicine_add(owner=person, name="gabapentin")  # moderate: no alert
    services.medicine_add(owner=person, name="Quetiapine")  # already listed
    alerts = interaction_alerts(person)
    assert [a.cause_key for a in alerts] == ["medicine:quetiapine"]
    assert alerts[0].severity == "high"


def test_the_risk_page_summarises_medicines_worst_first(web: Client, person: Any) -> None:
    services.medicines_set(owner=person, names=["gabapentin", "quetiapine", "ibuprofen"])
    body = web.get("/risk/").content.decode()
    assert 'data-testid="interaction-summary"' in body
    summary = body[body.index('data-testid="interaction-summary"') :]
    summary = summary[: summary.index("</section>")]
    assert summary.index("quetiapine") < summary.index("gabapentin")
    assert 'href="/substances/medicines/"' in summary


def test_medicines_are_private(web: Client, other_person: Any) -> None:
    services.medicines_set(owner=other_person, names=["quetiapine"])
    body = web.get("/substances/medicines/").content.decode()
    assert 'data-name="quetiapine"' not in body
    assert 'data-testid="no-medicines"' in body


def test_the_page_costs_the_same_for_one_or_many_medicines(
    web: Client, person: Any, django_assert_max_num_queries: Any
) -> None:
    services.medicines_set(owner=person, names=["quetiapine"])
    with django_assert_max_num_queries(8):
        web.get("/substances/medicines/")
    names = ["quetiapine", "gabapentin", "Xanax", "sertraline", "tramadol", "metformin"]
    services.medicines_set(owner=person, names=names * 1 + [f"unknown {i}" for i in range(20)])
    with django_assert_max_num_queries(8):
        web.get("/substances/medicines/")

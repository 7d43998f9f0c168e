"""Plan safety through the adapters: the step caps as field errors, one rounding rule for the
wizard, the half-life band for "settled by", and no equivalence with 7-OH products."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from tests.plans.plans_helpers import TODAY, make_plan, page_text
from tests.plans.plans_helpers import WIZARD as WIZARD_STEADY

from stepdown.plans import selectors
from stepdown.plans.models import Plan

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BODY = {"start_g": 12, "rate_pct": 10, "doses_per_day": 4, "start_date": "2025-02-10"}
WIZARD = WIZARD_STEADY | {"pace": "custom"}


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        (BODY | {"stop_below_g": 14}, "stop_below_g", "at most 2 g"),
        (BODY | {"stop_below_g": 0.2}, "stop_below_g", "at least 0.4 g"),
        (
            BODY | {"method": "linear", "rate_pct": None, "step_g": 9},
            "step_g",
            "largest allowed step is 3.0 g",
        ),
    ],
)
def test_the_api_refuses_steps_beyond_the_cap_with_422_on_the_field(
    api: Any, journal: Any, body: dict[str, Any], field: str, words: str
) -> None:
    response = api.post("/plans", body)
    assert response.status_code == 422, response.json()
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", field]
    assert words in detail["msg"]
    assert not Plan.objects.exists()


def test_the_wizard_shows_the_stop_below_limit_on_its_field(web: Client, journal: Any) -> None:
    response = web.post("/plan/new/", WIZARD | {"stop_below_g": "14"}, headers=HTMX)
    assert response.status_code == 422
    page = page_text(response)
    assert 'id="id_stop_below_g-error"' in page
    assert "Stop below at most 2 g a day" in page
    assert not Plan.objects.exists()


def test_capsules_get_a_stop_threshold_they_can_reach(api: Any, journal: Any) -> None:
    # 0.5 g capsules without a threshold: four capsules (2 g), so every cut stays ≤ 25 %.
    response = api.post("/plans", BODY | {"resolution_g": 0.5})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["params"]["stop_below_g"] == 2.0
    assert body["steps"][-1]["daily_g"] == 1.5


def test_the_wizard_text_and_prefill_round_the_same_way(
    web: Client, person: Any, leaf: Any, clock: Any
) -> None:
    # Four days at 11.75 g (the reported case): 11.75 rounded half up shows 11.8, but the
    # start must not be above the journal (11.7). Both now say 11.7.
    from stepdown.journal.services import dose_create

    for days_ago in range(1, 5):
        taken = dt.datetime.combine(
            TODAY - dt.timedelta(days=days_ago), dt.time(9), tzinfo=person.zone
        )
        dose_create(owner=person, amount=Decimal("11.75"), product_id=leaf.pk, taken_at=taken)
    page = page_text(web.get("/plan/new/"))
    assert "about <strong>11.7 g a day</strong>" in page
    assert 'name="start_g" value="11.7"' in page
    assert selectors.recent_use(owner=person).shown_g == Decimal("11.7")


def test_settled_by_shows_the_half_life_range_and_advice_from_its_long_end(
    web: Client, journal: Any
) -> None:
    page = page_text(web.post("/plan/new/preview/", WIZARD, headers=HTMX))
    # Step 2 starts 17 Feb: 5 days (23 h) → 22 Feb; 15 days (68 h) → 4 Mar.
    assert "<td>22 Feb–4 Mar</td>" in page
    assert "5 to 15 days" in page
    assert "choose 15-day steps" in page
    fortnightly = page_text(
        web.post("/plan/new/preview/", WIZARD | {"interval_days": "15"}, headers=HTMX)
    )
    assert "choose 15-day steps" not in fortnightly


def test_doses_of_a_seven_oh_product_are_not_converted_into_leaf_grams(
    web: Client, person: Any, journal: Any, clock: Any
) -> None:
    from stepdown.journal.services import dose_create, product_create

    tablet = product_create(
        owner=person, name="Seven tabs", form="seven_oh", seven_oh_mg_per_unit=Decimal(42)
    )
    plan = make_plan(person, product_id=journal.pk)
    dose_create(owner=person, amount=Decimal("0.4"), product_id=tablet.pk)
    dose_create(owner=person, amount=Decimal(2), product_id=journal.pk)
    today = selectors.plan_today(owner=person, plan=Plan.objects.get(pk=plan.pk))
    # Only the 2 g of leaf count: the old ledger counted the 0.4 g tablet as many grams of leaf.
    assert today.logged.total_g == Decimal(2)
    assert today.logged.refused == 1
    assert today.logged.converted == 0
    page = page_text(web.get("/plan/"))
    assert "1 dose not counted: 7-OH products and kratom leaf cannot be compared" in page
    assert "talk to a clinician" in page

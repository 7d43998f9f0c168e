"""The core's refusals that carry numbers or dates (the taper planner's, the dose's) read in the
request's language with its numbers and days, while the core and the English API keep their
sentences; every such message of the core is in the catalogue."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import time_machine
from tests.api_client import ApiClient

from stepdown.core import potency, tapering
from stepdown.core.tapering.errors import NOT_THIS_METHOD
from stepdown.journal.services import CORE_DOSE_MESSAGES
from stepdown.plans.core_wording import CORE_PLANNER_MESSAGES
from stepdown.plans.services import plan_create

TAPERING = Path(tapering.__file__).parent
PLAN = {"start_g": 12, "rate_pct": 10, "doses_per_day": 4, "start_date": "2026-12-10"}
THURSDAY = dt.datetime(2026, 12, 10, 12, tzinfo=dt.UTC)


def _messages(path: Path, error: str) -> set[str]:
    """The fixed messages ``error`` is raised with in ``path`` (its second argument), and the
    messages a function picks from a table before raising it (``%(steps)s``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == error:
            message = node.args[1] if len(node.args) > 1 else None
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                found.add(message.value)
        if isinstance(node, ast.Constant) and "%(steps)s" in str(node.value):
            found.add(str(node.value))
    return found


def test_every_planner_refusal_is_in_the_catalogue() -> None:
    found = set().union(*(_messages(path, "TaperError") for path in TAPERING.glob("*.py")))
    assert len(found) > 30
    missing = sorted((found | {NOT_THIS_METHOD}) - set(CORE_PLANNER_MESSAGES))
    assert not missing, missing


def test_every_dose_refusal_is_in_the_catalogue() -> None:
    found = _messages(Path(potency.__file__), "DoseInputError")
    assert "A single dose can be at most %(most)s g." in found
    missing = sorted(found - set(CORE_DOSE_MESSAGES))
    assert not missing, missing


def _said(response: Any) -> tuple[list[str], str]:
    assert response.status_code == 422, response.content
    detail = response.json()["detail"][0]
    return detail["loc"], detail["msg"]


@pytest.fixture
def french_api(person: Any, api: ApiClient) -> ApiClient:
    api.headers["Accept-Language"] = "fr-FR,fr;q=0.9"
    return api


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field", "french"),
    [
        (
            PLAN | {"rate_pct": 2.5},
            "rate_pct",
            "La baisse doit être entre 5 et 25 % par palier, pas 2,5 %.",
        ),
        (
            PLAN | {"method": "linear", "rate_pct": None, "step_g": 9},
            "step_g",
            "Une baisse de 9,0 g retire plus de 25 % de 12,0 g ; la plus grande baisse permise "
            "est de 3,0 g.",
        ),
        (
            PLAN | {"stop_below_g": 0.2},
            "stop_below_g",
            "Avec une précision de 0,1 g, arrêtez en dessous d’au moins 0,4 g par jour : des "
            "quantités plus petites ne peuvent pas baisser de 25 % ou moins.",
        ),
    ],
)
def test_planner_refusals_with_numbers_in_french(
    french_api: ApiClient, body: dict[str, Any], field: str, french: str
) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        loc, message = _said(french_api.post("/plans", body))
    assert loc == ["body", field]
    assert message == french


@pytest.mark.django_db
def test_a_change_before_the_plan_starts_names_the_day_in_french(
    person: Any, french_api: ApiClient
) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        plan = plan_create(
            owner=person,
            start_g=Decimal(12),
            method="proportional",
            rate_pct=Decimal(10),
            start_date=dt.date(2026, 12, 17),
        ).plan
        loc, message = _said(
            french_api.post(f"/plans/{plan.pk}/slow", {"rate_pct": 5, "reason": "Plus doux"})
        )
    assert loc == ["body", "plan"]
    assert message == "Le plan commence le 17 déc. 2026 ; rien à changer pour l’instant."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "french"),
    [
        (600, "Une seule prise peut faire au plus 500 g."),
        (0.0004, "La quantité doit être d’au moins 0,001."),
    ],
)
def test_dose_refusals_with_numbers_in_french(
    french_api: ApiClient, amount: float, french: str
) -> None:
    loc, message = _said(french_api.post("/doses", {"amount": amount, "unit": "g"}))
    assert loc == ["body", "amount"]
    assert message == french


@pytest.mark.django_db
def test_english_is_unchanged(api: ApiClient) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, rate = _said(api.post("/plans", PLAN | {"rate_pct": 2.5}))
        _, step = _said(
            api.post("/plans", PLAN | {"method": "linear", "rate_pct": None, "step_g": 9})
        )
    assert rate == "The rate must be between 5 and 25 % a step, not 2.5 %."
    assert step == (
        "A step of 9.0 g cuts more than 25 % of 12.0 g; the largest allowed step is 3.0 g."
    )
    _, dose = _said(api.post("/doses", {"amount": 600, "unit": "g"}))
    assert dose == "A single dose can be at most 500 g."

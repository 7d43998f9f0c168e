"""GET|PUT /api/v1/onboarding, GET /api/v1/risk, /goals and /nudges: strict input, 422 with
the field, owner isolation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from tests.api_client import ApiClient
from tests.goals.goals_support import NOW, TODAY, at

from stepdown.core.rules import LEARN_SLUGS
from stepdown.goals.risk import risk_refresh

pytestmark = pytest.mark.django_db

FULL = {
    "reason": "opioid_recovery",
    "days_per_week": 7,
    "doses_per_day": 4.0,
    "grams_per_dose": 3.5,
    "years_of_use": 2.5,
    "forms_used": ["leaf_powder", "extract"],
    "substance_history": "past",
    "withdrawal_when_stopping": False,
    "self_treatment": ["pain", "opioid_withdrawal"],
    "phq2": {"q1": 2, "q2": 2},
    "gad2": {"q1": 0, "q2": 1},
    "diagnoses": ["depression"],
    "diagnosis_note": "treated in 2020",
    "medicines": ["quetiapine", "gabapentin"],
    "original_substance": "oxycodone",
    "original_last_used_on": "2025-12-01",
}


def test_onboarding_starts_empty(api: ApiClient) -> None:
    body = api.get("/onboarding").json()
    assert body["status"] == "not_started"
    assert body["reason"] is None
    assert body["medicines"] == []
    assert body["substance_history"] == "not_said"


def test_put_replaces_every_answer_and_completes(api: ApiClient) -> None:
    with time_machine.travel(NOW, tick=False):
        response = api.put("/onboarding", FULL)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "completed"
    # PHQ-2 2 + 2 = 4; GAD-2 0 + 1 = 1.
    assert (body["phq2_total"], body["gad2_total"]) == (4, 1)
    assert body["medicines"] == ["gabapentin", "quetiapine"]
    assert body["original_last_used_on"] == "2025-12-01"
    assert body["forms_used"] == ["leaf_powder", "extract"]
    assert api.get("/onboarding").json() == body
    # A second PUT without some answers empties them (a full replacement).
    smaller = api.put("/onboarding", {"reason": "cut_down"}).json()
    assert smaller["medicines"] == []
    assert smaller["phq2"] is None
    assert smaller["original_substance"] is None


BAD_ONBOARDING = [
    ({"reason": "curious"}, "reason"),
    ({"reason": 3}, "reason"),
    ({"days_per_week": 8}, "days_per_week"),
    ({"days_per_week": "3"}, "days_per_week"),
    ({"days_per_week": 2.5}, "days_per_week"),
    ({"doses_per_day": -1}, "doses_per_day"),
    ({"doses_per_day": 51}, "doses_per_day"),
    ({"doses_per_day": 2.25}, "doses_per_day"),  # one decimal place at most
    ({"grams_per_dose": 501}, "grams_per_dose"),
    ({"grams_per_dose": 2.555}, "grams_per_dose"),
    ({"years_of_use": 81}, "years_of_use"),
    ({"forms_used": ["powder"]}, "forms_used"),
    ({"forms_used": "extract"}, "forms_used"),
    ({"substance_history": "sometimes"}, "substance_history"),
    ({"withdrawal_when_stopping": "yes"}, "withdrawal_when_stopping"),
    ({"self_treatment": ["fun"]}, "self_treatment"),
    ({"phq2": {"q1": 4, "q2": 0}}, "phq2"),
    ({"phq2": {"q1": 1}}, "phq2"),
    ({"gad2": {"q1": 1, "q2": 1, "q3": 1}}, "gad2"),
    ({"diagnoses": ["adhd"]}, "diagnoses"),
    ({"diagnosis_note": "x" * 201}, "diagnosis_note"),
    ({"diagnosis_note": "bad\x00byte"}, "diagnosis_note"),
    ({"medicines": ["x" * 101]}, "medicines"),
    ({"medicines": [f"medicine {n}" for n in range(31)]}, "medicines"),
    ({"medicines": "sertraline"}, "medicines"),
    ({"original_substance": "y" * 81}, "original_substance"),
    ({"original_last_used_on": "yesterday"}, "original_last_used_on"),
    ({"original_last_used_on": 20260101}, "original_last_used_on"),
    ({"surprise": True}, "surprise"),
]


@pytest.mark.parametrize(("body", "field"), BAD_ONBOARDING)
def test_onboarding_rejects_bad_input_naming_the_field(
    api: ApiClient, body: dict[str, Any], field: str
) -> None:
    response = api.put("/onboarding", body)
    assert response.status_code == 422, response.json()
    detail = response.json()["detail"]
    assert detail[0]["loc"][:2] == ["body", field], detail


def test_the_original_substance_belongs_to_opioid_recovery(api: ApiClient) -> None:
    response = api.put("/onboarding", {"reason": "quit", "original_substance": "heroin"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "original_substance"]


def test_a_future_last_use_is_refused_in_the_persons_time_zone(api: ApiClient) -> None:
    # Noon in Chicago on 20 January is already 21 January nowhere that matters to Sam.
    with time_machine.travel(NOW, tick=False):
        future = api._send(
            "put",
            "/onboarding",
            {"reason": "opioid_recovery", "original_last_used_on": "2026-01-21"},
        )
        today = api._send(
            "put",
            "/onboarding",
            {"reason": "opioid_recovery", "original_last_used_on": "2026-01-20"},
        )
    assert future.status_code == 422
    assert future.json()["detail"][0]["loc"] == ["body", "original_last_used_on"]
    assert today.status_code == 200


def test_risk_lists_factors_with_their_sources(api: ApiClient) -> None:
    api.put("/onboarding", FULL)
    with time_machine.travel(NOW, tick=False):
        body = api.get("/risk").json()
    assert {"tier", "factors", "computed_at"} <= set(body)
    # No journal: the onboarding pattern is read. substance history (2) + self-treatment (2) +
    # PHQ-2 of 4 (2) + daily use, 7 days (2) + 4 × 7 = 28 doses a week >= 22 (3) + extract (2)
    # + 2.5 years of use (1) = 14 -> high.
    assert body["tier"] == "high"
    assert body["score"] == 14
    codes = [factor["code"] for factor in body["factors"]]
    assert codes[0] == "frequent_dosing"  # the only weight-3 factor comes first
    for factor in body["factors"]:
        assert {"code", "label", "explanation", "source"} <= set(factor)
        assert factor["learn_slug"] in LEARN_SLUGS
        assert factor["learn_url"] == f"/learn/{factor['learn_slug']}/"
    assert body["next_step"] == "see_professional"  # high tier, and opioid recovery
    assert body["computed_at"].startswith("2026-01-20T18:00:00")


def test_risk_history_records_changes(api: ApiClient, person: Any) -> None:
    assert api.get("/risk").json()["snapshot_id"] is None  # reading stores nothing
    risk_refresh(owner=person)  # the daily job keeps the first snapshot
    risk_refresh(owner=person)  # unchanged: no second snapshot
    api.put("/onboarding", {"reason": "quit", "withdrawal_when_stopping": True})
    risk = api.get("/risk").json()
    history = api.get("/risk/history").json()
    assert [item["tier"] for item in history] == ["likely_dependence", "low"]
    # Saving the answers stored the changed profile; the read names that snapshot.
    assert risk["tier"] == "likely_dependence"
    assert risk["snapshot_id"] == history[0]["id"]


def test_goals_of_a_person_without_a_goal_answer_every_field(api: ApiClient) -> None:
    # Regression: the empty answer lacked a field added later, and the API answered 500.
    response = api.get("/goals")
    assert response.status_code == 200
    assert response.json()["allowed_weekdays"] is None
    assert response.json()["purpose"] == ""


def test_goals_round_trip(api: ApiClient) -> None:
    with time_machine.travel(NOW, tick=False):
        body = {
            "purpose": "energy at work, weekdays only",
            "end_date": "2026-03-31",
            "max_g_per_day": 3,
            "max_days_per_week": 5,
            "min_hours_between": 4.5,
            "no_use_after": "15:00",
            "price_per_g": 0.08,
            "currency": "$",
        }
        response = api.put("/goals", body)
    assert response.status_code == 200, response.json()
    saved = response.json()
    assert saved["no_use_after"] == "15:00"
    assert saved["limits_from"] == TODAY.isoformat()
    assert api.get("/goals").json() == saved


BAD_GOALS = [
    ({"max_g_per_day": -1}, "max_g_per_day"),
    ({"max_g_per_day": 2.555}, "max_g_per_day"),
    ({"max_days_per_week": 8}, "max_days_per_week"),
    ({"min_hours_between": 49}, "min_hours_between"),
    ({"no_use_after": "25:00"}, "no_use_after"),
    ({"no_use_after": "8pm"}, "no_use_after"),
    ({"no_use_after": 2000}, "no_use_after"),
    ({"end_date": "2026-01-19"}, "end_date"),  # yesterday, in Chicago
    ({"price_per_g": -0.5}, "price_per_g"),
    ({"currency": "dollars!!"}, "currency"),
    ({"purpose": "p" * 201}, "purpose"),
    ({"limits": 3}, "limits"),
]


@pytest.mark.parametrize(("body", "field"), BAD_GOALS)
def test_goals_reject_bad_input_naming_the_field(
    api: ApiClient, body: dict[str, Any], field: str
) -> None:
    with time_machine.travel(NOW, tick=False):
        response = api.put("/goals", body)
    assert response.status_code == 422, response.json()
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]


def test_nudges_can_be_listed_and_dismissed(
    api: ApiClient, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=3)
        log(person, "2", at(TODAY, 8))
        log(person, "2", at(TODAY, 11))
        nudges = api.get("/nudges").json()
        assert [n["code"] for n in nudges] == ["over_daily_limit"]
        nudge = nudges[0]
        assert nudge["cause_key"] == "day:2026-01-20"
        assert nudge["learn_url"] == "/learn/avoiding-dependence/"
        dismissed = api.post(f"/nudges/{nudge['id']}/dismiss").json()
        assert dismissed["dismissed_at"] is not None
        assert api.get("/nudges").json() == []


def test_another_persons_nudge_is_not_found(
    api: ApiClient,
    other_person: Any,
    api_for: Callable[[Any], ApiClient],
    log: Callable[..., Any],
    set_goal: Callable[..., Any],
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(other_person, max_g_per_day=1)
        log(other_person, "2", NOW - dt.timedelta(hours=1))
        theirs = api_for(other_person).get("/nudges").json()[0]
        assert api.post(f"/nudges/{theirs['id']}/dismiss").status_code == 404
        assert api.get("/nudges").json() == []
        assert api.post("/nudges/99999999999999999999/dismiss").status_code in (404, 422)


@pytest.mark.parametrize("path", ["/onboarding", "/risk", "/risk/history", "/goals", "/nudges"])
def test_every_route_needs_a_token(anonymous_api: ApiClient, path: str) -> None:
    assert anonymous_api.get(path).status_code == 401

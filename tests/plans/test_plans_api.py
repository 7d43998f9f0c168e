"""The plans API: shapes, strict input, isolation, adjustments and the calendar file."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from icalendar import Calendar
from tests.plans.plans_helpers import TODAY, make_plan

pytestmark = pytest.mark.django_db

BODY = {"start_g": 12, "rate_pct": 10, "doses_per_day": 4, "start_date": "2025-02-10"}


def test_create_returns_the_plan_in_the_cli_shape(api: Any, journal: Any) -> None:
    response = api.post("/plans", BODY | {"product_id": journal.pk})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["method"] == "proportional"
    assert (body["start_date"], body["end_date"]) == ("2025-02-10", "2025-10-13")
    assert body["product_name"] == "Green Maeng Da"
    first = body["steps"][0]
    assert first == {
        "index": 0,
        "start_date": "2025-02-10",
        "end_date": "2025-02-16",
        "days": 7,
        "daily_g": 12.0,
        "doses_per_day": 4,
        "dose_g": [3.0, 3.0, 3.0, 3.0],
    }
    assert [entry["kind"] for entry in body["history"]] == ["create"]


def test_a_repeated_client_id_answers_200_with_the_same_plan(api: Any, journal: Any) -> None:
    key = str(uuid.uuid4())
    first = api.post("/plans", BODY | {"client_id": key})
    again = api.post("/plans", BODY | {"client_id": key})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (BODY | {"rate_pct": 40}, "rate_pct"),
        (BODY | {"start_g": "12"}, "start_g"),
        (BODY | {"interval_days": 3}, "interval_days"),
        (BODY | {"method": "fastest"}, "method"),
        (BODY | {"start_g": 14}, "start_g"),
        (BODY | {"surprise": 1}, "surprise"),
        (BODY | {"start_date": 20250210}, "start_date"),
        (BODY | {"method": "linear"}, "rate_pct"),
    ],
)
def test_bad_input_is_422_with_the_field(
    api: Any, journal: Any, body: dict[str, Any], field: str
) -> None:
    response = api.post("/plans", body)
    assert response.status_code == 422, response.json()
    assert field in response.json()["detail"][0]["loc"]


@pytest.mark.parametrize("field", ["rate_pct", "step_g", "ed50_g", "resolution_g"])
def test_a_number_too_large_for_its_column_is_refused_and_plans_stay_readable(
    api: Any, journal: Any, field: str
) -> None:
    # Regression (found by the API fuzzer): an unused step_g of 40,000,000 on a proportional
    # plan was stored, and SQLite could then not read the plan back (every later request 500).
    response = api.post("/plans", BODY | {field: 40_000_000})
    assert response.status_code == 422, response.json()
    assert field in response.json()["detail"][0]["loc"]
    assert api.get("/plans/current").status_code == 404


def test_current_is_404_without_a_plan(api: Any, clock: Any) -> None:
    assert api.get("/plans/current").status_code == 404


def test_hold_reinstate_slow_and_cancel(api: Any, journal: Any, clock: Any) -> None:
    plan_id = api.post("/plans", BODY).json()["id"]
    held = api.post(f"/plans/{plan_id}/hold", {"days": 7, "reason": "Restless nights"})
    assert held.status_code == 200
    # 13 Oct + 7 days
    assert held.json()["end_date"] == "2025-10-20"
    assert held.json()["history"][0] == held.json()["history"][0] | {
        "kind": "hold",
        "reason": "Restless nights",
        "end_date_before": "2025-10-13",
        "end_date_after": "2025-10-20",
    }
    clock.shift(dt.timedelta(days=15))  # 25 Feb: step 1 (held to 24 Feb) is over, step 2 runs
    back = api.post(f"/plans/{plan_id}/reinstate", {"reason": "Too much at once"})
    assert back.status_code == 200
    slow = api.post(f"/plans/{plan_id}/slow", {"rate_pct": 5, "reason": "Gentler from here"})
    assert slow.status_code == 200
    assert slow.json()["params"]["rate_pct"] == 5.0
    assert api.get("/plans/current").json()["id"] == plan_id
    cancelled = api.post(f"/plans/{plan_id}/cancel", {"reason": "Stopping here"})
    assert cancelled.json()["status"] == "cancelled"
    assert [e["kind"] for e in cancelled.json()["history"]] == [
        "cancel",
        "slow",
        "reinstate",
        "hold",
        "create",
    ]


def test_adjustments_refuse_bad_input(api: Any, journal: Any) -> None:
    plan_id = api.post("/plans", BODY).json()["id"]
    no_reason = api.post(f"/plans/{plan_id}/hold", {"days": 7})
    assert no_reason.status_code == 422
    assert no_reason.json()["detail"][0]["loc"][-1] == "reason"
    too_long = api.post(f"/plans/{plan_id}/hold", {"days": 400, "reason": "x"})
    assert too_long.json()["detail"][0]["loc"][-1] == "days"
    not_slower = api.post(f"/plans/{plan_id}/slow", {"interval_days": 7, "reason": "x"})
    assert not_slower.status_code == 422
    assert not_slower.json()["detail"][0]["loc"] == ["body", "interval_days"]
    first_step = api.post(f"/plans/{plan_id}/reinstate", {"reason": "x"})
    assert first_step.json()["detail"][0]["loc"] == ["body", "plan"]


def test_another_persons_plan_is_404(
    api: Any, api_for: Any, other_person: Any, person: Any, journal: Any
) -> None:
    plan = make_plan(person)
    other = api_for(other_person)
    assert other.get(f"/plans/{plan.pk}").status_code == 404
    assert other.post(f"/plans/{plan.pk}/hold", {"days": 3, "reason": "x"}).status_code == 404
    assert other.get(f"/plans/{plan.pk}.ics").status_code == 404
    assert other.get("/plans").json() == []
    assert api.get(f"/plans/{plan.pk}").status_code == 200


def test_without_a_token_it_is_401(anonymous_api: Any) -> None:
    assert anonymous_api.get("/plans").status_code == 401
    assert anonymous_api.get("/plans/1.ics").status_code == 401


def test_ics_round_trip_has_one_all_day_event_per_step(api: Any, journal: Any) -> None:
    body = api.post("/plans", BODY).json()
    response = api.get(f"/plans/{body['id']}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "no-store"
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(body["steps"]) == 35
    first, second = events[0], events[1]
    # All-day events: DATE values (not datetimes); DTEND is the day after the step's last day.
    assert first.decoded("dtstart") == TODAY
    assert type(first.decoded("dtstart")) is dt.date
    assert first.decoded("dtend") == dt.date(2025, 2, 17)
    assert second.decoded("dtstart") == dt.date(2025, 2, 17)
    assert "10.8 g a day" in str(second.get("summary"))
    assert events[-1].decoded("dtend") == dt.date(2025, 10, 13)

"""Helpers for the alert tests: a fixed clock, a plan that began ten days ago, diary answers.

Sam lives in Chicago (UTC−6 in February). With ``NOW`` at 18:00 UTC his local today is
Monday 10 February 2025. ``plan_in_past`` starts a 12 g, 10 %-a-week plan on 31 January: its
first step (12 g) runs 31 Jan – 6 Feb, the cut to 10.8 g starts on 7 Feb and lasts to 13 Feb.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

NOW = dt.datetime(2025, 2, 10, 18, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 2, 10)
PLAN_START = dt.date(2025, 1, 31)
CUT_DAY = dt.date(2025, 2, 7)

DIARY_ITEMS = (
    "irritability", "low_mood", "anxiety", "trouble_sleeping", "nausea", "diarrhoea",
    "restlessness", "fatigue", "aches", "runny_nose", "yawning", "sweating",
)  # fmt: skip


def noon(person: Any, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=person.zone)


def diary(total: int) -> dict[str, int]:
    """Withdrawal diary answers adding up to ``total`` (items filled 4 points at a time)."""
    assert 0 <= total <= 48
    answers = {}
    left = total
    for item in DIARY_ITEMS:
        answers[item] = min(4, left)
        left -= answers[item]
    return answers


def log_diary(person: Any, day: dt.date, total: int) -> Any:
    """Submit the withdrawal diary through the check-in service, as on ``day`` at noon."""
    from stepdown.checkins.services import response_submit

    return response_submit(
        owner=person, instrument="withdrawal", answers=diary(total), now=noon(person, day)
    ).response


def plan_in_past(person: Any, **fields: Any) -> Any:
    """The plan described in the module docstring, started through the plans service."""
    from stepdown.plans.services import plan_create

    params: dict[str, Any] = {
        "start_g": Decimal(12),
        "method": "proportional",
        "rate_pct": Decimal(10),
        "start_date": PLAN_START,
        "now": noon(person, PLAN_START),
    }
    return plan_create(owner=person, **(params | fields)).plan


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)

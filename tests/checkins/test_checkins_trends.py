"""The Trends page: every series on one daily axis, plan changes marked, bounded queries."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from tests.checkins.checkins_answers import DIARY, daily, phq9

from stepdown.checkins import services
from stepdown.checkins.models import Response
from stepdown.journal.models import Dose

pytestmark = pytest.mark.django_db

# Noon in Chicago (CST, UTC-6) on Monday 10 February 2025.
NOW = dt.datetime(2025, 2, 10, 18, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 2, 10)


def _series(body: str) -> dict[str, Any]:
    match = re.search(r'data-series="([^"]*)"', body)
    assert match is not None
    return json.loads(html.unescape(match.group(1)))  # type: ignore[no-any-return]


def _at(day: dt.date, hour_utc: int = 18) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour_utc), tzinfo=dt.UTC)


def test_the_series_share_one_axis_with_plan_target_and_marks(web: Any, person: Any) -> None:
    from stepdown.plans.adjust_services import plan_hold
    from stepdown.plans.services import plan_create

    with time_machine.travel(_at(TODAY - dt.timedelta(days=3)), tick=False):
        services.response_submit(owner=person, instrument="daily", answers=daily(diary=1))
    Dose.objects.create(owner=person, amount=Decimal(3), grams=Decimal(3), taken_at=_at(TODAY))
    Dose.objects.create(owner=person, amount=Decimal(2), grams=Decimal(2), taken_at=_at(TODAY))
    with time_machine.travel(NOW, tick=False):
        services.response_submit(
            owner=person, instrument="daily", answers=daily(diary=2, craving=70, mood=1)
        )
        services.response_submit(
            owner=person, instrument="phq9", answers=phq9(1, 1, 1, 1, 1, 0, 0, 0, 0)
        )
        plan = plan_create(
            owner=person,
            start_g=Decimal(12),
            method="proportional",
            rate_pct=Decimal(10),
            doses_per_day=4,
            start_date=TODAY,
            confirm_above_recent=True,
        ).plan
        plan_hold(owner=person, plan_id=plan.pk, days=7, reason="a hard week")
        body = web.get("/checkins/trends/?days=30").content.decode()
    data = _series(body)
    assert len(data["days"]) == 30
    assert data["days"][-1] == "2025-02-10"
    assert data["days"][0] == "2025-01-12"
    assert data["dose_g"][-1] == 5.0  # 3 g + 2 g today
    assert data["target_g"][-1] == 12.0
    assert data["target_g"][-2] is None
    assert data["withdrawal"][-1] == 24
    assert data["withdrawal"][-4] == 12
    assert data["withdrawal"][-2] is None  # no diary that day: a gap, not a zero
    assert (data["craving"][-1], data["mood"][-1], data["sleep_hours"][-1]) == (70, 1, 6.5)
    assert data["phq9"][-1] == 5
    assert data["gad7"][-1] is None
    assert [m["label"] for m in data["marks"]] == ["Step held", "Plan started"]
    assert 'aria-current="page">30 days' in body


def test_the_latest_answer_of_a_day_counts(web: Any, person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        services.response_submit(
            owner=person, instrument="withdrawal", answers=dict.fromkeys(DIARY, 1)
        )
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        services.response_submit(
            owner=person, instrument="withdrawal", answers=dict.fromkeys(DIARY, 3)
        )
        data = _series(web.get("/checkins/trends/?days=30").content.decode())
    assert data["withdrawal"][-1] == 36  # the later diary, 12 × 3


def test_an_unknown_range_falls_back_to_90_days(web: Any) -> None:
    data = _series(web.get("/checkins/trends/?days=7").content.decode())
    assert len(data["days"]) == 90


def _fill_year(person: Any) -> None:
    Dose.objects.bulk_create(
        Dose(owner=person, amount=1, grams=1, taken_at=_at(TODAY - dt.timedelta(days=n)))
        for n in range(400)
    )
    Response.objects.bulk_create(
        Response(
            owner=person,
            instrument=code,
            version="1",
            total=5,
            answers={"craving": 30, "mood": 2},
            local_date=TODAY - dt.timedelta(days=n),
        )
        for n in range(400)
        for code in ("daily", "phq9", "gad7")
    )


def test_trends_queries_do_not_grow_with_the_days_shown(
    web: Any, person: Any, django_assert_max_num_queries: Any
) -> None:
    _fill_year(person)
    # Session, user, doses, plan targets and history, check-ins: a constant handful
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(10):
        response = web.get("/checkins/trends/?days=365")
    assert response.status_code == 200
    assert len(_series(response.content.decode())["days"]) == 365


def test_a_week_at_11_8_g_reads_11_8_g_a_day_and_draws_nothing_before_it(
    web: Any, person: Any
) -> None:
    """The reported case: "average 0.9 g over 90 days with data" and "Latest 0 g"."""
    Dose.objects.bulk_create(
        Dose(owner=person, amount=Decimal("11.8"), grams=Decimal("11.8"), taken_at=_at(day))
        for day in (TODAY - dt.timedelta(days=n) for n in range(1, 8))
    )
    with time_machine.travel(NOW, tick=False):
        for days in (30, 90):
            body = web.get(f"/checkins/trends/?days={days}").content.decode()
            data = _series(body)
            # Before the 3rd (the first dose) no bar; 3rd–9th 11.8 g; today so far 0 g.
            assert data["dose_g"][: days - 8] == [None] * (days - 8)
            assert data["dose_g"][days - 8 :] == [11.8] * 7 + [0.0]
            assert "average 11.8 g a day over 7 complete days" in body
            assert "Yesterday 11.8 g" in body
            assert "0.9 g" not in body
            assert "2.8 g" not in body

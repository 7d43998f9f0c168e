"""Local dates computed in SQL agree with Python's zoneinfo, across offset changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stepdown.journal.localdate import offset_segments
from stepdown.journal.models import Dose
from stepdown.journal.selectors import daily_totals

CHICAGO = ZoneInfo("America/Chicago")


def test_offset_segments_find_the_autumn_change_to_the_minute() -> None:
    # US clocks went back at 02:00 CDT on 2 Nov 2025 = 07:00 UTC; CDT is −300 min, CST −360.
    start = dt.datetime(2025, 10, 20, tzinfo=dt.UTC)
    end = dt.datetime(2025, 11, 20, tzinfo=dt.UTC)
    assert offset_segments(CHICAGO, start, end) == [
        (dt.datetime(2025, 11, 2, 7, 0, tzinfo=dt.UTC), -300),
        (None, -360),
    ]


def test_a_zone_without_changes_has_one_segment() -> None:
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert offset_segments(ZoneInfo("Asia/Kolkata"), start, start + dt.timedelta(days=90)) == [
        (None, 330)
    ]


@pytest.mark.django_db
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    zone_name=st.sampled_from(
        ["America/Chicago", "Europe/Berlin", "Australia/Adelaide", "Asia/Kathmandu", "UTC"]
    ),
    minutes=st.lists(st.integers(min_value=0, max_value=60 * 24 * 95), min_size=1, max_size=30),
)
def test_daily_totals_match_python_bucketing(
    make_user: Any, zone_name: str, minutes: list[int]
) -> None:
    from stepdown.accounts.models import User

    User.objects.filter(email="zones@example.org").delete()
    owner = make_user("zones@example.org", time_zone=zone_name)
    zone = ZoneInfo(zone_name)
    # The window spans March–June 2026: spring changes in the north, autumn in Adelaide.
    origin = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    moments = [origin + dt.timedelta(minutes=m) for m in minutes]
    Dose.objects.bulk_create(Dose(owner=owner, amount=1, grams=1, taken_at=m) for m in moments)
    first = min(moments).astimezone(zone).date()
    last = max(moments).astimezone(zone).date()
    expected: dict[dt.date, int] = {}
    for moment in moments:
        day = moment.astimezone(zone).date()
        expected[day] = expected.get(day, 0) + 1
    totals = daily_totals(owner=owner, start=first, end=last)
    assert {t.date: t.dose_count for t in totals if t.dose_count} == expected
    assert all(t.total_g == Decimal(t.dose_count) for t in totals)

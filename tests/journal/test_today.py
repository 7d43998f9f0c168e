"""Today's summary: local days, averages over complete days, and constant query counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.api_client import ApiClient

from stepdown.journal import services
from stepdown.journal.selectors import today_summary

pytestmark = pytest.mark.django_db

CHICAGO = dt.timezone(dt.timedelta(hours=-6))  # Chicago in winter (CST)
NOW = dt.datetime(2026, 1, 20, 12, 0, tzinfo=CHICAGO)


def _log(owner: Any, grams: str, when: dt.datetime) -> None:
    services.dose_create(owner=owner, amount=Decimal(grams), taken_at=when)


def test_a_dose_at_2330_local_counts_for_that_local_day(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        _log(person, "1", dt.datetime(2026, 1, 19, 23, 30, tzinfo=CHICAGO))  # 05:30 UTC on the 20th
        _log(person, "2", dt.datetime(2026, 1, 20, 0, 30, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
    assert summary.date == dt.date(2026, 1, 20)
    assert summary.total_g == Decimal(2)
    assert summary.dose_count == 1


def test_averages_cover_complete_days_since_the_first_dose(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        # Started three days ago: 3 g, 6 g, 9 g on the 17th, 18th and 19th; 5 g today.
        for day, grams in ((17, "3"), (18, "6"), (19, "9"), (20, "5")):
            _log(person, grams, dt.datetime(2026, 1, day, 9, 0, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
    # (3 + 6 + 9) / 3 days = 6.00 g; today is still under way and not counted
    assert summary.avg_7d_g == Decimal("6.00")
    assert summary.avg_28d_g == Decimal("6.00")
    assert summary.total_g == Decimal(5)


def test_empty_days_after_the_first_dose_count_as_zero(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        _log(person, "7", dt.datetime(2026, 1, 10, 9, 0, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
    # 7-day window 13th–19th holds nothing: 0 g/day; 28-day window counts 10th–19th: 7 g / 10 days
    assert summary.avg_7d_g == Decimal("0.00")
    assert summary.avg_28d_g == Decimal("0.70")


def test_a_new_journal_has_no_averages(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        _log(person, "2", dt.datetime(2026, 1, 20, 8, 0, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
    assert summary.avg_7d_g is None
    assert summary.avg_28d_g is None
    assert summary.last_dose_at == dt.datetime(2026, 1, 20, 8, 0, tzinfo=CHICAGO)


def test_chart_has_ninety_days_and_a_rolling_average(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        for day in range(1, 21):
            _log(person, "7", dt.datetime(2026, 1, day, 9, 0, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
    assert len(summary.chart) == 90
    assert summary.chart[-1].date == dt.date(2026, 1, 20)
    assert summary.chart[-1].total_g == Decimal(7)
    assert summary.rolling_7d_g[-2] == Decimal("7.00")
    assert summary.rolling_7d_g[-1] is None  # today is not over
    assert summary.rolling_7d_g[0] is None  # before the first dose


def test_estimated_flag_when_any_dose_lacks_lab_values(person: Any, api: ApiClient) -> None:
    lab = api.post("/products", {"name": "Lab", "mitragynine_mg_per_unit": 10}).json()
    plain = api.post("/products", {"name": "Plain"}).json()
    api.post("/doses", {"amount": 2, "product_id": lab["id"]})
    today = api.get("/today").json()
    assert today["mitragynine_mg"] == 20.0
    assert today["mitragynine_estimated"] is False
    api.post("/doses", {"amount": 1, "product_id": plain["id"]})
    today = api.get("/today").json()
    # 20 mg + 1 g × 16 mg/g default = 36 mg, now partly estimated
    assert today["mitragynine_mg"] == 36.0
    assert today["mitragynine_estimated"] is True
    expected = {"date", "total_g", "dose_count", "mitragynine_mg", "mitragynine_estimated",
                "last_dose_at", "avg_7d_g", "avg_28d_g"}  # fmt: skip
    assert expected <= set(today)


def _queries_for_today(owner: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        today_summary(owner=owner)
    return len(captured)


def test_today_query_count_does_not_grow_with_history(person: Any, other_person: Any) -> None:
    from stepdown.journal.models import Dose

    start = dt.datetime(2025, 1, 1, 8, 0, tzinfo=dt.UTC)
    Dose.objects.bulk_create(
        Dose(owner=person, amount=1, grams=1, taken_at=start + dt.timedelta(hours=6 * i))
        for i in range(4 * 365)
    )
    Dose.objects.create(owner=other_person, amount=1, grams=1, taken_at=start)
    assert _queries_for_today(person) == _queries_for_today(other_person)


def _page_queries(client: Any, *, cached: bool) -> int:
    from django.core.cache import cache

    client.get("/today/")  # the first view may store nudges; measure the next one
    if not cached:
        cache.clear()  # every cache cold: the page as after a write, or in a fresh process
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/today/")
    assert response.status_code == 200
    return len(captured)


def test_today_page_query_count_is_bounded_and_independent_of_history(
    person: Any, other_person: Any, web: Any
) -> None:
    from django.test import Client

    from stepdown.journal.models import Dose

    start = dt.datetime(2025, 1, 1, 8, 0, tzinfo=dt.UTC)
    Dose.objects.bulk_create(
        Dose(owner=person, amount=1, grams=1, taken_at=start + dt.timedelta(hours=6 * i))
        for i in range(3 * 365 * 4)
    )
    newcomer = Client()
    newcomer.force_login(other_person)
    with_history = _page_queries(web, cached=False)
    assert with_history <= 22  # 20, plus the active plan and the daily limit beside the total
    assert with_history == _page_queries(newcomer, cached=False)
    assert _page_queries(web, cached=True) == _page_queries(newcomer, cached=True) <= 2


def test_cached_summary_follows_every_write(person: Any, api: ApiClient) -> None:
    api.post("/doses", {"amount": 2})
    assert api.get("/today").json()["total_g"] == 2.0
    dose = api.post("/doses", {"amount": 3}).json()
    assert api.get("/today").json()["total_g"] == 5.0
    api.patch(f"/doses/{dose['id']}", {"amount": 1})
    assert api.get("/today").json()["total_g"] == 3.0
    api.delete(f"/doses/{dose['id']}")
    assert api.get("/today").json()["total_g"] == 2.0


def test_changing_time_zone_recomputes_the_days(person: Any, web: Any) -> None:
    from stepdown.journal.summary_cache import cached_today_summary

    # 03:00 UTC on 20 Jan is 21:00 on the 19th in Chicago and 12:00 on the 20th in Tokyo.
    with time_machine.travel(dt.datetime(2026, 1, 20, 3, 0, tzinfo=dt.UTC), tick=False):
        _log(person, "2", dt.datetime(2026, 1, 20, 2, 0, tzinfo=dt.UTC))
        person.refresh_from_db()
        assert cached_today_summary(owner=person).date == dt.date(2026, 1, 19)
        web.post(
            "/account/settings/", {"profile-display_name": "Sam", "profile-time_zone": "Asia/Tokyo"}
        )
        person.refresh_from_db()
        summary = cached_today_summary(owner=person)
    assert summary.date == dt.date(2026, 1, 20)
    assert summary.total_g == Decimal(2)


def test_seven_days_at_11_8_g_average_11_8_g_in_every_window(person: Any, api: ApiClient) -> None:
    """The reported case: a week at 11.8 g was shown as 0.9 g and 2.8 g a day."""
    with time_machine.travel(NOW, tick=False):
        for day in range(13, 20):
            _log(person, "11.8", dt.datetime(2026, 1, day, 9, 0, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
        body = api.get("/today").json()
    # 82.6 g over the 7 days 13th–19th; today (nothing yet) and the days before are not counted
    assert summary.avg_7d_g == Decimal("11.80")
    assert summary.avg_28d_g == Decimal("11.80")
    assert (body["avg_7d_g"], body["avg_28d_g"]) == (11.8, 11.8)


def test_the_rolling_average_does_not_dip_on_the_morning_of_a_new_day(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        for day in range(1, 20):
            _log(person, "7", dt.datetime(2026, 1, day, 9, 0, tzinfo=CHICAGO))
        summary = today_summary(owner=person)
    # Every complete day since the 7th averages 7 g; today, with nothing logged yet, has no point.
    assert summary.rolling_7d_g[-2] == Decimal("7.00")
    assert summary.rolling_7d_g[-1] is None
    # 1st: one day at 7 g -> 7.00, not 1.00 (six zero days before the journal began)
    first = [t.date for t in summary.chart].index(dt.date(2026, 1, 1))
    assert summary.rolling_7d_g[first] == Decimal("7.00")
    assert summary.first_day == dt.date(2026, 1, 1)


def test_the_today_chart_draws_no_bars_before_the_first_dose(web: Any, person: Any) -> None:
    import html
    import json
    import re

    with time_machine.travel(NOW, tick=False):
        _log(person, "5", dt.datetime(2026, 1, 18, 9, 0, tzinfo=CHICAGO))
        body = web.get("/today/").content.decode()
    chart = json.loads(html.unescape(re.search(r'data-series="([^"]*)"', body).group(1)))  # type: ignore[union-attr]
    assert chart["total_g"][:87] == [None] * 87  # 90 days ending the 20th: the 18th is index 87
    assert chart["total_g"][87:] == [5.0, 0.0, 0.0]

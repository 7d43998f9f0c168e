"""The journal's reads on the dose-logging path, written as plain SQL for speed
(docs/performance.md): each answers what the ORM answered, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from tests.api_client import ApiClient

from stepdown.journal.models import Dose
from stepdown.journal.selectors import (
    daily_totals,
    dose_by_client_id,
    first_dose_day,
    journal_bounds,
    today_summary,
)

pytestmark = pytest.mark.django_db

UTC = dt.UTC
NOW = dt.datetime(2026, 1, 20, 18, 0, tzinfo=UTC)  # noon in Chicago (CST, UTC-6)


def _dose(owner: Any, when: dt.datetime, grams: str, mg: str | None, **extra: Any) -> Dose:
    return Dose.objects.create(
        owner=owner,
        amount=Decimal(grams),
        grams=Decimal(grams),
        mitragynine_mg=None if mg is None else Decimal(mg),
        taken_at=when,
        **extra,
    )


def test_day_sums_are_exact_decimals_with_the_lab_value_counts(person: Any) -> None:
    # Two doses on 19 January in Chicago; the second at 01:30 UTC on the 20th is still the 19th
    # there. 1.1 + 2.2 g = 3.3 g (not a float's 3.3000000000000003); 16.5 + 33 mg = 49.5 mg.
    _dose(person, dt.datetime(2026, 1, 19, 15, 0, tzinfo=UTC), "1.1", "16.5")
    _dose(person, dt.datetime(2026, 1, 20, 1, 30, tzinfo=UTC), "2.2", "33.0")
    # Today (the 20th in Chicago): one dose with an estimated value, one without any.
    _dose(person, NOW - dt.timedelta(hours=2), "0.7", "7.0", mitragynine_estimated=True)
    _dose(person, NOW - dt.timedelta(hours=1), "1.05", None)
    totals = {
        t.date: t
        for t in daily_totals(owner=person, start=dt.date(2026, 1, 18), end=dt.date(2026, 1, 20))
    }
    assert totals[dt.date(2026, 1, 18)].dose_count == 0
    assert totals[dt.date(2026, 1, 18)].total_g == 0
    assert totals[dt.date(2026, 1, 18)].mitragynine_mg is None
    day = totals[dt.date(2026, 1, 19)]
    assert (day.total_g, day.dose_count, day.mitragynine_mg) == (
        Decimal("3.3"),
        2,
        Decimal("49.5"),
    )
    assert isinstance(day.total_g, Decimal)
    with time_machine.travel(NOW, tick=False):
        summary = today_summary(owner=person)
    assert (summary.total_g, summary.dose_count) == (Decimal("1.75"), 2)
    assert summary.mitragynine_mg == Decimal("7")  # the dose without a value adds nothing
    assert summary.mitragynine_estimated is True


def test_an_all_lab_day_is_not_marked_estimated(person: Any) -> None:
    _dose(person, NOW - dt.timedelta(hours=1), "2", "30")
    with time_machine.travel(NOW, tick=False):
        summary = today_summary(owner=person)
    assert summary.mitragynine_estimated is False
    assert summary.mitragynine_mg == Decimal("30")


def test_journal_bounds_are_aware_instants_and_the_first_day_is_local(person: Any) -> None:
    assert journal_bounds(owner=person) == (None, None)
    assert first_dose_day(owner=person) is None
    first = dt.datetime(2025, 12, 1, 3, 15, 30, 250000, tzinfo=UTC)  # 30 Nov, 21:15 in Chicago
    last = dt.datetime(2026, 1, 20, 17, 0, tzinfo=UTC)
    for moment in (last, first, dt.datetime(2026, 1, 1, 12, 0, tzinfo=UTC)):
        _dose(person, moment, "1", None)
    found_first, found_last = journal_bounds(owner=person)
    assert (found_first, found_last) == (first, last)
    assert found_first is not None
    assert found_first.utcoffset() == dt.timedelta(0)
    assert first_dose_day(owner=person) == dt.date(2025, 11, 30)


def test_a_dose_is_found_by_its_key_only_for_its_owner(
    person: Any, other_person: Any, api: ApiClient
) -> None:
    key = uuid.uuid4()
    assert dose_by_client_id(owner=person, client_id=key) is None
    response = api.post("/doses", {"amount": 2, "unit": "g", "client_id": str(key)})
    assert response.status_code == 201, response.content
    found = dose_by_client_id(owner=person, client_id=key)
    assert found is not None
    assert found.pk == response.json()["id"]
    assert found.client_id == key
    assert dose_by_client_id(owner=other_person, client_id=key) is None

"""``latest_totals``: each instrument's newest complete total in one plain-SQL query, the same
answer as the first row of ``responses_for`` (newest local day, then newest written), whatever
the order the rows were written in."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.utils import timezone

from stepdown.checkins.models import Response
from stepdown.checkins.selectors import latest_totals, responses_for

pytestmark = pytest.mark.django_db

INSTRUMENTS = ["dsm5_sud", "sds", "phq9"]
DAY = dt.date(2026, 3, 1)


def _answer(owner: Any, instrument: str, *, day: int, total: int | None, **extra: Any) -> None:
    Response.objects.create(
        owner=owner,
        instrument=instrument,
        version="1",
        total=total,
        local_date=DAY + dt.timedelta(days=day),
        **extra,
    )


def _by_selector(owner: Any, instrument: str) -> int | None:
    total: int | None = (
        responses_for(owner=owner, instrument=instrument).values_list("total", flat=True).first()
    )
    return total


@pytest.mark.parametrize("seed", range(5))
def test_the_same_totals_as_the_selectors_first_row(
    person: Any, other_person: Any, seed: int
) -> None:
    chance = random.Random(seed)
    base = timezone.now()
    for _ in range(40):
        _answer(
            chance.choice([person, other_person]),
            chance.choice(INSTRUMENTS),
            day=chance.randrange(6),  # several on one day: the newest written comes first
            total=chance.choice([None, *range(16)]),
            complete=chance.random() > 0.2,
            created_at=base + dt.timedelta(seconds=chance.randrange(5)),  # ties: the id decides
        )
    expected = {code: _by_selector(person, code) for code in INSTRUMENTS}
    assert latest_totals(owner=person, instruments=INSTRUMENTS) == expected


def test_drafts_and_other_people_are_left_out(person: Any, other_person: Any) -> None:
    _answer(person, "sds", day=0, total=4)
    _answer(person, "sds", day=1, total=9, complete=False)  # a draft kept for its flag
    _answer(other_person, "sds", day=2, total=12)
    assert latest_totals(owner=person, instruments=["sds", "dsm5_sud"]) == {
        "sds": 4,
        "dsm5_sud": None,
    }


def test_one_query_for_any_number_of_instruments(
    person: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        latest_totals(owner=person, instruments=INSTRUMENTS)
    with django_assert_num_queries(0):
        assert latest_totals(owner=person, instruments=[]) == {}

"""Fixtures for the plan tests: a fixed clock and two weeks of Sam's journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from tests.plans.plans_helpers import NOW, TODAY


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def leaf(person: Any) -> Any:
    from stepdown.journal.services import product_create

    return product_create(
        owner=person, name="Green Maeng Da", mitragynine_mg_per_unit=Decimal("15")
    )


@pytest.fixture
def journal(person: Any, leaf: Any, clock: Any) -> Any:
    """14 days before today, 4 doses of 3 g a day (12 g a day) of the leaf product."""
    from stepdown.journal.services import dose_create

    for days_ago in range(1, 15):
        day = TODAY - dt.timedelta(days=days_ago)
        for hour in (8, 12, 16, 20):
            taken = dt.datetime.combine(day, dt.time(hour), tzinfo=person.zone)
            dose_create(owner=person, amount=Decimal(3), product_id=leaf.pk, taken_at=taken)
    return leaf

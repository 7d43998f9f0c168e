"""The Today page's query budget with three years of history and every panel in use
(docs/performance.md): the page cache off, the revision-keyed summary and journal window as a
second view finds them, and every cache cold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory

from stepdown.accounts.models import User
from stepdown.goals.services import goal_save
from stepdown.journal.models import Dose, Product
from stepdown.plans.services import plan_create
from stepdown.profile.services import onboarding_replace
from stepdown.today.views import today

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)
YEARS = 3
# The page's own reads, beside the session and the person every signed-in request loads:
# with those two, Today reads at most 10 times (issue budget; docs/performance.md). The
# clinic's cards ride on the query of the person's own rows; proposals are read when one waits.
TODAY_BUDGET = 8
TODAY_COLD_BUDGET = 12  # + the summary (2) and the journal window (2)


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _page_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached page would cost nothing: measure the render itself."""
    monkeypatch.setattr("stepdown.web.fragments.TIMEOUT_S", 0)


@pytest.fixture
def veteran(person: User) -> User:
    """Three years of four doses a day, a goal, completed onboarding and an active plan."""
    leaf = Product.objects.create(owner=person, name="Leaf", mitragynine_mg_per_unit=15)
    start = NOW - dt.timedelta(days=YEARS * 365)
    Dose.objects.bulk_create(
        Dose(
            owner=person,
            product=leaf,
            amount=2,
            grams=2,
            mitragynine_mg=30,
            taken_at=start + dt.timedelta(hours=6 * i),
        )
        for i in range(YEARS * 365 * 4)
    )
    goal_save(owner=person, fields={"max_g_per_day": Decimal(8)})
    onboarding_replace(owner=person, answers={"reason": "cut_down"}, medicines=[])
    plan_create(
        owner=person,
        product_id=leaf.pk,
        method="proportional",
        rate_pct=Decimal(10),
        start_g=Decimal(8),
        start_date=NOW.date(),
        doses_per_day=4,
        target_doses_per_day=3,
        confirm_above_recent=True,
    )
    person.refresh_from_db()
    return person


def _render(owner: User) -> Any:
    request = RequestFactory().get("/today/")
    request.user = owner
    request.htmx = False  # type: ignore[attr-defined]
    response = today(request)
    assert response.status_code == 200
    assert b"Plan today" in response.content
    assert b"Leaf" in response.content
    return response


def test_today_reads_at_most_its_budget(veteran: User, django_assert_max_num_queries: Any) -> None:
    _render(veteran)  # the revision-keyed summary and window, as any later view finds them
    with django_assert_max_num_queries(TODAY_BUDGET):
        _render(veteran)


def test_today_with_every_cache_cold(veteran: User, django_assert_max_num_queries: Any) -> None:
    cache.clear()
    with django_assert_max_num_queries(TODAY_COLD_BUDGET):
        _render(veteran)

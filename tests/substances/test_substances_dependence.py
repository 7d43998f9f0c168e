"""A kratom taper alongside alcohol or benzodiazepine dependence warns against
two tapers at once. The rule (an assumption in ``substances/dependence.py``): an active plan and
a listed benzodiazepine, or alcohol or benzodiazepines logged on 4 or more of the last 7 days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.test import Client
from tests.api_client import ApiClient
from tests.plans.plans_helpers import NOW, make_plan

from stepdown.profile import services
from stepdown.substances.dependence import REGULAR_DAYS, dependence_warning

pytestmark = pytest.mark.django_db


@time_machine.travel(NOW, tick=False)
def test_a_benzodiazepine_with_an_active_plan_warns_on_the_medicines_page(
    web: Client, person: Any
) -> None:
    services.medicines_set(owner=person, names=["Xanax"])
    assert dependence_warning(owner=person) is None  # no plan yet
    make_plan(person)
    warning = dependence_warning(owner=person)
    assert warning is not None
    assert warning.benzodiazepine_medicines == ("Xanax",)
    body = web.get("/substances/medicines/").content.decode()
    assert 'data-testid="dependence-warning"' in body
    assert "you take Xanax" in body
    assert "can cause seizures" in body
    assert "never cut down two of them at once without a clinician" in body
    assert 'href="/learn/finding-a-clinician/"' in body


@time_machine.travel(NOW, tick=False)
def test_a_close_spelling_of_a_benzodiazepine_does_not_count_until_confirmed(person: Any) -> None:
    make_plan(person)
    services.medicines_set(owner=person, names=["alprazolm"])
    assert dependence_warning(owner=person) is None
    services.medicine_confirm(owner=person, name="alprazolm")
    assert dependence_warning(owner=person) is not None


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("days", "warned"), [(REGULAR_DAYS - 1, False), (REGULAR_DAYS, True)])
def test_alcohol_on_most_days_with_a_plan_warns_from_the_threshold(
    person: Any, use: Callable[..., Any], days: int, warned: bool
) -> None:
    make_plan(person)
    for day in range(days):
        use(person, "alcohol", NOW - dt.timedelta(days=day, hours=2))
    warning = dependence_warning(owner=person)
    assert (warning is not None) is warned
    if warning is not None:
        assert warning.regular_alcohol
        assert warning.what == "you have logged alcohol on most days"


@time_machine.travel(NOW, tick=False)
def test_drinking_without_a_plan_gives_no_two_taper_warning(
    person: Any, use: Callable[..., Any]
) -> None:
    for day in range(7):
        use(person, "alcohol", NOW - dt.timedelta(days=day, hours=2))
    assert dependence_warning(owner=person) is None


@time_machine.travel(NOW, tick=False)
def test_the_api_reports_the_two_taper_warning_with_the_medicines(
    api: ApiClient, person: Any, use: Callable[..., Any]
) -> None:
    make_plan(person)
    for day in range(REGULAR_DAYS):
        use(person, "benzodiazepines", NOW - dt.timedelta(days=day, hours=3))
    body = api.get("/medicines").json()
    warning = body["dependence_warning"]
    assert warning["code"] == "two_tapers"
    assert warning["regular_benzodiazepines"] is True
    assert "can cause seizures" in warning["message"]

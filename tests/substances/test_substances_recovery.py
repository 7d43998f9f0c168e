"""Opioid recovery: a use of the original substance is recorded kindly; nothing resets silently."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from stepdown.profile.selectors import recovery_for
from stepdown.substances.selectors import is_original, last_use_of_original, stretch_before

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
NOW = dt.datetime(2026, 2, 1, 20, 0, tzinfo=CHICAGO)


def at(day: int, hour: int = 12, month: int = 1) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 0, tzinfo=CHICAGO)


@time_machine.travel(NOW, tick=False)
def test_outside_recovery_there_is_no_original_substance(
    person: Any, use: Callable[..., Any]
) -> None:
    use(person, "opioids", at(20))
    assert last_use_of_original(owner=person) is None


@time_machine.travel(NOW, tick=False)
def test_onboarding_date_counts_until_a_use_is_logged(
    person: Any, recovery: Callable[..., Any], use: Callable[..., Any]
) -> None:
    recovery(person, "Percocet", dt.date(2026, 1, 2))
    assert last_use_of_original(owner=person) == dt.date(2026, 1, 2)
    # A brand, a salt form and the generic are one drug to the checker.
    logged = use(person, "opioids", at(20), name="oxycodone HCl", unit="mg", amount=10).use
    assert last_use_of_original(owner=person) == dt.date(2026, 1, 20)
    # Nothing is rewritten behind the person's back: the onboarding answer is untouched.
    assert recovery_for(owner=person).last_used_on == dt.date(2026, 1, 2)
    stretch = stretch_before(owner=person, use=logged)
    # 2 January → 20 January is 18 days free before this use.
    assert stretch is not None
    assert (stretch.since, stretch.days) == (dt.date(2026, 1, 2), 18)


@time_machine.travel(NOW, tick=False)
def test_an_unnamed_opioid_counts_but_a_different_named_drug_does_not(
    person: Any, recovery: Callable[..., Any], use: Callable[..., Any]
) -> None:
    recovery(person, "heroin", dt.date(2026, 1, 2))
    treatment = use(person, "opioids", at(25), name="Suboxone", unit="mg", amount=8).use
    assert last_use_of_original(owner=person) == dt.date(2026, 1, 2)
    unnamed = use(person, "opioids", at(28, hour=23)).use
    # 23:00 on 28 January in Chicago is already 29 January in UTC; the local day counts.
    assert last_use_of_original(owner=person) == dt.date(2026, 1, 28)
    assert is_original(owner=person, uses=[treatment, unnamed]) == {unnamed.pk}


@time_machine.travel(NOW, tick=False)
def test_an_original_substance_not_in_the_knowledge_base_matches_by_name(
    person: Any, recovery: Callable[..., Any], use: Callable[..., Any]
) -> None:
    recovery(person, "Blues", None)
    use(person, "other", at(10), name="blues", unit="tablet")
    assert last_use_of_original(owner=person) == dt.date(2026, 1, 10)


@time_machine.travel(NOW, tick=False)
def test_the_page_says_what_logging_means_for_days_free(
    web: Client, person: Any, recovery: Callable[..., Any]
) -> None:
    recovery(person, "oxycodone", dt.date(2026, 1, 2))
    body = web.get("/substances/").content.decode()
    # 2 January → 1 February is 30 days
    assert "Days free of oxycodone" in body
    assert "30 days" in body
    assert "nothing is reset behind your back" in body


@time_machine.travel(NOW, tick=False)
def test_logging_the_original_substance_is_met_kindly_with_the_count_explained(
    web: Client, person: Any, recovery: Callable[..., Any]
) -> None:
    recovery(person, "oxycodone", dt.date(2026, 1, 2))
    response = web.post(
        "/substances/log/",
        {"category": "opioids", "amount": "10", "unit": "mg", "name": "Oxy"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="recovery-logged"' in body
    assert "Thank you for logging this" in body
    # 2 January → 1 February: 30 days free before this use, then the count starts again
    assert "<strong>30 days</strong> free" in body
    assert "starts again from the day of this use" in body
    # the out-of-band recovery note now counts from today, 1 February
    assert 'id="recovery-note"' in body
    assert "You last used it today, 1 February 2026." in body

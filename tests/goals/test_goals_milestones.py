"""Milestones on the home page: days within limits, grams below the starting point, money not
spent, days free of the original opioid and days on plan."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from tests.goals.goals_support import NOW, at, days_ago

from stepdown.goals.history import journal_window
from stepdown.goals.milestones import milestones_for
from stepdown.goals.models import Goal, Onboarding
from stepdown.goals.selectors import goal_for, onboarding_for

pytestmark = pytest.mark.django_db


def _milestones(owner: Any) -> Any:
    return milestones_for(
        owner=owner,
        window=journal_window(owner=owner),
        onboarding=onboarding_for(owner=owner),
        goal=goal_for(owner=owner),
    )


def test_days_within_limits_and_the_current_run(
    person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=3)
        Goal.objects.filter(owner=person).update(limits_from=days_ago(10))
        # 10–19 January: 2 g a day, except 4 g on the 15th (5 days ago).
        for back in range(1, 11):
            log(person, "4" if back == 5 else "2", at(days_ago(back), 9))
        record = _milestones(person).limits
    # 10 complete days counted (10th–19th), 9 within; the run since the 15th is 16th–19th = 4.
    assert record is not None
    assert (record.days_within, record.days_counted, record.current_run) == (9, 10, 4)


def test_a_new_goal_counts_from_tomorrow(person: Any, set_goal: Callable[..., Any]) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_days_per_week=3)
        record = _milestones(person).limits
    assert record is not None
    assert record.days_counted == 0


def test_grams_below_the_starting_point_and_money_not_spent(
    web: Client,
    person: Any,
    log: Callable[..., Any],
    answer: Callable[..., Any],
    set_goal: Callable[..., Any],
) -> None:
    with time_machine.travel(at(days_ago(10), 12), tick=False):
        # Starting point: 7 days × 3 doses × 2 g / 7 = 6 g a day.
        answer(person, reason="cut_down", days_per_week=7, doses_per_day=3, grams_per_dose=2)
    with time_machine.travel(NOW, tick=False):
        set_goal(person, price_per_g=0.1, currency="$")
        # 10–19 January: 3 g a day (one dose at 09:00 local).
        for back in range(1, 11):
            log(person, "3", at(days_ago(back), 9))
        milestones = _milestones(person)
        page = web.get("/today/").content.decode()
    below = milestones.below
    assert below is not None
    # Last 7 complete days: 7 × 3 g / 7 = 3 g a day, 3 g less than 6: 50 % less.
    assert (below.recent_g_per_day, below.start_g_per_day) == (Decimal(3), Decimal(6))
    assert below.percent_less == Decimal(50)
    money = milestones.money
    assert money is not None
    # Onboarding began on the 10th; 10th–19th = 10 days: 6 × 10 − 30 = 30 g not taken, × 0.1 = 3.
    assert (money.days, money.grams, money.amount) == (10, Decimal(30), Decimal("3.0"))
    assert "−50 %" in page
    assert "3 $" in page
    assert "not spent: 30 g less" in page


def test_no_below_start_milestone_when_use_is_higher(
    person: Any, log: Callable[..., Any], answer: Callable[..., Any]
) -> None:
    with time_machine.travel(at(days_ago(10), 12), tick=False):
        answer(person, reason="cut_down", days_per_week=2, doses_per_day=1, grams_per_dose=2)
    with time_machine.travel(NOW, tick=False):
        for back in range(1, 11):
            log(person, "3", at(days_ago(back), 9))
        assert _milestones(person).below is None


def test_days_free_of_the_original_opioid(
    web: Client, person: Any, answer: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        answer(
            person,
            reason="opioid_recovery",
            original_substance="oxycodone",
            original_last_used_on=days_ago(45),
        )
        page = web.get("/today/").content.decode()
    assert Onboarding.objects.get(owner=person).reason == "opioid_recovery"
    assert "45" in page
    assert "days free of oxycodone" in page


def test_no_milestones_without_goals_invites_to_set_them(web: Client) -> None:
    page = web.get("/today/").content.decode()
    assert 'href="/goals/">goals and limits</a>' in page


def test_a_logged_use_of_the_original_opioid_restarts_days_free(
    web: Client, person: Any, answer: Callable[..., Any]
) -> None:
    from stepdown.substances.services import substance_create

    with time_machine.travel(NOW, tick=False):
        answer(
            person,
            reason="opioid_recovery",
            original_substance="oxycodone",
            original_last_used_on=days_ago(45),
        )
        # Logged 6 days ago as a brand name: Roxicodone resolves to oxycodone.
        substance_create(
            owner=person,
            category="opioids",
            name="Roxicodone",
            amount="1",
            unit="dose",
            taken_at=NOW - dt.timedelta(days=6),
        )
        page = web.get("/today/").content.decode()
    assert "days free of oxycodone" in page
    assert re.search(r"\b6\b[^<]*</", page)
    assert ">45<" not in page

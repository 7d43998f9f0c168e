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
from stepdown.goals.models import Goal
from stepdown.goals.selectors import goal_for
from stepdown.plans.selectors import current_plan
from stepdown.profile.models import Onboarding
from stepdown.profile.selectors import onboarding_for

pytestmark = pytest.mark.django_db


def _milestones(owner: Any) -> Any:
    return milestones_for(
        owner=owner,
        window=journal_window(owner=owner),
        onboarding=onboarding_for(owner=owner),
        goal=goal_for(owner=owner),
        plan=current_plan(owner=owner),
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


def test_below_compares_logged_use_with_the_first_logged_week_and_money_not_spent(
    web: Client,
    person: Any,
    log: Callable[..., Any],
    answer: Callable[..., Any],
    set_goal: Callable[..., Any],
) -> None:
    with time_machine.travel(at(days_ago(10), 12), tick=False):
        # The onboarding estimate: 7 days × 4 doses × 4 g / 7 = 16 g a day (a guess, not a log).
        answer(person, reason="cut_down", days_per_week=7, doses_per_day=4, grams_per_dose=4)
    with time_machine.travel(NOW, tick=False):
        set_goal(person, price_per_g=0.1, currency="$")
        # First logged week 31 Dec–6 Jan at 6 g a day; 7–19 January at 3 g a day.
        for back in range(1, 21):
            log(person, "6" if back >= 14 else "3", at(days_ago(back), 9))
        milestones = _milestones(person)
        page = web.get("/today/").content.decode()
    below = milestones.below
    assert below is not None
    # Last 7 complete days 13–19 Jan: 3 g a day; first logged week: 6 g a day; 3/6 = 50 % less.
    assert (below.recent_g_per_day, below.start_g_per_day) == (Decimal(3), Decimal(6))
    assert (below.start_first, below.start_last) == (days_ago(20), days_ago(14))
    assert below.percent_less == Decimal(50)
    assert "−50 %" in page
    assert "down from 6 g a day in your first logged week (31 Dec to 6 Jan)" in page
    assert "when you started" not in page
    money = milestones.money
    assert money is not None
    # Onboarding began on the 10th; 10th–19th = 10 days: 16 × 10 − 30 = 130 g not taken, × 0.1.
    assert (money.days, money.grams, money.amount) == (10, Decimal(130), Decimal("13.0"))
    assert "13 $" in page


def test_no_below_milestone_before_two_separate_weeks_are_logged(
    person: Any, log: Callable[..., Any], answer: Callable[..., Any]
) -> None:
    with time_machine.travel(at(days_ago(10), 12), tick=False):
        # A high estimate must not make a short journal look like a fall.
        answer(person, reason="cut_down", days_per_week=7, doses_per_day=4, grams_per_dose=4)
    with time_machine.travel(NOW, tick=False):
        for back in range(1, 11):
            log(person, "3", at(days_ago(back), 9))
        assert _milestones(person).below is None


def test_no_below_milestone_when_use_is_higher(person: Any, log: Callable[..., Any]) -> None:
    with time_machine.travel(NOW, tick=False):
        for back in range(1, 21):
            log(person, "2" if back >= 14 else "3", at(days_ago(back), 9))
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

"""Nudges: a broken limit shows once with its reason and one action, in local time; tolerance
signals stay quiet in the first weeks; the pages stay within a constant number of queries and
only read (the rules run after the writes and in the daily job)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.goals.goals_support import NOW, TODAY, at, days_ago

from stepdown.alerts.evaluation import nudges_evaluate
from stepdown.alerts.selectors import nudges_for
from stepdown.core.rules import LEARN_SLUGS
from stepdown.goals.models import Goal

pytestmark = pytest.mark.django_db


def _codes(owner: Any) -> list[tuple[str, str]]:
    return sorted(nudges_for(owner=owner).values_list("code", "cause_key"))


def test_a_broken_daily_limit_shows_a_kind_nudge_once(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=3)
        log(person, "2", at(TODAY, 8))
        log(person, "1", at(TODAY, 10))
        # 2 + 1 = 3 g: exactly the limit is fine.
        assert "Above your daily limit" not in web.get("/today/").content.decode()
        log(person, "1.5", at(TODAY, 11))
        page = web.get("/today/").content.decode()
        # 2 + 1 + 1.5 = 4.5 g, above 3 g.
        assert "Above your daily limit" in page
        assert "you logged 4.5 g, above the 3 g a day you set for yourself" in page
        assert 'href="/goals/#recent-days"' in page  # see the numbers
        assert 'href="/learn/avoiding-dependence/"' in page
        web.get("/today/")
        web.get("/goals/")
        assert _codes(person) == [("over_daily_limit", "day:2026-01-20")]
        # Another dose on the same day updates the open nudge instead of adding one.
        log(person, "1", at(TODAY, 11, 30))
        page = web.get("/today/").content.decode()
    assert "you logged 5.5 g" in page
    assert nudges_for(owner=person).count() == 1


def test_a_dismissed_nudge_does_not_come_back(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=1)
        log(person, "2", at(TODAY, 8))
        web.get("/today/")
        nudge = nudges_for(owner=person).get()
        response = web.post(f"/nudges/{nudge.pk}/dismiss/", {"next": "/today/"})
        assert response["Location"] == "/today/"
        log(person, "2", at(TODAY, 11))
        page = web.get("/today/").content.decode()
    assert "Above your daily limit" not in page
    assert nudges_for(owner=person).get().dismissed_at is not None
    assert nudges_for(owner=person).count() == 1


def test_dismissing_with_htmx_removes_the_card(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=1)
        log(person, "2", at(TODAY, 8))
    nudge = nudges_for(owner=person).get()
    response = web.post(f"/nudges/{nudge.pk}/dismiss/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content == b""


def test_someone_elses_nudge_cannot_be_dismissed(
    web: Client, other_person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(other_person, max_g_per_day=1)
        log(other_person, "2", NOW - dt.timedelta(hours=1))
        theirs = nudges_for(owner=other_person).get()
        assert web.post(f"/nudges/{theirs.pk}/dismiss/").status_code == 404
        assert "Above your daily limit" not in web.get("/today/").content.decode()
    assert nudges_for(owner=other_person).get().dismissed_at is None


def test_a_dose_at_2330_is_late_on_its_own_local_day(
    person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, no_use_after=dt.time(22, 0), max_g_per_day=3)
        Goal.objects.filter(owner=person).update(limits_from=days_ago(2))
        # 23:30 on the 19th in Chicago is 05:30 UTC on the 20th.
        log(person, "2", at(days_ago(1), 23, 30))
        log(person, "2", at(TODAY, 8))
    # Late on the 19th (local), not the 20th; and each local day holds 2 g, within 3 g, even
    # though the UTC day of the 20th holds 4 g.
    assert _codes(person) == [("late_use", "day:2026-01-19")]


def test_new_limits_do_not_judge_the_days_before_them(
    person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        log(person, "9", at(days_ago(1), 9))
        set_goal(person, max_g_per_day=3)
        nudges_evaluate(owner=person)
    assert _codes(person) == []


def test_too_many_days_in_seven(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    # Use on Monday 19 and Tuesday 20 January with at most 1 day a week: Tuesday is the 2nd.
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_days_per_week=1)
        Goal.objects.filter(owner=person).update(limits_from=days_ago(1))
        log(person, "1", at(days_ago(1), 9))
        log(person, "1", at(TODAY, 9))
        page = web.get("/goals/").content.decode()
    assert _codes(person) == [("too_many_days", "day:2026-01-20")]
    assert (
        "In the 7 days to 20 January you used kratom on 2 days. Your goal is at most 1 day a week."
        in page
    )
    # The daily summary marks Tuesday, the day beyond the limit, and not Monday.
    assert page.count("over a limit") == 1


def test_doses_too_close_offer_the_urge_timer(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, min_hours_between=4)
        log(person, "1", at(TODAY, 8))
        log(person, "1", at(TODAY, 10, 30))
        page = web.get("/today/").content.decode()
    # 10:30 − 08:00 = 2.5 h, less than 4 h.
    assert "came 2.5 h after the one before" in page
    assert 'href="/learn/tools/urge/"' in page


def test_use_after_the_end_date_suggests_a_plan(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, end_date=TODAY)
        Goal.objects.filter(owner=person).update(end_date=days_ago(3), limits_from=days_ago(10))
        log(person, "1", at(days_ago(1), 9))
        log(person, "1", at(TODAY, 9))
        page = web.get("/today/").content.decode()
    assert "logged kratom on 2 days since" in page
    assert 'href="/plan/new/"' in page


def _daily(owner: Any, days: int, grams: Callable[[int], str]) -> None:
    """One dose a day at 09:00 local for ``days`` days ending today; ``grams(back)``."""
    from decimal import Decimal

    from stepdown.journal.models import Dose

    Dose.objects.bulk_create(
        Dose(
            owner=owner,
            amount=Decimal(grams(back)),
            grams=Decimal(grams(back)),
            taken_at=at(days_ago(back), 9),
        )
        for back in range(days)
    )


def test_no_tolerance_nudge_in_the_first_weeks_but_the_rise_is_said(
    web: Client, person: Any
) -> None:
    # 30 days of daily use, doubling: 2 g, then 4 g from 6 days ago. The journal is younger than
    # the 35 days (7 recent + 28 baseline) the tolerance signals need, so they are quiet; the
    # two-week trend is not: complete days 13–19 Jan average (2 + 6 × 4) / 7 = 3.7 g against
    # 2 g the week before, +86 %.
    _daily(person, 30, lambda back: "4" if back < 7 else "2")
    with time_machine.travel(NOW, tick=False):
        nudges_evaluate(owner=person)  # what a dose write runs (bulk_create sends no signal)
        page = web.get("/today/").content.decode()
    assert [code for code, _ in _codes(person)] == ["use_rising"]
    assert "averaged 3.7 g a day, 86 % more than the 2 g a day" in page
    assert 'data-testid="nudge-second-action"' in page


def test_a_rising_daily_amount_raises_a_tolerance_nudge(web: Client, person: Any) -> None:
    # 40 days: 2 g a day, then 3 g a day for the last 7 days (today included).
    # Recent 7 × 3 = 21 g; baseline 28 × 2 = 56 g. 21 × 28 = 588 >= 1.2 × 56 × 7 = 470.4: a rise
    # of 3 / 2 − 1 = 50 %.
    _daily(person, 40, lambda back: "3" if back < 7 else "2")
    with time_machine.travel(NOW, tick=False):
        nudges_evaluate(owner=person)  # what a dose write runs (bulk_create sends no signal)
        page = web.get("/today/").content.decode()
    assert _codes(person) == [("escalation", "average_rise")]
    assert "Your daily amount has been creeping up" in page
    assert "averaged 3 g a day, 50 % more than the 2 g a day" in page
    assert 'href="/plan/new/"' in page
    assert 'href="/learn/tolerance-and-dependence/"' in page


def test_every_nudge_links_to_a_known_learn_page(
    person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=1, min_hours_between=5, no_use_after=dt.time(9, 0))
        log(person, "2", at(TODAY, 8))
        log(person, "2", at(TODAY, 10))
    stored = list(nudges_for(owner=person))
    assert {n.code for n in stored} == {"over_daily_limit", "doses_too_close", "late_use"}
    assert all(n.learn_slug in LEARN_SLUGS for n in stored)


def _today_queries(web: Client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert web.get("/today/").status_code == 200
    return len(context.captured_queries)


def test_nudges_on_today_cost_the_same_whatever_the_history(
    person: Any, other_person: Any, set_goal: Callable[..., Any]
) -> None:
    from stepdown.journal.models import Dose

    # Three years of doses four times a day up to now for Sam; three doses today for Alex; both
    # over a 1 g limit today, so both have stored the same kind of nudge when the limit was set.
    Dose.objects.bulk_create(
        Dose(owner=person, amount=1, grams=1, taken_at=NOW - dt.timedelta(hours=6 * i))
        for i in range(3 * 365 * 4)
    )
    Dose.objects.bulk_create(
        Dose(owner=other_person, amount=1, grams=1, taken_at=NOW - dt.timedelta(hours=i))
        for i in range(3)
    )
    sam, alex = Client(), Client()
    sam.force_login(person)
    alex.force_login(other_person)
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=1)
        set_goal(other_person, max_g_per_day=1)
        # Count a steady view (the first one fills the page's caches).
        _today_queries(sam)
        _today_queries(alex)
        assert _today_queries(sam) == _today_queries(alex)


def test_goals_page_query_count_is_bounded(
    web: Client, person: Any, set_goal: Callable[..., Any], django_assert_max_num_queries: Any
) -> None:
    from stepdown.journal.models import Dose

    start = dt.datetime(2023, 1, 1, 8, 0, tzinfo=dt.UTC)
    Dose.objects.bulk_create(
        Dose(owner=person, amount=2, grams=2, taken_at=start + dt.timedelta(hours=6 * i))
        for i in range(3 * 365 * 4)
    )
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=1, max_days_per_week=3, price_per_g=0.1)
        # session + user, window doses, first dose, first week, goal, onboarding, nudges,
        # money aggregate, plan...: a constant, whatever the history; no write.
        with django_assert_max_num_queries(14):
            response = web.get("/goals/")
    assert response.status_code == 200


def test_the_goals_form_saves_limits_and_shows_errors(web: Client, person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        bad = web.post("/goals/", {"max_days_per_week": "9", "end_date": "2026-01-01"})
        assert bad.status_code == 422
        body = bad.content.decode()
        assert 'id="id_max_days_per_week-error"' in body
        good = web.post(
            "/goals/",
            {"purpose": "energy at work", "max_g_per_day": "3", "no_use_after": "15:00"},
        )
        assert good["Location"] == "/goals/"
        page = web.get("/goals/").content.decode()
    goal = Goal.objects.get(owner=person)
    assert (str(goal.max_g_per_day), goal.no_use_after, goal.limits_from) == (
        "3.00",
        dt.time(15, 0),
        TODAY,
    )
    assert 'value="3"' in page
    assert 'value="15:00"' in page


def test_the_refresh_panels_render_for_htmx(web: Client) -> None:
    assert web.get("/nudges/panel/").status_code == 200
    body = web.get("/milestones/panel/").content.decode()
    assert 'id="goals-milestones"' in body
    assert "goals.js" not in body  # the page that asks already loaded it


def test_nudges_of_one_kind_make_one_card_and_dismiss_together(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, min_hours_between=4)
        # 08:00, 09:00 and 10:00: two doses each 1 h after the one before, under 4 h.
        for hour in (8, 9, 10):
            log(person, "1", at(TODAY, hour))
        page = web.get("/today/").content.decode()
        assert page.count('data-testid="nudge"') == 1
        assert "(1 more like this in the last two weeks.)" in page
        newest = nudges_for(owner=person).first()
        assert newest is not None
        web.post(f"/nudges/{newest.pk}/dismiss/")
        assert nudges_for(owner=person).filter(dismissed_at__isnull=True).count() == 0
        assert 'data-testid="nudge"' not in web.get("/today/").content.decode()


def test_the_daily_job_checks_yesterday_for_everyone(
    person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    from stepdown.jobs import run_daily_jobs
    from stepdown.journal.models import Dose

    with time_machine.travel(at(days_ago(1), 8), tick=False):
        set_goal(person, max_g_per_day=2)
        # Imported without the write's own check (no signal): only the daily job sees it.
        Dose.objects.bulk_create(
            [Dose(owner=person, amount=3, grams=3, taken_at=at(days_ago(1), 7))]
        )
    # The job at 01:00 the next day checks yesterday, a complete day.
    with time_machine.travel(at(TODAY, 1), tick=False):
        run = run_daily_jobs()
    assert _codes(person) == [("over_daily_limit", "day:2026-01-19")]
    assert run.new_notices == 1

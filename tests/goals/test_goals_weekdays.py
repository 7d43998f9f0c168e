"""A goal can name the weekdays use is planned on ("weekdays only"): model, form, API, nudge,
the daily summary, and the "Make a plan" action on the nudges that say a plan can help."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.test import Client
from tests.api_client import ApiClient
from tests.goals.goals_support import NOW, at, days_ago

from stepdown.alerts.selectors import nudges_for
from stepdown.goals.models import Goal

pytestmark = pytest.mark.django_db

# NOW is Tuesday 20 January 2026 (Chicago); Saturday 17 January is days_ago(3).


def test_the_goal_form_saves_weekdays_only(web: Client, person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        page = web.get("/goals/").content.decode()
        assert 'data-testid="allowed-weekdays"' in page
        response = web.post("/goals/", {"allowed_weekdays": ["0", "1", "2", "3", "4"]})
    assert response.status_code in (200, 302)
    assert Goal.objects.get(owner=person).allowed_weekdays == [0, 1, 2, 3, 4]


def test_the_api_takes_and_returns_allowed_weekdays(api: ApiClient, person: Any) -> None:
    body = api.put("/goals", {"allowed_weekdays": [4, 0, 1]}).json()
    assert body["allowed_weekdays"] == [0, 1, 4]
    assert api.get("/goals").json()["allowed_weekdays"] == [0, 1, 4]
    # All seven days is "any day".
    assert (
        api.put("/goals", {"allowed_weekdays": list(range(7))}).json()["allowed_weekdays"] is None
    )


def test_the_api_names_a_bad_weekday(api: ApiClient) -> None:
    response = api.put("/goals", {"allowed_weekdays": [7]})
    assert response.status_code == 422
    assert "allowed_weekdays" in response.content.decode()


def test_saturday_use_breaks_a_weekdays_only_goal(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, allowed_weekdays=[0, 1, 2, 3, 4], max_g_per_day=3)
        Goal.objects.filter(owner=person).update(limits_from=days_ago(7))
        log(person, "2", at(days_ago(4), 9))  # Friday: allowed
        log(person, "2", at(days_ago(3), 9))  # Saturday: not a planned day
        page = web.get("/goals/").content.decode()
    codes = list(nudges_for(owner=person).values_list("code", "cause_key"))
    assert codes == [("off_day_use", "day:2026-01-17")]
    assert "2 g on Saturday 17 January" in page
    # The daily summary marks Saturday, and only Saturday, as over a limit.
    assert page.count("over a limit") == 1
    assert 'href="/plan/new/"' in page


def test_a_nudge_that_says_a_plan_can_help_offers_one(
    web: Client, person: Any, log: Callable[..., Any], set_goal: Callable[..., Any]
) -> None:
    with time_machine.travel(NOW, tick=False):
        set_goal(person, max_g_per_day=3)
        log(person, "5", at(days_ago(0), 9))
        page = web.get("/today/").content.decode()
    card = page[page.index('data-code="over_daily_limit"') :]
    card = card[: card.index("</article>")]
    assert "a gradual plan can help" in card
    assert '<a href="/plan/new/" role="button"' in card
    assert "Make a plan" in card
    assert "See your last 7 days" in card

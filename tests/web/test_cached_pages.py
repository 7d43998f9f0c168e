"""Pages whose content is cached per person, revision and minute (web/fragments.py): a repeat
view is cheap, nothing of one response leaks into another, and a write anywhere shows at once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.checkins.checkins_answers import daily

from stepdown.web.fragments import CSRF_HOLE, KEY_HOLE

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)  # 09:00:10 in Chicago
CACHED_PAGES = ("/today/", "/checkins/", "/goals/", "/plan/", "/doses/")


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_a_repeat_view_costs_the_session_and_the_person_only(web: Client, path: str) -> None:
    _page(web, path)
    with CaptureQueriesContext(connection) as captured:
        body = _page(web, path)
    assert len(captured) <= 2, [q["sql"] for q in captured]
    assert CSRF_HOLE not in body
    assert KEY_HOLE not in body


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_each_response_has_a_working_csrf_token(person: Any, path: str) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    _page(browser, path)
    body = _page(browser, path)  # from the cache
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)[0]
    # Sign out with the token of the cached page: refused without a valid token, 302 with one.
    assert browser.post("/account/logout/", {"csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert browser.post("/account/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert browser.get(path).status_code == 302  # signed out: to the sign-in page


def test_saving_a_limit_shows_on_the_goals_page_within_the_same_minute(web: Client) -> None:
    assert 'name="max_g_per_day" value="7"' not in _page(web, "/goals/")
    assert web.post("/goals/", {"purpose": "Cut down", "max_g_per_day": "7"}).status_code == 302
    assert 'name="max_g_per_day" value="7"' in _page(web, "/goals/")


def test_a_form_with_errors_is_never_cached(web: Client) -> None:
    _page(web, "/goals/")
    bad = web.post("/goals/", {"max_days_per_week": "9"})
    assert bad.status_code == 422
    assert "max_days_per_week" in bad.content.decode()
    assert 'aria-invalid="true"' not in _page(web, "/goals/")


def test_an_answer_shows_in_recent_answers_within_the_same_minute(web: Client) -> None:
    assert "Nothing answered yet." in _page(web, "/checkins/")
    answers = {code: str(value) for code, value in daily().items()}
    assert web.post("/checkins/daily/", answers).status_code == 302
    body = _page(web, "/checkins/")
    assert "Nothing answered yet." not in body
    assert "done today" in body


def test_the_plan_pages_forms_get_new_keys_in_every_response(web: Client, person: Any) -> None:
    from tests.plans.plans_helpers import make_plan

    make_plan(person, start_date=NOW.date())
    first, second = (
        re.findall(r'name="client_id" value="([^"]*)"', _page(web, "/plan/")) for _ in range(2)
    )
    assert len(first) == len(second) == 4  # hold, back to the previous step, slow, end
    assert len(set(first + second)) == 8

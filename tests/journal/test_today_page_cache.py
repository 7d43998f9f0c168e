"""The Today page's cached content: never stale after a write, never shared between people, and
every response carries its own CSRF token and idempotency keys."""

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

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)  # 09:00:10, Wednesday 5 March, Chicago
CLIENT_ID = re.compile(r'name="client_id" value="([^"]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    """Accounts, sign-ins and pages all at NOW: the minute stays put unless a test moves it."""
    with time_machine.travel(NOW, tick=False):
        yield


def _page(client: Client) -> str:
    response = client.get("/today/")
    assert response.status_code == 200
    return response.content.decode()


def _log(api: Any, grams: float) -> None:
    assert api.post("/doses", {"amount": grams}).status_code == 201


def test_a_repeat_view_is_served_from_the_cache_in_a_few_queries(web: Client, api: Any) -> None:
    _log(api, 2)
    _page(web)
    with CaptureQueriesContext(connection) as captured:
        body = _page(web)
    # The session and the person (the lazy alert bell and everything in the content are cached).
    assert len(captured) <= 2, [q["sql"] for q in captured]
    assert 'data-testid="total-g">2 g<' in body


def test_no_placeholder_reaches_the_person(web: Client, api: Any) -> None:
    _log(api, 2)
    _log(api, 3)  # two quick buttons and the form: three idempotency keys
    first, second = _page(web), _page(web)
    for body in (first, second):
        assert CSRF_HOLE not in body
        assert KEY_HOLE not in body


def test_every_form_and_every_response_has_its_own_idempotency_key(web: Client, api: Any) -> None:
    _log(api, 2)
    _log(api, 3)
    first, second = CLIENT_ID.findall(_page(web)), CLIENT_ID.findall(_page(web))
    assert len(first) == len(second) == 3
    assert len(set(first + second)) == 6


def test_two_quick_taps_from_one_cached_page_log_two_doses(person: Any, api: Any) -> None:
    """The page came from the cache; its CSRF token and keys must still be good."""
    from stepdown.journal.models import Dose

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    _log(api, 2)
    _page(browser)  # fills the cache
    body = _page(browser)
    forms = re.findall(r'<form method="post" action="/doses/quick/".*?</form>', body, re.S)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', forms[0]))
    assert browser.post("/doses/quick/", fields).status_code == 302
    body = _page(browser)
    forms = re.findall(r'<form method="post" action="/doses/quick/".*?</form>', body, re.S)
    again = dict(re.findall(r'name="(\w+)" value="([^"]*)"', forms[0]))
    assert again["client_id"] != fields["client_id"]
    assert browser.post("/doses/quick/", again).status_code == 302
    # A retried tap (same key) logs nothing more.
    assert browser.post("/doses/quick/", again).status_code == 302
    assert Dose.objects.filter(owner=person).count() == 3


def test_a_dose_shows_at_once_even_within_the_same_minute(web: Client, api: Any) -> None:
    assert 'data-testid="total-g">0 g<' in _page(web)
    _log(api, 2.5)
    assert 'data-testid="total-g">2.5 g<' in _page(web)


def test_a_check_in_elsewhere_shows_on_today_within_the_same_minute(web: Client) -> None:
    assert 'href="/checkins/daily/"' in _page(web)
    answers = {code: str(value) for code, value in daily().items()}
    assert web.post("/checkins/daily/", answers).status_code == 302
    body = _page(web)
    assert 'data-testid="start-daily"' not in body
    assert "done today" in body


def test_time_since_the_last_dose_moves_with_the_clock(web: Client, api: Any) -> None:
    _log(api, 2)
    assert 'data-testid="since-last">0 min<' in _page(web)
    with time_machine.travel(NOW + dt.timedelta(minutes=7), tick=False):
        assert 'data-testid="since-last">7 min<' in _page(web)


def test_a_new_time_zone_is_a_new_page(person: Any, web: Client) -> None:
    assert "Wednesday 5 March" in _page(web)
    web.post(
        "/account/settings/",
        {"profile-display_name": "Sam", "profile-time_zone": "Pacific/Kiritimati"},
    )
    assert "Thursday 6 March" in _page(web)  # 05:00 the next day at UTC+14


def test_one_persons_cached_page_is_never_anothers(
    person: Any, other_person: Any, web: Client, api_for: Any
) -> None:
    from stepdown.journal.services import product_create

    product_create(owner=person, name="Sam's Red Bali", form="leaf_powder")
    alex = Client()
    alex.force_login(other_person)
    _log(api_for(person), 2)
    assert "Sam&#x27;s Red Bali" in _page(web)
    theirs = _page(alex)
    assert "Red Bali" not in theirs
    assert 'data-testid="total-g">0 g<' in theirs

"""The other-substances pages: quick logging with warnings at once, clear errors, edit and delete,
privacy and constant page cost; the Today page's refresh after a dose."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from stepdown.substances.models import SubstanceUse

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
NOW = dt.datetime(2026, 1, 10, 22, 0, tzinfo=CHICAGO)
HTMX = {"HX-Request": "true"}


def test_pages_need_sign_in(client: Client) -> None:
    for path in ("/substances/", "/substances/medicines/", "/substances/recent-warning/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/account/login/")


def test_the_navigation_links_to_medicines(web: Client) -> None:
    body = web.get("/substances/medicines/").content.decode()
    assert '<a href="/substances/medicines/" aria-current="page">Medicines</a>' in body


@time_machine.travel(NOW, tick=False)
def test_logging_with_htmx_shows_the_warning_and_the_new_row(
    web: Client, person: Any, kratom: Callable[..., Any]
) -> None:
    kratom(person, dt.datetime(2026, 1, 10, 19, 0, tzinfo=CHICAGO))
    form = {"category": "alcohol", "amount": "2", "client_id": str(uuid.uuid4())}
    response = web.post("/substances/log/", form, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Logged 2 standard drinks of alcohol." in body
    assert 'role="alert" data-testid="co-use-warning"' in body
    assert "High risk" in body
    # 19:00 → 22:00 (the form's empty time means now) is 3 hours
    assert "3 hours apart" in body
    assert '<section id="use-list"' in body
    assert 'hx-swap-oob="true"' in body
    # the same key again (a double tap) logs nothing more
    web.post("/substances/log/", form, headers=HTMX)
    assert SubstanceUse.objects.filter(owner=person).count() == 1


@time_machine.travel(NOW, tick=False)
def test_without_htmx_the_log_redirects_with_the_warning_as_a_message(
    web: Client, person: Any, kratom: Callable[..., Any]
) -> None:
    kratom(person, dt.datetime(2026, 1, 10, 19, 0, tzinfo=CHICAGO))
    response = web.post("/substances/log/", {"category": "opioids", "amount": "1"}, follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == "/substances/"
    assert "Logged 1 dose of opioids." in body
    assert "Kratom and opioids within 24 hours" in body


@time_machine.travel(NOW, tick=False)
def test_the_time_typed_is_read_in_the_persons_zone(web: Client, person: Any) -> None:
    web.post(
        "/substances/log/", {"category": "cannabis", "amount": "1", "taken_at": "2026-01-10T21:15"}
    )
    use = SubstanceUse.objects.get(owner=person)
    # 21:15 in Chicago (UTC-6) is 03:15 UTC on the 11th
    assert use.taken_at == dt.datetime(2026, 1, 11, 3, 15, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_errors_name_the_field_and_the_reason(web: Client, person: Any) -> None:
    wrong_unit = web.post(
        "/substances/log/", {"category": "alcohol", "amount": "1", "unit": "mg"}, headers=HTMX
    )
    assert wrong_unit.status_code == 422
    body = wrong_unit.content.decode()
    assert 'id="id_unit-error"' in body
    assert "Count alcohol in standard drinks." in body
    future = web.post(
        "/substances/log/",
        {"category": "opioids", "amount": "1", "taken_at": "2026-01-11T09:00"},
        headers=HTMX,
    )
    assert future.status_code == 422
    assert "cannot be logged in the future" in future.content.decode()
    nothing = web.post("/substances/log/", {"amount": "1"})
    assert nothing.status_code == 422
    assert "Please fill this in." in nothing.content.decode()
    assert not SubstanceUse.objects.filter(owner=person).exists()


@time_machine.travel(NOW, tick=False)
def test_edit_and_delete(web: Client, person: Any, use: Callable[..., Any]) -> None:
    logged = use(person, "other", dt.datetime(2026, 1, 10, 20, 0, tzinfo=CHICAGO), unit="tablet")
    pk = logged.use.pk
    assert web.get(f"/substances/{pk}/edit/").status_code == 200
    response = web.post(
        f"/substances/{pk}/edit/",
        {"category": "other", "amount": "2", "unit": "tablet", "name": "Ativan"},
    )
    assert response.status_code == 302
    changed = SubstanceUse.objects.get(pk=pk)
    assert (changed.amount, changed.name, changed.resolved_name) == (2, "Ativan", "lorazepam")
    # an empty time keeps the one stored
    assert changed.taken_at == logged.use.taken_at
    assert "Delete this entry?" in web.get(f"/substances/{pk}/delete/").content.decode()
    assert web.post(f"/substances/{pk}/delete/").status_code == 302
    assert not SubstanceUse.objects.filter(pk=pk).exists()


@time_machine.travel(NOW, tick=False)
def test_another_persons_entries_are_not_found(
    web: Client, other_person: Any, use: Callable[..., Any]
) -> None:
    theirs = use(other_person, "alcohol", NOW - dt.timedelta(hours=1)).use
    for path in (f"/substances/{theirs.pk}/edit/", f"/substances/{theirs.pk}/delete/"):
        assert web.get(path).status_code == 404
        assert web.post(path, {"category": "alcohol", "amount": "1"}).status_code == 404
    assert SubstanceUse.objects.filter(pk=theirs.pk).exists()
    assert 'data-testid="substance-use"' not in web.get("/substances/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_the_log_page_costs_the_same_for_few_or_many_entries(
    web: Client,
    person: Any,
    use: Callable[..., Any],
    recovery: Callable[..., Any],
    django_assert_max_num_queries: Any,
) -> None:
    recovery(person, "oxycodone", dt.date(2026, 1, 1))
    use(person, "alcohol", NOW - dt.timedelta(hours=2))
    with django_assert_max_num_queries(14):
        web.get("/substances/")
    for hours in range(3, 80):
        use(person, "opioids", NOW - dt.timedelta(hours=hours), name="oxycodone", unit="mg")
    with django_assert_max_num_queries(14):
        body = web.get("/substances/").content.decode()
    assert body.count('data-testid="substance-use"') == 50  # one page


@time_machine.travel(NOW, tick=False)
def test_today_refreshes_the_warning_after_a_dose(
    web: Client, person: Any, kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    use(person, "benzodiazepines", dt.datetime(2026, 1, 10, 12, 0, tzinfo=CHICAGO))
    today = web.get("/today/").content.decode()
    assert 'hx-get="/substances/recent-warning/"' in today
    assert 'data-dose-urls="/doses/new/ /doses/quick/"' in today
    kratom(person, dt.datetime(2026, 1, 10, 21, 0, tzinfo=CHICAGO))
    fragment = web.get("/substances/recent-warning/", headers=HTMX).content.decode()
    assert fragment.lstrip().startswith('<div id="recent-substance-warning"')
    assert "Kratom and benzodiazepines within 24 hours" in fragment
    assert "<script" not in fragment  # assets come with the full page only


@time_machine.travel(NOW, tick=False)
def test_today_costs_no_more_with_many_recent_entries(
    web: Client,
    person: Any,
    kratom: Callable[..., Any],
    use: Callable[..., Any],
    django_assert_max_num_queries: Any,
) -> None:
    kratom(person, NOW - dt.timedelta(hours=1))
    use(person, "alcohol", NOW - dt.timedelta(hours=2))
    web.get("/today/")  # records the alert once
    with django_assert_max_num_queries(200) as few:
        web.get("/today/")
    # Read now: Django clears the query log when the next request starts.
    baseline = len(few)
    for hours in range(3, 40):
        use(person, "alcohol", NOW - dt.timedelta(hours=hours))
        kratom(person, NOW - dt.timedelta(hours=hours, minutes=30))
    web.get("/today/")  # the new days' alerts are recorded on this first view
    with django_assert_max_num_queries(baseline):
        web.get("/today/")

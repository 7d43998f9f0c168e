"""Plan pages: the wizard and its preview, the plan page and its forms, calendar links."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from tests.plans.plans_helpers import WIZARD, make_plan, page_text

from stepdown.plans import adjust_services, calendar_services, end_services
from stepdown.plans.models import Plan

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def test_pages_need_a_login(client: Client, clock: Any) -> None:
    for url in ("/plan/", "/plan/new/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response["Location"]


def test_the_wizard_is_prefilled_from_the_last_14_days(web: Client, journal: Any) -> None:
    page = page_text(web.get("/plan/new/"))
    assert 'name="start_g" value="12"' in page
    assert 'name="doses_per_day" value="4"' in page
    assert f'<option value="{journal.pk}" selected>Green Maeng Da</option>' in page
    assert "about <strong>12 g a day</strong> in 4 doses, mostly Green Maeng Da" in page
    assert re.search(r'<input type="radio" name="pace" value="steady"[^>]*checked', page)


def test_a_round_average_is_prefilled_plainly(web: Client, person: Any, clock: Any) -> None:
    from stepdown.journal.services import dose_create

    yesterday = dt.datetime(2025, 2, 9, 12, tzinfo=person.zone)
    dose_create(owner=person, amount=Decimal(10), taken_at=yesterday)
    # One day logged, 10 g: prefilled as "10", not "1E+1" or "10.00".
    assert 'name="start_g" value="10"' in web.get("/plan/new/").content.decode()


def test_the_preview_shows_the_end_date_and_the_chart(web: Client, journal: Any) -> None:
    response = web.post("/plan/new/preview/", WIZARD, headers=HTMX)
    assert response.status_code == 200
    page = page_text(response)
    assert page.startswith('<section id="preview"')
    # end date 13 Oct 2025 is the first day without a dose: the last planned day is 12 Oct
    assert 'data-testid="preview-end">12 Oct 2025<' in page
    assert 'data-chart="plan-preview"' in page
    assert not Plan.objects.exists()


def test_the_gentle_preset_means_five_percent(web: Client, journal: Any) -> None:
    page = page_text(web.post("/plan/new/preview/", WIZARD | {"pace": "gentle"}, headers=HTMX))
    # 12 × 0.95 = 11.4 g at the first cut, on 17 Feb
    assert "to 11.4 g a day" in page


def test_a_bad_preview_lists_the_problem(web: Client, journal: Any) -> None:
    bad = WIZARD | {"pace": "custom", "rate_pct": "50"}
    response = web.post("/plan/new/preview/", bad, headers=HTMX)
    assert response.status_code == 422
    assert "between 5 and 25" in page_text(response)


def test_saving_starts_the_plan(web: Client, person: Any, journal: Any) -> None:
    response = web.post("/plan/new/", WIZARD | {"product": str(journal.pk)})
    assert response.status_code == 302
    plan = Plan.objects.get(owner=person)
    assert (plan.product, plan.end_date) == (journal, dt.date(2025, 10, 13))


def test_starting_above_the_average_asks_to_confirm(web: Client, person: Any, journal: Any) -> None:
    response = web.post("/plan/new/", WIZARD | {"start_g": "14"})
    assert response.status_code == 422
    page = page_text(response)
    assert 'id="id_start_g-error"' in page
    assert "above your recent average of 12 g" in page
    confirmed = web.post("/plan/new/", WIZARD | {"start_g": "14", "confirm_above_recent": "on"})
    assert confirmed.status_code == 302


def test_the_plan_page_shows_today_against_the_plan(web: Client, person: Any, journal: Any) -> None:
    from stepdown.journal.services import dose_create

    make_plan(person, product_id=journal.pk)
    dose_create(owner=person, amount=Decimal("3.5"), product_id=journal.pk)
    page = page_text(web.get("/plan/"))
    assert 'data-testid="target-g">12 g<' in page
    assert "step 1 of 35 · 3 + 3 + 3 + 3 g" in page
    assert 'data-testid="logged-g">3.5 g<' in page
    assert 'data-testid="next-change">Mon 17 Feb<' in page
    assert "to 10.8 g a day" in page
    assert 'data-testid="end-date">12 Oct 2025<' in page
    assert 'data-chart="plan-progress"' in page


def test_holding_through_htmx_updates_the_panel(web: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person)
    response = web.post(
        f"/plan/{plan.pk}/hold/", {"days": "7", "reason": "Cannot sleep"}, headers=HTMX
    )
    assert response.status_code == 200
    page = page_text(response)
    assert page.startswith('<div id="plan-panel">')
    # 12 Oct + 7 days = 19 Oct
    assert 'data-testid="end-date">19 Oct 2025<' in page
    assert "<q>Cannot sleep</q>" in page
    assert "last planned day 12 Oct 2025 → 19 Oct 2025" in page


def test_a_missing_reason_is_shown_next_to_the_field(
    web: Client, person: Any, journal: Any
) -> None:
    plan = make_plan(person)
    response = web.post(f"/plan/{plan.pk}/hold/", {"days": "7", "reason": ""}, headers=HTMX)
    assert response.status_code == 422
    assert 'id="id_hold_reason-error"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.end_date == dt.date(2025, 10, 13)


def test_slow_and_cancel_without_htmx_redirect(web: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person)
    slow = web.post(f"/plan/{plan.pk}/slow/", {"interval_days": "14", "reason": "Hard week"})
    assert slow.status_code == 302
    cancel = web.post(f"/plan/{plan.pk}/cancel/", {"reason": "Seeing a doctor"})
    assert cancel.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CANCELLED
    page = page_text(web.get(f"/plan/{plan.pk}/"))
    assert "Past plan" in page
    assert "Seeing a doctor" in page


def test_another_persons_plan_pages_are_404(web: Client, other_person: Any, clock: Any) -> None:
    plan = make_plan(other_person)
    for url in (f"/plan/{plan.pk}/", f"/plan/{plan.pk}/strip/", f"/plan/{plan.pk}.ics"):
        assert web.get(url).status_code == 404, url
    assert web.post(f"/plan/{plan.pk}/hold/", {"days": "3", "reason": "x"}).status_code == 404


def test_calendar_link_works_without_login_until_revoked(
    web: Client, client: Client, person: Any, journal: Any
) -> None:
    plan = make_plan(person)
    page = page_text(web.post(f"/plan/{plan.pk}/calendar-link/", {"action": "create"}))
    url = re.search(r'id="feed-url"[^>]*>([^<]+)</textarea>', page)
    assert url is not None
    path = url.group(1).replace("http://testserver", "")
    feed = client.get(path)
    assert feed.status_code == 200
    assert feed["Cache-Control"] == "no-store"
    assert feed.content.count(b"BEGIN:VEVENT") == 35
    web.post(f"/plan/{plan.pk}/calendar-link/", {"action": "revoke"})
    assert client.get(path).status_code == 404


def test_an_ended_plans_feed_is_empty(client: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person)
    secret = calendar_services.plan_calendar_link_create(owner=person, plan_id=plan.pk)
    end_services.plan_cancel(owner=person, plan_id=plan.pk, reason="Stopped")
    feed = client.get(f"/plan/calendar/{secret}.ics")
    assert feed.status_code == 200
    assert b"BEGIN:VCALENDAR" in feed.content
    assert b"BEGIN:VEVENT" not in feed.content


def test_the_reminder_time_goes_into_the_calendar(web: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person)
    assert web.post(f"/plan/{plan.pk}/reminder/", {"reminder_time": "08:30"}).status_code == 302
    ics = web.get(f"/plan/{plan.pk}.ics")
    assert ics["Cache-Control"] == "no-store"
    assert b"BEGIN:VALARM" in ics.content
    assert b"TRIGGER:PT8H30M" in ics.content


def test_the_plan_page_query_count_does_not_grow_with_history(
    web: Client, person: Any, journal: Any, django_assert_max_num_queries: Any
) -> None:
    plan = make_plan(person)
    for _ in range(30):
        adjust_services.plan_hold(owner=person, plan_id=plan.pk, days=1, reason="one more day")
    for index in range(3):
        make_plan(person, start_g=Decimal(11 - index), replace_current=True)
    # A render (nothing cached yet) includes the alert summary's two counts for the suggestions,
    # the session (read from the database on every request) and the onboarding answers (a plan
    # paused for pregnancy says so), and the clinicians' pending plan proposals.
    with django_assert_max_num_queries(14):
        response = web.get("/plan/")
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        assert web.get(f"/plan/{plan.pk}/").status_code == 200
    # The same page again: the session (a database read, so sign-out is immediate on every
    # worker), the person and the plan.
    with django_assert_max_num_queries(3):
        assert web.get(f"/plan/{plan.pk}/").status_code == 200


def test_a_plan_that_starts_later_can_be_ended_but_not_held(
    web: Client, person: Any, journal: Any
) -> None:
    plan = make_plan(person, start_date=dt.date(2025, 2, 17))
    page = page_text(web.get("/plan/"))
    assert "become available once the plan has started on 17 February" in page
    assert f'action="/plan/{plan.pk}/cancel/"' in page
    assert f'action="/plan/{plan.pk}/hold/"' not in page
    assert 'data-testid="next-change">Mon 17 Feb<' in page


def test_the_nav_links_to_the_plan(web: Client, clock: Any) -> None:
    page = web.get("/plan/").content.decode()
    assert '<a href="/plan/" aria-current="page">Plan</a>' in page
    assert 'href="/plan/new/"' in page

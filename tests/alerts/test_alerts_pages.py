"""The alerts page, the bell, the plan page's suggestions, and the cost of the triggers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from tests.alerts.alerts_support import days_ago, log_diary, plan_in_past

pytestmark = pytest.mark.django_db


def _record(person: Any, *subjects: str, severity: str = "high") -> list[Any]:
    from stepdown.alerts.recording import record_alerts
    from stepdown.core.rules import Alert, LearnSlug, Severity

    return record_alerts(
        owner=person,
        alerts=[
            Alert(
                code="interaction",
                severity=Severity(severity),
                title=f"Kratom and {subject}",
                explanation="A high-risk combination.",
                action="Talk to your prescriber.",
                source="Smith2022",
                cause_key=f"medicine:{subject}",
                learn_slug=LearnSlug.INTERACTIONS,
            )
            for subject in subjects
        ],
    )


def _suggestion(person: Any) -> Any:
    from stepdown.alerts.models import SuggestedAdjustment

    plan = plan_in_past(person)
    for back in (6, 5, 4):
        log_diary(person, days_ago(back), 6)
    log_diary(person, days_ago(1), 10)
    log_diary(person, days_ago(0), 10)
    return plan, SuggestedAdjustment.objects.get(owner=person)


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_alerts_page_lists_newest_first_with_reason_action_and_learn_link(
    web: Client, person: Any
) -> None:
    _record(person, "quetiapine", "alprazolam")
    page = _text(web.get("/alerts/"))
    assert page.index("Kratom and alprazolam") < page.index("Kratom and quetiapine")
    assert "Talk to your prescriber." in page
    assert 'href="/learn/interactions/"' in page
    assert "Your medicines" in page
    assert "by Stepdown" in page  # the history


def test_the_severity_filter(web: Client, person: Any) -> None:
    _record(person, "quetiapine")
    _record(person, "ibuprofen", severity="low")
    page = _text(web.get("/alerts/", {"severity": "low"}))
    assert "Kratom and ibuprofen" in page
    assert "Kratom and quetiapine" not in page
    bad = web.get("/alerts/", {"severity": "loud"})
    assert bad.status_code == 422
    assert "Choose one of the options." in _text(bad)


def test_acknowledge_and_resolve_from_the_page(web: Client, person: Any) -> None:
    [alert] = _record(person, "quetiapine")
    response = web.post(f"/alerts/{alert.pk}/acknowledge/", headers={"HX-Request": "true"})
    body = _text(response)
    assert f'id="alert-{alert.pk}"' in body
    assert ">Seen<" in body
    assert 'hx-swap-oob="true"' in body
    assert "nothing new" in body
    assert web.post(f"/alerts/{alert.pk}/resolve/").status_code == 302
    alert.refresh_from_db()
    assert alert.status == "resolved"


def test_another_persons_alert_is_a_404_page(web: Client, other_person: Any) -> None:
    [alert] = _record(other_person, "quetiapine")
    assert web.post(f"/alerts/{alert.pk}/resolve/").status_code == 404


def test_the_alerts_page_query_count_does_not_grow(
    web: Client, person: Any, django_assert_max_num_queries: Any
) -> None:
    from stepdown.alerts.services import alert_acknowledge

    for alert in _record(person, *(f"drug{n}" for n in range(40))):
        alert_acknowledge(owner=person, alert_id=alert.pk)
    # session, user, the count, the page of 20, their histories, and the session's refresh
    # (savepoint, update, release): 8 however many alerts there are
    with django_assert_max_num_queries(8):
        page = _text(web.get("/alerts/"))
    assert page.count('class="alert-card') == 20


def test_the_bell_costs_no_query_once_its_number_is_cached(
    web: Client, person: Any, django_assert_max_num_queries: Any
) -> None:
    _record(person, "quetiapine", "alprazolam")
    cold = _text(web.get("/alerts/"))
    assert 'hx-get="/alerts/bell/"' in cold  # not cached yet: htmx fills it in
    with django_assert_max_num_queries(4):  # session, user, two counts
        bell = _text(web.get("/alerts/bell/"))
    assert 'data-testid="alert-count">2<' in bell
    # Now cached: the same page makes its two session queries and its own, and no bell query
    with django_assert_max_num_queries(3):
        page = _text(web.get("/learn/tools/breathe/"))
    assert 'data-testid="alert-count">2<' in page


def test_a_change_refreshes_the_bell(web: Client, person: Any) -> None:
    from stepdown.alerts.services import alert_acknowledge

    [first, _] = _record(person, "quetiapine", "alprazolam")
    web.get("/alerts/bell/")
    alert_acknowledge(owner=person, alert_id=first.pk)
    page = _text(web.get("/alerts/"))
    assert 'hx-get="/alerts/bell/"' in page  # the revision moved: the old number is not used
    assert 'data-testid="alert-count">1<' in _text(web.get("/alerts/bell/"))


def test_the_bell_is_not_shown_when_signed_out(client: Client) -> None:
    assert "alert-bell" not in _text(client.get("/learn/"))


def test_the_plan_page_shows_a_suggestion_with_accept_and_decline(
    web: Client, person: Any, clock: Any
) -> None:
    plan, suggestion = _suggestion(person)
    page = _text(web.get("/plan/"))
    assert "Stay on your current step 7 days longer." in page
    # The last planned day is the day before the end date; a hold moves it by 7 days.
    last = plan.end_date - dt.timedelta(days=1)
    moved = last + dt.timedelta(days=7)
    assert f"from {last:%-d %b %Y} to" in page
    assert f">{moved:%-d %b %Y}<" in page
    assert f'action="/alerts/suggestions/{suggestion.pk}/accept/"' in page
    assert f'action="/alerts/suggestions/{suggestion.pk}/decline/"' in page
    assert "Suggested by the alert “Symptoms have risen since your last cut”" in page
    cached = _text(web.get("/plan/"))
    assert f'action="/alerts/suggestions/{suggestion.pk}/decline/"' in cached
    assert web.get(f"/alerts/plans/{plan.pk}/suggestions/").status_code == 404  # no such page


def test_accepting_on_the_plan_page_moves_the_end_date(
    web: Client, person: Any, clock: Any
) -> None:
    plan, suggestion = _suggestion(person)
    end_before = plan.end_date
    prefix = f"accept-{suggestion.pk}"
    response = web.post(
        f"/alerts/suggestions/{suggestion.pk}/accept/", {f"{prefix}-reason": "Too much, too soon"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/plan/"
    plan.refresh_from_db()
    assert plan.end_date == end_before + dt.timedelta(days=7)
    page = _text(web.get("/plan/"))
    last = plan.end_date - dt.timedelta(days=1)
    assert f"Its last planned day is now {last:%-d %B %Y}." in page
    assert "<q>Too much, too soon</q>" in page
    assert '<span class="badge">alert</span>' in page


def test_a_refused_decision_shows_the_reason_with_422(web: Client, person: Any, clock: Any) -> None:
    from stepdown.alerts.services import suggestion_decline

    _, suggestion = _suggestion(person)
    suggestion_decline(owner=person, suggestion_id=suggestion.pk)
    response = web.post(f"/alerts/suggestions/{suggestion.pk}/accept/", {})
    assert response.status_code == 422
    assert "This suggestion is declined." in _text(response)


def test_another_persons_suggestion_is_a_404(web: Client, other_person: Any, clock: Any) -> None:
    _, suggestion = _suggestion(other_person)
    assert web.post(f"/alerts/suggestions/{suggestion.pk}/accept/", {}).status_code == 404
    assert web.get(f"/alerts/suggestions/{suggestion.pk}/").status_code == 404


def test_a_dose_write_adds_a_constant_number_of_queries(
    person: Any, clock: Any, django_assert_max_num_queries: Any
) -> None:
    from stepdown.journal.models import Dose
    from stepdown.journal.services import dose_create, product_create

    plan_in_past(person)
    leaf = product_create(owner=person, name="Leaf", mitragynine_mg_per_unit=Decimal(12))
    first = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    Dose.objects.bulk_create(
        Dose(owner=person, product=leaf, amount=1, grams=1, taken_at=first + dt.timedelta(hours=n))
        for n in range(1500)
    )
    # The journal's own write (product, previous dose, insert, revision) and the triggers: the
    # previous dose, the plan, five days of totals, a savepoint around the rules, which read the
    # first day and 90 days of totals (tolerance signals) and the goal (limits); and the substance
    # uses near the dose (co-use). The last four were read when Today was rendered before.
    with django_assert_max_num_queries(13) as captured:
        dose_create(owner=person, amount=Decimal(2), product_id=leaf.pk)
    alert_queries = [q for q in captured.captured_queries if "alerts_" in q["sql"]]
    assert alert_queries == []  # nothing found, nothing looked up or written

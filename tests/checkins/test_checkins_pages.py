"""Check-in pages: the form, results with meaning, the crisis path, safety plan, schedule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from tests.checkins.checkins_answers import daily, phq9

from stepdown.checkins import services
from stepdown.checkins.models import Response, SafetyEvent, SafetyPlan, Schedule

pytestmark = pytest.mark.django_db


def _form(answers: dict[str, Any]) -> dict[str, str]:
    return {code: str(value) for code, value in answers.items()}


def test_the_check_in_page_lists_what_is_due(web: Any) -> None:
    body = web.get("/checkins/").content.decode()
    assert 'data-testid="start-daily"' in body
    assert "Severity of Dependence" in body  # a scheduled one
    assert "Ask Suicide-Screening Questions" in body  # offered among the others
    assert "Clinical Opiate Withdrawal" not in body  # clinician-rated: never offered here


def test_the_today_page_shows_the_due_list(web: Any) -> None:
    body = web.get("/today/").content.decode()
    assert 'data-testid="due-daily"' in body
    assert "/checkins/daily/" in body


def test_the_daily_form_is_drawn_from_the_instrument(web: Any) -> None:
    body = web.get("/checkins/daily/").content.decode()
    assert body.count('type="radio" name="irritability"') == 5  # None … Extreme
    assert 'type="range"' in body
    assert 'name="craving"' in body
    assert 'name="sleep_hours"' in body
    assert 'step="0.01"' in body
    assert "Withdrawal symptoms" in body
    assert "1 of 7" in body


def test_submitting_the_daily_check_in_shows_the_result(web: Any) -> None:
    response = web.post("/checkins/daily/", _form(daily(diary=2)))
    assert response.status_code == 302
    stored = Response.objects.get()
    assert response["Location"] == f"/checkins/responses/{stored.pk}/"
    page = web.get(response["Location"]).content.decode()
    assert 'data-testid="score-total">24<' in page  # 12 items × 2
    assert "your first answer here" in page


def test_bad_answers_are_shown_next_to_their_questions(web: Any) -> None:
    answers = _form(daily()) | {"sleep_hours": "30", "craving": ""}
    response = web.post("/checkins/daily/", answers)
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="q-sleep_hours-error"' in body
    assert "outside 0–24" in body
    assert 'id="q-craving-error"' in body
    assert "Please answer this question." in body
    assert Response.objects.count() == 0


def test_item_9_goes_to_the_crisis_page_before_the_score(web: Any, person: Any) -> None:
    response = web.post("/checkins/phq9/", _form(phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)))
    stored = Response.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/checkins/crisis/?response={stored.pk}"
    # Recorded by the POST that leads to the page (a GET never writes).
    seen_at = SafetyEvent.objects.get().seen_at
    assert seen_at is not None
    crisis = web.get(response["Location"]).content.decode()
    assert 'href="tel:988"' in crisis
    assert 'href="sms:988"' in crisis
    assert "tel:18006624357" in crisis
    assert 'data-testid="offer-asq"' in crisis
    assert "Make a safety plan" in crisis
    assert f"/checkins/responses/{stored.pk}/" in crisis
    assert SafetyEvent.objects.get().seen_at == seen_at


def test_the_result_page_repeats_the_help_for_a_flagged_response(web: Any, person: Any) -> None:
    result = services.response_submit(
        owner=person, instrument="phq9", answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 2)
    )
    body = web.get(f"/checkins/responses/{result.response.pk}/").content.decode()
    assert "crisis-banner" in body
    assert "tel:988" in body


def test_the_crisis_page_is_always_reachable(web: Any) -> None:
    body = web.get("/checkins/crisis/").content.decode()
    assert "tel:988" in body
    assert "offer-asq" not in body


def test_the_result_compares_with_the_last_two_weeks(web: Any, person: Any) -> None:
    for day, diary in ((1, 1), (2, 1), (3, 0)):
        with time_machine.travel(dt.datetime(2025, 3, day, 15, 0, tzinfo=dt.UTC), tick=False):
            services.response_submit(owner=person, instrument="daily", answers=daily(diary=diary))
    with time_machine.travel(dt.datetime(2025, 3, 4, 15, 0, tzinfo=dt.UTC), tick=False):
        latest = services.response_submit(owner=person, instrument="daily", answers=daily(diary=2))
        body = web.get(f"/checkins/responses/{latest.response.pk}/").content.decode()
    # earlier totals 12, 12, 0 → average 8; 24 is 16 above, more than the 4.8-point margin
    assert "higher than your last two weeks (average 8 from 3 answers)" in body


def test_a_phq9_result_shows_its_band(web: Any, person: Any) -> None:
    result = services.response_submit(
        owner=person, instrument="phq9", answers=phq9(2, 2, 2, 2, 2, 1, 1, 1, 0)
    )
    body = web.get(f"/checkins/responses/{result.response.pk}/").content.decode()
    # 2×5 + 1×3 = 13 → Moderate (10–14)
    assert "<strong>Moderate</strong>" in body
    assert 'class="band band-current" aria-current="true"><span class="band-label">Moderate' in body


def test_todays_daily_reopens_for_changes_and_is_rescored(web: Any, person: Any) -> None:
    first = services.response_submit(owner=person, instrument="daily", answers=daily())
    response = web.get("/checkins/daily/")
    assert response["Location"] == f"/checkins/responses/{first.response.pk}/edit/"
    form = web.get(response["Location"]).content.decode()
    assert 'name="irritability" value="1" checked' in form
    web.post(response["Location"], _form(daily(diary=4)))
    first.response.refresh_from_db()
    assert first.response.total == 48  # 12 × 4
    assert Response.objects.count() == 1


def test_another_persons_response_is_404_on_every_page(web: Any, other_person: Any) -> None:
    theirs = services.response_submit(owner=other_person, instrument="daily", answers=daily())
    pk = theirs.response.pk
    assert web.get(f"/checkins/responses/{pk}/").status_code == 404
    assert web.get(f"/checkins/responses/{pk}/edit/").status_code == 404
    body = web.get(f"/checkins/crisis/?response={pk}").content.decode()
    assert f"/checkins/responses/{pk}/" not in body


def test_clinician_and_unknown_instruments_have_no_form(web: Any) -> None:
    assert web.get("/checkins/cows/").status_code == 404
    assert web.get("/checkins/sows/").status_code == 404


def test_pages_need_a_sign_in(client: Any) -> None:
    for url in ("/checkins/", "/checkins/daily/", "/checkins/trends/", "/checkins/safety-plan/"):
        assert client.get(url).status_code == 302


def test_the_safety_plan_is_saved_one_entry_per_line(web: Any, person: Any) -> None:
    response = web.post(
        "/checkins/safety-plan/",
        {
            "warning_signs": "Not sleeping\n\n  Pulling away from friends ",
            "coping_steps": "Walk the dog",
            "people": "Jo 555-0100",
            "places": "",
            "professionals": "Dr Lee 555-0199",
        },
    )
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(owner=person)
    assert plan.warning_signs == ["Not sleeping", "Pulling away from friends"]
    assert plan.places == []
    body = web.get("/checkins/safety-plan/").content.decode()
    assert "Pulling away from friends" in body
    assert "Change my plan" in body


def test_a_safety_plan_entry_that_is_too_long_is_refused(web: Any) -> None:
    response = web.post("/checkins/safety-plan/", {"coping_steps": "x" * 301})
    assert response.status_code == 422
    assert "under 300 characters" in response.content.decode()


def test_the_schedule_page_saves_intervals_and_reminders(web: Any, person: Any) -> None:
    data = {
        "daily-preferred_time": "20:30",  # no such field any more: ignored
        "phq9-interval_days": "28",
        "phq9-preferred_time": "19:15",
        "gad7-interval_days": "14",
        "gad7-enabled": "on",
        "sds-interval_days": "30",
        "dsm5_sud-interval_days": "30",
    }
    response = web.post("/checkins/schedule/", data)
    assert response.status_code == 302
    rows = {row.instrument: row for row in Schedule.objects.filter(owner=person)}
    # The daily check-in's reminder time lives in the reminder settings only.
    assert rows["daily"].preferred_time is None
    assert rows["phq9"].preferred_time == dt.time(19, 15)
    assert rows["phq9"].interval_days == 28
    assert rows["phq9"].enabled
    assert not rows["sds"].enabled
    assert not rows["dsm5_sud"].enabled


def test_the_daily_check_in_reminder_time_is_set_in_one_place(web: Any) -> None:
    body = web.get("/checkins/schedule/").content.decode()
    assert 'name="daily-preferred_time"' not in body
    assert 'name="phq9-preferred_time"' in body
    assert 'href="/reminders/"' in body
    assert 'name="checkin_time"' in web.get("/reminders/").content.decode()


def test_the_schedule_page_explains_a_bad_interval(web: Any) -> None:
    data = {"phq9-interval_days": "60", "gad7-interval_days": "14", "gad7-enabled": "on"}
    data |= {"sds-interval_days": "30", "dsm5_sud-interval_days": "30"}
    response = web.post("/checkins/schedule/", data)
    assert response.status_code == 422
    assert "Choose between 7 and 28 days." in response.content.decode()


def test_a_bad_schedule_row_saves_nothing(web: Any, person: Any) -> None:
    data = {"daily-preferred_time": "07:00", "phq9-interval_days": "60"}
    data |= {"gad7-interval_days": "14", "sds-interval_days": "30", "dsm5_sud-interval_days": "30"}
    assert web.post("/checkins/schedule/", data).status_code == 422
    assert not Schedule.objects.filter(owner=person).exists()


def test_a_double_submitted_form_stores_one_response(web: Any) -> None:
    form = _form(daily()) | {"client_id": "8b0c2f62-7d0e-4d43-9a57-3c1f1b7c9e10"}
    first = web.post("/checkins/daily/", form)
    second = web.post("/checkins/daily/", form)
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1

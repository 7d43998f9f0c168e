"""Onboarding pages: one step per screen, skippable, resumable and editable later."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from tests.goals.goals_support import NOW

from stepdown.profile import selectors as profile_selectors
from stepdown.profile.models import Onboarding

pytestmark = pytest.mark.django_db

# The steps a person who is not in opioid recovery sees, in order.
STEPS = ["reason", "pattern", "products", "uses", "history", "mood", "diagnoses", "medicines"]


def _save(web: Client, step: str, *, follow: bool = False, **data: Any) -> Any:
    return web.post(f"/onboarding/{step}/", {"action": "save", **data}, follow=follow)


def test_a_new_person_is_invited_to_finish_setting_up(web: Client) -> None:
    body = web.get("/today/").content.decode()
    assert "Finish setting up" in body
    response = web.get("/onboarding/")
    assert response.status_code == 302
    assert response["Location"] == "/onboarding/reason/"
    page = web.get("/onboarding/reason/").content.decode()
    assert "Step 1 of 8" in page
    assert "Skip for now" in page


def test_onboarding_resumes_at_the_step_after_the_last_one_saved(web: Client, person: Any) -> None:
    response = _save(web, "reason", reason="cut_down")
    assert response["Location"] == "/onboarding/pattern/"
    response = _save(web, "pattern", days_per_week="7", doses_per_day="4", grams_per_dose="3")
    assert response["Location"] == "/onboarding/products/"
    # Later (another visit): the entry point goes straight to where they stopped.
    assert web.get("/onboarding/")["Location"] == "/onboarding/products/"
    record = profile_selectors.onboarding_for(owner=person)
    assert record is not None
    assert (record.reason, record.days_per_week, str(record.doses_per_day)) == (
        "cut_down",
        7,
        "4.0",
    )
    assert "Step 3 of 8" in web.get("/onboarding/products/").content.decode()


def test_skip_this_question_moves_on_without_saving(web: Client, person: Any) -> None:
    response = web.post("/onboarding/reason/", {"action": "skip_step", "reason": "quit"})
    assert response["Location"] == "/onboarding/pattern/"
    record = profile_selectors.onboarding_for(owner=person)
    assert record is not None
    assert record.reason == ""


def test_skip_for_now_hides_the_prompt_and_keeps_the_place(web: Client, person: Any) -> None:
    _save(web, "reason", reason="avoid_dependence")
    response = web.post("/onboarding/pattern/", {"action": "skip_all"})
    assert response["Location"] == "/today/"
    assert "Finish setting up" not in web.get("/today/").content.decode()
    record = profile_selectors.onboarding_for(owner=person)
    assert record is not None
    assert record.status == Onboarding.Status.SKIPPED
    # Coming back later still resumes at the step where they left.
    assert web.get("/onboarding/")["Location"] == "/onboarding/pattern/"


def test_not_now_on_the_banner_skips(web: Client, person: Any) -> None:
    response = web.post("/onboarding/skip/")
    assert response["Location"] == "/today/"
    assert "Finish setting up" not in web.get("/today/").content.decode()


def _complete(web: Client) -> Any:
    answers: dict[str, dict[str, Any]] = {
        "reason": {"reason": "avoid_dependence"},
        "pattern": {"days_per_week": "2", "doses_per_day": "1", "grams_per_dose": "2.5"},
        "products": {"forms_used": ["leaf_powder"], "years_of_use": "0.5"},
        "uses": {"self_treatment": ["energy"]},
        "history": {"substance_history": "none", "withdrawal": "no"},
        "mood": {"phq2_q1": "0", "phq2_q2": "1", "gad2_q1": "1", "gad2_q2": "0"},
        "diagnoses": {},
        "medicines": {"medicines_text": "Sertraline\n\nsertraline\n gabapentin "},
    }
    response = None
    for step in STEPS:
        response = _save(web, step, **answers[step])
    return response


def test_finishing_shows_the_risk_profile_and_a_next_step(web: Client, person: Any) -> None:
    response = _complete(web)
    assert response["Location"] == "/risk/"
    page = web.get("/risk/").content.decode()
    assert "Here is your risk profile" in page
    # Energy is self-treatment (weight 2); nothing else applies: 2 < 3 -> lower risk; the reason
    # avoid_dependence suggests setting limits.
    assert "Lower risk" in page
    assert 'href="/goals/"' in page
    assert "Set your limits" in page
    record = profile_selectors.onboarding_for(owner=person)
    assert record is not None
    assert record.status == Onboarding.Status.COMPLETED
    # PHQ-2 0 + 1 = 1; GAD-2 1 + 0 = 1 (each item scores 0-3).
    assert (record.phq2_total, record.gad2_total) == (1, 1)
    # Duplicates (case aside) and blank lines are dropped; names are kept as typed.
    assert profile_selectors.medicines_for(owner=person) == ["gabapentin", "Sertraline"]
    assert "Finish setting up" not in web.get("/today/").content.decode()


def test_answers_can_be_edited_later_and_stay_complete(web: Client, person: Any) -> None:
    _complete(web)
    review = web.get("/onboarding/").content.decode()
    assert "Your answers" in review
    assert "2 days a week, 1 dose a day, 2.5 g a dose" in review  # not "1 doses"
    assert 'href="/onboarding/pattern/"' in review
    edit = web.get("/onboarding/pattern/").content.decode()
    assert "Step " not in edit  # no progress bar when editing
    assert 'value="2.5"' in edit  # the saved answer is filled in
    response = _save(web, "pattern", days_per_week="5", doses_per_day="2", grams_per_dose="2.5")
    assert response["Location"] == "/onboarding/"
    record = profile_selectors.onboarding_for(owner=person)
    assert record is not None
    assert record.days_per_week == 5
    assert record.status == Onboarding.Status.COMPLETED


def test_a_bad_number_is_shown_next_to_its_field(web: Client) -> None:
    response = _save(web, "pattern", days_per_week="9", doses_per_day="2")
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="id_days_per_week-error"' in body
    assert "Enter 7 or less." in body


def test_a_reason_is_needed_to_continue_but_may_be_skipped(web: Client) -> None:
    response = _save(web, "reason")
    assert response.status_code == 422
    assert "skip this question" in response.content.decode()


def test_half_a_screen_asks_for_the_other_answer(web: Client, person: Any) -> None:
    response = _save(web, "mood", phq2_q1="2")
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="id_phq2_q2-error"' in body
    record = profile_selectors.onboarding_for(owner=person)
    assert record is None or record.phq2_total is None


def test_mood_questions_use_the_instruments_wording(web: Client) -> None:
    from stepdown.core.instruments import get_instrument

    body = web.get("/onboarding/mood/").content.decode()
    for code in ("phq2", "gad2"):
        for item in get_instrument(code).items:
            assert item.text in body


def test_a_positive_phq2_explains_what_the_score_means(web: Client, person: Any) -> None:
    response = _save(web, "mood", phq2_q1="2", phq2_q2="1", gad2_q1="1", gad2_q2="1", follow=True)
    body = response.content.decode()
    # PHQ-2 2 + 1 = 3, the positive-screen cut-off (Kroenke2003): its meaning is shown on the
    # next screen. GAD-2 1 + 1 = 2 is below 3, so nothing is said about it.
    assert response.redirect_chain[-1][0] == "/onboarding/diagnoses/"
    assert "Your PHQ-2 score is 3 of 6" in body
    assert "not a diagnosis" in body
    assert "GAD-2 score" not in body


def test_the_recovery_step_is_only_for_opioid_recovery(web: Client, person: Any) -> None:
    _save(web, "reason", reason="quit")
    assert web.get("/onboarding/recovery/").status_code == 404
    _save(web, "reason", reason="opioid_recovery")
    page = web.get("/onboarding/medicines/").content.decode()
    assert "Step 8 of 9" in page
    response = _save(web, "medicines", medicines_text="")
    assert response["Location"] == "/onboarding/recovery/"
    with time_machine.travel(NOW, tick=False):
        response = _save(web, "recovery", original_substance="oxycodone", last_used="2025-12-06")
    assert response["Location"] == "/risk/"
    recovery = profile_selectors.recovery_for(owner=person)
    assert recovery is not None
    assert (recovery.original_substance, recovery.last_used_on.isoformat()) == (
        "oxycodone",
        "2025-12-06",
    )


def test_leaving_opioid_recovery_clears_the_original_substance(web: Client, person: Any) -> None:
    _save(web, "reason", reason="opioid_recovery")
    _save(web, "recovery", original_substance="heroin")
    _save(web, "reason", reason="cut_down")
    assert profile_selectors.recovery_for(owner=person) is None
    record = profile_selectors.onboarding_for(owner=person)
    assert record is not None
    assert record.original_substance == ""


def test_a_future_last_use_date_is_refused(web: Client) -> None:
    _save(web, "reason", reason="opioid_recovery")
    with time_machine.travel(NOW, tick=False):
        response = _save(web, "recovery", last_used="2026-01-21")
    assert response.status_code == 422
    assert 'id="id_last_used-error"' in response.content.decode()


def test_an_unknown_step_is_not_found(web: Client) -> None:
    assert web.get("/onboarding/nonsense/").status_code == 404


def test_onboarding_needs_sign_in(client: Client) -> None:
    response = client.get("/onboarding/reason/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_the_first_step_is_stored_by_its_post_not_by_opening_it(web: Client, person: Any) -> None:
    # Regression: opening the first step created the onboarding row (a GET that wrote).
    assert web.get("/onboarding/reason/").status_code == 200
    assert not Onboarding.objects.filter(owner=person).exists()
    assert 'data-testid="onboarding-prompt"' in web.get("/today/").content.decode()
    _save(web, "reason", reason="cut_down")
    assert Onboarding.objects.get(owner=person).reason == "cut_down"


@pytest.mark.parametrize(
    ("doses", "english", "french"),
    [
        (Decimal(1), "1 dose a day", "1 prise par jour"),
        (Decimal(2), "2 doses a day", "2 prises par jour"),
        (Decimal("1.5"), "1.5 doses a day", "1,5 prises par jour"),
    ],
)
def test_the_review_counts_doses_in_the_right_number(
    doses: Decimal, english: str, french: str
) -> None:
    """Regression: the review said "1 doses a day"."""
    from django.utils import translation

    from stepdown.profile.views import _pattern_text

    record = Onboarding(days_per_week=1, doses_per_day=doses)
    with translation.override("en"):
        assert _pattern_text(record) == f"1 day a week, {english}"
    with translation.override("fr"):
        assert _pattern_text(record) == f"1 jour par semaine, {french}"

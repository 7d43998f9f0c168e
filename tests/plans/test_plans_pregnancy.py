"""Pregnant or breastfeeding: the plan pauses, no cut is suggested, and the pages say why
(ACOG2017Opioid: opioid-agonist treatment is preferred to withdrawal in pregnancy)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from tests.plans.plans_helpers import make_plan

from stepdown.core.rules import Alert as RuleAlert
from stepdown.core.rules import LearnSlug, Severity, Suggestion, SuggestionKind
from stepdown.plans.models import Plan

pytestmark = pytest.mark.django_db


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode()).strip()


def _say(owner: Any, answer: str) -> None:
    from stepdown.profile.services import onboarding_save_step

    onboarding_save_step(owner=owner, step="diagnoses", answers={"pregnancy": answer})


def _slow_alert() -> RuleAlert:
    return RuleAlert(
        code="over_target",
        severity=Severity.MODERATE,
        title="The plan may be moving too fast",
        explanation="x",
        action="y",
        source="Maudsley2024",
        cause_key="step:2025-02-10",
        learn_slug=LearnSlug.TAPERING,
        suggestion=Suggestion(SuggestionKind.SLOW, days=7),
    )


def test_the_onboarding_asks_and_the_answers_page_shows_it(web: Client, person: Any) -> None:
    page = _text(web.get("/onboarding/diagnoses/"))
    assert "Are you pregnant or breastfeeding?" in page
    assert 'value="breastfeeding"' in page


@pytest.mark.parametrize("answer", ["pregnant", "breastfeeding"])
def test_saying_pregnant_pauses_the_plan_and_stops_suggestions(
    web: Client, person: Any, journal: Any, clock: Any, answer: str
) -> None:
    from stepdown.alerts.models import SuggestedAdjustment
    from stepdown.alerts.recording import record_alerts

    plan = make_plan(person)
    before = plan.end_date
    _say(person, answer)
    plan = Plan.objects.get(pk=plan.pk)
    # The current step is held as long as a hold can be: no cut comes on its own.
    assert plan.end_date == before + dt.timedelta(days=365)
    held = plan.adjustments.first()
    assert (held.kind, held.source) == ("hold", "pregnancy")
    assert "clinician" in held.reason
    # A rule that would suggest slowing down stores its alert but no plan change.
    record_alerts(owner=person, alerts=[_slow_alert()])
    assert not SuggestedAdjustment.objects.filter(owner=person).exists()
    page = _text(web.get("/plan/"))
    assert 'data-testid="plan-paused"' in page
    assert "Please talk to a clinician before changing your amount" in page
    # Saying it again does not hold a second time.
    _say(person, answer)
    assert Plan.objects.get(pk=plan.pk).end_date == plan.end_date


def test_saying_pregnant_withdraws_a_suggestion_already_waiting(
    person: Any, journal: Any, clock: Any
) -> None:
    from stepdown.alerts.models import SuggestedAdjustment
    from stepdown.alerts.recording import record_alerts

    make_plan(person)
    record_alerts(owner=person, alerts=[_slow_alert()])
    waiting = SuggestedAdjustment.objects.get(owner=person)
    assert waiting.status == SuggestedAdjustment.Status.SUGGESTED
    _say(person, "pregnant")
    waiting.refresh_from_db()
    assert waiting.status == SuggestedAdjustment.Status.SUPERSEDED


def test_without_the_answer_suggestions_are_made_as_before(
    web: Client, person: Any, journal: Any, clock: Any
) -> None:
    from stepdown.alerts.models import SuggestedAdjustment
    from stepdown.alerts.recording import record_alerts

    make_plan(person)
    _say(person, "no")
    record_alerts(owner=person, alerts=[_slow_alert()])
    assert SuggestedAdjustment.objects.filter(owner=person).count() == 1
    assert 'data-testid="plan-paused"' not in _text(web.get("/plan/"))


def test_the_api_takes_and_returns_the_answer(api: Any, person: Any, clock: Any) -> None:
    response = api.put("/onboarding", {"reason": "cut_down", "pregnancy": "pregnant"})
    assert response.status_code == 200, response.json()
    assert response.json()["pregnancy"] == "pregnant"
    bad = api.put("/onboarding", {"reason": "cut_down", "pregnancy": "maybe"})
    assert bad.status_code == 422
    assert "pregnancy" in bad.json()["detail"][0]["loc"]


def test_the_last_steps_and_the_finished_plan_warn_about_lost_tolerance(
    web: Client, person: Any, journal: Any, clock: Any
) -> None:
    plan = make_plan(person)
    assert 'data-testid="lost-tolerance"' not in _text(web.get("/plan/"))
    # The 12 g plan ends on 13 Oct 2025 (first day without a dose): its last step starts 6 Oct.
    clock.move_to(dt.datetime(2025, 10, 7, 18, tzinfo=dt.UTC))
    web.force_login(person)  # months later: a fresh session
    page = _text(web.get("/plan/"))
    assert 'data-testid="lost-tolerance"' in page
    assert "naloxone" in page
    clock.move_to(dt.datetime(2025, 10, 14, 18, tzinfo=dt.UTC))
    web.force_login(person)
    finished = _text(web.get("/plan/"))
    assert "You have reached the end of your plan" in finished
    assert "Your tolerance is lower now" in finished
    assert plan.end_date == dt.date(2025, 10, 13)

"""What other apps read: diary scores per day, flags, check-in days, safety events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from tests.checkins.checkins_answers import DIARY, daily, phq9

from stepdown.checkins import history, selectors, services
from stepdown.checkins.models import SafetyEvent
from stepdown.core.rules import DiaryScore, QuestionnaireFlag

pytestmark = pytest.mark.django_db


def _on(day: int, hour: int = 15) -> Any:
    return time_machine.travel(dt.datetime(2025, 3, day, hour, 0, tzinfo=dt.UTC), tick=False)


def test_diary_scores_take_the_latest_diary_of_each_day(person: Any, other_person: Any) -> None:
    with _on(1):
        services.response_submit(owner=person, instrument="daily", answers=daily(diary=1))
    with _on(1, 16):
        services.response_submit(
            owner=person, instrument="withdrawal", answers=dict.fromkeys(DIARY, 2)
        )
    with _on(3):
        services.response_submit(owner=person, instrument="daily", answers=daily(diary=0))
        services.response_submit(owner=other_person, instrument="daily", answers=daily(diary=4))
    scores = history.diary_scores(owner=person, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 3))
    # 1 March: the later stand-alone diary (12 × 2 = 24) replaces the check-in's 12
    assert scores == [
        DiaryScore(day=dt.date(2025, 3, 1), total=24),
        DiaryScore(day=dt.date(2025, 3, 3), total=0),
    ]


def test_flags_and_check_in_days_are_per_local_day(person: Any) -> None:
    with _on(2):
        flagged = services.response_submit(
            owner=person, instrument="daily", answers=daily(seizure="yes")
        )
        services.response_submit(
            owner=person, instrument="phq9", answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)
        )
    # 04:00 UTC on the 4th is 22:00 on the 3rd in Chicago
    with _on(4, 4):
        services.response_submit(owner=person, instrument="daily", answers=daily())
    flags = history.questionnaire_flags(
        owner=person, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 4)
    )
    assert [(f.instrument, f.flag) for f in flags] == [("daily", "seizure"), ("phq9", "self_harm")]
    assert flags[0] == QuestionnaireFlag(
        instrument="daily",
        flag="seizure",
        day=dt.date(2025, 3, 2),
        response_id=str(flagged.response.pk),
    )
    days = history.checkin_days(owner=person, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 4))
    assert days == {dt.date(2025, 3, 2), dt.date(2025, 3, 3)}


def test_an_edit_that_adds_self_harm_stores_a_safety_event(person: Any) -> None:
    first = services.response_submit(
        owner=person, instrument="phq9", answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)
    )
    assert not SafetyEvent.objects.exists()
    changed = services.response_update(
        owner=person, response_id=first.response.pk, answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 3)
    )
    assert changed.crisis
    # Changing the answer back never erases the event: it happened
    services.response_update(
        owner=person, response_id=first.response.pk, answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)
    )
    events = list(selectors.safety_events_for(owner=person, unacknowledged_only=True))
    assert [(e.response_id, e.flags, e.severity) for e in events] == [
        (first.response.pk, ["self_harm"], "high")
    ]


def test_safety_events_are_scoped_to_their_owner(person: Any, other_person: Any) -> None:
    services.response_submit(
        owner=other_person, instrument="phq9", answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)
    )
    assert not selectors.safety_events_for(owner=person).exists()
    assert selectors.safety_events_for(owner=other_person).count() == 1

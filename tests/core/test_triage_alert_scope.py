"""Which stored alerts a consent lets a clinician see (core.triage.ALERT_NEEDS)."""

from __future__ import annotations

from stepdown.core.rules.registry import ALERT_RULES
from stepdown.core.triage import ALERT_NEEDS, STAFF_TITLES, alert_shown, staff_title


def test_every_rule_code_names_the_data_it_draws_on() -> None:
    assert set(ALERT_RULES) - set(ALERT_NEEDS) == set()


def test_an_alert_needs_every_class_it_draws_on() -> None:
    assert alert_shown("self_harm", ["checkins"])
    assert not alert_shown("self_harm", ["journal", "plan", "medicines", "skin", "notes"])
    assert not alert_shown("over_target", ["journal"])
    assert alert_shown("over_target", ["journal", "plan"])
    assert not alert_shown("interaction", ["journal", "checkins"])


def test_an_unknown_code_is_never_shown() -> None:
    every = ["journal", "plan", "checkins", "medicines", "skin", "notes"]
    assert not alert_shown("some_future_rule", every)


def test_every_alert_a_clinician_can_see_has_their_own_words() -> None:
    assert set(ALERT_NEEDS) - set(STAFF_TITLES) == set()


def test_clinicians_read_alerts_in_the_third_person_never_as_addressed_to_them() -> None:
    # The stored titles speak to the person; none of the clinician's may.
    for code, wording in STAFF_TITLES.items():
        words = set(wording.lower().replace("'", " ").split())
        assert not words & {"you", "your", "yours"}, code
    assert staff_title("self_harm", "You do not have to face this alone") == (
        "Answered a check-in question about self-harm"
    )
    # Where the stored title names the specific thing, the clinician reads it too.
    assert staff_title("medical_warning", "A seizure needs medical care") == (
        "Warning symptom: A seizure needs medical care"
    )

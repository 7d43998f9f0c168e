"""Which stored alerts a consent lets a clinician see (core.triage.ALERT_NEEDS)."""

from __future__ import annotations

from stepdown.core.rules.registry import ALERT_RULES
from stepdown.core.triage import ALERT_NEEDS, alert_shown


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

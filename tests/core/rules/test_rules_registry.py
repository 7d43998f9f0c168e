"""The rule registry and dispatcher."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from stepdown.core.rules import (
    ALERT_RULES,
    LIMIT_RULES,
    SAFETY_NET_RULES,
    TREND_RULES,
    DoseEvent,
    Limits,
    QuestionnaireFlag,
    RuleContext,
    Severity,
    evaluate_rules,
)

ZONE = ZoneInfo("Europe/London")
TODAY = date(2025, 3, 4)

ISSUE_6_CODES = {
    "self_harm",
    "severe_withdrawal",
    "worse_after_cut",
    "over_target",
    "escalation",
    "potency_jump",
    "seven_oh_product",
    "failed_contaminant",
    "interaction",
    "missed_checkins",
    "medical_warning",
}


def test_every_rule_named_in_the_safety_net_issue_is_registered() -> None:
    assert set(SAFETY_NET_RULES) == ISSUE_6_CODES
    assert set(ALERT_RULES) == ISSUE_6_CODES | set(LIMIT_RULES) | set(TREND_RULES)


def test_an_unknown_rule_name_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown rule nonsense; known rules: over_daily_limit"):
        evaluate_rules(context=RuleContext(today=TODAY), codes=["nonsense"])


def test_an_empty_history_raises_nothing() -> None:
    assert evaluate_rules(context=RuleContext(today=TODAY)) == ()


def test_day_totals_are_computed_from_doses_when_not_given() -> None:
    doses = tuple(
        DoseEvent(taken_at=datetime(2025, 3, 4, hour, tzinfo=ZONE), dose_g=Decimal(2))
        for hour in (8, 13, 18)
    )
    context = RuleContext(today=TODAY, doses=doses, limits=Limits(max_g_per_day=Decimal(5)))
    # 3 × 2 g = 6 g > 5 g.
    (alert,) = evaluate_rules(context=context, codes=["over_daily_limit"])
    assert alert.cause_key == "day:2025-03-04"


def test_results_are_most_urgent_first() -> None:
    doses = (DoseEvent(taken_at=datetime(2025, 3, 4, 23, tzinfo=ZONE), dose_g=Decimal(1)),)
    context = RuleContext(
        today=TODAY,
        doses=doses,
        limits=Limits(no_use_after=datetime(2025, 1, 1, 21).time()),
        flags=(QuestionnaireFlag("phq9", "self_harm", TODAY, "r1"),),
    )
    alerts = evaluate_rules(context=context)
    assert [alert.code for alert in alerts] == ["self_harm", "late_use"]
    assert alerts[0].severity is Severity.CRITICAL


def test_check_in_warning_flags_reach_medical_warning() -> None:
    context = RuleContext(today=TODAY, flags=(QuestionnaireFlag("daily", "seizure", TODAY, "r"),))
    (alert,) = evaluate_rules(context=context, codes=["medical_warning"])
    assert alert.cause_key == "seizure:2025-03-04"

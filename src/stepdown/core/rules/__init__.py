"""Alert rules over a person's recent history (pure functions; see docs/alerts.md).

Every rule returns zero or more :class:`Alert` values. Thresholds, reasoning and sources are in
each module's docstring and in ``docs/alerts.md``.
"""

from __future__ import annotations

from stepdown.core.rules.alert import (
    Alert,
    HasAlertKey,
    Severity,
    Suggestion,
    SuggestionKind,
    Wording,
    by_severity,
    deduplicate,
    notice,
)
from stepdown.core.rules.inputs import (
    CowsScore,
    DayTotal,
    DiaryScore,
    DoseEvent,
    InteractionFinding,
    InteractionKind,
    InteractionSeverity,
    Limits,
    PlanStepView,
    ProductSwitch,
    ProductView,
    QuestionnaireFlag,
    SideEffectReport,
    WarningSymptom,
    day_totals,
    dose_in_zone,
    reports_from_flags,
)
from stepdown.core.rules.learn import LEARN_SLUGS, LearnSlug
from stepdown.core.rules.limits import (
    doses_too_close,
    late_use,
    off_day_use,
    over_daily_limit,
    past_goal_end,
    too_many_days,
)
from stepdown.core.rules.plan import missed_checkins, over_target
from stepdown.core.rules.products import failed_contaminant, potency_jump, seven_oh_product
from stepdown.core.rules.registry import (
    ALERT_RULES,
    LIMIT_RULES,
    NOTICE_MESSAGES,
    NOTICE_WORDS,
    SAFETY_NET_RULES,
    TREND_RULES,
    RuleContext,
    check_wording,
    evaluate_rules,
)
from stepdown.core.rules.safety import interaction, medical_warning, self_harm
from stepdown.core.rules.tolerance import ToleranceSignal, escalation_alerts, tolerance_signals
from stepdown.core.rules.trend import use_rising
from stepdown.core.rules.withdrawal import diary_threshold, severe_withdrawal, worse_after_cut

__all__ = [
    "ALERT_RULES",
    "LEARN_SLUGS",
    "LIMIT_RULES",
    "NOTICE_MESSAGES",
    "NOTICE_WORDS",
    "SAFETY_NET_RULES",
    "TREND_RULES",
    "Alert",
    "CowsScore",
    "DayTotal",
    "DiaryScore",
    "DoseEvent",
    "HasAlertKey",
    "InteractionFinding",
    "InteractionKind",
    "InteractionSeverity",
    "LearnSlug",
    "Limits",
    "PlanStepView",
    "ProductSwitch",
    "ProductView",
    "QuestionnaireFlag",
    "RuleContext",
    "Severity",
    "SideEffectReport",
    "Suggestion",
    "SuggestionKind",
    "ToleranceSignal",
    "WarningSymptom",
    "Wording",
    "by_severity",
    "check_wording",
    "day_totals",
    "deduplicate",
    "diary_threshold",
    "dose_in_zone",
    "doses_too_close",
    "escalation_alerts",
    "evaluate_rules",
    "failed_contaminant",
    "interaction",
    "late_use",
    "medical_warning",
    "missed_checkins",
    "notice",
    "off_day_use",
    "over_daily_limit",
    "over_target",
    "past_goal_end",
    "potency_jump",
    "reports_from_flags",
    "self_harm",
    "seven_oh_product",
    "severe_withdrawal",
    "tolerance_signals",
    "too_many_days",
    "use_rising",
    "worse_after_cut",
]

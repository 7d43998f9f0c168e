"""Plain-data views of onboarding, risk, goals and nudges, shared by the API and the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from stepdown.core.risk import NextStep, Tier
from stepdown.goals.models import Goal, Nudge, Onboarding, RiskSnapshot
from stepdown.goals.nudges import action_for, learn_url
from stepdown.goals.risk import RiskResult, factors_json


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


TIER_MEANING = {
    Tier.LOW.value: (
        "Few of the known risk factors apply to you right now. Keeping use occasional and "
        "deliberate is what keeps it that way."
    ),
    Tier.MODERATE.value: (
        "Some known risk factors apply. Clear limits and a short-term goal are good protection."
    ),
    Tier.HIGH.value: (
        "Several known risk factors apply together. Limits help, and so does talking with a "
        "professional about your use."
    ),
    Tier.LIKELY_DEPENDENCE.value: (
        "Your answers point to your body having adapted to kratom. That is common and nothing "
        "to be ashamed of; changing use gradually, with support, is the safe way."
    ),
    Tier.USE_DISORDER.value: (
        "Your DSM-5 answers are in the range of a kratom use disorder: 2–3 criteria is mild, "
        "4–5 moderate, 6 or more severe. It is a checklist, not a diagnosis, and it is common "
        "and treatable; a clinician can confirm it and help you choose a safe way forward."
    ),
}


@dataclass(frozen=True)
class Suggestion:
    text: str
    label: str
    url: str


NEXT_STEPS = {
    NextStep.SET_LIMITS.value: Suggestion(
        "Set a few limits that feel realistic: grams a day, days a week, time between doses.",
        "Set your limits",
        "/goals/",
    ),
    NextStep.MAKE_PLAN.value: Suggestion(
        "Make a gradual plan: small, steady steps are easier on the body than stopping at once.",
        "Make a plan",
        "/plan/new/",
    ),
    NextStep.SEE_PROFESSIONAL.value: Suggestion(
        "Talk to a doctor or counsellor about your use; they can help you choose a safe way "
        "forward. You can still set limits here.",
        "Find professional help",
        "/learn/finding-a-clinician/",
    ),
}


def tier_label(tier: str) -> str:
    return str(RiskSnapshot.TierChoice(tier).label)


def risk_json(result: RiskResult) -> dict[str, Any]:
    profile = result.profile
    factors = [
        factor | {"learn_url": learn_url(factor["learn_slug"])} for factor in factors_json(profile)
    ]
    return {
        "tier": profile.tier.value,
        "tier_label": tier_label(profile.tier.value),
        "score": profile.score,
        "factors": factors,
        "next_step": profile.next_step.value,
        "limited_data": profile.limited_data,
        "journal_days": profile.journal_days,
        "notes": list(profile.notes),
        "method": profile.method,
        "computed_at": result.computed_at,
        # The latest stored snapshot; it records this result only when nothing changed since.
        "snapshot_id": result.snapshot.pk if result.snapshot is not None else None,
    }


def snapshot_json(snapshot: RiskSnapshot) -> dict[str, Any]:
    return {
        "id": snapshot.pk,
        "tier": snapshot.tier,
        "tier_label": tier_label(snapshot.tier),
        "score": snapshot.score,
        "factor_codes": [factor["code"] for factor in snapshot.factors],
        "limited_data": snapshot.limited_data,
        "method": snapshot.method,
        "trigger": snapshot.trigger,
        "computed_at": snapshot.computed_at,
    }


def _screen(answers: dict[str, int] | None) -> dict[str, int] | None:
    return None if answers is None else {key: int(value) for key, value in answers.items()}


def onboarding_json(record: Onboarding, medicines: list[str]) -> dict[str, Any]:
    return {
        "status": record.status,
        "step": record.step or None,
        "reason": record.reason or None,
        "days_per_week": record.days_per_week,
        "doses_per_day": number(record.doses_per_day),
        "grams_per_dose": number(record.grams_per_dose),
        "years_of_use": number(record.years_of_use),
        "forms_used": list(record.forms_used),
        "substance_history": record.substance_history,
        "withdrawal_when_stopping": record.withdrawal_when_stopping,
        "pregnancy": record.pregnancy,
        "self_treatment": list(record.self_treatment),
        "phq2": _screen(record.phq2_answers),
        "phq2_total": record.phq2_total,
        "gad2": _screen(record.gad2_answers),
        "gad2_total": record.gad2_total,
        "diagnoses": list(record.diagnoses),
        "diagnosis_note": record.diagnosis_note,
        "medicines": medicines,
        "original_substance": record.original_substance or None,
        "original_last_used_on": record.original_last_used_on,
        "completed_at": record.completed_at,
        "updated_at": record.updated_at,
    }


def goal_json(goal: Goal | None) -> dict[str, Any]:
    if goal is None:
        return {
            "purpose": "",
            "end_date": None,
            "max_g_per_day": None,
            "max_days_per_week": None,
            "min_hours_between": None,
            "no_use_after": None,
            "allowed_weekdays": None,
            "price_per_g": None,
            "currency": "",
            "limits_from": None,
        }
    return {
        "purpose": goal.purpose,
        "end_date": goal.end_date,
        "max_g_per_day": number(goal.max_g_per_day),
        "max_days_per_week": goal.max_days_per_week,
        "min_hours_between": number(goal.min_hours_between),
        "no_use_after": goal.no_use_after.strftime("%H:%M") if goal.no_use_after else None,
        "allowed_weekdays": goal.allowed_weekdays,
        "price_per_g": number(goal.price_per_g),
        "currency": goal.currency,
        "limits_from": goal.limits_from,
    }


def nudge_json(nudge: Nudge) -> dict[str, Any]:
    action = action_for(nudge)
    return {
        "id": nudge.pk,
        "code": nudge.code,
        "cause_key": nudge.cause_key,
        "severity": nudge.severity,
        "title": nudge.title,
        "explanation": nudge.explanation,
        "action": nudge.action,
        "action_label": action.label,
        "action_url": action.url,
        "second_action_label": action.second_label,
        "second_action_url": action.second_url,
        "source": nudge.source,
        "learn_slug": nudge.learn_slug,
        "learn_url": learn_url(nudge.learn_slug),
        "created_at": nudge.created_at,
        "dismissed_at": nudge.dismissed_at,
    }


def time_text(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""

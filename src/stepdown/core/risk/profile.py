"""``risk_profile(inputs)``: a tier, the factors behind it and a suggested next step.

**Stepdown's own synthesis, not a validated score.** No published instrument predicts kratom
dependence; the factors and thresholds come from studies and the project's source document
(see ``catalogue`` and ``assess``), the weights and tier boundaries are ours:

- ``use_disorder`` when 2 or more DSM-5 criteria are met: the range of a use disorder (mild 2–3,
  moderate 4–5, severe 6 or more, APA2022DSM5TR), whatever the other factors. It is a count from
  a kratom-worded checklist that is not validated for kratom, not a diagnosis;
- otherwise ``likely_dependence`` when the person reports withdrawal when stopping (SeedRisk:
  withdrawal shows the body has adapted: physical dependence, which alone is not a disorder);
- otherwise the weights are added up: ``high`` from 6, ``moderate`` from 3, ``low`` below. With
  weights of 1–3, any single strong factor (weight 3) makes the tier at least moderate, and it
  takes two or three factors together to make it high (assumption).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stepdown.core.risk.assess import (
    DSM5_USE_DISORDER,
    MIN_JOURNAL_DAYS,
    FactorBasis,
    RiskFactor,
    assess_factors,
    use_rates,
)
from stepdown.core.risk.catalogue import FactorCode
from stepdown.core.risk.inputs import Reason, RiskInputs
from stepdown.core.says import Says

METHOD = "stepdown-synthesis-1"
MODERATE_FROM = 3
HIGH_FROM = 6


class Tier(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    LIKELY_DEPENDENCE = "likely_dependence"  # withdrawal on stopping: physical dependence
    USE_DISORDER = "use_disorder"  # 2 or more DSM-5 criteria: the range of a use disorder


class NextStep(StrEnum):
    """What onboarding suggests doing next."""

    SET_LIMITS = "set_limits"
    MAKE_PLAN = "make_plan"
    SEE_PROFESSIONAL = "see_professional"


@dataclass(frozen=True)
class RiskProfile:
    """The profile at one moment. ``method`` names the rule set, for the profile's history."""

    tier: Tier
    score: int
    factors: tuple[RiskFactor, ...]
    next_step: NextStep
    limited_data: bool
    journal_days: int
    notes: tuple[str, ...]
    method: str = METHOD
    note_says: tuple[Says, ...] = ()  # ``notes`` as messages and values (see ``says``)


def _tier(inputs: RiskInputs, score: int) -> Tier:
    criteria = inputs.dsm5_criteria or 0
    if criteria >= DSM5_USE_DISORDER:
        return Tier.USE_DISORDER
    if inputs.withdrawal_when_stopping:
        return Tier.LIKELY_DEPENDENCE
    if score >= HIGH_FROM:
        return Tier.HIGH
    if score >= MODERATE_FROM:
        return Tier.MODERATE
    return Tier.LOW


# A clinician is worth involving whatever the tier for these (Hill2024; Brown2025).
_PROFESSIONAL_FACTORS = frozenset({FactorCode.CO_OCCURRING_SUD, FactorCode.SEVEN_OH_USE})


def _next_step(inputs: RiskInputs, tier: Tier, factors: tuple[RiskFactor, ...]) -> NextStep:
    if (
        tier in (Tier.HIGH, Tier.LIKELY_DEPENDENCE, Tier.USE_DISORDER)
        or inputs.answers.reason is Reason.OPIOID_RECOVERY
        or any(factor.code in _PROFESSIONAL_FACTORS for factor in factors)
    ):
        return NextStep.SEE_PROFESSIONAL
    if inputs.answers.reason in (Reason.CUT_DOWN, Reason.QUIT):
        return NextStep.MAKE_PLAN
    return NextStep.SET_LIMITS


def _notes(inputs: RiskInputs) -> tuple[tuple[Says, ...], bool]:
    notes = []
    journal_days = inputs.journal.days_covered if inputs.journal is not None else 0
    rates = use_rates(inputs)
    limited = rates is None or rates.basis is not FactorBasis.JOURNAL
    if rates is None:
        notes.append(
            Says(
                "We do not know your pattern of use yet, so daily use, dose frequency and dose "
                "size are not counted and the tier may be too low. Logging doses for a week "
                "fixes that."
            )
        )
    elif limited:
        notes.append(
            Says(
                "Your journal covers %(days)s of the last 28 days. Until it covers %(needed)s, "
                "the use pattern comes from what you told us at the start.",
                {"days": journal_days, "needed": MIN_JOURNAL_DAYS},
            )
        )
    if inputs.dsm5_criteria is None:
        notes.append(
            Says(
                "The DSM-5 questions have not been answered yet; they make the profile more "
                "accurate."
            )
        )
    return tuple(notes), limited


def risk_profile(inputs: RiskInputs) -> RiskProfile:
    """The person's risk tier with its factors, heaviest first, and a suggested next step."""
    factors = assess_factors(inputs)
    score = sum(factor.weight for factor in factors)
    tier = _tier(inputs, score)
    notes, limited = _notes(inputs)
    return RiskProfile(
        tier=tier,
        score=score,
        factors=factors,
        next_step=_next_step(inputs, tier, factors),
        limited_data=limited,
        journal_days=inputs.journal.days_covered if inputs.journal is not None else 0,
        notes=tuple(note.text for note in notes),
        note_says=notes,
    )

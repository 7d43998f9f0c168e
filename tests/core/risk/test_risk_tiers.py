"""Tier boundaries (with the sum of weights shown), next steps, little data and invariants."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.potency import ProductForm
from stepdown.core.risk import (
    JournalSummary,
    NextStep,
    OnboardingAnswers,
    Reason,
    RiskInputs,
    RiskProfile,
    SelfTreatment,
    SubstanceHistory,
    Tier,
    UsePattern,
    risk_profile,
)

MOOD = frozenset({SelfTreatment.MOOD})


def profile(reason: Reason = Reason.JUST_TRACKING, **fields: object) -> RiskProfile:
    scores = {key: fields.pop(key) for key in ("dsm5_criteria", "sds_total") if key in fields}
    withdrawal = bool(fields.pop("withdrawal_when_stopping", False))
    journal = fields.pop("journal", None)
    answers = OnboardingAnswers(reason=reason, **fields)  # type: ignore[arg-type]
    return risk_profile(
        RiskInputs(
            answers=answers,
            journal=journal,  # type: ignore[arg-type]
            withdrawal_when_stopping=withdrawal,
            **scores,  # type: ignore[arg-type]
        )
    )


def test_no_factor_is_low() -> None:
    result = risk_profile(RiskInputs(answers=OnboardingAnswers(reason=Reason.JUST_TRACKING)))
    assert (result.tier, result.score, result.factors) == (Tier.LOW, 0, ())


def test_score_2_is_low() -> None:
    # self-treatment 2 = 2.
    result = profile(self_treatment=MOOD)
    assert (result.tier, result.score) == (Tier.LOW, 2)


def test_score_3_is_moderate() -> None:
    # self-treatment 2 + years of use 1 = 3.
    result = profile(self_treatment=MOOD, years_of_use=Decimal(2))
    assert (result.tier, result.score) == (Tier.MODERATE, 3)


def test_one_strong_factor_alone_is_moderate() -> None:
    # 7-OH products 3 = 3.
    result = profile(forms_used=frozenset({ProductForm.SEVEN_OH}))
    assert (result.tier, result.score) == (Tier.MODERATE, 3)


def test_score_5_is_moderate() -> None:
    # self-treatment 2 + PHQ-2 of 3 → 2 + years 1 = 5.
    result = profile(self_treatment=MOOD, phq2_total=3, years_of_use=Decimal(2))
    assert (result.tier, result.score) == (Tier.MODERATE, 5)


def test_score_6_is_high() -> None:
    # self-treatment 2 + PHQ-2 2 + years of use > 7 → 2 = 6.
    result = profile(self_treatment=MOOD, phq2_total=3, years_of_use=Decimal(8))
    assert (result.tier, result.score) == (Tier.HIGH, 6)


def test_one_dsm5_criterion_alone_is_low() -> None:
    # DSM-5 with 1 criterion: 2.
    result = profile(dsm5_criteria=1)
    assert (result.tier, result.score) == (Tier.LOW, 2)


@pytest.mark.parametrize(
    ("criteria", "severity"),
    # DSM-5 (APA2022DSM5TR): 2-3 criteria mild, 4-5 moderate, 6 or more severe.
    [(2, "mild"), (3, "mild"), (4, "moderate"), (5, "moderate"), (6, "severe"), (11, "severe")],
)
def test_two_or_more_dsm5_criteria_are_the_range_of_a_use_disorder(
    criteria: int, severity: str
) -> None:
    result = profile(dsm5_criteria=criteria, withdrawal_when_stopping=True)
    assert result.tier is Tier.USE_DISORDER  # not "likely dependence"
    [factor] = [f for f in result.factors if f.code.value == "dsm5_criteria"]
    assert f"range of a {severity} use disorder" in factor.explanation
    assert "dependence" not in factor.explanation


def test_withdrawal_when_stopping_is_likely_dependence() -> None:
    result = profile(withdrawal_when_stopping=True)
    assert result.tier is Tier.LIKELY_DEPENDENCE


# --- next step ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "step"),
    [
        (Reason.JUST_TRACKING, NextStep.SET_LIMITS),
        (Reason.AVOID_DEPENDENCE, NextStep.SET_LIMITS),
        (Reason.CUT_DOWN, NextStep.MAKE_PLAN),
        (Reason.QUIT, NextStep.MAKE_PLAN),
        (Reason.OPIOID_RECOVERY, NextStep.SEE_PROFESSIONAL),
    ],
)
def test_next_step_at_low_risk_follows_the_reason(reason: Reason, step: NextStep) -> None:
    assert profile(reason).next_step is step


def test_high_risk_suggests_a_professional() -> None:
    result = profile(Reason.CUT_DOWN, self_treatment=MOOD, phq2_total=3, years_of_use=Decimal(8))
    assert result.next_step is NextStep.SEE_PROFESSIONAL


def test_a_current_substance_problem_suggests_a_professional_at_any_tier() -> None:
    result = profile(substance_history=SubstanceHistory.CURRENT)
    assert result.tier is Tier.MODERATE
    assert result.next_step is NextStep.SEE_PROFESSIONAL


# --- personas and little data ---------------------------------------------------------------------


def test_alex_the_occasional_user_is_low_and_asked_to_set_limits() -> None:
    # Energy, 2–3 days a week, 3 g: self-treatment 2 = 2; 14 journal days with 6 days of use
    # (6 × 7 / 14 = 3 days a week), 6 doses of 3 g (18 g, 3 g a dose).
    alex = RiskInputs(
        answers=OnboardingAnswers(
            reason=Reason.AVOID_DEPENDENCE,
            self_treatment=frozenset({SelfTreatment.ENERGY}),
            years_of_use=Decimal("0.5"),
        ),
        journal=JournalSummary(days_covered=14, days_used=6, dose_count=6, total_g=Decimal(18)),
        dsm5_criteria=0,
    )
    result = risk_profile(alex)
    assert (result.tier, result.next_step) == (Tier.LOW, NextStep.SET_LIMITS)
    assert not result.limited_data
    assert result.notes == ()


def test_no_pattern_at_all_is_flagged_as_limited_data() -> None:
    result = profile(dsm5_criteria=0)
    assert result.limited_data
    assert "tier may be too low" in result.notes[0]


def test_a_reported_pattern_in_the_first_week_is_limited_data_and_says_so() -> None:
    result = profile(
        pattern=UsePattern(days_per_week=7, doses_per_day=Decimal(6)),
        journal=JournalSummary(days_covered=3, days_used=3, dose_count=18, total_g=Decimal(18)),
        dsm5_criteria=0,
    )
    # Reported: daily 2 + frequent 3 (6 > 5 doses a day) = 5.
    assert (result.tier, result.score, result.journal_days) == (Tier.MODERATE, 5, 3)
    assert result.limited_data
    assert "covers 3 of the last 28 days" in result.notes[0]


def test_a_missing_dsm5_check_is_noted() -> None:
    notes = profile(pattern=UsePattern(days_per_week=1, doses_per_day=Decimal(1))).notes
    assert any("DSM-5" in note for note in notes)


# --- invariants ----------------------------------------------------------------------------

ANSWERS = st.builds(
    OnboardingAnswers,
    reason=st.sampled_from(list(Reason)),
    substance_history=st.sampled_from(list(SubstanceHistory)),
    self_treatment=st.frozensets(st.sampled_from(list(SelfTreatment))),
    phq2_total=st.none() | st.integers(0, 6),
    gad2_total=st.none() | st.integers(0, 6),
    years_of_use=st.none() | st.decimals(0, 60, places=1),
    forms_used=st.frozensets(st.sampled_from(list(ProductForm))),
)


@st.composite
def journals(draw: st.DrawFn) -> JournalSummary:
    covered = draw(st.integers(0, 28))
    used = draw(st.integers(0, covered))
    doses = draw(st.integers(used, used * 30)) if used else 0
    grams = draw(st.decimals(Decimal("0.1"), 500, places=1)) if doses else Decimal(0)
    return JournalSummary(days_covered=covered, days_used=used, dose_count=doses, total_g=grams)


INPUTS = st.builds(
    RiskInputs,
    answers=ANSWERS,
    journal=st.none() | journals(),
    dsm5_criteria=st.none() | st.integers(0, 11),
    sds_total=st.none() | st.integers(0, 15),
    withdrawal_when_stopping=st.booleans(),
)

ORDER = [Tier.LOW, Tier.MODERATE, Tier.HIGH, Tier.LIKELY_DEPENDENCE, Tier.USE_DISORDER]


@settings(max_examples=200)
@given(inputs=INPUTS)
def test_profile_invariants(inputs: RiskInputs) -> None:
    result = risk_profile(inputs)
    weights = [factor.weight for factor in result.factors]
    assert result.score == sum(weights)
    assert weights == sorted(weights, reverse=True)
    assert len({factor.code for factor in result.factors}) == len(result.factors)
    if (inputs.dsm5_criteria or 0) >= 2:
        assert result.tier is Tier.USE_DISORDER
    elif inputs.withdrawal_when_stopping:
        assert result.tier is Tier.LIKELY_DEPENDENCE
    elif result.score == 0:
        assert result.tier is Tier.LOW


@settings(max_examples=200)
@given(inputs=INPUTS)
def test_reporting_withdrawal_never_lowers_the_tier(inputs: RiskInputs) -> None:
    without = risk_profile(
        RiskInputs(
            answers=inputs.answers,
            journal=inputs.journal,
            dsm5_criteria=inputs.dsm5_criteria,
            sds_total=inputs.sds_total,
        )
    )
    with_withdrawal = risk_profile(
        RiskInputs(
            answers=inputs.answers,
            journal=inputs.journal,
            dsm5_criteria=inputs.dsm5_criteria,
            sds_total=inputs.sds_total,
            withdrawal_when_stopping=True,
        )
    )
    assert ORDER.index(with_withdrawal.tier) >= ORDER.index(without.tier)
    assert with_withdrawal.tier in (Tier.LIKELY_DEPENDENCE, Tier.USE_DISORDER)

"""Each risk factor at, just below and just above its threshold, with the arithmetic shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stepdown.core.potency import ProductForm
from stepdown.core.risk import (
    Diagnosis,
    FactorBasis,
    FactorCode,
    JournalSummary,
    OnboardingAnswers,
    Reason,
    RiskFactor,
    RiskInputs,
    SelfTreatment,
    SubstanceHistory,
    UsePattern,
    assess_factors,
)

PLAIN = OnboardingAnswers(reason=Reason.JUST_TRACKING)


def factors(
    answers: OnboardingAnswers = PLAIN, journal: JournalSummary | None = None, **scores: object
) -> dict[FactorCode, RiskFactor]:
    inputs = RiskInputs(answers=answers, journal=journal, **scores)  # type: ignore[arg-type]
    return {factor.code: factor for factor in assess_factors(inputs)}


def journal(
    days_used: int, dose_count: int, total_g: str = "1", *, covered: int = 28
) -> JournalSummary:
    return JournalSummary(
        days_covered=covered, days_used=days_used, dose_count=dose_count, total_g=Decimal(total_g)
    )


def answers(**fields: object) -> OnboardingAnswers:
    return OnboardingAnswers(reason=fields.pop("reason", Reason.JUST_TRACKING), **fields)  # type: ignore[arg-type]


# --- the four groups of the source document -----------------------------------------------------


def test_past_substance_problems_are_a_history_factor() -> None:
    found = factors(answers(substance_history=SubstanceHistory.PAST))
    assert set(found) == {FactorCode.SUBSTANCE_MISUSE_HISTORY}
    assert found[FactorCode.SUBSTANCE_MISUSE_HISTORY].weight == 2


def test_opioid_recovery_counts_as_a_history_of_substance_problems() -> None:
    assert FactorCode.SUBSTANCE_MISUSE_HISTORY in factors(answers(reason=Reason.OPIOID_RECOVERY))


def test_a_current_problem_is_a_co_occurring_disorder_not_counted_twice() -> None:
    found = factors(
        answers(reason=Reason.OPIOID_RECOVERY, substance_history=SubstanceHistory.CURRENT)
    )
    assert set(found) == {FactorCode.CO_OCCURRING_SUD}
    assert found[FactorCode.CO_OCCURRING_SUD].weight == 3


@pytest.mark.parametrize("history", [SubstanceHistory.NONE, SubstanceHistory.NOT_SAID])
def test_no_or_unsaid_history_is_no_factor(history: SubstanceHistory) -> None:
    assert factors(answers(substance_history=history)) == {}


def test_self_treatment_names_what_kratom_is_used_for() -> None:
    found = factors(answers(self_treatment=frozenset({SelfTreatment.SLEEP, SelfTreatment.PAIN})))
    factor = found[FactorCode.SELF_TREATMENT]
    assert factor.explanation == "You use kratom for pain and sleep."
    assert factor.weight == 2


def test_opioid_withdrawal_is_self_treatment() -> None:
    found = factors(answers(self_treatment=frozenset({SelfTreatment.OPIOID_WITHDRAWAL})))
    assert found[FactorCode.SELF_TREATMENT].explanation == "You use kratom for opioid withdrawal."


@pytest.mark.parametrize(
    ("phq2", "gad2", "expected"),
    [(2, 2, False), (3, None, True), (None, 3, True), (2, None, False), (6, 6, True)],
)
def test_phq2_or_gad2_of_3_is_the_anxiety_or_depression_factor(
    phq2: int | None, gad2: int | None, expected: bool
) -> None:
    found = factors(answers(phq2_total=phq2, gad2_total=gad2))
    assert (FactorCode.ANXIETY_DEPRESSION in found) is expected


def test_a_shared_diagnosis_is_the_anxiety_or_depression_factor() -> None:
    found = factors(answers(diagnoses=frozenset({Diagnosis.DEPRESSION}), phq2_total=3))
    text = found[FactorCode.ANXIETY_DEPRESSION].explanation
    assert text == "Your PHQ-2 mood screen was 3 of 6; you shared a diagnosis of depression."


# --- high or frequent use, from the journal -----------------------------------------------------


def test_use_on_24_of_28_days_is_daily() -> None:
    # 24 × 7 / 28 = 6 days a week.
    found = factors(journal=journal(days_used=24, dose_count=24))
    assert found[FactorCode.DAILY_USE].basis is FactorBasis.JOURNAL


def test_use_on_23_of_28_days_is_not_daily() -> None:
    # 23 × 7 / 28 = 5.75 days a week.
    assert FactorCode.DAILY_USE not in factors(journal=journal(days_used=23, dose_count=23))


def test_more_than_5_doses_on_a_day_of_use_is_frequent_dosing() -> None:
    # 24 doses on 4 days = 6 a day (> 5); 24 × 7 / 28 = 6 a week, far from 22.
    assert FactorCode.FREQUENT_DOSING in factors(journal=journal(days_used=4, dose_count=24))


def test_exactly_5_doses_on_a_day_of_use_is_not() -> None:
    # 20 doses on 4 days = 5 a day; 5 a week.
    assert FactorCode.FREQUENT_DOSING not in factors(journal=journal(days_used=4, dose_count=20))


def test_22_doses_a_week_is_frequent_dosing() -> None:
    # 88 doses in 28 days = 22 a week; 88 / 28 = 3.1 a day, under 5.
    assert FactorCode.FREQUENT_DOSING in factors(journal=journal(days_used=28, dose_count=88))


def test_21_point_75_doses_a_week_is_not() -> None:
    # 87 × 7 / 28 = 21.75 a week.
    assert FactorCode.FREQUENT_DOSING not in factors(journal=journal(days_used=28, dose_count=87))


def test_5_g_per_dose_is_a_high_dose() -> None:
    # 50 g over 10 doses = 5.0 g a dose.
    found = factors(journal=journal(days_used=5, dose_count=10, total_g="50"))
    assert (
        found[FactorCode.HIGH_DOSE].explanation
        == "From your journal: your doses average about 5 g."
    )


def _with_mg(base: JournalSummary, mitragynine_mg: str) -> JournalSummary:
    return JournalSummary(
        days_covered=base.days_covered,
        days_used=base.days_used,
        dose_count=base.dose_count,
        total_g=base.total_g,
        mitragynine_mg=Decimal(mitragynine_mg),
    )


def test_with_known_potency_large_doses_are_read_as_mitragynine_a_day() -> None:
    # 5 g doses of a weak product (5 mg/g): 10 doses over 5 days = 250 mg, 50 mg a day of use.
    weak = _with_mg(journal(days_used=5, dose_count=10, total_g="50"), "250")
    assert FactorCode.HIGH_DOSE not in factors(journal=weak)
    # 2 g doses of a strong product (60 mg/g, within the 3.9-62.1 mg/g of US smoke-shop
    # products): 4 doses a day for 5 days = 40 g = 2,400 mg, 480 mg a day of use.
    strong = _with_mg(journal(days_used=5, dose_count=20, total_g="40"), "2400")
    found = factors(journal=strong)
    assert found[FactorCode.HIGH_DOSE].explanation == (
        "From your journal: about 480 mg of mitragynine on a day of use, estimated from your "
        "products' lab values."
    )


def test_the_mitragynine_threshold_is_240_mg_a_day_of_use() -> None:
    # 15 g a day (5 g x 3 doses, Grundmann2017) at 16 mg/g = 240 mg: the edge counts.
    assert FactorCode.HIGH_DOSE in factors(
        journal=_with_mg(journal(days_used=4, dose_count=12, total_g="60"), "960")
    )
    assert FactorCode.HIGH_DOSE not in factors(
        journal=_with_mg(journal(days_used=4, dose_count=12, total_g="60"), "959.6")
    )


def test_4_point_99_g_per_dose_is_not() -> None:
    # 49.9 g over 10 doses = 4.99 g a dose.
    found = factors(journal=journal(days_used=5, dose_count=10, total_g="49.9"))
    assert FactorCode.HIGH_DOSE not in found


# --- years of use, products, scores --------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "weight"), [("0.9", None), ("1", 1), ("7", 1), ("7.1", 2), ("20", 2)]
)
def test_years_of_regular_use(years: str, weight: int | None) -> None:
    found = factors(answers(years_of_use=Decimal(years)))
    assert (found[FactorCode.YEARS_OF_USE].weight if found else None) == weight


def test_one_year_reads_in_the_singular() -> None:
    found = factors(answers(years_of_use=Decimal(1)))
    assert found[FactorCode.YEARS_OF_USE].explanation.endswith("about 1 year.")


def test_extract_and_7oh_from_onboarding() -> None:
    found = factors(answers(forms_used=frozenset({ProductForm.EXTRACT, ProductForm.SEVEN_OH})))
    assert found[FactorCode.EXTRACT_USE].weight == 2
    assert found[FactorCode.SEVEN_OH_USE].weight == 3
    assert found[FactorCode.SEVEN_OH_USE].basis is FactorBasis.ANSWERS


def test_7oh_seen_in_the_journal_counts_even_with_few_days() -> None:
    logged = JournalSummary(
        days_covered=2,
        days_used=1,
        dose_count=1,
        total_g=Decimal("0.1"),
        forms=frozenset({ProductForm.SEVEN_OH}),
    )
    found = factors(journal=logged)
    assert found[FactorCode.SEVEN_OH_USE].basis is FactorBasis.JOURNAL


def test_leaf_only_is_no_product_factor() -> None:
    assert factors(answers(forms_used=frozenset({ProductForm.LEAF_POWDER}))) == {}


@pytest.mark.parametrize(("criteria", "weight"), [(0, None), (1, 2), (2, 6), (11, 6)])
def test_dsm5_criteria(criteria: int, weight: int | None) -> None:
    found = factors(dsm5_criteria=criteria)
    assert (found[FactorCode.DSM5_CRITERIA].weight if found else None) == weight


@pytest.mark.parametrize(("total", "present"), [(2, False), (3, True), (15, True)])
def test_sds_of_3_borrowed_from_heroin_is_a_signal(total: int, present: bool) -> None:
    assert (FactorCode.SDS_SCORE in factors(sds_total=total)) is present


def test_withdrawal_when_stopping_weighs_most() -> None:
    found = factors(withdrawal_when_stopping=True)
    assert found[FactorCode.WITHDRAWAL_WHEN_STOPPING].weight == 6


def test_factors_are_ordered_by_weight() -> None:
    inputs = RiskInputs(
        answers=answers(
            years_of_use=Decimal(2),
            self_treatment=frozenset({SelfTreatment.MOOD}),
            substance_history=SubstanceHistory.CURRENT,
        ),
        withdrawal_when_stopping=True,
    )
    weights = [factor.weight for factor in assess_factors(inputs)]
    # withdrawal 6, co-occurring 3, self-treatment 2, years 1.
    assert weights == [6, 3, 2, 1]


# --- little data ---------------------------------------------------------------------------------


def test_a_journal_under_a_week_is_not_used_for_the_pattern() -> None:
    # 6 days, used on all 6 with 7 doses each: would be daily and frequent, but too short.
    found = factors(journal=journal(days_used=6, dose_count=42, covered=6))
    assert found == {}


def test_until_the_journal_covers_a_week_the_reported_pattern_is_used() -> None:
    reported = answers(pattern=UsePattern(days_per_week=7, doses_per_day=Decimal(3)))
    found = factors(reported, journal=journal(days_used=2, dose_count=2, covered=6))
    # 7 × 3 = 21 doses a week: daily, but not frequent (21 < 22, 3 ≤ 5).
    assert set(found) == {FactorCode.DAILY_USE}
    assert found[FactorCode.DAILY_USE].basis is FactorBasis.REPORTED_PATTERN
    assert found[FactorCode.DAILY_USE].explanation.startswith("From what you told us")


def test_at_a_week_the_journal_replaces_the_reported_pattern() -> None:
    reported = answers(pattern=UsePattern(days_per_week=7, doses_per_day=Decimal(3)))
    # 2 days of use in 7 covered days: 2 a week, not daily.
    assert factors(reported, journal=journal(days_used=2, dose_count=2, covered=7)) == {}


def test_a_young_journal_is_not_read_as_light_use() -> None:
    # 14 days covered, used on all 14: 14 × 7 / 14 = 7 days a week, not 14 × 7 / 28 = 3.5.
    assert FactorCode.DAILY_USE in factors(journal=journal(days_used=14, dose_count=14, covered=14))


def test_reported_grams_per_dose_count_when_given() -> None:
    reported = answers(
        pattern=UsePattern(days_per_week=2, doses_per_day=Decimal(1), grams_per_dose=Decimal(5))
    )
    assert set(factors(reported)) == {FactorCode.HIGH_DOSE}


def test_impossible_journal_summaries_are_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 28"):
        JournalSummary(days_covered=29, days_used=0, dose_count=0, total_g=Decimal(0))
    with pytest.raises(ValueError, match="at least one dose"):
        JournalSummary(days_covered=7, days_used=3, dose_count=2, total_g=Decimal(1))

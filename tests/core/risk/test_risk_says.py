"""Each factor's explanation is also kept as messages and values (``says``), so a page can word
it in another language; the English built from them is the explanation, word for word."""

from __future__ import annotations

from decimal import Decimal

from stepdown.core.risk import (
    Diagnosis,
    FactorCode,
    OnboardingAnswers,
    Reason,
    RiskInputs,
    SelfTreatment,
    UsePattern,
    assess_factors,
    risk_profile,
)
from stepdown.core.risk.explanations import as_clauses
from stepdown.core.says import Says, Words

EVERYTHING = OnboardingAnswers(
    reason=Reason.OPIOID_RECOVERY,
    pattern=UsePattern(days_per_week=7, doses_per_day=Decimal("5.5"), grams_per_dose=Decimal(6)),
    self_treatment=frozenset({SelfTreatment.PAIN, SelfTreatment.SLEEP, SelfTreatment.MOOD}),
    diagnoses=frozenset(Diagnosis),
    phq2_total=4,
    gad2_total=5,
    years_of_use=Decimal(1),
)


def test_every_explanation_is_its_pieces_in_english() -> None:
    inputs = RiskInputs(answers=EVERYTHING, dsm5_criteria=5, sds_total=4)
    found = {factor.code: factor for factor in assess_factors(inputs)}
    for factor in found.values():
        assert factor.says, factor.code
        pieces = [part.text for part in factor.says]
        joined = as_clauses(factor.says) if factor.clauses else " ".join(pieces)
        assert factor.explanation == joined
    # 7 days a week at 5.5 doses a day: 38.5 doses a week.
    assert found[FactorCode.FREQUENT_DOSING].says == (
        Says(
            "From what you told us: about %(per_day)s doses on a day of use, %(per_week)s a week.",
            {"per_day": Decimal("5.5"), "per_week": Decimal("38.5")},
        ),
    )
    assert found[FactorCode.FREQUENT_DOSING].explanation == (
        "From what you told us: about 5.5 doses on a day of use, 38.5 a week."
    )
    assert (
        found[FactorCode.SELF_TREATMENT].explanation == "You use kratom for mood, pain and sleep."
    )
    assert found[FactorCode.YEARS_OF_USE].explanation == "You have used regularly for about 1 year."
    # Three clauses in one sentence; three diagnoses joined by "and" each time, as before.
    assert found[FactorCode.ANXIETY_DEPRESSION].explanation == (
        "Your PHQ-2 mood screen was 4 of 6; your GAD-2 anxiety screen was 5 of 6; you shared a "
        "diagnosis of anxiety and depression and another mental-health condition."
    )
    assert found[FactorCode.DSM5_CRITERIA].explanation == (
        "Your last DSM-5 check met 5 of the 11 criteria: the range of a moderate use disorder. "
        "Only a clinician can diagnose it."
    )


def test_the_notes_are_their_pieces_in_english() -> None:
    profile = risk_profile(RiskInputs(answers=OnboardingAnswers(reason=Reason.CUT_DOWN)))
    assert profile.notes == tuple(note.text for note in profile.note_says)
    assert len(profile.notes) == 2  # no pattern of use known; no DSM-5 answers


def test_words_read_as_one_phrase() -> None:
    assert Words(("pain",)).text == "pain"
    assert Words(("pain", "sleep")).text == "pain and sleep"
    assert Words(("mood", "pain", "sleep")).text == "mood, pain and sleep"
    assert Words(("a", "b", "c"), every_and=True).text == "a and b and c"

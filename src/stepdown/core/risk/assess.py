"""Which risk factors apply to a person, each explained with their own numbers.

**Little data.** The use-pattern factors (daily use, frequent dosing, large doses) read the
journal once it covers at least 7 of the last 28 days (assumption: one week shows both weekdays
and a weekend); rates are per covered day, so a two-week-old journal is not read as light use.
Before that they read the pattern the person described at onboarding, and say so. With neither,
those factors are simply not assessed, and the profile says so rather than calling use "low".

References:
    Thresholds: Singh2019 (more than 5 uses a day; more than 7 years of use), Grundmann2017
    (22 or more doses a week; 5 g or more a dose), Rogers2024 (frequency of use), Smith2022
    (length of regular use), Kroenke2003 (PHQ-2 of 3 or more), Kroenke2007 (GAD-2 of 3 or more),
    APA2022DSM5TR (2 or more criteria: a use disorder, mild 2-3, moderate 4-5, severe 6 or more),
    Gossop1995 and GonzalezSaiz2009 (SDS of 3 or more, a
    cut-off from heroin, borrowed), Hill2024 (another substance use disorder). Assumptions:
    6 days a week counts as daily, 1 year as regular use, 7 journal days as enough.

    Large doses, where the journal knows the product's potency (every dose in the window has a
    lab-based mitragynine value), are read as estimated mitragynine a day of use rather than
    grams: ``HIGH_DAILY_MITRAGYNINE_MG`` = 240 mg is an assumption, derived from Grundmann2017's
    thresholds (5 g a dose, 22 doses a week: about 15 g a day) at Stepdown's leaf default of
    16 mg/g; it lies between the US mean daily intake (78-135 mg, Sharma2025) and the Malaysian
    regular users' 276.5 mg a day, more than half with severe dependence (Singh2014).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from stepdown.core.potency import ProductForm
from stepdown.core.risk.catalogue import (
    CATALOGUE,
    DSM5_USE_DISORDER_WEIGHT,
    LONG_USE_WEIGHT,
    FactorCode,
)
from stepdown.core.risk.explanations import (
    DSM5_MET,
    FROM_ANSWERS,
    FROM_JOURNAL,
    YEARS_OF_USE,
    as_clauses,
    rounded,
    stripped,
)
from stepdown.core.risk.inputs import Diagnosis, Reason, RiskInputs, SubstanceHistory
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Says, Words, counted

MIN_JOURNAL_DAYS = 7
DAILY_DAYS_PER_WEEK = 6
MAX_USES_PER_DAY = 5  # more than this is a factor (Singh2019)
DOSES_PER_WEEK = 22  # this many or more is a factor (Grundmann2017)
HIGH_DOSE_G = 5  # this many grams a dose or more (Grundmann2017)
HIGH_DAILY_MITRAGYNINE_MG = 240  # assumption, derived above (Grundmann2017, Sharma2025, Singh2014)
REGULAR_USE_YEARS = 1
LONG_USE_YEARS = 7  # more than this (Singh2019)
PHQ2_POSITIVE = 3
GAD2_POSITIVE = 3
SDS_SIGNAL = 3
DSM5_USE_DISORDER = 2  # 2-3 mild, 4-5 moderate, 6 or more severe (APA2022DSM5TR)
DSM5_MODERATE = 4
DSM5_SEVERE = 6


class FactorBasis(StrEnum):
    """Where the information behind a factor came from."""

    ANSWERS = "answers"
    JOURNAL = "journal"
    REPORTED_PATTERN = "reported_pattern"
    QUESTIONNAIRE = "questionnaire"


@dataclass(frozen=True)
class RiskFactor:
    """One factor that applies, with the person's own numbers in ``explanation`` (``says``: the
    same as messages and values, for a page in another language; ``clauses`` when the pieces are
    clauses of one sentence rather than sentences)."""

    code: FactorCode
    label: str
    explanation: str
    weight: int
    sources: tuple[str, ...]
    evidence: str
    action: str
    learn_slug: LearnSlug
    basis: FactorBasis
    says: tuple[Says, ...] = ()
    clauses: bool = False

    @property
    def source(self) -> str:
        """The main source ID (the first of ``sources``)."""
        return self.sources[0]


@dataclass(frozen=True)
class UseRates:
    """The use pattern the factors read, and where it came from."""

    basis: FactorBasis
    use_days_per_week: Fraction
    doses_per_use_day: Fraction
    doses_per_week: Fraction
    grams_per_dose: Fraction | None
    mitragynine_mg_per_use_day: Fraction | None = None


def use_disorder_severity(criteria: int) -> str | None:
    """The DSM-5 severity range of a criteria count: mild, moderate, severe, or ``None``."""
    if criteria >= DSM5_SEVERE:
        return "severe"
    if criteria >= DSM5_MODERATE:
        return "moderate"
    if criteria >= DSM5_USE_DISORDER:
        return "mild"
    return None


def use_rates(inputs: RiskInputs) -> UseRates | None:
    """The journal's rates once it covers a week, else the onboarding pattern, else ``None``."""
    journal = inputs.journal
    if journal is not None and journal.days_covered >= MIN_JOURNAL_DAYS:
        return UseRates(
            basis=FactorBasis.JOURNAL,
            use_days_per_week=journal.use_days_per_week,
            doses_per_use_day=journal.doses_per_use_day,
            doses_per_week=journal.doses_per_week,
            grams_per_dose=journal.grams_per_dose,
            mitragynine_mg_per_use_day=journal.mitragynine_mg_per_use_day,
        )
    pattern = inputs.answers.pattern
    if pattern is None:
        return None
    doses_per_day = Fraction(pattern.doses_per_day)
    return UseRates(
        basis=FactorBasis.REPORTED_PATTERN,
        use_days_per_week=Fraction(pattern.days_per_week),
        doses_per_use_day=doses_per_day,
        doses_per_week=pattern.days_per_week * doses_per_day,
        grams_per_dose=None if pattern.grams_per_dose is None else Fraction(pattern.grams_per_dose),
    )


def _factor(
    code: FactorCode,
    says: Says | tuple[Says, ...],
    basis: FactorBasis,
    *,
    weight: int | None = None,
    clauses: bool = False,
) -> RiskFactor:
    info = CATALOGUE[code]
    parts = says if isinstance(says, tuple) else (says,)
    return RiskFactor(
        code=code,
        label=info.label,
        explanation=as_clauses(parts) if clauses else " ".join(part.text for part in parts),
        says=parts,
        clauses=clauses,
        weight=info.weight if weight is None else weight,
        sources=info.sources,
        evidence=info.evidence,
        action=info.action,
        learn_slug=info.learn_slug,
        basis=basis,
    )


def _pattern_factors(rates: UseRates) -> list[RiskFactor]:
    said = FROM_JOURNAL if rates.basis is FactorBasis.JOURNAL else FROM_ANSWERS
    found = []
    if rates.use_days_per_week >= DAILY_DAYS_PER_WEEK:
        days = rounded(rates.use_days_per_week)
        found.append(
            _factor(
                FactorCode.DAILY_USE,
                Says(said[FactorCode.DAILY_USE], {"days": days}),
                rates.basis,
            )
        )
    if rates.doses_per_use_day > MAX_USES_PER_DAY or rates.doses_per_week >= DOSES_PER_WEEK:
        values = {
            "per_day": rounded(rates.doses_per_use_day),
            "per_week": rounded(rates.doses_per_week),
        }
        found.append(
            _factor(
                FactorCode.FREQUENT_DOSING,
                Says(said[FactorCode.FREQUENT_DOSING], values),
                rates.basis,
            )
        )
    mitragynine = rates.mitragynine_mg_per_use_day
    if mitragynine is not None:
        # Potency known: the amount of alkaloid, not the grams of a product of any strength.
        if mitragynine >= HIGH_DAILY_MITRAGYNINE_MG:
            found.append(
                _factor(
                    FactorCode.HIGH_DOSE,
                    Says(said["mitragynine"], {"mg": rounded(mitragynine)}),
                    rates.basis,
                )
            )
    elif rates.grams_per_dose is not None and rates.grams_per_dose >= HIGH_DOSE_G:
        found.append(
            _factor(
                FactorCode.HIGH_DOSE,
                Says(said[FactorCode.HIGH_DOSE], {"grams": rounded(rates.grams_per_dose)}),
                rates.basis,
            )
        )
    return found


def _history_factors(inputs: RiskInputs) -> list[RiskFactor]:
    answers = inputs.answers
    if answers.substance_history is SubstanceHistory.CURRENT:
        # A current problem includes the history; counting both would weigh one fact twice.
        return [
            _factor(
                FactorCode.CO_OCCURRING_SUD,
                Says("You told us you currently have a problem with alcohol or another drug."),
                FactorBasis.ANSWERS,
            )
        ]
    if answers.substance_history is SubstanceHistory.PAST:
        reason = Says("You told us about past problems with alcohol or other drugs.")
    elif answers.reason is Reason.OPIOID_RECOVERY:
        reason = Says("You are using kratom to move away from opioids.")
    else:
        return []
    return [_factor(FactorCode.SUBSTANCE_MISUSE_HISTORY, reason, FactorBasis.ANSWERS)]


def _mind_factors(inputs: RiskInputs) -> list[RiskFactor]:
    answers = inputs.answers
    found = []
    if answers.self_treatment:
        uses = Words(tuple(use.value.replace("_", " ") for use in sorted(answers.self_treatment)))
        found.append(
            _factor(
                FactorCode.SELF_TREATMENT,
                Says("You use kratom for %(uses)s.", {"uses": uses}),
                FactorBasis.ANSWERS,
            )
        )
    reasons = []
    if answers.phq2_total is not None and answers.phq2_total >= PHQ2_POSITIVE:
        reasons.append(
            Says("your PHQ-2 mood screen was %(total)s of 6", {"total": answers.phq2_total})
        )
    if answers.gad2_total is not None and answers.gad2_total >= GAD2_POSITIVE:
        reasons.append(
            Says("your GAD-2 anxiety screen was %(total)s of 6", {"total": answers.gad2_total})
        )
    shared = sorted(answers.diagnoses)
    if shared:
        names = Words(
            tuple(
                "another mental-health condition" if item is Diagnosis.OTHER else item.value
                for item in shared
            ),
            every_and=True,
        )
        reasons.append(Says("you shared a diagnosis of %(names)s", {"names": names}))
    if reasons:
        found.append(
            _factor(
                FactorCode.ANXIETY_DEPRESSION,
                tuple(reasons),
                FactorBasis.QUESTIONNAIRE if not shared else FactorBasis.ANSWERS,
                clauses=True,
            )
        )
    return found


def _product_factors(inputs: RiskInputs) -> list[RiskFactor]:
    journal_forms = inputs.journal.forms if inputs.journal is not None else frozenset()
    found = []
    for form, code, in_journal, answered in (
        (
            ProductForm.EXTRACT,
            FactorCode.EXTRACT_USE,
            "Your journal shows extracts in the last 4 weeks.",
            "You told us you use extracts.",
        ),
        (
            ProductForm.SEVEN_OH,
            FactorCode.SEVEN_OH_USE,
            "Your journal shows 7-OH products in the last 4 weeks.",
            "You told us you use 7-OH products.",
        ),
    ):
        if form in journal_forms:
            found.append(_factor(code, Says(in_journal), FactorBasis.JOURNAL))
        elif form in inputs.answers.forms_used:
            found.append(_factor(code, Says(answered), FactorBasis.ANSWERS))
    return found


def _duration_and_scores(inputs: RiskInputs) -> list[RiskFactor]:
    found = []
    years = inputs.answers.years_of_use
    if years is not None and years >= REGULAR_USE_YEARS:
        found.append(
            _factor(
                FactorCode.YEARS_OF_USE,
                counted(YEARS_OF_USE, "years", {"years": stripped(years)}),
                FactorBasis.ANSWERS,
                weight=LONG_USE_WEIGHT if years > LONG_USE_YEARS else None,
            )
        )
    criteria = inputs.dsm5_criteria
    if criteria:
        severity = use_disorder_severity(criteria)
        found.append(
            _factor(
                FactorCode.DSM5_CRITERIA,
                Says(DSM5_MET[severity], {"criteria": criteria}),
                FactorBasis.QUESTIONNAIRE,
                weight=DSM5_USE_DISORDER_WEIGHT if severity else None,
            )
        )
    if inputs.sds_total is not None and inputs.sds_total >= SDS_SIGNAL:
        found.append(
            _factor(
                FactorCode.SDS_SCORE,
                Says(
                    "Your last Severity of Dependence Scale total was %(total)s of 15.",
                    {"total": inputs.sds_total},
                ),
                FactorBasis.QUESTIONNAIRE,
            )
        )
    if inputs.withdrawal_when_stopping:
        found.append(
            _factor(
                FactorCode.WITHDRAWAL_WHEN_STOPPING,
                Says("You told us you get withdrawal symptoms when you stop or go without."),
                FactorBasis.ANSWERS,
            )
        )
    return found


def assess_factors(inputs: RiskInputs) -> tuple[RiskFactor, ...]:
    """Every factor that applies, heaviest first (catalogue order on a tie)."""
    found: list[RiskFactor] = []
    found += _history_factors(inputs)
    found += _mind_factors(inputs)
    rates = use_rates(inputs)
    if rates is not None:
        found += _pattern_factors(rates)
    found += _product_factors(inputs)
    found += _duration_and_scores(inputs)
    order = list(FactorCode)
    return tuple(sorted(found, key=lambda factor: (-factor.weight, order.index(factor.code))))

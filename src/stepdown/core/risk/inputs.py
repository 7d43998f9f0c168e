"""What the risk profile reads: onboarding answers, a 28-day journal summary and scores."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from stepdown.core.potency import ProductForm

JOURNAL_WINDOW_DAYS = 28  # assumption: four weeks show a stable pattern of use


class Reason(StrEnum):
    """Why the person is here (onboarding's first question)."""

    AVOID_DEPENDENCE = "avoid_dependence"
    CUT_DOWN = "cut_down"
    QUIT = "quit"
    OPIOID_RECOVERY = "opioid_recovery"
    JUST_TRACKING = "just_tracking"


class SelfTreatment(StrEnum):
    """What kratom is used for, when it is used to treat oneself."""

    PAIN = "pain"
    MOOD = "mood"
    ENERGY = "energy"
    SLEEP = "sleep"
    OPIOID_WITHDRAWAL = "opioid_withdrawal"


class SubstanceHistory(StrEnum):
    """Problems with alcohol or other drugs: never, in the past, now, or not said."""

    NONE = "none"
    PAST = "past"
    CURRENT = "current"
    NOT_SAID = "not_said"


class Diagnosis(StrEnum):
    """A mental-health diagnosis the person chose to share."""

    ANXIETY = "anxiety"
    DEPRESSION = "depression"
    OTHER = "other"


def _check_range(name: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}")


@dataclass(frozen=True)
class UsePattern:
    """The pattern a person describes at onboarding (used until the journal covers a week)."""

    days_per_week: int
    doses_per_day: Decimal
    grams_per_dose: Decimal | None = None

    def __post_init__(self) -> None:
        _check_range("days_per_week", self.days_per_week, 0, 7)
        if self.doses_per_day < 0 or (self.grams_per_dose is not None and self.grams_per_dose < 0):
            raise ValueError("doses and grams cannot be negative")


@dataclass(frozen=True)
class OnboardingAnswers:
    """The onboarding answers that bear on risk; ``None`` or empty means "not answered"."""

    reason: Reason
    substance_history: SubstanceHistory = SubstanceHistory.NOT_SAID
    self_treatment: frozenset[SelfTreatment] = frozenset()
    phq2_total: int | None = None
    gad2_total: int | None = None
    diagnoses: frozenset[Diagnosis] = frozenset()
    years_of_use: Decimal | None = None
    forms_used: frozenset[ProductForm] = frozenset()
    pattern: UsePattern | None = None

    def __post_init__(self) -> None:
        _check_range("phq2_total", self.phq2_total, 0, 6)
        _check_range("gad2_total", self.gad2_total, 0, 6)
        if self.years_of_use is not None and self.years_of_use < 0:
            raise ValueError("years_of_use cannot be negative")


@dataclass(frozen=True)
class JournalSummary:
    """The journal's last 28 days.

    ``days_covered`` is how many of those days the journal existed (fewer in the first four
    weeks); the rates below are per covered day, so a new journal is not read as light use.
    """

    days_covered: int
    days_used: int
    dose_count: int
    total_g: Decimal
    forms: frozenset[ProductForm] = frozenset()
    # Estimated mitragynine over the window, only when every dose's value is lab-based.
    mitragynine_mg: Decimal | None = None

    def __post_init__(self) -> None:
        _check_range("days_covered", self.days_covered, 0, JOURNAL_WINDOW_DAYS)
        _check_range("days_used", self.days_used, 0, self.days_covered)
        if self.dose_count < self.days_used:
            raise ValueError("every day with use has at least one dose")
        if self.total_g < 0:
            raise ValueError("total_g cannot be negative")
        if self.mitragynine_mg is not None and self.mitragynine_mg < 0:
            raise ValueError("mitragynine_mg cannot be negative")
        if self.days_used == 0 and (self.dose_count or self.total_g):
            raise ValueError("doses were logged, so at least one day was used")

    @property
    def use_days_per_week(self) -> Fraction:
        return Fraction(self.days_used * 7, self.days_covered) if self.days_covered else Fraction(0)

    @property
    def doses_per_week(self) -> Fraction:
        return (
            Fraction(self.dose_count * 7, self.days_covered) if self.days_covered else Fraction(0)
        )

    @property
    def doses_per_use_day(self) -> Fraction:
        return Fraction(self.dose_count, self.days_used) if self.days_used else Fraction(0)

    @property
    def grams_per_dose(self) -> Fraction | None:
        return Fraction(self.total_g) / self.dose_count if self.dose_count else None

    @property
    def mitragynine_mg_per_use_day(self) -> Fraction | None:
        """Estimated mitragynine a day of use, when potency is known for every dose."""
        if self.mitragynine_mg is None or not self.days_used:
            return None
        return Fraction(self.mitragynine_mg) / self.days_used

    @property
    def grams_per_use_day(self) -> Fraction | None:
        return Fraction(self.total_g) / self.days_used if self.days_used else None


@dataclass(frozen=True)
class RiskInputs:
    """Everything the profile reads. DSM-5 and SDS are the latest scores, when taken."""

    answers: OnboardingAnswers
    journal: JournalSummary | None = None
    dsm5_criteria: int | None = None
    sds_total: int | None = None
    withdrawal_when_stopping: bool = False

    def __post_init__(self) -> None:
        _check_range("dsm5_criteria", self.dsm5_criteria, 0, 11)
        _check_range("sds_total", self.sds_total, 0, 15)

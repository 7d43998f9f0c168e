"""What the rules read: small frozen views of a person's recent history.

Dates and times are the person's **local** ones, computed by the caller in their time zone
(``zoneinfo``). A dose keeps an aware ``datetime`` in that zone, so its local date and wall-clock
time are read directly while gaps between doses are still exact across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from enum import StrEnum

from stepdown.core.potency import LabResult, ProductForm
from stepdown.core.units import to_decimal


@dataclass(frozen=True)
class DoseEvent:
    """One logged dose; ``taken_at`` is aware and expressed in the person's time zone."""

    taken_at: datetime
    dose_g: Decimal

    def __post_init__(self) -> None:
        if self.taken_at.tzinfo is None or self.taken_at.utcoffset() is None:
            raise ValueError("taken_at must be an aware datetime in the person's time zone")
        if self.dose_g < 0:
            raise ValueError("dose_g cannot be negative")

    @property
    def instant(self) -> datetime:
        """The moment in UTC. Python compares and subtracts two datetimes that share a tzinfo by
        wall clock, which is wrong across a daylight-saving change; UTC is always exact."""
        return self.taken_at.astimezone(UTC)

    @property
    def local_date(self) -> date:
        return self.taken_at.date()

    @property
    def local_time(self) -> time:
        return self.taken_at.timetz().replace(tzinfo=None)


def dose_in_zone(
    *, taken_at: datetime, time_zone: tzinfo, dose_g: Decimal | str | int
) -> DoseEvent:
    """A dose logged at the aware instant ``taken_at``, seen from the person's ``time_zone``."""
    if taken_at.tzinfo is None:
        raise ValueError("taken_at must be aware (the database stores UTC)")
    return DoseEvent(taken_at=taken_at.astimezone(time_zone), dose_g=to_decimal(dose_g))


@dataclass(frozen=True)
class DayTotal:
    """What the journal holds for one local day: grams and number of doses."""

    day: date
    total_g: Decimal
    dose_count: int

    def __post_init__(self) -> None:
        if self.total_g < 0 or self.dose_count < 0:
            raise ValueError("a day's total and dose count cannot be negative")
        if self.total_g > 0 and self.dose_count == 0:
            raise ValueError("a day with grams logged has at least one dose")

    @property
    def used(self) -> bool:
        return self.dose_count > 0


def day_totals(doses: Iterable[DoseEvent]) -> tuple[DayTotal, ...]:
    """Doses grouped by their local date, oldest day first (days without doses are omitted)."""
    grams: dict[date, Decimal] = {}
    counts: dict[date, int] = {}
    for dose in doses:
        grams[dose.local_date] = grams.get(dose.local_date, Decimal(0)) + dose.dose_g
        counts[dose.local_date] = counts.get(dose.local_date, 0) + 1
    return tuple(
        DayTotal(day=day, total_g=grams[day], dose_count=counts[day]) for day in sorted(grams)
    )


def index_days(days: Iterable[DayTotal]) -> Mapping[date, DayTotal]:
    """Day totals by date; a date given twice is a caller error."""
    indexed: dict[date, DayTotal] = {}
    for total in days:
        if total.day in indexed:
            raise ValueError(f"two totals for {total.day.isoformat()}")
        indexed[total.day] = total
    return indexed


@dataclass(frozen=True)
class Limits:
    """The goals and limits a person chose (docs/goals.md); ``None`` means "not set"."""

    max_g_per_day: Decimal | None = None
    max_days_per_week: int | None = None
    min_hours_between: Decimal | None = None
    no_use_after: time | None = None
    end_date: date | None = None
    # The weekdays use is planned on (0 Monday … 6 Sunday); ``None``: any day.
    allowed_weekdays: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if self.allowed_weekdays is not None and not self.allowed_weekdays <= set(range(7)):
            raise ValueError("allowed_weekdays holds numbers from 0 (Monday) to 6 (Sunday)")
        if self.max_g_per_day is not None and self.max_g_per_day < 0:
            raise ValueError("max_g_per_day cannot be negative")
        if self.max_days_per_week is not None and not 0 <= self.max_days_per_week <= 7:
            raise ValueError("max_days_per_week must be between 0 and 7")
        if self.min_hours_between is not None and self.min_hours_between < 0:
            raise ValueError("min_hours_between cannot be negative")


@dataclass(frozen=True)
class PlanStepView:
    """One taper step: its dates (both inclusive) and the daily target."""

    start_date: date
    end_date: date
    daily_g: Decimal

    def __post_init__(self) -> None:
        if self.end_date < self.start_date:
            raise ValueError("a step cannot end before it starts")
        if self.daily_g < 0:
            raise ValueError("daily_g cannot be negative")

    def covers(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


def step_on(steps: Sequence[PlanStepView], day: date) -> int | None:
    """Index of the step covering ``day``, or ``None``."""
    for index, step in enumerate(steps):
        if step.covers(day):
            return index
    return None


@dataclass(frozen=True)
class DiaryScore:
    """Total of Stepdown's daily withdrawal diary for one local day."""

    day: date
    total: int

    def __post_init__(self) -> None:
        if self.total < 0:
            raise ValueError("a diary total cannot be negative")


@dataclass(frozen=True)
class CowsScore:
    """A clinician-rated COWS total (0–48) and the day it was taken."""

    day: date
    total: int

    def __post_init__(self) -> None:
        if not 0 <= self.total <= 48:
            raise ValueError("a COWS total is between 0 and 48")


@dataclass(frozen=True)
class QuestionnaireFlag:
    """A flag raised by a scored questionnaire (e.g. ``self_harm`` from PHQ-9 item 9)."""

    instrument: str
    flag: str
    day: date
    response_id: str


class WarningSymptom(StrEnum):
    """Check-in side-effect answers that need medical attention.

    The values are the flag codes the daily check-in raises (``instruments.checkin``), so a
    questionnaire flag with one of these codes is a report (see ``reports_from_flags``).
    """

    JAUNDICE_SIGNS = "jaundice_signs"  # yellow skin or eyes, or dark urine
    SEIZURE = "seizure"
    FAINTING = "fainting"
    CHEST_PAIN = "chest_pain"
    BREATHING_TROUBLE = "breathing_trouble"
    PREGNANCY = "pregnancy"


@dataclass(frozen=True)
class SideEffectReport:
    """One warning symptom reported in a check-in on a local day."""

    day: date
    symptom: WarningSymptom


def reports_from_flags(flags: Iterable[QuestionnaireFlag]) -> tuple[SideEffectReport, ...]:
    """The warning symptoms among questionnaire flags (other flags are ignored)."""
    codes = {symptom.value for symptom in WarningSymptom}
    return tuple(
        SideEffectReport(day=flag.day, symptom=WarningSymptom(flag.flag))
        for flag in flags
        if flag.flag in codes
    )


@dataclass(frozen=True)
class ProductView:
    """A product used recently, with its form and contaminant test results."""

    product_id: str
    name: str
    form: ProductForm
    heavy_metals: LabResult = LabResult.UNKNOWN
    microbial: LabResult = LabResult.UNKNOWN


@dataclass(frozen=True)
class ProductSwitch:
    """A switch between products, as the potency module sees it.

    ``change`` is ``stepdown.core.potency.switch_change`` (0.25 = 25 % more alkaloid for the same
    grams; ``None`` when a strength is unknown). ``equivalent_g`` is, when known, the amount of
    the new product that matches the person's usual dose of the old one.
    """

    day: date
    to_product_id: str
    to_name: str
    change: Decimal | None
    usual_dose_g: Decimal | None = None
    equivalent_g: Decimal | None = None


class InteractionSeverity(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


class InteractionKind(StrEnum):
    MEDICINE = "medicine"
    SUBSTANCE = "substance"


@dataclass(frozen=True)
class InteractionFinding:
    """An interaction already looked up by the interaction checker.

    ``subject`` is the medicine or substance as the person named it; ``day`` is the day a
    co-used substance was taken (``None`` for a medicine on the person's list); ``sources`` are
    IDs from the knowledge base.
    """

    subject: str
    kind: InteractionKind
    severity: InteractionSeverity
    advice: str
    sources: tuple[str, ...]
    day: date | None = None

    def __post_init__(self) -> None:
        if not self.sources:
            raise ValueError("an interaction finding needs at least one source")
        if self.kind is InteractionKind.SUBSTANCE and self.day is None:
            raise ValueError("a co-used substance needs the day it was taken")

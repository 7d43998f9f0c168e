"""API schemas for the onboarding answers (strict in, explicit out)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal, cast

from pydantic import Field

from stepdown.profile.models import Onboarding
from stepdown.schemas import FormName, IsoDate, Out, StrictIn, number

if TYPE_CHECKING:
    from stepdown.accounts.models import User

ReasonName = Literal["avoid_dependence", "cut_down", "quit", "opioid_recovery", "just_tracking"]
HistoryName = Literal["none", "past", "current", "not_said"]
UseName = Literal["pain", "mood", "energy", "sleep", "opioid_withdrawal"]
DiagnosisName = Literal["anxiety", "depression", "other"]
StatusName = Literal["not_started", "in_progress", "completed", "skipped"]
MedicineName = Annotated[str, Field(min_length=1, max_length=100)]


class ScreenIn(StrictIn):
    """A PHQ-2 or GAD-2: both items, each 0 (not at all) to 3 (nearly every day)."""

    q1: int = Field(ge=0, le=3)
    q2: int = Field(ge=0, le=3)


class OnboardingIn(StrictIn):
    constraint_model = Onboarding

    reason: ReasonName | None = None
    days_per_week: int | None = Field(None, ge=0, le=7)
    doses_per_day: float | None = Field(None, ge=0, le=50)
    grams_per_dose: float | None = Field(None, ge=0, le=500)
    years_of_use: float | None = Field(None, ge=0, le=80)
    forms_used: list[FormName] = Field(default_factory=list, max_length=6)
    substance_history: HistoryName = "not_said"
    withdrawal_when_stopping: bool | None = None
    # Pregnant or breastfeeding pauses any taper plan (docs/tapering.md).
    pregnancy: Literal["no", "pregnant", "breastfeeding", "not_said"] = "not_said"
    self_treatment: list[UseName] = Field(default_factory=list, max_length=5)
    phq2: ScreenIn | None = None
    gad2: ScreenIn | None = None
    diagnoses: list[DiagnosisName] = Field(default_factory=list, max_length=3)
    diagnosis_note: str = Field("", max_length=200)
    medicines: list[MedicineName] = Field(default_factory=list, max_length=30)
    original_substance: str = Field("", max_length=80)
    original_last_used_on: IsoDate | None = None


class ScreenOut(Out):
    q1: int
    q2: int

    @classmethod
    def of(cls, answers: dict[str, int] | None) -> ScreenOut | None:
        return None if answers is None else cls(q1=int(answers["q1"]), q2=int(answers["q2"]))


class OnboardingOut(Out):
    status: StatusName
    step: str | None
    reason: str | None
    days_per_week: int | None
    doses_per_day: float | None
    grams_per_dose: float | None
    years_of_use: float | None
    forms_used: list[str]
    substance_history: str
    withdrawal_when_stopping: bool | None
    pregnancy: str
    self_treatment: list[str]
    phq2: ScreenOut | None
    phq2_total: int | None
    gad2: ScreenOut | None
    gad2_total: int | None
    diagnoses: list[str]
    diagnosis_note: str
    medicines: list[str]
    original_substance: str | None
    original_last_used_on: dt.date | None
    completed_at: dt.datetime | None
    updated_at: dt.datetime | None

    @classmethod
    def of(cls, record: Onboarding, medicines: list[str]) -> OnboardingOut:
        return cls(
            # The model's choices are these names; pydantic checks the stored value again.
            status=cast(StatusName, record.status),
            step=record.step or None,
            reason=record.reason or None,
            days_per_week=record.days_per_week,
            doses_per_day=number(record.doses_per_day),
            grams_per_dose=number(record.grams_per_dose),
            years_of_use=number(record.years_of_use),
            forms_used=list(record.forms_used),
            substance_history=record.substance_history,
            withdrawal_when_stopping=record.withdrawal_when_stopping,
            pregnancy=record.pregnancy,
            self_treatment=list(record.self_treatment),
            phq2=ScreenOut.of(record.phq2_answers),
            phq2_total=record.phq2_total,
            gad2=ScreenOut.of(record.gad2_answers),
            gad2_total=record.gad2_total,
            diagnoses=list(record.diagnoses),
            diagnosis_note=record.diagnosis_note,
            medicines=medicines,
            original_substance=record.original_substance or None,
            original_last_used_on=record.original_last_used_on,
            completed_at=record.completed_at,
            updated_at=record.updated_at,
        )

    @classmethod
    def not_started(cls, owner: User) -> OnboardingOut:
        """Every answer at its default, for a person who has not begun onboarding."""
        return cls.of(Onboarding(owner=owner, status="not_started"), [])

"""API schemas for onboarding, the risk profile, goals and nudges (strict in, explicit out)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import BeforeValidator, Field

from stepdown.goals.models import Goal, Onboarding
from stepdown.journal.schemas import FormName
from stepdown.schemas import IsoDate, StrictIn

ReasonName = Literal["avoid_dependence", "cut_down", "quit", "opioid_recovery", "just_tracking"]
HistoryName = Literal["none", "past", "current", "not_said"]
UseName = Literal["pain", "mood", "energy", "sleep", "opioid_withdrawal"]
DiagnosisName = Literal["anxiety", "depression", "other"]
StatusName = Literal["not_started", "in_progress", "completed", "skipped"]

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock(value: Any) -> Any:
    if not isinstance(value, str) or not _CLOCK.fullmatch(value):
        raise ValueError("must be a time of day as HH:MM, such as 20:00")
    return dt.time.fromisoformat(value)


ClockTime = Annotated[dt.time, BeforeValidator(_clock), Field(strict=False)]
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


class ScreenOut(Schema):
    q1: int
    q2: int


class OnboardingOut(Schema):
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


class FactorOut(Schema):
    code: str
    label: str
    explanation: str
    source: str
    sources: list[str]
    weight: int
    evidence: str
    action: str
    learn_slug: str
    learn_url: str
    basis: str


class RiskOut(Schema):
    tier: Literal["low", "moderate", "high", "likely_dependence", "use_disorder"]
    tier_label: str
    score: int
    factors: list[FactorOut]
    next_step: Literal["set_limits", "make_plan", "see_professional"]
    limited_data: bool
    journal_days: int
    notes: list[str]
    method: str
    computed_at: dt.datetime
    snapshot_id: int | None


class SnapshotOut(Schema):
    id: int
    tier: str
    tier_label: str
    score: int
    factor_codes: list[str]
    limited_data: bool
    method: str
    trigger: str
    computed_at: dt.datetime


class GoalIn(StrictIn):
    """Every limit is optional; one left out (or null) is "not set"."""

    constraint_model = Goal
    purpose: str = Field("", max_length=200)
    end_date: IsoDate | None = None
    max_g_per_day: float | None = Field(None, ge=0, le=500)
    max_days_per_week: int | None = Field(None, ge=0, le=7)
    min_hours_between: float | None = Field(None, ge=0, le=48)
    no_use_after: ClockTime | None = None
    # 0 Monday … 6 Sunday; null, empty or all seven: any day
    allowed_weekdays: list[Annotated[int, Field(ge=0, le=6)]] | None = Field(None, max_length=7)
    price_per_g: float | None = Field(None, ge=0, le=10000)
    currency: str = Field("", max_length=8)


class GoalOut(Schema):
    purpose: str
    end_date: dt.date | None
    max_g_per_day: float | None
    max_days_per_week: int | None
    min_hours_between: float | None
    no_use_after: str | None
    allowed_weekdays: list[int] | None
    price_per_g: float | None
    currency: str
    limits_from: dt.date | None


class NudgeOut(Schema):
    id: int
    code: str
    cause_key: str
    severity: str
    title: str
    explanation: str
    action: str
    action_label: str
    action_url: str
    second_action_label: str
    second_action_url: str
    source: str
    learn_slug: str
    learn_url: str
    created_at: dt.datetime
    dismissed_at: dt.datetime | None

"""API schemas for onboarding, the risk profile and goals (strict in, explicit out)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from django.urls import reverse
from pydantic import BeforeValidator, Field

from stepdown.core.risk import RiskFactor
from stepdown.goals.models import Goal, RiskSnapshot
from stepdown.goals.risk import RiskResult
from stepdown.goals.wording import tier_label
from stepdown.journal.schemas import FormName
from stepdown.profile.models import Onboarding
from stepdown.schemas import IsoDate, Out, StrictIn, clock, number

if TYPE_CHECKING:
    from stepdown.accounts.models import User

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


class FactorOut(Out):
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

    @classmethod
    def of(cls, factor: RiskFactor) -> FactorOut:
        return cls(
            code=factor.code.value,
            label=factor.label,
            explanation=factor.explanation,
            source=factor.source,
            sources=list(factor.sources),
            weight=factor.weight,
            evidence=factor.evidence,
            action=factor.action,
            learn_slug=factor.learn_slug.value,
            learn_url=reverse("learn:page", args=[factor.learn_slug.value]),
            basis=factor.basis.value,
        )


class RiskOut(Out):
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

    @classmethod
    def of(cls, result: RiskResult) -> RiskOut:
        profile = result.profile
        return cls(
            tier=profile.tier.value,
            tier_label=tier_label(profile.tier.value),
            score=profile.score,
            factors=[FactorOut.of(factor) for factor in profile.factors],
            next_step=profile.next_step.value,
            limited_data=profile.limited_data,
            journal_days=profile.journal_days,
            notes=list(profile.notes),
            method=profile.method,
            computed_at=result.computed_at,
            # The latest stored snapshot; it records this result only when nothing changed since.
            snapshot_id=result.snapshot.pk if result.snapshot is not None else None,
        )


class SnapshotOut(Out):
    id: int
    tier: str
    tier_label: str
    score: int
    factor_codes: list[str]
    limited_data: bool
    method: str
    trigger: str
    computed_at: dt.datetime

    @classmethod
    def of(cls, snapshot: RiskSnapshot) -> SnapshotOut:
        return cls(
            id=snapshot.pk,
            tier=snapshot.tier,
            tier_label=tier_label(snapshot.tier),
            score=snapshot.score,
            factor_codes=[factor["code"] for factor in snapshot.factors],
            limited_data=snapshot.limited_data,
            method=snapshot.method,
            trigger=snapshot.trigger,
            computed_at=snapshot.computed_at,
        )


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


class GoalOut(Out):
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

    @classmethod
    def of(cls, goal: Goal | None) -> GoalOut:
        if goal is None:
            return cls(
                purpose="",
                end_date=None,
                max_g_per_day=None,
                max_days_per_week=None,
                min_hours_between=None,
                no_use_after=None,
                allowed_weekdays=None,
                price_per_g=None,
                currency="",
                limits_from=None,
            )
        return cls(
            purpose=goal.purpose,
            end_date=goal.end_date,
            max_g_per_day=number(goal.max_g_per_day),
            max_days_per_week=goal.max_days_per_week,
            min_hours_between=number(goal.min_hours_between),
            no_use_after=clock(goal.no_use_after),
            allowed_weekdays=goal.allowed_weekdays,
            price_per_g=number(goal.price_per_g),
            currency=goal.currency,
            limits_from=goal.limits_from,
        )

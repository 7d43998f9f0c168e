"""API schemas for the risk profile and goals (strict in, explicit out)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from django.urls import reverse
from pydantic import BeforeValidator, Field

from stepdown.core.risk import RiskFactor
from stepdown.goals.models import Goal, RiskSnapshot
from stepdown.goals.risk import RiskResult
from stepdown.goals.wording import tier_label
from stepdown.schemas import IsoDate, Out, StrictIn, clock, number, refusal

if TYPE_CHECKING:
    pass

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock(value: Any) -> Any:
    if not isinstance(value, str) or not _CLOCK.fullmatch(value):
        raise refusal("time_of_day", "must be a time of day as HH:MM, such as 20:00")
    return dt.time.fromisoformat(value)


ClockTime = Annotated[dt.time, BeforeValidator(_clock), Field(strict=False)]


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

"""Frozen values of a taper plan: its parameters, its steps and the plan itself.

A plan is a run of contiguous steps. Each step holds one daily amount for a number of days and
says how that amount is split into doses. ``end_date`` is the first day without a planned dose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum


class StepKind(StrEnum):
    """Why a step exists; lets pages say "fewer doses" or "back one step" in words."""

    STABILISE = "stabilise"
    CONSOLIDATE = "consolidate"
    CUT = "cut"
    REINSTATE = "reinstate"


@dataclass(frozen=True, slots=True, kw_only=True)
class TaperParams:
    """Validated settings of a plan; adjustments re-plan with (a changed copy of) these.

    ``anchor_g`` is only used by the occupancy method: the plan's start amount. The occupancy
    step of every cut is the one a cut of ``rate_pct`` from ``anchor_g`` gives, so a lower rate
    (``slow``) always means gentler cuts.
    """

    method: str
    rate_pct: Decimal | None
    step_g: Decimal | None
    ed50_g: Decimal | None
    anchor_g: Decimal | None
    interval_days: int
    stabilize_days: int
    resolution_g: Decimal
    stop_below_g: Decimal
    doses_per_day: int
    target_doses_per_day: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TaperStep:
    """Days ``start_date`` to ``end_date`` (both inclusive) at ``daily_g`` a day.

    ``dose_g`` lists the amount of each dose of the day, largest first; it sums to ``daily_g``.
    """

    index: int
    start_date: date
    end_date: date
    daily_g: Decimal
    doses_per_day: int
    dose_g: tuple[Decimal, ...]
    kind: StepKind

    def __post_init__(self) -> None:
        if self.end_date < self.start_date:
            raise ValueError(f"step {self.index} ends before it starts")
        if self.daily_g <= 0 or any(dose <= 0 for dose in self.dose_g):
            raise ValueError(f"step {self.index} must hold a positive amount in every dose")
        if len(self.dose_g) != self.doses_per_day or sum(self.dose_g) != self.daily_g:
            raise ValueError(f"step {self.index}: the doses must add up to the daily amount")

    @property
    def days(self) -> int:
        """Number of days in the step, both ends counted."""
        return (self.end_date - self.start_date).days + 1


@dataclass(frozen=True, slots=True, kw_only=True)
class TaperPlan:
    """A whole plan: ``start_g`` is the daily amount it starts from (a resolution multiple)."""

    params: TaperParams
    start_g: Decimal
    start_date: date
    steps: tuple[TaperStep, ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("a plan needs at least one step")
        expected_start = self.start_date
        for position, step in enumerate(self.steps):
            if step.index != position:
                raise ValueError("steps must be numbered 0, 1, 2 ... in order")
            if step.start_date != expected_start:
                raise ValueError(f"step {position} does not follow the previous step directly")
            expected_start = step.end_date + timedelta(days=1)

    @property
    def method(self) -> str:
        return self.params.method

    @property
    def end_date(self) -> date:
        """The first day without a planned dose (the day after the last step ends)."""
        return self.steps[-1].end_date + timedelta(days=1)

    def step_on(self, day: date) -> TaperStep | None:
        """The step that covers ``day``, or ``None`` before the start or from ``end_date`` on."""
        for step in self.steps:
            if step.start_date <= day <= step.end_date:
                return step
        return None

    def daily_g_on(self, day: date) -> Decimal | None:
        """Planned amount for ``day``: ``None`` before the plan starts, zero once it has ended."""
        if day < self.start_date:
            return None
        step = self.step_on(day)
        return step.daily_g if step is not None else Decimal(0)

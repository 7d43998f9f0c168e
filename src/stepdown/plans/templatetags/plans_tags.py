"""Template filters for plans: steps and dates in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

from stepdown.core.tapering import StepKind

register = template.Library()

_KIND_WORDS = {
    StepKind.STABILISE: "steady days",
    StepKind.CONSOLIDATE: "one dose fewer",
    StepKind.CUT: "smaller amount",
    StepKind.REINSTATE: "back one step",
}


@register.filter
def step_kind(kind: StepKind | str | None) -> str:
    """What a step does, in a few words."""
    if kind is None:
        return ""
    return _KIND_WORDS.get(StepKind(kind), "")


@register.filter
def last_day(end_date: dt.date | None) -> dt.date | None:
    """A plan's ``end_date`` is the first day without a planned dose; people think in the last
    day with one."""
    return None if end_date is None else end_date - dt.timedelta(days=1)


@register.filter
def grams_list(doses: tuple[Decimal, ...]) -> str:
    """Per-dose amounts as "3.3 + 3.3 + 3.2 g"."""
    return " + ".join(f"{dose.normalize():f}" for dose in doses) + " g"

"""Template filters for plans: steps, dates and who changed a plan, in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.translation import gettext_lazy as _

from stepdown.core.tapering import StepKind
from stepdown.web import formatting

register = template.Library()

_KIND_WORDS = {
    StepKind.STABILISE: _("steady days"),
    StepKind.CONSOLIDATE: _("one dose fewer"),
    StepKind.CUT: _("smaller amount"),
    StepKind.REINSTATE: _("back one step"),
}

# Who asked for a change in the plan's history (``PlanAdjustment.source``); an unknown word is
# shown as it is stored.
_SOURCE_WORDS = {
    "alert": _("alert"),
    "clinician": _("clinician"),
    "pregnancy": _("pregnancy"),
}


@register.filter
def step_kind(kind: StepKind | str | None) -> str:
    """What a step does, in a few words."""
    if kind is None:
        return ""
    return str(_KIND_WORDS.get(StepKind(kind), ""))


@register.filter
def adjustment_source(source: str) -> str:
    """The history badge naming who asked for a change."""
    word = _SOURCE_WORDS.get(source)
    return str(word) if word is not None else source


@register.filter
def last_day(end_date: dt.date | None) -> dt.date | None:
    """A plan's ``end_date`` is the first day without a planned dose; people think in the last
    day with one."""
    return None if end_date is None else end_date - dt.timedelta(days=1)


@register.filter
def grams_list(doses: tuple[Decimal, ...]) -> str:
    """Per-dose amounts as "3.3 + 3.3 + 3.2 g" ("3,3 + 3,3 + 3,2 g" in French)."""
    return " + ".join(formatting.number(dose, 3) for dose in doses) + " g"

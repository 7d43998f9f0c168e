"""Small helpers the plan views share."""

from __future__ import annotations

import json
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from stepdown.accounts.requests import request_owner
from stepdown.core.pharmacokinetics import HALF_LIFE_BAND_H, plan_levels
from stepdown.core.tapering import TaperPlan
from stepdown.errors import NotFound
from stepdown.plans import selectors
from stepdown.plans.models import Plan
from stepdown.web.chart_text import ChartText, Column, chart_text


def plan_or_404(request: HttpRequest, plan_id: int) -> Plan:
    try:
        return selectors.plan_get(owner=request_owner(request), plan_id=plan_id)
    except NotFound:
        raise Http404 from None


def _g(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def preview_chart_json(plan: TaperPlan) -> str:
    """Daily targets and the modelled level band for the preview chart, as a data attribute.

    The level is relative to the steady state before the plan (1.0 = now); it is multiplied by
    the start amount so it shares the grams axis: "the daily amount that, taken steadily, would
    give this level". The band spans the half-lives 23–68 h (see core.pharmacokinetics).
    """
    levels = plan_levels(plan)
    targets = selectors.targets_between(plan, start=levels.dates[0], end=levels.dates[-1])
    start = float(plan.start_g)
    return json.dumps(
        {
            "days": [day.isoformat() for day in levels.dates],
            "target_g": [_g(targets.get(day)) for day in levels.dates],
            "level_g": [round(value * start, 3) for value in levels.level],
            "low_g": [round(value * start, 3) for value in levels.low],
            "high_g": [round(value * start, 3) for value in levels.high],
            "band": list(HALF_LIFE_BAND_H),
        }
    )


def chart_json(chart: selectors.PlanChart) -> str:
    return json.dumps(
        {
            "days": [day.isoformat() for day in chart.days],
            "planned_g": [_g(value) for value in chart.planned_g],
            "logged_g": [_g(value) for value in chart.logged_g],
        }
    )


def chart_text_of(chart: selectors.PlanChart) -> ChartText:
    return chart_text(
        chart.days,
        [Column(_("Planned"), chart.planned_g, " g"), Column(_("Logged"), chart.logged_g, " g")],
        caption=_("Planned and logged grams per day"),
    )


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))

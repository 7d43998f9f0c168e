"""``{% nudges %}`` and the nudges' context, which the Today page (``stepdown.today.panels``) and
the nudges panel share."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.cache import cache
from django.http import HttpRequest

from stepdown.goals import nudges as nudge_data
from stepdown.goals.models import Goal
from stepdown.goals.page_data import PageData, page_data
from stepdown.goals.presenters import nudge_json

register = template.Library()

TODAY_NUDGES = 3


def _data(context: template.Context) -> tuple[HttpRequest | None, PageData | None]:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return request, None
    return request, page_data(request)


def _assets(data: PageData) -> bool:
    """Whether this tag should include the stylesheet and script (only the first one does)."""
    first = not data.assets_sent
    data.assets_sent = True
    return first


CHECKED_FOR_S = 600


def _limits_signature(goal: Goal | None) -> tuple[object, ...]:
    if goal is None:
        return ()
    return (goal.pk, goal.max_g_per_day, goal.max_days_per_week, goal.min_hours_between,
            goal.no_use_after, goal.end_date, goal.limits_from,
            str(goal.allowed_weekdays))  # fmt: skip


def nudges_context(data: PageData) -> dict[str, Any]:
    """Check the journal (on render: the after-dose check) and list the current nudges.

    The check runs once per journal revision, day and set of limits: nudges depend on nothing
    else, and re-running the rules on every view would only find the same causes again.
    """
    owner = data.owner
    checked = (
        f"nudges-checked:{owner.pk}:{owner.data_revision}:{data.window.today}:"
        f"{hash(_limits_signature(data.goal))}"
    )
    if cache.add(checked, True, CHECKED_FOR_S):
        nudge_data.nudges_refresh(owner=owner, window=data.window, goal=data.goal)
    groups = nudge_data.group_by_code(nudge_data.nudges_current(owner=data.owner))
    return {
        "nudges": nudge_cards(groups[:TODAY_NUDGES]),
        "more": len(groups) > TODAY_NUDGES,
        "assets": _assets(data),
    }


def nudge_cards(groups: list[nudge_data.NudgeGroup]) -> list[dict[str, Any]]:
    return [nudge_json(group.nudge) | {"older": group.older} for group in groups]


@register.inclusion_tag("goals/tags/nudges.html", takes_context=True)
def nudges(context: template.Context) -> dict[str, Any]:
    request, data = _data(context)
    if data is None:
        return {"nudges": [], "assets": False}
    return nudges_context(data) | {"csrf_token": context.get("csrf_token"), "request": request}

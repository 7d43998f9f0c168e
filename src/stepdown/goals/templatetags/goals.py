"""Template tags for the Today page: ``{% onboarding_prompt %}``, ``{% nudges %}`` and
``{% milestones %}``. Each is one line in ``journal/_today.html``; they share one request-scoped
load (``page_data``), and the first to render also brings the app's CSS and JS."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest

from stepdown.alerts import selectors as notices
from stepdown.alerts.nudges import NudgeGroup
from stepdown.goals import milestones as milestone_data
from stepdown.goals.models import Onboarding
from stepdown.goals.page_data import PageData, page_data
from stepdown.goals.schemas import NudgeOut

register = template.Library()


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


@register.inclusion_tag("goals/tags/onboarding_prompt.html", takes_context=True)
def onboarding_prompt(context: template.Context) -> dict[str, Any]:
    """A gentle "finish setting up" banner until onboarding is completed or skipped."""
    _, data = _data(context)
    if data is None:
        return {"show": False}
    record = data.onboarding
    show = record is None or record.status == Onboarding.Status.IN_PROGRESS
    return {
        "show": show,
        "started": record is not None and bool(record.step),
        "assets": show and _assets(data),
        "csrf_token": context.get("csrf_token"),
    }


def nudges_context(data: PageData) -> dict[str, Any]:
    """The current nudge cards (a read: the rules ran after the writes that found them)."""
    found = notices.nudges_for_today(owner=data.owner)
    return {
        "nudges": nudge_cards(list(found.groups)),
        "more": found.more,
        "assets": _assets(data),
    }


def nudge_cards(groups: list[NudgeGroup]) -> list[dict[str, Any]]:
    return [NudgeOut.of(group.nudge).model_dump() | {"older": group.older} for group in groups]


@register.inclusion_tag("goals/tags/nudges.html", takes_context=True)
def nudges(context: template.Context) -> dict[str, Any]:
    request, data = _data(context)
    if data is None:
        return {"nudges": [], "assets": False}
    return nudges_context(data) | {"csrf_token": context.get("csrf_token"), "request": request}


def milestones_context(data: PageData) -> dict[str, Any]:
    return {
        "milestones": milestone_data.milestones_for(
            owner=data.owner, window=data.window, onboarding=data.onboarding, goal=data.goal
        ),
        "has_goal": data.goal is not None,
        "assets": _assets(data),
    }


@register.inclusion_tag("goals/tags/milestones.html", takes_context=True)
def milestones(context: template.Context) -> dict[str, Any]:
    _, data = _data(context)
    if data is None:
        return {"milestones": None, "assets": False}
    return milestones_context(data)

"""Nudges as JSON, shared by the API and the pages."""

from __future__ import annotations

from typing import Any

from stepdown.goals.models import Nudge
from stepdown.goals.nudges import action_for, learn_url


def nudge_json(nudge: Nudge) -> dict[str, Any]:
    action = action_for(nudge)
    return {
        "id": nudge.pk,
        "code": nudge.code,
        "cause_key": nudge.cause_key,
        "severity": nudge.severity,
        "title": nudge.title,
        "explanation": nudge.explanation,
        "action": nudge.action,
        "action_label": action.label,
        "action_url": action.url,
        "second_action_label": action.second_label,
        "second_action_url": action.second_url,
        "source": nudge.source,
        "learn_slug": nudge.learn_slug,
        "learn_url": learn_url(nudge.learn_slug),
        "created_at": nudge.created_at,
        "dismissed_at": nudge.dismissed_at,
    }

"""The nudge cards that the Today page, its nudges panel and the goals page show (reads only:
the rules ran after the writes that found the nudges)."""

from __future__ import annotations

from typing import Any

from stepdown.accounts.models import User
from stepdown.alerts import selectors as notices
from stepdown.alerts.nudges import NudgeGroup
from stepdown.goals.schemas import NudgeOut


def nudge_cards(groups: list[NudgeGroup]) -> list[dict[str, Any]]:
    return [NudgeOut.of(group.nudge).model_dump() | {"older": group.older} for group in groups]


def nudges_context(*, owner: User) -> dict[str, Any]:
    """At most three kinds of nudge for the Today page (``goals/tags/nudges.html``); the page
    that shows them brings the goals assets itself."""
    found = notices.nudges_for_today(owner=owner)
    return {"nudges": nudge_cards(list(found.groups)), "more": found.more, "assets": False}

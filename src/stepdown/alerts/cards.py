"""The nudge cards that the Today page, its nudges panel and the goals page show (reads only:
the rules ran after the writes that found the nudges)."""

from __future__ import annotations

from typing import Any

from stepdown.accounts.models import User
from stepdown.alerts import selectors
from stepdown.alerts.nudges import NudgeGroup, group_by_code
from stepdown.alerts.schemas import NudgeOut


def nudge_cards(groups: list[NudgeGroup]) -> list[dict[str, Any]]:
    return [NudgeOut.of(group.nudge).model_dump() | {"older": group.older} for group in groups]


def current_nudge_cards(*, owner: User) -> list[dict[str, Any]]:
    """Every kind of open nudge, one card each (the goals page)."""
    return nudge_cards(group_by_code(selectors.nudges_current(owner=owner)))


def nudges_context(*, owner: User) -> dict[str, Any]:
    """At most three kinds of nudge for the Today page (``alerts/nudges.html``); the page that
    shows them brings the goals assets itself."""
    found = selectors.nudges_for_today(owner=owner)
    return {"nudges": nudge_cards(list(found.groups)), "more": found.more, "assets": False}

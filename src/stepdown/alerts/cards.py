"""The nudge cards that the Today page, its nudges panel and the goals page show (reads only:
the rules ran after the writes that found the nudges)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from stepdown.accounts.models import User
from stepdown.alerts import selectors
from stepdown.alerts.models import Alert
from stepdown.alerts.nudges import NudgeGroup, group_by_code, has_own_action
from stepdown.alerts.schemas import NudgeOut
from stepdown.alerts.wording import shown_notice


def _in_words(text: str) -> str:
    return gettext(text) if text else ""  # gettext("") would be the catalogue's header


def nudge_cards(groups: list[NudgeGroup]) -> list[dict[str, Any]]:
    """The API's nudge (English) with its words in the reader's language, for a page."""
    cards = []
    for group in groups:
        nudge = group.nudge
        card = NudgeOut.of(nudge).model_dump()
        words = shown_notice(nudge)
        own = has_own_action(nudge.code)
        card |= {
            "older": group.older,
            "title": words.title,
            "explanation": words.explanation,
            "action": _in_words(card["action"]) if own else words.action,
            "action_label": _in_words(card["action_label"]),
            "second_action_label": _in_words(card["second_action_label"]),
            "severity_label": str(Alert.Level(nudge.severity).label),
        }
        cards.append(card)
    return cards


def current_nudge_cards(*, owner: User) -> list[dict[str, Any]]:
    """Every kind of open nudge, one card each (the goals page)."""
    return nudge_cards(group_by_code(selectors.nudges_current(owner=owner)))


def nudges_context(*, owner: User) -> dict[str, Any]:
    """At most three kinds of nudge for the Today page (``alerts/nudges.html``); the page that
    shows them brings the goals assets itself."""
    found = selectors.nudges_for_today(owner=owner)
    return {"nudges": nudge_cards(list(found.groups)), "more": found.more, "assets": False}

"""How a nudge card reads: its action links, and one card per kind of nudge.

A nudge's rule gives one sentence of advice; the card adds where to act on it (the last seven
days, a plan, the urge timer) and, for rules without a page of their own, the Learn page.
"""

from __future__ import annotations

from dataclasses import dataclass

from stepdown.alerts.models import Alert
from stepdown.core.rules import Alert as RuleAlert
from stepdown.core.rules import LearnSlug

PLAN_URL = "/plan/new/"
HELP_URL = "/help/"
RECENT_URL = "/goals/#recent-days"
URGE_URL = "/learn/tools/urge/"  # the Learn app's urge timer


@dataclass(frozen=True)
class NudgeAction:
    """The useful thing a nudge offers: a sentence and a link, and at most one more link."""

    text: str
    label: str
    url: str
    second_label: str = ""
    second_url: str = ""


def learn_url(slug: str) -> str:
    """The Learn page for ``slug`` (``/learn/<slug>/``; the pages belong to the Learn app)."""
    return f"/learn/{LearnSlug(slug).value}/"


_NUMBERS = (
    "Look at your last seven days next to your limits. If staying within them is getting "
    "harder, a gradual plan can help."
)
_NUMBERS_ACTION = NudgeAction(_NUMBERS, "See your last 7 days", RECENT_URL, "Make a plan", PLAN_URL)
ACTIONS: dict[str, NudgeAction] = {
    "over_daily_limit": _NUMBERS_ACTION,
    "too_many_days": _NUMBERS_ACTION,
    "off_day_use": _NUMBERS_ACTION,
    "use_rising": NudgeAction(
        "If you would like to bring use back down, a gradual plan helps; so can a daily limit.",
        "Make a plan",
        PLAN_URL,
        "Set a daily limit",
        "/goals/",
    ),
    "doses_too_close": NudgeAction(
        "Next time an urge comes early, try the urge timer: a craving usually rises, peaks and "
        "passes.",
        "Try the urge timer",
        URGE_URL,
    ),
    "past_goal_end": NudgeAction(
        "A gradual plan, or a new end date that feels realistic, can help.",
        "Make a taper plan",
        PLAN_URL,
    ),
    "escalation": NudgeAction(
        "If you would like to bring use back down, a gradual plan helps, and so can talking it "
        "through with a professional.",
        "Make a gradual plan",
        PLAN_URL,
    ),
}


def action_for(nudge: Alert | RuleAlert) -> NudgeAction:
    """The action shown with a nudge; rules without a page of their own point to Learn."""
    known = ACTIONS.get(nudge.code)
    if known is not None:
        return known
    return NudgeAction(nudge.action, "Read more", learn_url(str(nudge.learn_slug)))


@dataclass(frozen=True)
class NudgeGroup:
    """The newest open nudge of one kind, and how many older ones of that kind are open."""

    nudge: Alert
    older: int


def group_by_code(nudges: list[Alert]) -> list[NudgeGroup]:
    """One card per kind, newest first: five doses too close read as one message, not five."""
    newest: dict[str, Alert] = {}
    counts: dict[str, int] = {}
    for nudge in nudges:
        newest.setdefault(nudge.code, nudge)
        counts[nudge.code] = counts.get(nudge.code, 0) + 1
    return [NudgeGroup(nudge=nudge, older=counts[code] - 1) for code, nudge in newest.items()]

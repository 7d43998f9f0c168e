"""How a nudge card reads: its action links, and one card per kind of nudge.

A nudge's rule gives one sentence of advice; the card adds where to act on it (the last seven
days, a plan, the urge timer) and, for rules without a page of their own, the Learn page. The
words are English here (the API's); ``cards`` translates them for a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from django.urls import reverse
from django.utils.translation import gettext_noop

from stepdown.alerts.models import Alert
from stepdown.core.rules import Alert as RuleAlert
from stepdown.core.rules import LearnSlug


@dataclass(frozen=True)
class NudgeAction:
    """The useful thing a nudge offers: a sentence and a link, and at most one more link."""

    text: str
    label: str
    url: str
    second_label: str = ""
    second_url: str = ""


def learn_url(slug: str) -> str:
    """The Learn page for ``slug`` (the pages belong to the Learn app)."""
    return reverse("learn:page", args=[LearnSlug(slug).value])


_NUMBERS = gettext_noop(
    "Look at your last seven days next to your limits. If staying within them is getting "
    "harder, a gradual plan can help."
)


@cache
def _actions() -> Mapping[str, NudgeAction]:
    """The action of each nudge code; built on first use, when the URLs can be reversed."""
    plan_url = reverse("plans:new")
    recent = reverse("goals:goals") + "#recent-days"
    numbers = NudgeAction(
        _NUMBERS,
        gettext_noop("See your last 7 days"),
        recent,
        gettext_noop("Make a plan"),
        plan_url,
    )
    return {
        "over_daily_limit": numbers,
        "too_many_days": numbers,
        "off_day_use": numbers,
        "use_rising": NudgeAction(
            gettext_noop(
                "If you would like to bring use back down, a gradual plan helps; so can a daily "
                "limit."
            ),
            gettext_noop("Make a plan"),
            plan_url,
            gettext_noop("Set a daily limit"),
            reverse("goals:goals"),
        ),
        "doses_too_close": NudgeAction(
            gettext_noop(
                "Next time an urge comes early, try the urge timer: a craving usually rises, "
                "peaks and passes."
            ),
            gettext_noop("Try the urge timer"),
            reverse("learn:urge"),
        ),
        "past_goal_end": NudgeAction(
            gettext_noop("A gradual plan, or a new end date that feels realistic, can help."),
            gettext_noop("Make a taper plan"),
            plan_url,
        ),
        "escalation": NudgeAction(
            gettext_noop(
                "If you would like to bring use back down, a gradual plan helps, and so can "
                "talking it through with a professional."
            ),
            gettext_noop("Make a gradual plan"),
            plan_url,
        ),
    }


def action_for(nudge: Alert | RuleAlert) -> NudgeAction:
    """The action shown with a nudge; rules without a page of their own point to Learn."""
    known = _actions().get(nudge.code)
    if known is not None:
        return known
    return NudgeAction(nudge.action, gettext_noop("Read more"), learn_url(str(nudge.learn_slug)))


def has_own_action(code: str) -> bool:
    """Whether the card's advice is its own (else it is the rule's action)."""
    return code in _actions()


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

"""Nudges: the core's goal-and-limit rules and tolerance signals, stored once per cause.

**When they are computed.** The journal's ``dose_create`` must not depend on this app, so nudges
are computed when the Today page (or ``/goals/``, or ``GET /api/v1/nudges``) is shown, from the
doses already in the journal, and by the daily ``goals_refresh`` command for yesterday. The work
is bounded: two queries for the journal window, one to find stored nudges with the same keys,
at most one insert and one update.

**What is checked.** The limit rules (``LIMIT_RULES``) read the days from ``limits_from`` (the
day the limits last changed) or the last ``LOOKBACK_DAYS`` days, whichever is later, so a new
limit does not judge the days before it. The tolerance signals (``escalation``) read the whole
window; the core keeps them silent for the first five weeks of a journal. ``use_rising`` (the
last 7 complete days against the 7 before) speaks from two weeks on, goal or not.

**Storage.** One row per ``(code, cause_key)`` (a day, a week, a dose, an end date or a signal),
via the core's ``deduplicate``: a cause never raises a second nudge, and a dismissed nudge stays
dismissed. An open nudge's wording is refreshed when its numbers change (a second dose on a day
already over the limit).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.accounts.services import data_changed
from stepdown.core.rules import (
    LIMIT_RULES,
    TREND_RULES,
    Alert,
    LearnSlug,
    Limits,
    RuleContext,
    deduplicate,
    evaluate_rules,
)
from stepdown.errors import InvalidInput
from stepdown.goals import selectors
from stepdown.goals.history import JournalWindow, journal_window
from stepdown.goals.models import Goal, Nudge

# Assumption: two weeks covers this week and the last (the calendar-week rule) and any dose
# logged late; older days were checked when they were recent.
LOOKBACK_DAYS = 14
TOLERANCE_RULES = ("escalation", *TREND_RULES)
NUDGE_CODES = (*LIMIT_RULES, *TOLERANCE_RULES)
SHOWN_FOR_DAYS = 14  # an open nudge older than this is no longer news
# Enough for two weeks of the busiest pattern (a nudge per dose at a dozen doses a day), so
# grouping by kind sees every kind; still a bounded read.
CURRENT_NUDGES = 200

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


def action_for(nudge: Nudge | Alert) -> NudgeAction:
    """The action shown with a nudge; rules without a page of their own point to Learn."""
    known = ACTIONS.get(nudge.code)
    if known is not None:
        return known
    return NudgeAction(nudge.action, "Read more", learn_url(str(nudge.learn_slug)))


def limits_set(limits: Limits) -> bool:
    return any(
        value is not None
        for value in (
            limits.max_g_per_day,
            limits.max_days_per_week,
            limits.min_hours_between,
            limits.no_use_after,
            limits.end_date,
            limits.allowed_weekdays,
        )
    )


def limit_alerts(
    *, window: JournalWindow, goal: Goal | None, first: dt.date, last: dt.date
) -> tuple[Alert, ...]:
    """The limit rules over local days ``first``–``last``, never before ``limits_from``."""
    limits = selectors.limits_of(goal)
    if goal is None or not limits_set(limits):
        return ()
    first = max(first, goal.limits_from, window.first_day)
    if last < first:
        return ()
    context = RuleContext(
        today=last,
        days=window.days(first, last),
        doses=window.doses_between(first, last),
        limits=limits,
    )
    return evaluate_rules(context=context, codes=LIMIT_RULES)


def tolerance_alerts(*, window: JournalWindow, today: dt.date) -> tuple[Alert, ...]:
    """The tolerance signals on ``today``; quiet until the journal holds enough days.

    The journal is taken to start no earlier than the window, so days beyond what was loaded
    are never read as days without use.
    """
    if window.journal_start is None:
        return ()
    start = max(window.journal_start, window.first_day)
    context = RuleContext(today=today, journal_start=start, days=window.days(start, today))
    return evaluate_rules(context=context, codes=TOLERANCE_RULES)


def nudge_alerts(
    *, window: JournalWindow, goal: Goal | None, today: dt.date | None = None
) -> tuple[Alert, ...]:
    """Every nudge the journal calls for on ``today`` (default: the window's today)."""
    today = today or window.today
    first = today - dt.timedelta(days=LOOKBACK_DAYS - 1)
    return (
        *limit_alerts(window=window, goal=goal, first=first, last=today),
        *tolerance_alerts(window=window, today=today),
    )


def _row(owner: User, alert: Alert) -> Nudge:
    return Nudge(
        owner=owner,
        code=alert.code,
        cause_key=alert.cause_key,
        severity=alert.severity.value,
        title=alert.title,
        explanation=alert.explanation,
        action=action_for(alert).text,
        source=alert.source,
        learn_slug=alert.learn_slug.value,
    )


def store_alerts(*, owner: User, alerts: tuple[Alert, ...]) -> list[Nudge]:
    """Store the alerts not seen before; refresh the wording of open ones. Returns new rows."""
    if not alerts:
        return []
    keys = {alert.key for alert in alerts}
    stored = [
        nudge
        for nudge in Nudge.objects.filter(
            owner=owner,
            code__in={code for code, _ in keys},
            cause_key__in={cause for _, cause in keys},
        )
        if (nudge.code, nudge.cause_key) in keys
    ]
    fresh = [_row(owner, alert) for alert in deduplicate(stored, alerts)]
    if fresh:
        # A concurrent page view may store the same cause first; the unique key keeps one.
        Nudge.objects.bulk_create(fresh, ignore_conflicts=True)
    by_key = {alert.key: alert for alert in alerts}
    changed = []
    for nudge in stored:
        alert = by_key[(nudge.code, nudge.cause_key)]
        if nudge.dismissed_at is None and nudge.explanation != alert.explanation:
            nudge.title, nudge.explanation = alert.title, alert.explanation
            changed.append(nudge)
    if changed:
        Nudge.objects.bulk_update(changed, ["title", "explanation"])
    return fresh


class _Unset:
    """Marks "not passed", since ``None`` is a valid goal (the person has none)."""


UNSET = _Unset()


def nudges_refresh(
    *,
    owner: User,
    window: JournalWindow | None = None,
    goal: Goal | _Unset | None = UNSET,
    today: dt.date | None = None,
) -> list[Nudge]:
    """Check the journal against the person's limits and tolerance signals; store new nudges.

    Pages pass nothing (today, as the after-dose check). The daily job passes ``today`` as
    yesterday, a complete day. ``goal`` defaults to the person's own (read when not passed).
    """
    window = window or journal_window(owner=owner)
    if isinstance(goal, _Unset):
        goal = selectors.goal_for(owner=owner)
    return store_alerts(owner=owner, alerts=nudge_alerts(window=window, goal=goal, today=today))


def nudges_current(*, owner: User, limit: int = CURRENT_NUDGES) -> list[Nudge]:
    """Open nudges from the last ``SHOWN_FOR_DAYS`` days, newest first (at most ``limit``)."""
    since = timezone.now() - dt.timedelta(days=SHOWN_FOR_DAYS)
    return list(
        Nudge.objects.filter(owner=owner, dismissed_at__isnull=True, created_at__gte=since)[:limit]
    )


@dataclass(frozen=True)
class NudgeGroup:
    """The newest open nudge of one kind, and how many older ones of that kind are open."""

    nudge: Nudge
    older: int


def group_by_code(nudges: list[Nudge]) -> list[NudgeGroup]:
    """One card per kind, newest first: five doses too close read as one message, not five."""
    newest: dict[str, Nudge] = {}
    counts: dict[str, int] = {}
    for nudge in nudges:
        newest.setdefault(nudge.code, nudge)
        counts[nudge.code] = counts.get(nudge.code, 0) + 1
    return [NudgeGroup(nudge=nudge, older=counts[code] - 1) for code, nudge in newest.items()]


def nudge_dismiss(*, owner: User, nudge_id: int, with_older: bool = False) -> Nudge:
    """Record that the person dismissed a nudge (repeating it changes nothing).

    ``with_older`` also dismisses the older open nudges of the same kind, which a grouped card
    stands for.
    """
    if not isinstance(nudge_id, int) or isinstance(nudge_id, bool):
        raise InvalidInput("nudge_id", "Unknown nudge.")
    nudge = selectors.nudge_get(owner=owner, nudge_id=nudge_id)
    now = timezone.now()
    if with_older:
        Nudge.objects.filter(
            owner=owner,
            code=nudge.code,
            dismissed_at__isnull=True,
            created_at__lte=nudge.created_at,
        ).update(dismissed_at=now)
        data_changed(owner=owner)
        nudge.refresh_from_db(fields=["dismissed_at"])
    elif nudge.dismissed_at is None:
        nudge.dismissed_at = now
        nudge.save(update_fields=["dismissed_at"])
    return nudge

"""The triage dashboard's rows: who needs attention first, searched, filtered and paged.

Reads only; the views record the access (``audit.record_summaries``). The number of queries
does not grow with the number of people or the length of their history (``clinic.triage``
gathers every person's reasons in a fixed number of queries, most from stored summaries; the
page's rows need three more: last activity, plans and sparklines).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext

from stepdown.accounts.clock import day_start
from stepdown.accounts.models import User
from stepdown.clinic.triage import Facts, consented_people, details, gather
from stepdown.core.sparkline import Sparkline, sparkline
from stepdown.core.triage import Attention, Reason, row_key
from stepdown.errors import InvalidInput
from stepdown.journal.models import Dose
from stepdown.plans.selectors import plan_targets

PAGE_SIZE = 25
SPARK_DAYS = 28
# The data classes a row can draw on: what its summary access event names.
ROW_CLASSES = ("journal", "plan", "checkins")


@dataclass(frozen=True)
class Row:
    """One person on the dashboard."""

    id: int
    person: User
    display_name: str
    attention: list[Attention]
    last_activity_at: dt.datetime | None
    plan_status: str | None
    data_classes: tuple[str, ...]
    # The last 28 local days, oldest first: grams logged, and the plan's target (None: none).
    days: tuple[dt.date, ...] = ()
    daily_g: tuple[Decimal, ...] = ()
    target_g: tuple[Decimal | None, ...] = ()
    chart: Sparkline | None = None

    @property
    def used_classes(self) -> list[str]:
        """The shared data classes this row drew on (for the access log)."""
        return [c for c in ROW_CLASSES if c in self.data_classes]


@dataclass(frozen=True)
class DashboardPage:
    rows: list[Row]
    total: int
    page: int
    pages: int
    page_size: int
    q: str
    reason: str | None


def _reason(value: str | None) -> Reason | None:
    if not value:
        return None
    try:
        return Reason(value)
    except ValueError:
        raise InvalidInput("reason", gettext("Choose one of the reasons listed.")) from None


def dashboard(
    *, viewer: User, q: str = "", reason: str | None = None, page: int = 1
) -> DashboardPage:
    """Everyone the viewer sees through a consent in force, most in need of attention first.

    ``q`` matches part of the name they signed with (any case); ``reason`` keeps the rows with
    that attention code; ``page`` counts from 1 (a page past the end is empty)."""
    chosen = _reason(reason)
    if page < 1:
        raise InvalidInput("page", gettext("The page number starts at 1."))
    query = q.strip().casefold()
    people = [f for f in consented_people(viewer) if query in f.display_name.casefold()]
    gather(people, viewer=viewer)
    if chosen is not None:
        people = [f for f in people if any(item.code is chosen for item in f.attention)]
    people.sort(key=lambda f: row_key(f.attention, f.display_name))
    total = len(people)
    shown = people[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    details(shown)
    return DashboardPage(
        rows=_rows(shown),
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        page_size=PAGE_SIZE,
        q=q.strip(),
        reason=chosen.value if chosen else None,
    )


def _rows(shown: list[Facts]) -> list[Row]:
    """The page's rows, with their 28-day sparklines (one query for all the doses)."""
    now = timezone.now()
    charted = [f for f in shown if f.shares("journal")]
    grams: dict[int, dict[dt.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    if charted:
        since = min(
            day_start(f.person, f.today - dt.timedelta(days=SPARK_DAYS - 1)) for f in charted
        )
        doses = Dose.objects.filter(
            owner_id__in=[f.person.pk for f in charted], taken_at__gte=since, taken_at__lte=now
        ).values_list("owner_id", "taken_at", "grams")
        zones = {f.person.pk: f.person.zone for f in charted}
        for owner_id, taken_at, amount in doses:
            grams[owner_id][taken_at.astimezone(zones[owner_id]).date()] += amount or Decimal(0)
    # The rows' people as accounts, for the access log's summary events.
    accounts = User.objects.in_bulk([facts.person.pk for facts in shown])
    rows = []
    for facts in shown:
        row = Row(
            id=facts.person.pk,
            person=accounts[facts.person.pk],
            display_name=facts.display_name,
            attention=facts.attention,
            last_activity_at=facts.last_activity_at,
            plan_status=facts.plan_status,
            data_classes=tuple(sorted(facts.data_classes)),
        )
        if facts.shares("journal"):
            row = _with_chart(row, facts, grams[facts.person.pk])
        rows.append(row)
    return rows


def _with_chart(row: Row, facts: Facts, by_day: dict[dt.date, Decimal]) -> Row:
    start = facts.today - dt.timedelta(days=SPARK_DAYS - 1)
    days = tuple(start + dt.timedelta(days=n) for n in range(SPARK_DAYS))
    targets = plan_targets(facts.plan, start=start, end=facts.today) if facts.shares("plan") else {}
    daily = tuple(by_day.get(day, Decimal(0)) for day in days)
    target = tuple(targets.get(day) for day in days)
    # Today before its first dose is no point on the line, not a drop to 0 g (the day is not over).
    drawn = (*daily[:-1], daily[-1] or None)
    return replace(row, days=days, daily_g=daily, target_g=target, chart=sparkline(drawn, target))

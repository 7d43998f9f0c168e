"""Reads of taper plans, always scoped to one owner (the calendar token is the one exception:
the token itself is the credential)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet, Sum

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core.tapering import DEFAULT_RESOLUTION_G, TaperPlan, TaperStep
from stepdown.core.units import round_down_to
from stepdown.errors import NotFound
from stepdown.journal.models import Dose, Product
from stepdown.journal.selectors import average_g, daily_totals, doses_for, first_dose_day
from stepdown.plans.conversion import Logged, logged_amounts
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.snapshot import taper_of
from stepdown.web.raw_rows import columns_of, raw_models
from stepdown.web.scalars import Scalar

RECENT_DAYS = 14
# The planned-versus-logged chart runs from the plan's start to eight weeks past today (or the
# plan's end): the days so far stay readable and the page stays O(rows shown), however long
# the plan.
CHART_AHEAD_DAYS = 56


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@functools.cache
def _current_plan_sql() -> str:
    plan = columns_of(Plan, table="plans_plan")
    product = columns_of(Product, table="journal_product", prefix="product__")
    return (
        f'SELECT {plan}, {product} FROM "plans_plan" LEFT JOIN "journal_product" '  # noqa: S608
        'ON "journal_product"."id" = "plans_plan"."product_id" '
        'WHERE "plans_plan"."owner_id" = %s AND "plans_plan"."status" = %s'
    )


def current_plan(*, owner: User) -> Plan | None:
    """The person's active plan with its product, or ``None`` (a constraint allows one).

    Plain SQL: read on every Today page and plan page, the ORM query cost more to build than to
    run (docs/performance.md)."""
    found = raw_models(
        Plan, _current_plan_sql(), [owner.pk, Plan.Status.ACTIVE], related={"product": Product}
    )
    return found[0] if found else None


_ACTIVE_PLAN_FROM = ' FROM "plans_plan" WHERE "owner_id" = %s AND "status" = %s'
_ACTIVE_PLAN_SQL = "SELECT *" + _ACTIVE_PLAN_FROM


def active_plan_row(*, owner: User) -> Plan | None:
    """The active plan without its product, for the rules checked on every dose.

    Plain SQL: on the dose-logging path, building the ORM query took longer than running it.
    """
    found = raw_models(Plan, _ACTIVE_PLAN_SQL, [owner.pk, Plan.Status.ACTIVE])
    return found[0] if found else None


def active_plan_query(*, owner: User) -> Scalar:
    """The id of the person's active plan (one at most: a constraint), as a query to run with
    other apps' (``web.scalars``): whether :func:`active_plan_row` would find one."""
    return Scalar('SELECT "id"' + _ACTIVE_PLAN_FROM, (owner.pk, str(Plan.Status.ACTIVE)))


def plan_get(*, owner: User, plan_id: int) -> Plan:
    """One of the person's plans (any status); :class:`NotFound` for anyone else's."""
    try:
        return Plan.objects.select_related("product").get(owner=owner, pk=plan_id)
    except Plan.DoesNotExist:
        raise NotFound("plan") from None


def plans_for(*, owner: User) -> QuerySet[Plan]:
    """All the person's plans, newest first."""
    return Plan.objects.filter(owner=owner).select_related("product")


def plan_history(*, owner: User, plan_id: int) -> list[PlanAdjustment]:
    """Every change to the plan, newest first (one query after the ownership check)."""
    plan = plan_get(owner=owner, plan_id=plan_id)
    return list(plan.adjustments.all())


def plan_by_calendar_token(secret: str) -> Plan | None:
    """The plan a calendar link points at, or ``None`` for an unknown or revoked link, or one
    whose owner's account is closed."""
    if not secret:
        return None
    return (
        Plan.objects.select_related("product")
        # A closed account's links stop with it.
        .filter(calendar_token_hash=token_hash(secret), owner__is_active=True)
        .first()
    )


def targets_between(plan: TaperPlan, *, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """Planned grams per day from ``start`` to ``end``: nothing before the plan starts, the
    step's amount while it runs, zero from its end date on."""
    targets: dict[dt.date, Decimal] = {}
    for step in plan.steps:
        day = max(step.start_date, start)
        while day <= min(step.end_date, end):
            targets[day] = step.daily_g
            day += dt.timedelta(days=1)
    day = max(plan.end_date, start)
    while day <= end:
        targets[day] = Decimal(0)
        day += dt.timedelta(days=1)
    return targets


def daily_targets(*, owner: User, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """The active plan's target in grams for each local day from ``start`` to ``end``
    (inclusive). Days before the plan starts are absent; days from its end on are zero.
    Empty without an active plan. One query."""
    return plan_targets(current_plan(owner=owner), start=start, end=end)


def plan_targets(plan: Plan | None, *, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """:func:`daily_targets` of a plan the caller has already read (no query)."""
    if plan is None or end < start:
        return {}
    return targets_between(taper_of(plan), start=start, end=end)


@dataclass(frozen=True)
class RecentUse:
    """What the journal says about the last complete days, to prefill a new plan."""

    days: int
    avg_g: Decimal | None
    doses_per_day: int | None
    product_id: int | None
    product_name: str | None

    def start_g(self, resolution_g: Decimal = DEFAULT_RESOLUTION_G) -> Decimal | None:
        """The average as a plan would start from it: rounded *down* to what the scale (or a
        capsule count) delivers, never above the journal. The one rounding rule for both the
        wizard's "about … g a day" and its prefilled start."""
        if not self.avg_g:
            return None
        return round_down_to(self.avg_g, resolution_g)

    @property
    def shown_g(self) -> Decimal | None:
        """The average as pages show it: :meth:`start_g` on the default 0.1 g scale."""
        return self.start_g()


def recent_use(
    *, owner: User, days: int = RECENT_DAYS, now: dt.datetime | None = None
) -> RecentUse:
    """Average grams a day, doses a day and the main product over the ``days`` complete days
    before today, by the journal's one averaging rule (days from the first logged dose on), so
    a journal started three days ago is not diluted by empty days. Three queries."""
    today = local_today(owner, now=now)
    start, end = today - dt.timedelta(days=days), today - dt.timedelta(days=1)
    totals = daily_totals(owner=owner, start=start, end=end)
    used = [t for t in totals if t.dose_count]
    if not used:
        return RecentUse(days, None, None, None, None)
    avg = average_g(totals, first_day=first_dose_day(owner=owner), today=today)
    dose_avg = Decimal(sum(t.dose_count for t in used)) / len(used)
    main = (
        doses_for(owner=owner, since=start, until=end)
        .filter(product__isnull=False, product__archived_at__isnull=True)
        .order_by()
        .values("product", "product__name")
        .annotate(grams=Sum("grams"))
        .order_by("-grams", "product")
        .first()
    )
    return RecentUse(
        days=days,
        avg_g=avg,
        doses_per_day=max(1, int(dose_avg.quantize(Decimal(1), rounding=ROUND_HALF_UP))),
        product_id=main["product"] if main else None,
        product_name=main["product__name"] if main else None,
    )


def logged_by_day(
    *,
    owner: User,
    plan: Plan,
    start: dt.date,
    end: dt.date,
    doses: Iterable[Dose] | None = None,
) -> dict[dt.date, Logged]:
    """What was logged each local day, in grams of the plan's product (see ``conversion``).
    One query, whatever the number of days; none when the caller has the period's ``doses``."""
    if doses is None:
        doses = doses_for(owner=owner, since=start, until=end).order_by("taken_at")
    by_day: dict[dt.date, list] = {}  # type: ignore[type-arg]
    for dose in doses:
        by_day.setdefault(dose.taken_at.astimezone(owner.zone).date(), []).append(dose)
    return {day: logged_amounts(items, plan_product=plan.product) for day, items in by_day.items()}


@dataclass(frozen=True)
class PlanToday:
    """The plan as it stands on the person's today."""

    date: dt.date
    plan: TaperPlan
    step: TaperStep | None
    step_number: int | None
    target_g: Decimal | None
    logged: Logged
    next_change: dt.date | None
    next_step: TaperStep | None
    started: bool
    finished: bool

    @property
    def days_left(self) -> int:
        return max(0, (self.plan.end_date - self.date).days)

    @property
    def near_end(self) -> bool:
        """On one of the last two steps, or past the end: when lost tolerance matters."""
        if self.finished:
            return True
        return self.step is not None and self.step.index >= len(self.plan.steps) - 2


def plan_today(
    *,
    owner: User,
    plan: Plan,
    now: dt.datetime | None = None,
    todays_doses: list[Dose] | None = None,
) -> PlanToday:
    """Today's target, what has been logged so far, the current and the next step. One query,
    none when the caller has already read every dose of today (``todays_doses``)."""
    today = local_today(owner, now=now)
    taper = taper_of(plan)
    step = taper.step_on(today)
    logged = logged_by_day(owner=owner, plan=plan, start=today, end=today, doses=todays_doses).get(
        today, Logged()
    )
    next_step: TaperStep | None
    if today < taper.start_date:
        next_change, next_step = taper.start_date, taper.steps[0]
    elif step is not None and step.index + 1 < len(taper.steps):
        next_change, next_step = step.end_date + dt.timedelta(days=1), taper.steps[step.index + 1]
    elif step is not None:
        next_change, next_step = taper.end_date, None
    else:
        next_change, next_step = None, None
    return PlanToday(
        date=today,
        plan=taper,
        step=step,
        step_number=None if step is None else step.index + 1,
        target_g=taper.daily_g_on(today),
        logged=logged,
        next_change=next_change,
        next_step=next_step,
        started=today >= taper.start_date,
        finished=today >= taper.end_date,
    )


@dataclass(frozen=True)
class PlanChart:
    days: list[dt.date]
    planned_g: list[Decimal | None]
    logged_g: list[Decimal | None]
    approximate_days: int


def plan_chart(*, owner: User, plan: Plan, today: dt.date) -> PlanChart:
    """Planned grams from the plan's start to eight weeks ahead, and what was logged on the
    days so far (in grams of the plan's product). One query for the logged doses."""
    taper = taper_of(plan)
    first = plan.start_date
    last = min(plan.end_date, max(today, first) + dt.timedelta(days=CHART_AHEAD_DAYS))
    planned = targets_between(taper, start=first, end=last)
    logged = (
        logged_by_day(owner=owner, plan=plan, start=first, end=min(today, last))
        if today >= first
        else {}
    )
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    approx = Counter(day for day, entry in logged.items() if entry.approximate)
    return PlanChart(
        days=days,
        planned_g=[planned.get(day) for day in days],
        logged_g=[
            (logged[day].total_g if day in logged else Decimal(0)) if day <= today else None
            for day in days
        ],
        approximate_days=len(approx),
    )

"""Reads of the journal, always scoped to one owner."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.core.averages import daily_average
from stepdown.errors import NotFound
from stepdown.journal.localdate import LocalDate
from stepdown.journal.models import Dose, Product

CHART_DAYS = 90
QUICK_PAIRS = 3


def local_today(owner: User, *, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(owner.zone).date()


def day_start(owner: User, day: dt.date) -> dt.datetime:
    """The instant a local day begins in the person's time zone."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=owner.zone)


def products_for(*, owner: User, include_archived: bool = False) -> QuerySet[Product]:
    products = Product.objects.filter(owner=owner)
    return products if include_archived else products.filter(archived_at__isnull=True)


def product_get(*, owner: User, product_id: int) -> Product:
    try:
        product = Product.objects.get(owner=owner, pk=product_id)
    except Product.DoesNotExist:
        raise NotFound("product") from None
    product.owner = owner  # the same person: a write through it moves their in-memory revision
    return product


def product_by_name(*, owner: User, name: str) -> Product:
    product = products_for(owner=owner).filter(name__iexact=name.strip()).first()
    if product is None:
        raise NotFound("product")
    return product


def doses_for(
    *, owner: User, since: dt.date | None = None, until: dt.date | None = None
) -> QuerySet[Dose]:
    """Doses newest first; ``since`` and ``until`` are local dates, both inclusive."""
    doses = Dose.objects.filter(owner=owner).select_related("product")
    if since is not None:
        doses = doses.filter(taken_at__gte=day_start(owner, since))
    if until is not None:
        doses = doses.filter(taken_at__lt=day_start(owner, until + dt.timedelta(days=1)))
    return doses


def dose_get(*, owner: User, dose_id: int) -> Dose:
    try:
        dose = Dose.objects.select_related("product").get(owner=owner, pk=dose_id)
    except Dose.DoesNotExist:
        raise NotFound("dose") from None
    dose.owner = owner  # as in product_get
    return dose


def last_dose(*, owner: User) -> Dose | None:
    return Dose.objects.filter(owner=owner).select_related("product").order_by("-taken_at").first()


def dose_before(*, owner: User, taken_at: dt.datetime) -> Dose | None:
    """The person's dose just before the instant ``taken_at``, with its product. One query."""
    return (
        Dose.objects.filter(owner=owner, taken_at__lt=taken_at)
        .select_related("product")
        .order_by("-taken_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class QuickPair:
    """A recent product and amount, offered as a one-tap "same as last time" button."""

    product: Product | None
    amount: Decimal
    unit: str

    @property
    def label(self) -> str:
        unit = {"capsule": " caps"}.get(self.unit, f" {self.unit}")
        amount = f"{self.amount.normalize():f}"
        return f"{amount}{unit} {self.product.name}" if self.product else f"{amount}{unit}"


def recent_pairs(*, owner: User, limit: int = QUICK_PAIRS) -> list[QuickPair]:
    """Distinct recent (product, amount, unit) combinations, most recent first."""
    recent = (
        Dose.objects.filter(owner=owner)
        .order_by("-taken_at")
        .values_list("product_id", "amount", "unit")[:30]
    )
    keys: list[tuple[int | None, Decimal, str]] = []
    for product_id, amount, unit in recent:
        key = (product_id, amount.normalize(), unit)
        if key not in keys:
            keys.append(key)
    # Only plain columns above; the few products named are fetched in one query.
    products = products_for(owner=owner).in_bulk({k[0] for k in keys if k[0] is not None})
    pairs = [
        QuickPair(products.get(product_id) if product_id else None, amount, unit)
        for product_id, amount, unit in keys
        if product_id is None or product_id in products  # archived products are not offered
    ]
    return pairs[:limit]


@dataclass(frozen=True)
class DayTotal:
    date: dt.date
    total_g: Decimal
    dose_count: int
    mitragynine_mg: Decimal | None


def daily_totals(*, owner: User, start: dt.date, end: dt.date) -> list[DayTotal]:
    """One entry per local day from ``start`` to ``end`` inclusive, zeros on days without doses.

    Grouping by local day happens in the database (see ``LocalDate``): the query returns at most
    one row per day, whatever the number of doses.
    """
    window_start = day_start(owner, start)
    window_end = day_start(owner, end + dt.timedelta(days=1))
    rows = (
        Dose.objects.filter(owner=owner, taken_at__gte=window_start, taken_at__lt=window_end)
        .order_by()
        .annotate(day=LocalDate("taken_at", zone=owner.zone, start=window_start, end=window_end))
        .values("day")
        .annotate(sum_g=Sum("grams"), count=Count("id"), sum_mg=Sum("mitragynine_mg"))
    )
    by_day = {_as_date(row["day"]): row for row in rows}
    totals = []
    day = start
    while day <= end:
        row = by_day.get(day)
        totals.append(
            DayTotal(
                date=day,
                total_g=(row["sum_g"] or Decimal(0)) if row else Decimal(0),
                dose_count=row["count"] if row else 0,
                mitragynine_mg=row["sum_mg"] if row else None,
            )
        )
        day += dt.timedelta(days=1)
    return totals


def _as_date(value: dt.date | str) -> dt.date:
    # SQLite's date() gives text; Django converts it for DateField outputs, but be explicit.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


@dataclass(frozen=True)
class TodaySummary:
    """What the Today view and ``GET /api/v1/today`` show."""

    date: dt.date
    total_g: Decimal
    dose_count: int
    mitragynine_mg: Decimal | None
    mitragynine_estimated: bool
    last_dose_at: dt.datetime | None
    avg_7d_g: Decimal | None
    avg_28d_g: Decimal | None
    first_day: dt.date | None  # of the journal: the chart draws nothing before it
    chart: list[DayTotal]
    rolling_7d_g: list[Decimal | None]


def first_dose_day(*, owner: User) -> dt.date | None:
    """The local day of the person's first logged dose (the journal's first day). One query."""
    first = Dose.objects.filter(owner=owner).order_by("taken_at").values("taken_at").first()
    return first["taken_at"].astimezone(owner.zone).date() if first else None


def doses_of_first_days(*, owner: User, days: int) -> QuerySet[Dose]:
    """The doses of the journal's first ``days`` days, oldest first, in one query (a subquery
    finds the first dose). The span is one UTC day longer, so it holds the first ``days`` local
    days whatever the zone; the caller keeps the local days it needs."""
    first_at = Dose.objects.filter(owner=owner).order_by("taken_at").values("taken_at")[:1]
    until = ExpressionWrapper(
        Subquery(first_at) + Value(dt.timedelta(days=days + 1)), output_field=DateTimeField()
    )
    return Dose.objects.filter(owner=owner, taken_at__lt=until).order_by("taken_at", "pk")


def average_g(
    totals: list[DayTotal], *, first_day: dt.date | None, today: dt.date
) -> Decimal | None:
    """Grams a day over ``totals`` by the one averaging rule (``stepdown.core.averages``)."""
    found = daily_average(((t.date, t.total_g) for t in totals), first_day=first_day, today=today)
    return None if found is None else found.g_per_day


def today_summary(*, owner: User, now: dt.datetime | None = None) -> TodaySummary:
    """Today's totals, averages over complete past days, and the 90-day chart series.

    The averages cover the 7 and 28 days before today and follow the one averaging rule
    (``stepdown.core.averages``: days from the first dose on, today left out).
    A constant number of queries, whatever the length of the history.
    """
    now = now or timezone.now()
    today = local_today(owner, now=now)
    today_stats = doses_for(owner=owner, since=today, until=today).aggregate(
        sum_g=Sum("grams"),
        count=Count("id"),
        sum_mg=Sum("mitragynine_mg"),
        estimated=Count("id", filter=Q(mitragynine_estimated=True)),
        unknown=Count("id", filter=Q(mitragynine_mg__isnull=True)),
    )
    last = Dose.objects.filter(owner=owner).order_by("-taken_at").values("taken_at").first()
    first_day = first_dose_day(owner=owner)

    window_start = today - dt.timedelta(days=CHART_DAYS - 1 + 6)
    series = daily_totals(owner=owner, start=window_start, end=today)
    chart = series[6:]
    # Each complete day's 7-day average; today's would mix in a day that is not over yet.
    rolling: list[Decimal | None] = [
        average_g(series[index - 6 : index + 1], first_day=first_day, today=today)
        for index in range(6, len(series) - 1)
    ]
    rolling.append(None)
    past = series[:-1]
    return TodaySummary(
        date=today,
        total_g=today_stats["sum_g"] or Decimal(0),
        dose_count=today_stats["count"],
        mitragynine_mg=today_stats["sum_mg"],
        mitragynine_estimated=bool(today_stats["estimated"] or today_stats["unknown"]),
        last_dose_at=last["taken_at"] if last else None,
        avg_7d_g=average_g(past[-7:], first_day=first_day, today=today),
        avg_28d_g=average_g(past[-28:], first_day=first_day, today=today),
        first_day=first_day,
        chart=chart,
        rolling_7d_g=rolling,
    )

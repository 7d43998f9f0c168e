"""Reads of the journal, always scoped to one owner."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import (
    DateTimeField,
    ExpressionWrapper,
    QuerySet,
    Subquery,
    Value,
)
from django.utils import timezone

from stepdown.accounts.clock import day_start, local_today
from stepdown.accounts.models import User
from stepdown.core.averages import daily_average
from stepdown.errors import NotFound
from stepdown.journal.localdate import local_date_sql
from stepdown.journal.models import Dose, Product
from stepdown.web.scalars import Scalar

CHART_DAYS = 90


def products_for(*, owner: User, include_archived: bool = False) -> QuerySet[Product]:
    products = Product.objects.filter(owner=owner)
    return products if include_archived else products.filter(archived_at__isnull=True)


_PRODUCT_NAMES_SQL = (
    'SELECT "id", "name" FROM "journal_product" '
    'WHERE "owner_id" = %s AND "archived_at" IS NULL ORDER BY "name"'
)


def product_names(*, owner: User) -> list[tuple[int, str]]:
    """The ids and names of the person's products in use, by name: a form's choices. One plain
    query (no instances: a form draws only these two)."""
    with connection.cursor() as cursor:
        cursor.execute(_PRODUCT_NAMES_SQL, [owner.pk])
        return [(pk, name) for pk, name in cursor.fetchall()]


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


def dose_by_client_id(*, owner: User, client_id: uuid.UUID) -> Dose | None:
    """The person's dose logged with the idempotency key ``client_id`` (at most one: a unique
    constraint), or ``None``. One query, asked only when a write found the key taken: a new
    dose's insert finds a repeated key itself (``services.dose_create``)."""
    return Dose.objects.filter(owner=owner, client_id=client_id).first()


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
class DayTotal:
    date: dt.date
    total_g: Decimal
    dose_count: int
    mitragynine_mg: Decimal | None


def daily_totals(*, owner: User, start: dt.date, end: dt.date) -> list[DayTotal]:
    """One entry per local day from ``start`` to ``end`` inclusive, zeros on days without doses.

    Grouping by local day happens in the database (see ``localdate``): the query returns at most
    one row per day, whatever the number of doses.
    """
    return _totals(_day_rows(owner=owner, start=start, end=end), start=start, end=end)


# Plain SQL for the reads on every dose logged and every summary computed: building these ORM
# queries (and converting their columns) cost several times running them (docs/performance.md).
# Standard SQL quoting, which SQLite and PostgreSQL share; ``{day}`` is ``local_date_sql``.
_DAY_ROWS_SQL = (
    'SELECT {day}, SUM("grams"), COUNT(*), SUM("mitragynine_mg"), '
    'COUNT(*) FILTER (WHERE "mitragynine_estimated"), '
    'COUNT(*) FILTER (WHERE "mitragynine_mg" IS NULL) '
    'FROM "journal_dose" WHERE "owner_id" = %s AND "taken_at" >= %s AND "taken_at" < %s '
    "GROUP BY 1"
)
_FIRST_DOSE_SQL = (
    'SELECT "taken_at" FROM "journal_dose" WHERE "owner_id" = %s ORDER BY "taken_at" LIMIT 1'
)
_BOUNDS_SQL = (
    'SELECT (SELECT "taken_at" FROM "journal_dose" WHERE "owner_id" = %s '
    'ORDER BY "taken_at" LIMIT 1), '
    '(SELECT "taken_at" FROM "journal_dose" WHERE "owner_id" = %s '
    'ORDER BY "taken_at" DESC LIMIT 1)'
)
# What the ORM does with a sum of a decimal column on SQLite (a float there): 15 digits kept.
_SQLITE_DECIMAL = decimal.Context(prec=15).create_decimal_from_float


def _decimal(value: Decimal | float | None) -> Decimal | None:
    """A sum of a decimal column as the ORM gives it: PostgreSQL sends a ``Decimal``."""
    return value if value is None or isinstance(value, Decimal) else _SQLITE_DECIMAL(value)


def _stamp(value: dt.datetime | str | None) -> dt.datetime | None:
    """A timestamp read with plain SQL, aware, as the ORM gives it: SQLite sends UTC, naive or
    as text (a subquery's column has no declared type)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is not None and timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


def _day_rows(*, owner: User, start: dt.date, end: dt.date) -> dict[dt.date, dict[str, Any]]:
    """Per local day with doses: grams, doses, mitragynine and how many doses lack a lab value.
    One query."""
    window_start = day_start(owner, start)
    window_end = day_start(owner, end + dt.timedelta(days=1))
    day, day_params = local_date_sql(
        '"taken_at"', zone=owner.zone, start=window_start, end=window_end,
        connection=connection,
    )  # fmt: skip
    adapt = connection.ops.adapt_datetimefield_value
    params = [*day_params, owner.pk, adapt(window_start), adapt(window_end)]
    with connection.cursor() as cursor:
        cursor.execute(_DAY_ROWS_SQL.format(day=day), params)
        rows = cursor.fetchall()
    return {
        _as_date(row[0]): {
            "sum_g": _decimal(row[1]),
            "count": row[2],
            "sum_mg": _decimal(row[3]),
            "estimated": row[4],
            "unknown": row[5],
        }
        for row in rows
    }


def _totals(
    by_day: dict[dt.date, dict[str, Any]], *, start: dt.date, end: dt.date
) -> list[DayTotal]:
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
    chart: tuple[DayTotal, ...]
    rolling_7d_g: tuple[Decimal | None, ...]


def first_dose_day(*, owner: User) -> dt.date | None:
    """The local day of the person's first logged dose (the journal's first day). One query."""
    with connection.cursor() as cursor:
        cursor.execute(_FIRST_DOSE_SQL, [owner.pk])
        row = cursor.fetchone()
    return first_day_of(row[0] if row else None, owner=owner)


def first_dose_query(*, owner: User) -> Scalar:
    """:func:`first_dose_day`'s query, to run with other apps' (``web.scalars``); its value
    becomes the day with :func:`first_day_of`."""
    return Scalar(_FIRST_DOSE_SQL, (owner.pk,))


def first_day_of(value: dt.datetime | str | None, *, owner: User) -> dt.date | None:
    """The person's local day of the first dose's instant as the database returned it."""
    first = _stamp(value)
    return first.astimezone(owner.zone).date() if first else None


def doses_of_first_days(*, owner: User, days: int) -> QuerySet[Dose]:
    """The doses of the journal's first ``days`` days, oldest first, in one query (a subquery
    finds the first dose). The span is one UTC day longer, so it holds the first ``days`` local
    days whatever the zone; the caller keeps the local days it needs."""
    first_at = Dose.objects.filter(owner=owner).order_by("taken_at").values("taken_at")[:1]
    until = ExpressionWrapper(
        Subquery(first_at) + Value(dt.timedelta(days=days + 1)), output_field=DateTimeField()
    )
    return Dose.objects.filter(owner=owner, taken_at__lt=until).order_by("taken_at", "pk")


def journal_bounds(*, owner: User) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the first and the latest dose were taken: one query, two index lookups."""
    with connection.cursor() as cursor:
        cursor.execute(_BOUNDS_SQL, [owner.pk, owner.pk])
        first, last = cursor.fetchone()
    return _stamp(first), _stamp(last)


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
    first_at, last_at = journal_bounds(owner=owner)
    first_day = first_at.astimezone(owner.zone).date() if first_at else None

    window_start = today - dt.timedelta(days=CHART_DAYS - 1 + 6)
    rows = _day_rows(owner=owner, start=window_start, end=today)
    today_stats = rows.get(today) or {"sum_g": None, "count": 0, "sum_mg": None}
    series = _totals(rows, start=window_start, end=today)
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
        mitragynine_estimated=bool(today_stats.get("estimated") or today_stats.get("unknown")),
        last_dose_at=last_at,
        avg_7d_g=average_g(past[-7:], first_day=first_day, today=today),
        avg_28d_g=average_g(past[-28:], first_day=first_day, today=today),
        first_day=first_day,
        chart=tuple(chart),
        rolling_7d_g=tuple(rolling),
    )

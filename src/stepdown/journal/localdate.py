"""The local calendar date of a stored UTC timestamp, computed inside the database.

PostgreSQL converts time zones natively (Django's ``TruncDate`` with ``tzinfo``). SQLite can only
do it through a Python function called once per row, which made a 90-day chart cost milliseconds.
For SQLite we instead shift each timestamp by its zone's UTC offset with the built-in ``date()``
function; a zone changes offset at most a few times in a window, so a short CASE over the
transition instants covers it exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DateField, Expression, Func
from django.db.models.functions import TruncDate
from django.db.models.sql.compiler import SQLCompiler

_MINUTE = dt.timedelta(minutes=1)


def _offset_minutes(zone: ZoneInfo, moment: dt.datetime) -> int:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


def offset_segments(
    zone: ZoneInfo, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime | None, int]]:
    """``[(until_utc, offset_minutes), …]`` covering ``start``–``end``; the last ``until`` is None.

    Transitions are found day by day and then to the minute by bisection (all zones change
    offset on a whole minute).
    """
    segments: list[tuple[dt.datetime | None, int]] = []
    current = _offset_minutes(zone, start)
    day = start.replace(second=0, microsecond=0)
    while day < end:
        following = day + dt.timedelta(days=1)
        if _offset_minutes(zone, following) != current:
            low, high = day, following
            while high - low > _MINUTE:
                middle = low + ((high - low) // _MINUTE // 2) * _MINUTE
                if _offset_minutes(zone, middle) == current:
                    low = middle
                else:
                    high = middle
            segments.append((high, current))
            current = _offset_minutes(zone, high)
        day = following
    segments.append((None, current))
    return segments


class LocalDate(Func):
    """``LocalDate("taken_at", zone=…, start=…, end=…)``: the local date, for grouping by day.

    ``start`` and ``end`` bound the timestamps the query will see (its filter), so the SQLite
    form only needs the offset transitions inside that window.
    """

    output_field = DateField()

    def __init__(
        self, expression: Any, *, zone: ZoneInfo, start: dt.datetime, end: dt.datetime
    ) -> None:
        super().__init__(expression)
        self.zone, self.start, self.end = zone, start, end

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        truncated: Expression = TruncDate(self.source_expressions[0], tzinfo=self.zone)
        sql, params = compiler.compile(truncated)
        return sql, list(params)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        column, column_params = compiler.compile(self.source_expressions[0])
        params = list(column_params)
        segments = offset_segments(self.zone, self.start, self.end)
        if len(segments) == 1:
            return f"date({column}, %s)", [*params, f"{segments[0][1]} minutes"]
        cases, case_params = [], []
        for until, minutes in segments[:-1]:
            assert until is not None
            cases.append(f"WHEN {column} < %s THEN %s")
            # Stored SQLite timestamps are "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC; text order is
            # time order.
            case_params += [*params, until.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")]
            case_params.append(f"{minutes} minutes")
        sql = f"date({column}, CASE {' '.join(cases)} ELSE %s END)"
        return sql, [*params, *case_params, f"{segments[-1][1]} minutes"]

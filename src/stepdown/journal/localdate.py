"""The local calendar date of a stored UTC timestamp, computed inside the database.

PostgreSQL converts time zones natively (``AT TIME ZONE``, as Django's ``TruncDate`` with
``tzinfo``). SQLite can only do it through a Python function called once per row, which made a
90-day chart cost milliseconds. For SQLite we instead shift each timestamp by its zone's UTC offset
with the built-in ``date()`` function; a zone changes offset at most a few times in a window, so a
short CASE over the transition instants covers it exactly. :func:`local_date_sql` gives the SQL
for the journal's plain-SQL reads (``journal.selectors``).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.db.backends.base.base import BaseDatabaseWrapper

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
    return list(_segments(zone, start, end))


# The windows asked for start and end on a person's day boundaries, the same all day long; a
# 90-day window took ~0.5 ms to walk, on every dose logged and every summary computed.
@lru_cache(maxsize=512)
def _segments(
    zone: ZoneInfo, start: dt.datetime, end: dt.datetime
) -> tuple[tuple[dt.datetime | None, int], ...]:
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
    return tuple(segments)


def local_date_sql(
    column: str, *, zone: ZoneInfo, start: dt.datetime, end: dt.datetime,
    connection: BaseDatabaseWrapper,
) -> tuple[str, list[Any]]:  # fmt: skip
    """The SQL and parameters of the local date of the timestamp ``column``, for grouping rows
    between ``start`` and ``end`` by day (on SQLite, only the offset changes inside that window
    are needed)."""
    if connection.vendor != "sqlite":
        sql, params = connection.ops.datetime_cast_date_sql(column, (), zone.key)
        return sql, list(params)
    segments = _segments(zone, start, end)
    if len(segments) == 1:
        return f"date({column}, %s)", [f"{segments[0][1]} minutes"]
    cases, params = [], []
    for until, minutes in segments[:-1]:
        assert until is not None
        cases.append(f"WHEN {column} < %s THEN %s")
        # Stored SQLite timestamps are "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC; text order is
        # time order.
        params += [until.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"), f"{minutes} minutes"]
    sql = f"date({column}, CASE {' '.join(cases)} ELSE %s END)"
    return sql, [*params, f"{segments[-1][1]} minutes"]

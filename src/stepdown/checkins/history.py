"""Check-in history as the alert rules and charts read it: one value per local day.

These are the functions other apps call (the alerts issue, the clinic dashboard). Each takes an
owner and local dates, makes one query, and returns the core's frozen values where one exists.
When a person answered the same instrument twice on a day, the latest answer counts. Unfinished
drafts have no total, so only the flags read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from stepdown.accounts.models import User
from stepdown.checkins.models import Response
from stepdown.core.rules import CowsScore, DiaryScore, QuestionnaireFlag

# Both carry the withdrawal diary total: the daily check-in's total is the diary total.
DIARY_INSTRUMENTS = ("daily", "withdrawal")


def latest_per_day(
    *, owner: User, instruments: Iterable[str], start: dt.date, end: dt.date
) -> dict[str, dict[dt.date, Response]]:
    """For each instrument, its latest response on each local day from ``start`` to ``end``."""
    codes = list(instruments)
    result: dict[str, dict[dt.date, Response]] = {code: {} for code in codes}
    rows = Response.objects.filter(
        owner=owner, instrument__in=codes, local_date__gte=start, local_date__lte=end, complete=True
    ).order_by("local_date", "created_at", "id")
    for row in rows:
        result[row.instrument][row.local_date] = row  # later rows replace earlier ones
    return result


def diary_scores(*, owner: User, start: dt.date, end: dt.date) -> list[DiaryScore]:
    """The withdrawal diary total per local day (daily check-in or stand-alone diary), oldest
    first; days without a diary are left out. The latest answer of the day counts."""
    by_day: dict[dt.date, int] = {}
    rows = (
        Response.objects.filter(
            owner=owner,
            instrument__in=DIARY_INSTRUMENTS,
            local_date__gte=start,
            local_date__lte=end,
            complete=True,
        )
        .order_by("local_date", "created_at", "id")
        .values_list("local_date", "total")
    )
    for day, total in rows:
        if total is not None:  # only drafts lack a total, and they are filtered out above
            by_day[day] = total
    return [DiaryScore(day=day, total=total) for day, total in sorted(by_day.items())]


def cows_scores(*, owner: User, start: dt.date, end: dt.date) -> list[CowsScore]:
    """COWS totals per local day (clinician-rated; none until the clinic features store them)."""
    rows = (
        Response.objects.filter(
            owner=owner,
            instrument="cows",
            local_date__gte=start,
            local_date__lte=end,
            complete=True,
        )
        .order_by("local_date", "created_at", "id")
        .values_list("local_date", "total")
    )
    by_day = {day: total for day, total in rows if total is not None}
    return [CowsScore(day=day, total=total) for day, total in sorted(by_day.items())]


def questionnaire_flags(*, owner: User, start: dt.date, end: dt.date) -> list[QuestionnaireFlag]:
    """Every flag raised by any response on a local day from ``start`` to ``end``, oldest first
    (``self_harm`` from PHQ-9 item 9 or the ASQ, warning symptoms from the daily check-in...)."""
    rows = (
        Response.objects.filter(owner=owner, local_date__gte=start, local_date__lte=end)
        .exclude(flags=[])
        .order_by("local_date", "created_at", "id")
        .values_list("id", "instrument", "local_date", "flags")
    )
    return [
        QuestionnaireFlag(instrument=instrument, flag=str(flag), day=day, response_id=str(pk))
        for pk, instrument, day, flags in rows
        for flag in flags
    ]


def checkin_days(*, owner: User, start: dt.date, end: dt.date) -> set[dt.date]:
    """Local days from ``start`` to ``end`` with a daily check-in."""
    return set(
        Response.objects.filter(
            owner=owner,
            instrument="daily",
            local_date__gte=start,
            local_date__lte=end,
            complete=True,
        )
        .values_list("local_date", flat=True)
        .distinct()
    )

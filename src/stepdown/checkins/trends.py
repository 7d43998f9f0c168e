"""The Trends page's data: one value per local day for every series, on one shared axis.

A constant number of queries whatever the range: the journal's daily totals, the plan's targets
and history, and one read of the check-ins in the range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext, ngettext

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.checkins.history import latest_per_day
from stepdown.checkins.models import Response
from stepdown.core.averages import daily_average
from stepdown.journal.selectors import daily_totals, first_dose_day
from stepdown.plans.selectors import current_plan, daily_targets, plan_history
from stepdown.web.formatting import number

RANGES = (30, 90, 365)
DEFAULT_RANGE = 90
TREND_INSTRUMENTS = ("daily", "withdrawal", "craving", "phq9", "gad7")
MOOD_ITEMS = ("mood", "energy", "sedation", "sociability")


def _num(value: object) -> float | None:
    if value is None or isinstance(value, str | bool):
        return None
    if isinstance(value, int | float | Decimal):
        return float(value)
    return None


def _tenth(grams: Decimal) -> str:
    """Grams as the rest of the app shows them: to 0.1 g, no trailing zeros, in the language's
    way of writing numbers."""
    return number(grams.quantize(Decimal("0.1")), 1)


@dataclass(frozen=True)
class PlanMark:
    day: dt.date
    label: str


@dataclass(frozen=True)
class Trends:
    start: dt.date
    end: dt.date
    days: int
    series: dict[str, list[Any]]
    marks: list[PlanMark]
    has_checkins: bool
    has_doses: bool
    first_day: dt.date | None = None  # of the journal

    def dose_summary(self) -> str:
        """The grams chart in words, by the one averaging rule: the last complete day and the
        average over the complete days since the first dose (today is still under way)."""
        pairs = [
            (dt.date.fromisoformat(day), Decimal(str(grams)))
            for day, grams in zip(self.series["days"], self.series["dose_g"], strict=True)
            if grams is not None
        ]
        average = daily_average(pairs, first_day=self.first_day, today=self.end)
        if average is None:
            return gettext("No complete day with doses in this period yet.")
        yesterday = self.end - dt.timedelta(days=1)
        last = next(grams for day, grams in pairs if day == yesterday)
        return ngettext(
            "Yesterday %(last)s g; average %(average)s g a day over %(days)s complete day since "
            "your first dose (today is left out until it is over).",
            "Yesterday %(last)s g; average %(average)s g a day over %(days)s complete days since "
            "your first dose (today is left out until it is over).",
            average.days,
        ) % {"last": _tenth(last), "average": _tenth(average.g_per_day), "days": average.days}

    def summary(self, key: str, unit: str = "") -> str:
        """A sentence for people who cannot see the chart: latest value and the average."""
        values = [v for v in self.series[key] if v is not None]
        if not values:
            return gettext("Nothing recorded in this period.")
        latest = next(v for v in reversed(self.series[key]) if v is not None)
        average = sum(values) / len(values)
        return ngettext(
            "Latest %(latest)s%(unit)s; average %(average)s%(unit)s over %(days)s day with data.",
            "Latest %(latest)s%(unit)s; average %(average)s%(unit)s over %(days)s days with data.",
            len(values),
        ) % {
            "latest": number(f"{latest:g}", 6),
            "average": formats.number_format(Decimal(f"{average:.1f}")),
            "unit": unit,
            "days": len(values),
        }

    def as_json(self) -> dict[str, Any]:
        return self.series | {
            "marks": [{"day": m.day.isoformat(), "label": m.label} for m in self.marks]
        }


def _pick(
    by_day: dict[str, dict[dt.date, Response]], day: dt.date, codes: tuple[str, ...]
) -> Response | None:
    """The latest of the given instruments' responses on ``day``."""
    found = [by_day[code][day] for code in codes if day in by_day[code]]
    return max(found, key=lambda r: (r.created_at, r.pk)) if found else None


def _plan_marks(owner: User, start: dt.date, end: dt.date) -> list[PlanMark]:
    plan = current_plan(owner=owner)
    if plan is None:
        return []
    return [
        PlanMark(day=change.effective_date, label=change.get_kind_display())
        for change in plan_history(owner=owner, plan_id=plan.pk)
        if start <= change.effective_date <= end
    ]


def trends_for(*, owner: User, days: int, now: dt.datetime | None = None) -> Trends:
    """Every series over the ``days`` local days that end today."""
    if days not in RANGES:
        raise ValueError(f"days must be one of {RANGES}")
    end = local_today(owner, now=now)
    start = end - dt.timedelta(days=days - 1)
    totals = daily_totals(owner=owner, start=start, end=end)
    first_day = first_dose_day(owner=owner)
    targets = daily_targets(owner=owner, start=start, end=end)
    by_day = latest_per_day(owner=owner, instruments=TREND_INSTRUMENTS, start=start, end=end)
    series: dict[str, list[Any]] = {
        key: []
        for key in (
            "days", "dose_g", "target_g", "withdrawal", "craving", "sleep_hours",
            "sleep_quality", *MOOD_ITEMS, "phq9", "gad7",
        )
    }  # fmt: skip
    for total in totals:
        day = total.date
        series["days"].append(day.isoformat())
        # Nothing before the first dose: those days are not 0 g, the journal had not begun.
        counted = first_day is not None and day >= first_day
        series["dose_g"].append(float(total.total_g) if counted else None)
        target = targets.get(day)
        series["target_g"].append(float(target) if target is not None else None)
        diary = _pick(by_day, day, ("daily", "withdrawal"))
        series["withdrawal"].append(diary.total if diary else None)
        craving = _pick(by_day, day, ("daily", "craving"))
        series["craving"].append(_num(craving.answers.get("craving")) if craving else None)
        daily = by_day["daily"].get(day)
        for key in ("sleep_hours", "sleep_quality", *MOOD_ITEMS):
            series[key].append(_num(daily.answers.get(key)) if daily else None)
        for code in ("phq9", "gad7"):
            response = by_day[code].get(day)
            series[code].append(response.total if response else None)
    has_checkins = any(by_day[code] for code in TREND_INSTRUMENTS)
    return Trends(
        start=start,
        end=end,
        days=days,
        series=series,
        marks=_plan_marks(owner, start, end),
        has_checkins=has_checkins,
        has_doses=any(total.dose_count for total in totals),
        first_day=first_day,
    )

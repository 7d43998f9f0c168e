"""What a score means for this person: its band, and how it compares with their recent answers.

References
----------
Bands come from each instrument's definition (sources there). The comparison is an assumption,
not a clinical rule: a total counts as "about the same" when it is within a tenth of the
instrument's range (at least one point) of the person's average over the two weeks before, so
small day-to-day wobbles are not called changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from stepdown.checkins.models import Response
from stepdown.core.instruments import Instrument, get_instrument

COMPARE_DAYS = 14  # assumption: "recent" is the last two weeks, a PHQ-9/GAD-7 recall period


@dataclass(frozen=True)
class Comparison:
    direction: str  # "higher", "lower", "same" or "first"
    sentence: str


def _fmt(value: Decimal) -> str:
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".rstrip("0").rstrip(".")


def _direction(total: int, baseline: Decimal, instrument: Instrument) -> str:
    low, high = instrument.total_range
    margin = max(Decimal(1), Decimal(high - low) / 10)
    difference = Decimal(total) - baseline
    if abs(difference) < margin:
        return "same"
    return "higher" if difference > 0 else "lower"


def compare_with_recent(response: Response) -> Comparison:
    """Compare with the same person's answers to the same instrument before this one."""
    instrument = get_instrument(response.instrument)
    if response.total is None:
        return Comparison("unfinished", "not scored yet: it is unfinished")
    earlier = Response.objects.filter(
        owner_id=response.owner_id, instrument=response.instrument, complete=True
    ).filter(
        Q(local_date__lt=response.local_date)
        | Q(local_date=response.local_date, created_at__lt=response.created_at)
    )
    since = response.local_date - dt.timedelta(days=COMPARE_DAYS)
    recent = [
        total
        for total in earlier.filter(local_date__gte=since).values_list("total", flat=True)[:200]
        if total is not None
    ]
    if len(recent) > 1:
        average = Decimal(sum(recent)) / len(recent)
        direction = _direction(response.total, average, instrument)
        words = {"higher": "higher than", "lower": "lower than", "same": "about the same as"}
        answers = f"{len(recent)} answer{'s' if len(recent) != 1 else ''}"
        return Comparison(
            direction,
            f"{words[direction]} your last two weeks (average {_fmt(average)} from {answers})",
        )
    last = earlier.order_by("-local_date", "-created_at").values("total", "local_date").first()
    if last is not None and last["total"] is not None:
        direction = _direction(response.total, Decimal(last["total"]), instrument)
        words = {"higher": "higher than", "lower": "lower than", "same": "about the same as"}
        when = last["local_date"].strftime("%-d %B %Y")
        return Comparison(direction, f"{words[direction]} last time ({last['total']} on {when})")
    return Comparison("first", "your first answer here; later ones will be compared with it")

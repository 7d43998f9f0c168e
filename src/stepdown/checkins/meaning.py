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
from django.utils.translation import gettext, ngettext

from stepdown.checkins.models import Response
from stepdown.core.instruments import Instrument, get_instrument
from stepdown.web.formatting import date, number

COMPARE_DAYS = 14  # assumption: "recent" is the last two weeks, a PHQ-9/GAD-7 recall period


@dataclass(frozen=True)
class Comparison:
    direction: str  # "higher", "lower", "same" or "first"
    sentence: str


def _fmt(value: Decimal) -> str:
    return number(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)


def _direction(total: int, baseline: Decimal, instrument: Instrument) -> str:
    low, high = instrument.total_range
    margin = max(Decimal(1), Decimal(high - low) / 10)
    difference = Decimal(total) - baseline
    if abs(difference) < margin:
        return "same"
    return "higher" if difference > 0 else "lower"


def _against_recent(direction: str, count: int) -> str:
    # A whole sentence per direction, so a translation can place the words its own way.
    if direction == "higher":
        return ngettext(
            "higher than your last two weeks (average %(average)s from %(count)s answer)",
            "higher than your last two weeks (average %(average)s from %(count)s answers)",
            count,
        )
    if direction == "lower":
        return ngettext(
            "lower than your last two weeks (average %(average)s from %(count)s answer)",
            "lower than your last two weeks (average %(average)s from %(count)s answers)",
            count,
        )
    return ngettext(
        "about the same as your last two weeks (average %(average)s from %(count)s answer)",
        "about the same as your last two weeks (average %(average)s from %(count)s answers)",
        count,
    )


def _against_last(direction: str) -> str:
    if direction == "higher":
        return gettext("higher than last time (%(total)s on %(date)s)")
    if direction == "lower":
        return gettext("lower than last time (%(total)s on %(date)s)")
    return gettext("about the same as last time (%(total)s on %(date)s)")


def compare_with_recent(response: Response) -> Comparison:
    """Compare with the same person's answers to the same instrument before this one."""
    instrument = get_instrument(response.instrument)
    if response.total is None:
        return Comparison("unfinished", gettext("not scored yet: it is unfinished"))
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
        sentence = _against_recent(direction, len(recent)) % {
            "average": _fmt(average),
            "count": len(recent),
        }
        return Comparison(direction, sentence)
    last = earlier.order_by("-local_date", "-created_at").values("total", "local_date").first()
    if last is not None and last["total"] is not None:
        direction = _direction(response.total, Decimal(last["total"]), instrument)
        sentence = _against_last(direction) % {
            "total": last["total"],
            "date": date(last["local_date"], "j F Y"),
        }
        return Comparison(direction, sentence)
    return Comparison(
        "first", gettext("your first answer here; later ones will be compared with it")
    )

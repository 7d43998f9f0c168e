"""A chart's text alternative (WCAG 2.2, 1.1.1 and 1.4.1): a one-line summary and the chart's
values as a table, shown under the chart behind a disclosure by
templates/partials/chart_text.html. One helper for every chart, drawn in the browser (uPlot) or
on the server (SVG), so each says the same kind of thing in the same place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

Number = float | int | Decimal | None


@dataclass(frozen=True)
class Column:
    label: str
    values: Sequence[Number]
    unit: str = ""  # as written after a value, with its space: " g"


@dataclass(frozen=True)
class ChartText:
    summary: str
    caption: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (day, one cell per column)


def chart_text(
    days: Sequence[dt.date], columns: Sequence[Column], *, caption: str, summary: str = ""
) -> ChartText:
    """The table has a row for each day with any value; the summary, unless given, names the
    period and each series' latest, lowest and highest value."""
    rows = []
    for index, day in enumerate(days):
        values = [column.values[index] for column in columns]
        if all(value is None for value in values):
            continue
        cells = tuple(
            "–" if value is None else f"{_number(value)}{column.unit}"
            for value, column in zip(values, columns, strict=True)
        )
        rows.append((formats.date_format(day, "j M Y"), cells))
    return ChartText(
        summary=summary or _summary(days, columns, len(rows)),
        caption=caption,
        headings=(_("Day"), *(column.label for column in columns)),
        rows=tuple(rows),
    )


def _number(value: float | int | Decimal) -> str:
    # Half up, as the templates' floatformat rounds.
    shown = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    return formats.number_format(shown if shown % 1 else int(shown))


def _summary(days: Sequence[dt.date], columns: Sequence[Column], with_data: int) -> str:
    if not with_data:
        return _("Nothing recorded in this period yet.")
    parts = []
    for column in columns:
        values = [v for v in column.values if v is not None]
        if not values:
            continue
        parts.append(
            _("%(label)s: latest %(latest)s, lowest %(low)s, highest %(high)s")
            % {
                "label": column.label,
                "latest": f"{_number(values[-1])}{column.unit}",
                "low": f"{_number(min(values))}{column.unit}",
                "high": f"{_number(max(values))}{column.unit}",
            }
        )
    return _("From %(start)s to %(end)s, %(count)s with data. %(parts)s.") % {
        "start": formats.date_format(days[0], "j M Y"),
        "end": formats.date_format(days[-1], "j M Y"),
        "count": _count_days(with_data),
        "parts": "; ".join(parts),
    }


def _count_days(count: int) -> str:
    from django.utils.translation import ngettext

    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}

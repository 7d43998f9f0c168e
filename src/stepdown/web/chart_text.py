"""A chart's text alternative (WCAG 2.2, 1.1.1 and 1.4.1): a one-line summary and the chart's
values as a table, shown under the chart behind a disclosure by
templates/partials/chart_text.html. One helper for every chart, drawn in the browser (uPlot) or
on the server (SVG), so each says the same kind of thing in the same place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, partial
from html import escape

from django.conf import settings
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from stepdown.core import numbers

Number = float | int | Decimal | None
_TENTH = Decimal("0.1")
_ZERO = Decimal("0.0")


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

    @cached_property
    def rows_html(self) -> SafeString:
        """The table's body, every value escaped: a 90-row loop through the template engine
        cost more than the rest of the chart, and ``format_html`` per cell still cost a page
        with five charts several milliseconds (docs/performance.md)."""
        return mark_safe(  # noqa: S308 (each day and cell is escaped here)
            "\n".join(
                f'<tr><th scope="row">{escape(day)}</th><td>'
                f"{'</td><td>'.join(map(escape, cells))}</td></tr>"
                for day, cells in self.rows
            )
        )


def chart_text(
    days: Sequence[dt.date], columns: Sequence[Column], *, caption: str, summary: str = ""
) -> ChartText:
    """The table has a row for each day with any value; the summary, unless given, names the
    period and each series' latest, lowest and highest value."""
    number, day_label = _number_writer(), _day_writer()
    # Each column's cells in one pass, then the days with any value side by side: a 90-day
    # table is built on every Today page.
    cells_by_column = [
        ["–" if value is None else f"{number(value)}{column.unit}" for value in column.values]
        for column in columns
    ]
    empty = ("–",) * len(columns)
    rows = [
        (day_label(day), cells)
        for day, cells in zip(days, zip(*cells_by_column, strict=True), strict=True)
        if cells != empty
    ]
    return ChartText(
        summary=summary or _summary(days, columns, len(rows), number, day_label),
        caption=caption,
        headings=(_("Day"), *(column.label for column in columns)),
        rows=tuple(rows),
    )


def _number_writer() -> Callable[[float | int | Decimal], str]:
    """Writes a value to one decimal, half up as the templates' floatformat rounds, with the
    active language's decimal mark and without thousands separators (``core.numbers``, as
    ``web.formatting.number`` writes), each distinct value once: a 90-day chart's table has 180
    values on every Today page."""
    language = get_language() or settings.LANGUAGE_CODE
    written: dict[float | int | Decimal, str] = {}

    def number(value: float | int | Decimal) -> str:
        text = written.get(value)
        if text is None:
            # A float through its shortest text, so 12.25 is 12.25 and rounds up.
            exact = value if type(value) is Decimal else Decimal(str(value))
            shown = exact.quantize(_TENTH, rounding=ROUND_HALF_UP) or _ZERO  # never "-0"
            # One decimal place: never in exponent form.
            text = written[value] = numbers.with_mark(str(shown).removesuffix(".0"), language)
        return text

    return number


def _day_writer() -> Callable[[dt.date], str]:
    """Writes a day in the language's "j M Y" ("4 Mar 2026"; "4 mars 2026" from "j N Y"),
    formatting each month once when the pattern starts with the day of the month."""
    pattern = _("j M Y")
    head, _space, rest = pattern.partition(" ")
    if head != "j" or "j" in rest:
        return partial(formats.date_format, format=pattern)
    months: dict[tuple[int, int], str] = {}

    def day_label(day: dt.date) -> str:
        key = (day.year, day.month)
        if key not in months:
            months[key] = formats.date_format(day, rest)
        return f"{day.day} {months[key]}"

    return day_label


def _summary(
    days: Sequence[dt.date],
    columns: Sequence[Column],
    with_data: int,
    number: Callable[[float | int | Decimal], str],
    day_label: Callable[[dt.date], str],
) -> str:
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
                "latest": f"{number(values[-1])}{column.unit}",
                "low": f"{number(min(values))}{column.unit}",
                "high": f"{number(max(values))}{column.unit}",
            }
        )
    return _("From %(start)s to %(end)s, %(count)s with data. %(parts)s.") % {
        "start": day_label(days[0]),
        "end": day_label(days[-1]),
        "count": _count_days(with_data),
        # French sets a narrow no-break space before the semicolon.
        "parts": pgettext("between two series in a chart's summary", "; ").join(parts),
    }


def _count_days(count: int) -> str:
    from django.utils.translation import ngettext

    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}

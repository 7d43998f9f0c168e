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

from django.utils import formats, numberformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

Number = float | int | Decimal | None
_TENTH = Decimal("0.1")


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
    units = [column.unit for column in columns]
    width = len(columns)
    rows = []
    # One pass over the days with each day's values side by side: a 90-day table is built on
    # every Today page.
    side_by_side = zip(*(column.values for column in columns), strict=True)
    for day, values in zip(days, side_by_side, strict=True):
        if values.count(None) == width:
            continue
        cells = tuple(
            [
                "–" if value is None else f"{number(value)}{unit}"
                for value, unit in zip(values, units, strict=True)
            ]
        )
        rows.append((day_label(day), cells))
    return ChartText(
        summary=summary or _summary(days, columns, len(rows), number, day_label),
        caption=caption,
        headings=(_("Day"), *(column.label for column in columns)),
        rows=tuple(rows),
    )


def _number_writer() -> Callable[[float | int | Decimal], str]:
    """Writes a value to one decimal, half up as the templates' floatformat rounds, in the
    active language. The language's formats are read once per chart; a value under a thousand
    (no digit grouping) is written directly and each distinct value once: ``numberformat``
    for each of a 90-day chart's 180 values was most of the cost of building its table."""
    language = get_language()
    decimal_sep = formats.get_format("DECIMAL_SEPARATOR", language)
    write = partial(
        numberformat.format,
        decimal_sep=decimal_sep,
        grouping=formats.get_format("NUMBER_GROUPING", language),
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR", language),
        use_l10n=True,
    )
    written: dict[float | int | Decimal, str] = {}

    def number(value: float | int | Decimal) -> str:
        text = written.get(value)
        if text is not None:
            return text
        exact = value if isinstance(value, Decimal) else Decimal(str(value))
        shown = exact.quantize(_TENTH, rounding=ROUND_HALF_UP)
        if not shown:
            text = "0"  # and not "-0" for a small negative value
        elif -1000 < shown < 1000:
            # One decimal place, so never in exponent form.
            text = str(shown).removesuffix(".0").replace(".", decimal_sep)
        else:
            shown = shown.normalize()
            text = write(shown if shown % 1 else int(shown))
        written[value] = text
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

"""Numbers, durations and dates as the active language writes them: "9.5 g" and "Thu 10 Dec" in
English, "9,5 g" and "jeu. 10 déc." in French. Template filters and Python-built HTML (the journal
rows) both go through here, so every page formats the same way (docs/i18n.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language, gettext

from stepdown.core import numbers


def number(value: object, places: int = 2, *, language: str | None = None) -> str:
    """``value`` rounded to ``places`` decimals, without trailing zeros, with the decimal mark of
    ``language`` (by default the active one); "—" when missing."""
    if value is None or value == "":
        return "—"
    text = numbers.plain(value, places)
    if text is None:
        return str(value)
    # Django's number_format with the language's mark (it groups no digits: the site leaves
    # USE_THOUSAND_SEPARATOR off), without its three look-ups of the language's formats.
    return numbers.with_mark(text, language or get_language() or settings.LANGUAGE_CODE)


def duration(value: dt.timedelta | None) -> str:
    """A short duration that fits a phone: "45 min", "2 h 26 min", "3 d 4 h"."""
    if value is None:
        return "—"
    minutes = max(0, int(value.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return gettext("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return gettext("%(minutes)d min") % {"minutes": minutes}


def date(value: dt.date | dt.datetime, pattern: str) -> str:
    """``value`` in Django's date format ``pattern`` ("D j M, H:i"), day and month names in the
    active language."""
    return formats.date_format(value, pattern)


# Format characters that read the time of day or the zone (Django's dateformat), and the
# escape character: a pattern's day part must hold none of them.
_NOT_THE_DAY = frozenset("aAefgGhHiIOPsTuZcrU\\")


def times_writer(pattern: str) -> Callable[[dt.datetime], str]:
    """:func:`date` with ``pattern`` for many times of a list, as the same text: when the
    pattern is a day part followed by "H:i" (the journal's "D j M, H:i", "D j N, H:i" in
    French), the day part is written once per day and the clock directly. Django's date
    format (day and month names through the catalogue) cost a fifty-row list 2 ms."""
    head = pattern.removesuffix("H:i")
    if head == pattern or _NOT_THE_DAY.intersection(head):
        return lambda value: date(value, pattern)
    days: dict[dt.date, str] = {}

    def write(value: dt.datetime) -> str:
        day = value.date()
        written = days.get(day)
        if written is None:
            # (An empty pattern is Django's DATE_FORMAT, hence no call for an empty day part.)
            written = days[day] = date(value, head) if head else ""
        return f"{written}{value.hour:02d}:{value.minute:02d}"

    return write

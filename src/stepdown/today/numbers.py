"""Today's numbers (the day's total, its mitragynine, the time since the last dose and the daily
averages), written in Python.

Four small cards through the template engine (a dozen conditions, filters for numbers and a
date, two translated sentences with values) cost the Today page about as much as the rest of
its top panel. Each value is formatted by the same filters and escaped as the template escaped
it, and each translation written as the template wrote it (as it is);
``tests/today/test_today_numbers.py`` keeps the template this replaces and compares both. The
plan's card, which only shows with an active plan, stays in the template.
"""

from __future__ import annotations

import datetime as dt

from django.template.defaultfilters import floatformat
from django.utils import formats, timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from stepdown.journal.selectors import TodaySummary
from stepdown.web import formatting
from stepdown.web.html import escaped

CARD = (
    '    <article class="stat">\n'
    '      <span class="stat-label">{}</span>\n'
    "      <span {}>{}</span>\n"
    '      <span class="stat-note">{}</span>\n'
    "    </article>\n"
)
NOTHING = "—"


def numbers_html(summary: TodaySummary, since_last: dt.timedelta | None) -> SafeString:
    """The four cards, in the order the page shows them. Translations are written as the
    template wrote them (as they are); every value is escaped."""
    count = summary.dose_count
    # Each phrase outside an f-string, where the message extractor would not see it.
    last_7, last_28 = gettext("last 7 full days"), gettext("28 days:")
    return SafeString(
        _card(
            gettext("Total today"),
            'class="stat-value" data-testid="total-g"',
            f"{escaped(formatting.number(summary.total_g))} g",
            ngettext("%(count)s dose", "%(count)s doses", count) % {"count": count},
        )
        + _card(
            gettext("Mitragynine"),
            'class="stat-value" data-testid="mitragynine-mg"',
            _mitragynine(summary),
            _mitragynine_note(summary),
        )
        + _card(
            gettext("Since last dose"),
            'class="stat-value" data-testid="since-last"',
            escaped(formatting.duration(since_last)),
            _last_dose_note(summary.last_dose_at),
        )
        + _card(
            gettext("Daily average"),
            'class="stat-value"',
            _grams(summary.avg_7d_g),
            f"{last_7} · {last_28} {_grams(summary.avg_28d_g)}",
        )
    )


def _card(label: str, value_attributes: str, value: str, note: str) -> str:
    return CARD.format(label, value_attributes, value, note)


def _grams(value: object) -> str:
    return NOTHING if value is None else f"{escaped(formatting.number(value, 1))} g"


def _mitragynine(summary: TodaySummary) -> str:
    if summary.mitragynine_mg is None:
        return NOTHING
    about = "≈ " if summary.mitragynine_estimated else ""
    return f"{about}{escaped(floatformat(summary.mitragynine_mg, '0'))} mg"


def _mitragynine_note(summary: TodaySummary) -> str:
    known = summary.mitragynine_mg is not None
    if summary.mitragynine_estimated:
        if known:
            return gettext("estimated: some doses use a typical leaf value")
        return gettext("estimated")
    return gettext("from lab values") if known else gettext("no doses yet")


def _last_dose_note(last_dose_at: dt.datetime | None) -> str:
    if not last_dose_at:
        return gettext("nothing logged yet")
    when = formats.date_format(timezone.localtime(last_dose_at), "D H:i")
    return gettext("at %(when)s") % {"when": escaped(when)}

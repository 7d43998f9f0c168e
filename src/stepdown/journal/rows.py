"""The journal table's rows, read as plain values and formatted in Python.

Fifty rows as model instances through Django's template engine (a loop, filters for dates and
numbers, a URL per row) cost several times everything else on the page. Here the rows are
plain values and each becomes one ``format_html`` call, which escapes every value just as the
template would.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from stepdown.journal.models import Dose
from stepdown.web.formatting import date, number

COLUMNS = (
    "pk",
    "taken_at",
    "amount",
    "unit",
    "grams",
    "mitragynine_mg",
    "mitragynine_estimated",
    "purpose",
    "product__name",
)
ROW_HTML = (
    '<tr><td><time datetime="{}">{}</time></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
    '<td><a href="{}">{}</a></td></tr>'
)
UNITS = dict(Dose.Unit.choices)
PURPOSES = dict(Dose.Purpose.choices)


def journal_rows_html(doses: QuerySet[Dose]) -> SafeString:
    """The table body for ``doses`` (already sliced to one page), times in the active zone."""
    # One reverse for the page: the URL differs only by the dose's id.
    edit_url = reverse("journal:dose_edit", args=[0]).replace("/0/", "/{}/")
    edit = gettext("Edit")
    # The date's pattern is the language's: "Thu 10 Dec, 08:30", "jeu 10 déc., 08:30".
    pattern = gettext("D j M, H:i")
    rows = doses.values_list(*COLUMNS)
    return format_html_join("\n", ROW_HTML, (_cells(row, edit_url, edit, pattern) for row in rows))


def _cells(row: tuple[Any, ...], edit_url: str, edit: str, pattern: str) -> tuple[str, ...]:
    pk, taken_at, amount, unit, grams, mg, estimated, purpose, product = row
    local: dt.datetime = timezone.localtime(taken_at)
    text = f"{number(amount, 3)} {UNITS.get(unit, unit)}"
    if unit != Dose.Unit.GRAM and grams is not None:
        text += f" ({number(grams)} g)"
    return (
        local.isoformat(),
        date(local, pattern),
        text,
        product or "—",
        _mitragynine(mg, estimated),
        str(PURPOSES.get(purpose) or "—"),
        edit_url.format(pk),
        edit,
    )


def _mitragynine(mg: Decimal | None, estimated: bool) -> str:
    if mg is None:
        return "—"
    # Half up, as the floatformat filter rounds it elsewhere on the site.
    whole = Decimal(mg).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{'≈ ' if estimated else ''}{number(whole, 0)} mg"

"""Lists of doses formatted in Python: the journal table's rows and Today's list of the day.

Fifty rows as model instances through Django's template engine (a loop, filters for dates and
numbers, a URL per row) cost several times everything else on the page; Today's twelve cost
it a fifth of its content. Here each row becomes one ``format_html`` call, which escapes every
value just as the template would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from stepdown.journal.models import Dose
from stepdown.web.formatting import number, times_writer
from stepdown.web.html import format_html, format_html_join

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
# Today's list: the time, the amount, the product, the alkaloid estimate and a link to edit.
ITEM_HTML = (
    '<li><time datetime="{}">{}</time>\n        <strong>{} {}</strong>\n        {}\n        '
    '{}\n        <a href="{}" class="small-link">{}</a></li>'
)
MITRAGYNINE_HTML = '<small class="muted">{}</small>'
UNITS = dict(Dose.Unit.choices)
PURPOSES = dict(Dose.Purpose.choices)


class _Wording:
    """What every row of one list is written with, looked up once per list: the active
    language's decimal mark, time zone and words (each a look-up in Django's per-request
    locals; a row made those dozens of times)."""

    def __init__(self) -> None:
        self.language = get_language() or settings.LANGUAGE_CODE
        self.zone = timezone.get_current_timezone()
        # The dose's edit page with ``{}`` for its id: one ``reverse`` for a whole list.
        self.edit_url = reverse("journal:dose_edit", args=[0]).replace("/0/", "/{}/")
        self.mitragynine = gettext("%(mg)s mg mitragynine")
        self._units: dict[str, str] = {}

    def number(self, value: Decimal, places: int) -> str:
        return number(value, places, language=self.language)

    def unit(self, unit: str) -> str:
        name = self._units.get(unit)
        if name is None:
            name = self._units[unit] = str(UNITS.get(unit, unit))
        return name

    def whole_mg(self, mg: Decimal) -> str:
        # Half up, as the floatformat filter rounds it elsewhere on the site.
        return self.number(Decimal(mg).quantize(Decimal(1), rounding=ROUND_HALF_UP), 0)


def journal_rows_html(doses: QuerySet[Dose]) -> SafeString:
    """The table body for ``doses`` (already sliced to one page), times in the active zone."""
    wording, edit = _Wording(), gettext("Edit")
    # The date's pattern is the language's: "Thu 10 Dec, 08:30", "jeu 10 déc., 08:30".
    when = times_writer(gettext("D j M, H:i"))
    rows = doses.values_list(*COLUMNS)
    return format_html_join("\n", ROW_HTML, (_cells(row, wording, edit, when) for row in rows))


def _cells(
    row: tuple[Any, ...], wording: _Wording, edit: str, when: Callable[[dt.datetime], str]
) -> tuple[str, ...]:
    pk, taken_at, amount, unit, grams, mg, estimated, purpose, product = row
    local: dt.datetime = taken_at.astimezone(wording.zone)
    text = f"{wording.number(amount, 3)} {wording.unit(unit)}"
    if unit != Dose.Unit.GRAM and grams is not None:
        text += f" ({wording.number(grams, 2)} g)"
    return (
        local.isoformat(),
        when(local),
        text,
        product or "—",
        "—" if mg is None else f"{'≈ ' if estimated else ''}{wording.whole_mg(mg)} mg",
        str(PURPOSES.get(purpose) or "—"),
        wording.edit_url.format(pk),
        edit,
    )


def today_items_html(doses: list[Dose]) -> SafeString:
    """Today's doses as list items, newest first, times in the active zone."""
    wording, edit = _Wording(), gettext("edit")
    return format_html_join("\n      ", ITEM_HTML, (_item(dose, wording, edit) for dose in doses))


def _item(dose: Dose, wording: _Wording, edit: str) -> tuple[Any, ...]:
    local = dose.taken_at.astimezone(wording.zone)
    alkaloid = ""
    if dose.mitragynine_mg is not None:
        mg = wording.mitragynine % {"mg": wording.whole_mg(dose.mitragynine_mg)}
        about = "≈ " if dose.mitragynine_estimated else ""
        alkaloid = format_html(MITRAGYNINE_HTML, f"{about}{mg}")
    return (
        local.isoformat(),
        local.strftime("%H:%M"),
        wording.number(dose.amount, 3),
        wording.unit(dose.unit),
        dose.product.name if dose.product else "",
        alkaloid,
        wording.edit_url.format(dose.pk),
        edit,
    )

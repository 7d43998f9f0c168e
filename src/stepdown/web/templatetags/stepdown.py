"""Template filters for numbers as people read them: 2.5 g, not 2.50 g or 2.500 g."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def num(value: object, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals, without trailing zeros; "—" when missing."""
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    rounded = number.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_EVEN)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.simple_tag
def widget(field: BoundField) -> str:
    """The field's input, tied to its error or help text for screen readers."""
    attrs: dict[str, str | bool] = {}
    if field.errors:
        attrs = {"aria-invalid": "true", "aria-describedby": f"{field.auto_id}-error"}
    elif field.help_text:
        attrs = {"aria-describedby": f"{field.auto_id}-help"}
    return field.as_widget(attrs=attrs)


@register.filter
def elapsed(value: dt.timedelta | None) -> str:
    """A short duration that fits a phone: "45 min", "2 h 26 min", "3 d 4 h"."""
    if value is None:
        return "—"
    minutes = max(0, int(value.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"

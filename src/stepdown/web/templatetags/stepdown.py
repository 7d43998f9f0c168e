"""Template filters for numbers as people read them: 2.5 g, not 2.50 g or 2.500 g (and 2,5 g in
French: ``stepdown.web.formatting``)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.forms import BoundField

from stepdown.web import formatting

register = template.Library()


@register.filter
def num(value: object, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals, without trailing zeros; "—" when missing."""
    return formatting.number(value, places)


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
    return formatting.duration(value)

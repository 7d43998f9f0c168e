"""Template filters for numbers as people read them: 2.5 g, not 2.50 g or 2.500 g (and 2,5 g in
French: ``stepdown.web.formatting``)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString, mark_safe

from stepdown.web import formatting
from stepdown.web.html import escaped, format_html

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


@register.simple_tag
def field_row(field: BoundField) -> SafeString:
    """A form field as every form shows it: the label (marked when required), the input, and
    its error or else its help text; a checkbox sits inside its label. Written here rather
    than as an included template: a form of seven fields cost a page about 3 ms that way."""
    if getattr(field.field.widget, "input_type", None) == "checkbox":
        body = format_html(
            '\n<label for="{}">{} {}</label>\n\n', field.id_for_label, widget(field), field.label
        )
    else:
        body = format_html(
            '\n<label for="{}"{}>{}</label>\n{}\n\n',
            field.id_for_label,
            mark_safe(' class="required"') if field.field.required else "",
            field.label,
            widget(field),
        )
    if field.errors:
        note = format_html(
            '<small class="field-error" id="{}-error" role="alert">{}</small>',
            field.auto_id,
            mark_safe(" ".join(escaped(str(error)) for error in field.errors)),  # noqa: S308
        )
    elif field.help_text:
        note = format_html('<small id="{}-help">{}</small>', field.auto_id, field.help_text)
    else:
        note = mark_safe("")
    return format_html('<div class="field">{}{}\n</div>', body, note)


# Left as they are inside a double-quoted CSS string; every other character is written as a
# CSS escape. (Django's ``escapejs`` writes ``\u0027``, which CSS reads as "u0027".)
_CSS_PLAIN = frozenset(" .,:;!?'()/-_+*#%=@")


@register.filter
def css_string(value: object) -> SafeString:
    """``value`` for the inside of a double-quoted CSS string, as in a PDF's page header
    (``content: "{{ name|css_string }}"``): quotes, backslashes, line breaks and markup become
    CSS escapes, so the name prints as written and cannot end the string or the style."""
    text = "" if value is None else str(value)
    return mark_safe(  # noqa: S308 (nothing but letters, digits and _CSS_PLAIN is left as is)
        "".join(ch if ch.isalnum() or ch in _CSS_PLAIN else f"\\{ord(ch):x} " for ch in text)
    )


@register.filter
def elapsed(value: dt.timedelta | None) -> str:
    """A short duration that fits a phone: "45 min", "2 h 26 min", "3 d 4 h"."""
    return formatting.duration(value)

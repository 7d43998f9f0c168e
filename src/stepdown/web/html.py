"""HTML escaping for markup written in Python: Django's ``conditional_escape`` and
``format_html``, character for character, without the cost of Django's lazy-argument check.

Django's ``escape`` checks every argument for a lazy translation before escaping it, which cost
more than the escaping: a Today page escapes some two hundred values in the markup its lists,
buttons and form fields write in Python (docs/performance.md). Here a lazy translation is
turned into its text first, as ``conditional_escape`` does, and the text escaped with the
standard library, as Django's ``escape`` does. ``tests/web/test_html.py`` compares both with
Django's for every kind of value.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe


def escaped(value: object) -> str:
    """``value`` as HTML text: unchanged when it is already HTML (it has ``__html__``)."""
    if type(value) is str:  # the common case, and plain text is never HTML already
        return html.escape(value)
    if isinstance(value, Promise):
        value = str(value)
    as_html = getattr(value, "__html__", None)
    return as_html() if as_html is not None else html.escape(str(value))


def format_html(template: str, /, *args: Any, **kwargs: Any) -> SafeString:
    """``template.format`` with every value escaped (``{}`` and ``{name}`` fields alike)."""
    return mark_safe(  # noqa: S308 (every value is escaped)
        template.format(*map(escaped, args), **{k: escaped(v) for k, v in kwargs.items()})
    )


def format_html_join(separator: str, template: str, rows: Iterable[Any]) -> SafeString:
    """:func:`format_html` for each row (a sequence of values, or a mapping of names to values),
    joined by ``separator`` (escaped too)."""
    return mark_safe(  # noqa: S308 (every value and the separator are escaped)
        escaped(separator).join(
            format_html(template, **row)
            if isinstance(row, Mapping)
            else format_html(template, *row)
            for row in rows
        )
    )

"""``{% load learn %}``: a filter that turns a written phone number or email into a link a phone
can follow, and the list of a page's sources. They only format what they are given."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.translation import get_language

from stepdown.learn.sources import sources

register = template.Library()

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the usual separators; at least six digits so "2 pm" is not a number.
_PHONE = re.compile(r"\+?\d[\d\s().-]{4,}\d")


def reach_link(text: str) -> str:
    """``mailto:`` or ``tel:`` for the first email or phone number in ``text``, else ""."""
    email = _EMAIL.search(text)
    if email:
        return f"mailto:{email.group(0)}"
    phone = _PHONE.search(text)
    if phone:
        digits = re.sub(r"\D", "", phone.group(0))
        if 6 <= len(digits) <= 15:
            plus = "+" if phone.group(0).startswith("+") else ""
            return f"tel:{plus}{digits}"
    return ""


@register.filter
def reach_href(text: str) -> str:
    return reach_link(text or "")


@register.inclusion_tag("learn/source_list.html")
def source_list(ids: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """Each source ID with its reference, a link to the sources page and the paper's own link."""
    known = sources()
    language = get_language()
    return {
        "items": [
            (source_id, source.in_language(language) if source else None)
            for source_id in ids
            for source in [known.get(source_id)]
        ]
    }

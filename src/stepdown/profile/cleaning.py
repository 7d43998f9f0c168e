"""Checks of typed answers that the onboarding answers and the goals share, worded in the app's
voice: a number within its range and decimal places, and a line of text."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stepdown.errors import InvalidInput


def decimal_answer(field: str, value: Any, *, high: Decimal, places: int) -> Decimal | None:
    """A number from 0 to ``high`` with at most ``places`` decimals, or ``None`` when empty."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidInput(field, _("Enter a number.")) from None
    if not number.is_finite() or number < 0 or number > high:
        raise InvalidInput(
            field, _("Enter a number from 0 to %(high)s.") % {"high": f"{high.normalize():f}"}
        )
    step = Decimal(1).scaleb(-places)
    if number != number.quantize(step):
        raise InvalidInput(
            field,
            ngettext(
                "Use at most %(count)s decimal place.",
                "Use at most %(count)s decimal places.",
                places,
            )
            % {"count": places},
        )
    return number


def _printable(field: str, text: str) -> str:
    # Control characters (a NUL byte in particular, which PostgreSQL refuses) are never typed.
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        raise InvalidInput(field, _("Use ordinary text, on one line."))
    return text


def text_answer(field: str, value: Any, max_length: int) -> str:
    """Text without surrounding spaces, at most ``max_length`` characters, on one line."""
    text = "" if value is None else str(value).strip()
    if len(text) > max_length:
        raise InvalidInput(field, _("Keep it to %(count)s characters.") % {"count": max_length})
    return _printable(field, text)

"""The API's own answers to bad input, in the request's language.

pydantic's errors are read by their ``type`` code (stable across pydantic versions, unlike its
English sentences) and worded here in the app's voice, English or French, with the limits
written the reader's way (``0,5`` in French). A code not listed gets "This value is not
valid." in the request's language, so no framework sentence ever reaches a client.
``tests/i18n/test_french_api_errors.py`` produces every code the API's schemas can raise and
fails on one that is not listed.

Errors Stepdown's own validators raise (``stepdown.schemas.refusal``) carry codes too: pydantic's
where the meaning is the same (``greater_than``), else their own (``not_negative``, ``blank``).
A validator never raises a bare ``ValueError``: its ``value_error`` could carry any library's
English, so it is worded as the generic sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext, gettext_noop, ngettext

from stepdown.web.formatting import number

_DATE = gettext_noop("Must be a date like 2026-01-31.")
_DATETIME = gettext_noop("Must be a date and time like 2026-01-31T08:30:00+01:00.")
_TIME = gettext_noop("Must be a time like 08:30.")
_WHOLE = gettext_noop("Must be a whole number.")
_NUMBER = gettext_noop("Must be a number.")
_OBJECT = gettext_noop("Must be an object.")
_BOOLEAN = gettext_noop("Must be true or false.")
_UUID = gettext_noop("Must be a UUID, like 3f2b1c9e-8a4d-4b6e-9c1a-2d3e4f5a6b7c.")
_ONE_OF = gettext_noop("Must be one of: %(expected)s.")
_KIND = gettext_noop("Must be one of the listed kinds.")
GENERIC = gettext_noop("This value is not valid.")

MESSAGES: Mapping[str, str] = {
    # Presence and shape.
    "missing": gettext_noop("This is required."),
    "extra_forbidden": gettext_noop("This field is not accepted here."),
    "json_invalid": gettext_noop("The body is not valid JSON."),
    "dict_type": _OBJECT,
    "model_type": _OBJECT,
    "model_attributes_type": _OBJECT,
    "list_type": gettext_noop("Must be a list."),
    "union_tag_invalid": _KIND,
    "union_tag_not_found": _KIND,
    # Text.
    "string_type": gettext_noop("Must be text."),
    "string_pattern_mismatch": gettext_noop("Is not written in the expected form."),
    "blank": gettext_noop("Cannot be empty."),
    "nul_character": gettext_noop("Must not contain the NUL character."),
    # Numbers.
    "int_type": _WHOLE,
    "int_from_float": _WHOLE,
    "int_parsing": _WHOLE,
    "digits": gettext_noop("Must be a whole number written in digits, like 20."),
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "finite_number": gettext_noop("Must be a finite number."),
    "greater_than": gettext_noop("Must be more than %(gt)s."),
    "greater_than_equal": gettext_noop("Must be %(ge)s or more."),
    "less_than": gettext_noop("Must be less than %(lt)s."),
    "less_than_equal": gettext_noop("Must be %(le)s or less."),
    "not_negative": gettext_noop("Cannot be negative."),
    # Choices.
    "bool_type": _BOOLEAN,
    "bool_parsing": _BOOLEAN,
    "literal_error": _ONE_OF,
    "enum": _ONE_OF,
    "not_an_option": gettext_noop("Must be one of the listed options."),
    # Dates, times, identifiers.
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "datetime_type": _DATETIME,
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "timezone_aware": gettext_noop("Must include a time zone, like 2026-01-31T08:30:00+01:00."),
    "time_type": _TIME,
    "time_parsing": _TIME,
    "time_of_day": gettext_noop("Must be a time of day written HH:MM, like 20:00."),
    "uuid_type": _UUID,
    "uuid_parsing": _UUID,
}

# Sizes, worded with the number's plural: the context key that holds the number.
COUNTED: Mapping[str, str] = {
    "string_too_short": "min_length",
    "string_too_long": "max_length",
    "too_short": "min_length",
    "too_long": "max_length",
}


def _counted(kind: str, count: int) -> str:
    """The sentence for a size limit, in the plural form ``count`` takes in the language."""
    if kind == "string_too_short":
        return ngettext(
            "Must have at least %(min_length)s character.",
            "Must have at least %(min_length)s characters.",
            count,
        )
    if kind == "string_too_long":
        return ngettext(
            "Must have at most %(max_length)s character.",
            "Must have at most %(max_length)s characters.",
            count,
        )
    if kind == "too_short":
        return ngettext(
            "Must have at least %(min_length)s item.",
            "Must have at least %(min_length)s items.",
            count,
        )
    return ngettext(
        "Must have at most %(max_length)s item.",
        "Must have at most %(max_length)s items.",
        count,
    )


def _shown(value: Any) -> str:
    """A limit as the reader writes numbers (``0,5`` in French)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    return number(value, places=6)


def _expected(text: str) -> str:
    """pydantic's "'a', 'b' or 'c'" (English "or") as the values a client sends: "a", "b", "c"
    (numbers as they are: 1, 2, 3)."""
    values = [value.strip() for value in re.split(r", | or ", text)]
    return ", ".join(
        f'"{value[1:-1]}"' if len(value) >= 2 and value[0] == value[-1] == "'" else value
        for value in values
    )


def message(item: Mapping[str, Any]) -> str:
    """The app's wording of one pydantic error (``type``, ``msg``, ``ctx``) in the active
    language."""
    kind = str(item.get("type", ""))
    ctx = dict(item.get("ctx") or {})
    if kind in {"invalid", "needs_confirmation"}:
        # A service's refusal (stepdown.errors.InvalidInput), already worded in the request's
        # language by the service.
        return str(item.get("msg", "")) or gettext(GENERIC)
    values = {key: _shown(value) for key, value in ctx.items()}
    if "expected" in ctx:
        values["expected"] = _expected(str(ctx["expected"]))
    try:
        if kind in COUNTED:
            count = ctx.get(COUNTED[kind])
            return _counted(kind, count) % values if isinstance(count, int) else gettext(GENERIC)
        template = MESSAGES.get(kind)
        return gettext(template) % values if template else gettext(GENERIC)
    except (KeyError, TypeError, ValueError):
        return gettext(GENERIC)

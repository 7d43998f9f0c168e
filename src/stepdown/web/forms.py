"""Form helpers every app's pages share."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise

from stepdown.errors import InvalidInput, NeedsConfirmation


def attach_error(
    form: forms.BaseForm, error: InvalidInput, field_map: Mapping[str, str] | None = None
) -> None:
    """Show a service's error next to the form field it concerns (or above the form)."""
    field = (field_map or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)
    if isinstance(error, NeedsConfirmation) and error.confirm_field in form.fields:
        form.add_error(
            error.confirm_field, gettext("Tick this box if it is right, then save again.")
        )


def decimal_field(
    label: StrOrPromise, *, places: int, help_text: StrOrPromise = ""
) -> forms.DecimalField:
    """An optional number of at least 0 with at most ``places`` decimals, typed on a phone's
    number pad."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        decimal_places=places,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
    )


def plain(value: Any) -> Any:
    """``Decimal("2.50")`` -> ``"2.5"`` for an input's value (never ``"1E+1"``)."""
    return f"{value.normalize():f}" if isinstance(value, Decimal) else value

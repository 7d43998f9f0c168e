"""Form helpers every app's pages share."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms

from stepdown.errors import InvalidInput, NeedsConfirmation


def attach_error(
    form: forms.BaseForm, error: InvalidInput, field_map: Mapping[str, str] | None = None
) -> None:
    """Show a service's error next to the form field it concerns (or above the form)."""
    field = (field_map or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)
    if isinstance(error, NeedsConfirmation) and error.confirm_field in form.fields:
        form.add_error(error.confirm_field, "Tick this box if it is right, then save again.")

"""What a plan change's ``detail`` may hold: the change's own numbers (a hold's days, a slower
rate, step or interval) and, for a change a clinician proposed, who proposed it. The services
write it through :func:`adjustment_detail`, an import checks a file's history with it, and the
plan page reads it knowing every value has its type."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from stepdown.errors import InvalidInput

# Key -> its type: a whole number, a decimal written as text (exact), or a text.
DETAIL_KEYS = {
    "days": int,
    "interval_days": int,
    "proposal_id": int,
    "rate_pct": Decimal,
    "step_g": Decimal,
    "proposed_by": str,
    "clinic": str,
}


def adjustment_detail(detail: Any) -> dict[str, Any]:
    """``detail`` when it is an object of the keys above with values of their types; else
    ``InvalidInput`` at ``detail``."""
    if not isinstance(detail, dict):
        raise InvalidInput("detail", _("the details of a plan change are an object"))
    for key, value in detail.items():
        kind = DETAIL_KEYS.get(key)
        if kind is None:
            raise InvalidInput(
                "detail", _("a plan change has no detail %(key)s") % {"key": repr(key)}
            )
        if not _fits(kind, value):
            raise InvalidInput(
                "detail", _("%(key)s is not a valid %(kind)s") % {"key": key, "kind": _NAMES[kind]}
            )
    return dict(detail)


_NAMES = {int: "whole number", Decimal: "decimal number", str: "text"}


def _fits(kind: type, value: Any) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if kind is str:
        return isinstance(value, str) and len(value) <= 200
    if not isinstance(value, str):
        return False
    try:
        number = Decimal(value)
    except InvalidOperation:
        return False
    return number.is_finite() and number >= 0

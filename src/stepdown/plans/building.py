"""Checking a plan's inputs and building the frozen plan without saving it (the wizard's
preview uses this directly; ``services.plan_create`` saves what it returns).

Every refusal is an :class:`InvalidInput` naming the field, in a plain sentence.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import DecimalField
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core import tapering
from stepdown.core.tapering import TaperError, TaperPlan
from stepdown.errors import InvalidInput, NotFound
from stepdown.journal.models import Product
from stepdown.journal.selectors import product_get
from stepdown.plans.models import Plan
from stepdown.web import formatting
from stepdown.worded import worded

# Assumption: a plan is something to start soon; a year ahead is a typing error.
MAX_START_AHEAD_DAYS = 365
REASON_MAX = 500
# Sources are short machine words ("alert", "clinician"); the history shows them as such.
SOURCE_MAX = 40
# Typing-error guards; stop_below_g's clinical limit (2 g) is checked by the core planner.
_LIMITS = {"ed50_g": Decimal(100_000), "resolution_g": Decimal(1000)}


def _column(field: str) -> tuple[int, Decimal] | None:
    """The decimal places and the largest value the plan's column for ``field`` holds: a value
    beyond them would be rounded, or (on SQLite) stored and then unreadable."""
    try:
        column = Plan._meta.get_field(field)
    except FieldDoesNotExist:
        return None
    if not isinstance(column, DecimalField):
        return None
    places, digits = column.decimal_places, column.max_digits
    if places is None or digits is None:
        return None
    return places, Decimal(10) ** (digits - places) - Decimal(10) ** -places


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def taper_error(error: TaperError) -> InvalidInput:
    """The core's error as a service error, in the request's language with its numbers and days
    written as that language does (``plans.core_wording``). ``as_of`` is not an input anyone
    types: it is the plan's timing, so it is reported on ``plan``."""
    field = "plan" if error.field == "as_of" else error.field
    return InvalidInput(field, _sentence(worded(error.says)))


def decimal_input(value: Any, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidInput(field, _("Enter a number, for example 2.5.")) from None
    if not number.is_finite():
        raise InvalidInput(field, _("Enter a number, for example 2.5."))
    column = _column(field)
    if column is None:
        return number
    places, largest = column
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise InvalidInput(field, _("Use at most %(places)d decimal places.") % {"places": places})
    largest = min(largest, _LIMITS.get(field, largest))
    if number > largest:
        raise InvalidInput(
            field, _("Enter at most %(largest)s.") % {"largest": formatting.number(largest, 3)}
        )
    return number


def reason_input(reason: str, *, required: bool) -> str:
    text = (reason or "").strip()
    if required and not text:
        raise InvalidInput("reason", _("Say briefly why, so your history makes sense later."))
    if len(text) > REASON_MAX:
        raise InvalidInput(
            "reason",
            _("Keep the reason under %(count)d characters.") % {"count": REASON_MAX},
        )
    return text


def source_input(source: str) -> str:
    text = (source or "").strip()
    if len(text) > SOURCE_MAX or not all(c.isalnum() or c in "_-." for c in text):
        raise InvalidInput("source", _("A source is one short word such as 'alert'."))
    return text


def product_input(owner: User, product_id: int | None) -> Product | None:
    if product_id is None:
        return None
    try:
        product = product_get(owner=owner, product_id=product_id)
    except NotFound:
        raise InvalidInput("product_id", _("No such product in your library.")) from None
    if product.archived_at is not None:
        raise InvalidInput("product_id", _("This product is archived; choose another one."))
    return product


def plan_build(
    *,
    owner: User,
    start_g: Any,
    method: str = "proportional",
    rate_pct: Any = None,
    step_g: Any = None,
    ed50_g: Any = None,
    interval_days: int = tapering.DEFAULT_INTERVAL_DAYS,
    stabilize_days: int = tapering.DEFAULT_STABILIZE_DAYS,
    resolution_g: Any = tapering.DEFAULT_RESOLUTION_G,
    stop_below_g: Any = None,
    doses_per_day: int = 1,
    target_doses_per_day: int | None = None,
    start_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> TaperPlan:
    """Validate the wizard's parameters and build the plan without saving it (the preview)."""
    today = local_today(owner, now=now)
    start_date = start_date or today
    if start_date < today:
        raise InvalidInput("start_date", _("A plan starts today or later."))
    if start_date > today + dt.timedelta(days=MAX_START_AHEAD_DAYS):
        raise InvalidInput("start_date", _("Choose a start within the next year."))
    numbers = {
        name: decimal_input(value, name)
        for name, value in (
            ("start_g", start_g),
            ("rate_pct", rate_pct),
            ("step_g", step_g),
            ("ed50_g", ed50_g),
            ("resolution_g", resolution_g),
            ("stop_below_g", stop_below_g),
        )
    }
    if numbers["start_g"] is None:
        raise InvalidInput("start_g", _("Enter how many grams a day you take now."))
    try:
        return tapering.plan_taper(
            start_g=numbers["start_g"],
            start_date=start_date,
            method=method,
            rate_pct=numbers["rate_pct"],
            step_g=numbers["step_g"],
            ed50_g=numbers["ed50_g"],
            interval_days=interval_days,
            stabilize_days=stabilize_days,
            resolution_g=(
                numbers["resolution_g"]
                if numbers["resolution_g"] is not None
                else tapering.DEFAULT_RESOLUTION_G
            ),
            # None: the default for the resolution (0.5 g, or four capsules).
            stop_below_g=numbers["stop_below_g"],
            doses_per_day=doses_per_day,
            target_doses_per_day=target_doses_per_day,
        )
    except TaperError as error:
        raise taper_error(error) from None

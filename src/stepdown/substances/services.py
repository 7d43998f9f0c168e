"""Writes: other-substance uses (the medicines list is the profile app's). Every function checks
ownership first.

A logged use that falls within 24 hours of a kratom dose returns its warnings at once, and a
high-severity one is recorded as an ``interaction`` alert in the same transaction as the write.
"""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
import uuid
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.core.units import round_to
from stepdown.errors import InvalidInput
from stepdown.journal.selectors import doses_for
from stepdown.substances import selectors
from stepdown.substances.events import interactions_found
from stepdown.substances.matching import resolved_name
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import (
    KRATOM_WINDOW,
    CoUseWarning,
    co_use_alerts,
    co_use_warning,
)

logger = logging.getLogger(__name__)

# Clocks drift; a use stamped a minute ahead of the server is still "now" (as in the journal).
FUTURE_TOLERANCE = dt.timedelta(minutes=5)
# Assumption: no single use is more than this in any unit; a larger number is a typing slip.
MAX_AMOUNT = Decimal(10_000)
AMOUNT_STEP = Decimal("0.01")  # the column's precision

USE_FIELDS = ("category", "name", "amount", "unit", "taken_at", "note")


@dataclass(frozen=True)
class SubstanceResult:
    """A write: the use, whether it is new, and the kratom warning to show at once (if any)."""

    use: SubstanceUse
    created: bool
    warning: CoUseWarning | None = None

    @property
    def warnings(self) -> tuple[CoUseWarning, ...]:
        return () if self.warning is None else (self.warning,)


def _clean_text(field: str, value: Any, max_length: int) -> str:
    if not isinstance(value, str):
        raise InvalidInput(field, _("Enter text."))
    text = " ".join(value.split())
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise InvalidInput(field, _("Remove the control characters."))
    if len(text) > max_length:
        raise InvalidInput(field, _("Keep it to %(count)s characters.") % {"count": max_length})
    return text


def _clean_amount(value: Decimal | float | str) -> Decimal:
    try:
        number = Decimal(str(value))
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise InvalidInput(
            "amount", _("Enter the amount as a number, for example 1 or 2.5.")
        ) from None
    if abs(number) > MAX_AMOUNT:
        raise InvalidInput(
            "amount",
            _("Enter an amount of at most %(most)s.")
            % {"most": formats.number_format(MAX_AMOUNT, force_grouping=True)},
        )
    number = round_to(number, AMOUNT_STEP)
    if number <= 0:
        raise InvalidInput("amount", _("Enter an amount above 0 (0.01 or more)."))
    return number


def default_unit(category: str) -> str:
    """Alcohol is counted in standard drinks; anything else in doses unless the person says."""
    if category == SubstanceUse.Category.ALCOHOL:
        return SubstanceUse.Unit.STANDARD_DRINK
    return SubstanceUse.Unit.DOSE


def _validate(use: SubstanceUse) -> None:
    if use.category not in SubstanceUse.Category.values:
        raise InvalidInput(
            "category", _("Unknown category %(value)s.") % {"value": repr(use.category)}
        )
    use.unit = use.unit or default_unit(use.category)
    if use.unit not in SubstanceUse.Unit.values:
        raise InvalidInput("unit", _("Unknown unit %(value)s.") % {"value": repr(use.unit)})
    alcohol = use.category == SubstanceUse.Category.ALCOHOL
    if alcohol and use.unit != SubstanceUse.Unit.STANDARD_DRINK:
        raise InvalidInput("unit", _("Count alcohol in standard drinks."))
    if not alcohol and use.unit == SubstanceUse.Unit.STANDARD_DRINK:
        raise InvalidInput("unit", _("Standard drinks are for alcohol; choose another unit."))
    use.amount = _clean_amount(use.amount)
    use.name = _clean_text("name", use.name, 100)
    use.note = _clean_text("note", use.note, 500)
    use.resolved_name = resolved_name(use.name)
    if timezone.is_naive(use.taken_at):
        raise InvalidInput("taken_at", _("Give the time with its time zone."))
    if use.taken_at > timezone.now() + FUTURE_TOLERANCE:
        raise InvalidInput("taken_at", _("A use cannot be logged in the future."))


def kratom_times_near(*, owner: User, taken_at: dt.datetime) -> list[dt.datetime]:
    """Times of the person's kratom doses within the window either side of ``taken_at``."""
    doses = doses_for(owner=owner).filter(
        taken_at__gte=taken_at - KRATOM_WINDOW, taken_at__lte=taken_at + KRATOM_WINDOW
    )
    return list(doses.values_list("taken_at", flat=True))


def warning_for(*, owner: User, use: SubstanceUse) -> CoUseWarning | None:
    """The kratom warning for ``use``: an interacting substance within 24 h of a kratom dose."""
    return co_use_warning(
        label=use.label,
        category=use.category,
        name=use.name,
        taken_at=use.taken_at,
        kratom_times=kratom_times_near(owner=owner, taken_at=use.taken_at),
        medicines=selectors.medicine_reports(owner=owner),
    )


def record_co_use_alert(*, owner: User, use: SubstanceUse, warning: CoUseWarning) -> None:
    """Record the high-severity alert for ``use`` once (later calls do nothing)."""
    if use.interaction_alerted_at is not None:
        return
    day = use.taken_at.astimezone(owner.zone).date()
    alerts = co_use_alerts(warning, day=day)
    if not alerts:
        return
    with transaction.atomic():
        interactions_found.send(sender=SubstanceUse, owner=owner, alerts=alerts)
        use.interaction_alerted_at = timezone.now()
        SubstanceUse.objects.filter(owner=owner, pk=use.pk).update(
            interaction_alerted_at=use.interaction_alerted_at
        )


def co_use_alerts_record(*, owner: User, uses: Iterable[SubstanceUse]) -> None:
    """Record the alert of each use (kratom was logged near it after it) that has a high
    interaction with kratom within 24 h and no alert yet."""
    for use in uses:
        warning = warning_for(owner=owner, use=use)
        if warning is not None:
            record_co_use_alert(owner=owner, use=use, warning=warning)


def co_use_after_dose(*, owner: User, taken_at: dt.datetime) -> None:
    """A kratom dose at ``taken_at`` was saved: record the interaction alert of each use within
    24 h of it that has none yet (docs/interactions.md).

    Called by the alerts app's dose trigger (the journal never imports this app), and only when
    its one read for the dose found such a use (``alerts.context.after_dose``). It runs inside the
    dose's transaction, like the rules: in a savepoint there (in autocommit mode the alert's own
    write is atomic); an error is logged and never fails the person's write."""
    guard = transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()
    try:
        uses = selectors.uses_without_alert_near(owner=owner, taken_at=taken_at)
        if uses:
            with guard:
                co_use_alerts_record(owner=owner, uses=uses)
    except Exception:
        logger.exception("substances: co-use alert failed for person %s", owner.pk)


def substance_create(
    *,
    owner: User,
    category: str,
    amount: Decimal | float | str,
    unit: str = "",
    name: str = "",
    taken_at: dt.datetime | None = None,
    note: str = "",
    client_id: uuid.UUID | None = None,
) -> SubstanceResult:
    """Log a use. The same ``client_id`` again returns the original use and creates nothing."""
    if client_id is not None:
        existing = SubstanceUse.objects.filter(owner=owner, client_id=client_id).first()
        if existing is not None:
            return SubstanceResult(existing, created=False)
    use = SubstanceUse(
        owner=owner,
        category=category,
        name=name,
        amount=amount,
        unit=unit,
        taken_at=taken_at or timezone.now(),
        note=note,
        client_id=client_id,
    )
    _validate(use)
    try:
        with transaction.atomic():
            use.save()
            warning = warning_for(owner=owner, use=use)
            if warning is not None:
                record_co_use_alert(owner=owner, use=use, warning=warning)
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its use.
        if client_id is None:
            raise
        return SubstanceResult(
            SubstanceUse.objects.get(owner=owner, client_id=client_id), created=False
        )
    return SubstanceResult(use, created=True, warning=warning)


def substance_update(*, owner: User, use_id: int, **fields: Any) -> SubstanceResult:
    """Change some fields; the warning is worked out again for the new time and substance."""
    use = selectors.substance_use_get(owner=owner, use_id=use_id)
    for field, value in fields.items():
        if field not in USE_FIELDS:
            raise InvalidInput(field, _("This field cannot be changed."))
        if value is None and field not in ("name", "note", "unit"):
            raise InvalidInput(field, _("This field cannot be empty."))
        setattr(use, field, value if value is not None else "")
    if "category" in fields and "unit" not in fields:
        # Switching to or from alcohol changes what the amount is counted in.
        use.unit = default_unit(use.category)
    if {"category", "name", "taken_at"} & set(fields):
        # A different substance or day is a different cause: let its alert be recorded.
        use.interaction_alerted_at = None
    _validate(use)
    with transaction.atomic():
        use.save()
        warning = warning_for(owner=owner, use=use)
        if warning is not None:
            record_co_use_alert(owner=owner, use=use, warning=warning)
    return SubstanceResult(use, created=False, warning=warning)


def substance_delete(*, owner: User, use_id: int) -> None:
    selectors.substance_use_get(owner=owner, use_id=use_id).delete()

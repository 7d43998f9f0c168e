"""Triggers: a kratom dose logged after a substance records the pair's alert with the dose.

Connected in ``SubstancesConfig.ready`` so the journal never imports this app. The receiver runs
inside the dose's transaction, like the alerts app's triggers (in a savepoint there; in autocommit
mode the alert's own write is atomic): an error is logged and never fails the person's write
(see docs/interactions.md).
"""

from __future__ import annotations

import logging
from contextlib import nullcontext
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from stepdown.journal.models import Dose
from stepdown.substances.selectors import uses_without_alert_near
from stepdown.substances.services import co_use_alerts_record

logger = logging.getLogger(__name__)


def dose_saved(sender: type[Dose], instance: Dose, raw: bool, **_: Any) -> None:
    if raw:
        return
    # One small read; the savepoint only when there is something to record.
    guard = transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()
    try:
        uses = uses_without_alert_near(owner=instance.owner, taken_at=instance.taken_at)
        if uses:
            with guard:
                co_use_alerts_record(owner=instance.owner, uses=uses)
    except Exception:
        logger.exception("substances: co-use alert failed for person %s", instance.owner_id)


def connect() -> None:
    """Connect the trigger (idempotent: it has a ``dispatch_uid``)."""
    post_save.connect(dose_saved, sender=Dose, dispatch_uid="substances.dose_saved")

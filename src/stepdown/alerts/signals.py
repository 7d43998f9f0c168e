"""Triggers: the writes after which the relevant rules run, connected in ``AlertsConfig.ready``.

**Inside the write's transaction, not ``on_commit``.** A receiver of ``post_save`` runs within
whatever transaction the write runs in, so an alert is stored in the same transaction as the
dose, check-in or plan change that caused it: if the write commits, the alert commits with it
(it cannot be lost between the two, as an ``on_commit`` callback could be when the process
stops after the commit); if the write rolls back, so does the alert. Writes made in autocommit
mode (a dose logged without a ``client_id``) are committed by their own statement; the alert
follows at once in its own short transaction, and the daily job catches up if the process
stops in between. The rules run in a savepoint (``evaluation.evaluate_safely``): an error there
is logged and rolled back alone, never failing the person's write.

**Only the relevant rules, from what the write already holds.** A dose runs ``over_target``
(only with an active plan), the product rules for the dose's own product, and the rules of the
nudge cards (the person's limits, their trend and the tolerance signals, as of today), and asks
the substances app to record an interaction with a use logged before it; what these read first
(a plan, a goal, the journal's first day, such a use) is asked in one statement
(``context.after_dose``); new limits run the limit rules; a check-in runs
the withdrawal rules when it holds a diary or COWS total and the flag rules when it raised a
flag; a safety event records ``self_harm`` at once. Measured cost per dose write: see
``docs/alerts.md`` ("Alerts in the app").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.db.models.signals import post_delete, post_save

from stepdown.accounts.models import User
from stepdown.alerts import services
from stepdown.alerts.context import (
    Known,
    after_dose,
    product_view,
    response_flags,
    switch_between,
)
from stepdown.alerts.evaluation import evaluate_safely
from stepdown.alerts.models import CARD_CODES
from stepdown.alerts.recording import record_alerts
from stepdown.checkins.history import DIARY_INSTRUMENTS
from stepdown.checkins.models import Response, SafetyEvent
from stepdown.core import rules
from stepdown.core.interactions import check
from stepdown.core.rules import LIMIT_RULES, ProductSwitch
from stepdown.core.rules.plan import OVER_TARGET_SHARE
from stepdown.goals.models import Goal
from stepdown.journal import selectors as journal
from stepdown.journal.models import Dose, Product
from stepdown.plans.models import PlanAdjustment
from stepdown.plans.selectors import active_plan_row, targets_between
from stepdown.plans.snapshot import taper_of
from stepdown.profile.signals import medicines_listed
from stepdown.substances.events import interactions_found
from stepdown.substances.services import co_use_after_dose
from stepdown.substances.warnings import medicine_alerts

DOSE_CODES = ("over_target", "potency_jump", "seven_oh_product", "failed_contaminant")
PRODUCT_CODES = ("seven_oh_product", "failed_contaminant")
WITHDRAWAL_CODES = ("severe_withdrawal", "worse_after_cut")
FLAG_CODES = ("self_harm", "medical_warning")
PLAN_CODES = ("severe_withdrawal", "worse_after_cut", "over_target")
# Instruments whose total the withdrawal rules read (the diary, and COWS when stored).
WITHDRAWAL_INSTRUMENTS = (*DIARY_INSTRUMENTS, "cows")

logger = logging.getLogger(__name__)


def _quietly(action: Callable[[], object], what: str) -> None:
    """Run housekeeping in a savepoint; like the rules, it never fails the person's write."""
    try:
        with transaction.atomic():
            action()
    except Exception:
        logger.exception("alerts: %s failed", what)


def _known(instance: Dose) -> Known | None:
    """What the dose's rules and the co-use check ask first, in one statement; ``None`` if that
    fails (a dose made with the ORM may hold its time as text), and each of them then reads for
    itself under its own guard, as they did before the statement was shared."""
    try:
        return after_dose(owner=instance.owner, taken_at=instance.taken_at)
    except Exception:
        logger.exception("alerts: the reads after a dose failed for person %s", instance.owner_id)
        return None


def _may_be_over_target(instance: Dose, known: Known | None) -> bool:
    """Whether this dose's day is at least a quarter above the plan's target for it.

    ``over_target`` can only newly fire on such a day, so the five-day totals are loaded only
    then. Two small queries with an active plan (the plan and the day's grams), none without.
    """
    if known is not None and not known.has_plan:
        return False
    owner = instance.owner
    plan = active_plan_row(owner=owner)
    if plan is None:
        return False
    day = instance.taken_at.astimezone(owner.zone).date()
    target = targets_between(taper_of(plan), start=day, end=day).get(day)
    if not target:
        return False
    grams = journal.doses_for(owner=owner, since=day, until=day).aggregate(g=Sum("grams"))["g"]
    return (grams or 0) >= (1 + OVER_TARGET_SHARE) * target


def dose_saved(sender: type[Dose], instance: Dose, created: bool, raw: bool, **_: Any) -> None:
    if raw:
        return
    owner = instance.owner
    known = _known(instance)
    product = instance.product if instance.product_id else None
    switches: tuple[ProductSwitch, ...] = ()
    if created and product is not None:
        # The dose just before this one: a different product there is a switch.
        before = journal.dose_before(owner=owner, taken_at=instance.taken_at)
        switch = switch_between(owner, before, instance)
        switches = () if switch is None else (switch,)
    codes = [code for code in DOSE_CODES if code != "over_target"]
    if _may_be_over_target(instance, known):
        codes.append("over_target")
    codes += CARD_CODES
    evaluate_safely(
        owner=owner,
        codes=codes,
        products=() if product is None else (product_view(product),),
        switches=switches,
        known=known,
    )
    if known is None or known.use_near:
        # Kratom logged after an interacting substance: the substances app records the pair.
        co_use_after_dose(owner=owner, taken_at=instance.taken_at)


def dose_deleted(sender: type[Dose], instance: Dose, **_: Any) -> None:
    # Removing the dose between two products can make their switch adjacent, and the doses
    # either side of it too close.
    codes = ("potency_jump", *CARD_CODES) if instance.product_id else CARD_CODES
    evaluate_safely(owner=instance.owner, codes=codes)


def product_saved(
    sender: type[Product], instance: Product, created: bool, raw: bool, **_: Any
) -> None:
    flagged = instance.form == Product.Form.SEVEN_OH or Product.Result.FAIL in (
        instance.heavy_metals,
        instance.microbial,
    )
    if raw or created or not flagged:
        return  # a new product has no doses yet; its first dose runs the product rules
    evaluate_safely(owner=instance.owner, codes=PRODUCT_CODES)


def response_saved(
    sender: type[Response], instance: Response, created: bool, raw: bool, **_: Any
) -> None:
    if raw:
        return
    owner = instance.owner
    codes: list[str] = []
    if instance.instrument in WITHDRAWAL_INSTRUMENTS:
        codes += WITHDRAWAL_CODES
    if instance.flags:
        codes += FLAG_CODES
    if instance.instrument == "daily":
        _quietly(
            lambda: services.alerts_resolve_by_app(
                owner=owner, code="missed_checkins", note=services.CHECKIN_CAME_NOTE
            ),
            "resolving missed check-ins",
        )
    if not codes:
        return
    flags = response_flags(
        response_id=instance.pk,
        instrument=instance.instrument,
        day=instance.local_date,
        flags=instance.flags,
    )
    evaluate_safely(owner=owner, codes=codes, today=instance.local_date, flags=flags)


def safety_event_saved(
    sender: type[SafetyEvent], instance: SafetyEvent, raw: bool, **_: Any
) -> None:
    if raw:
        return
    response = instance.response
    flags = response_flags(
        response_id=response.pk,
        instrument=response.instrument,
        day=response.local_date,
        flags=instance.flags,
    )
    evaluate_safely(
        owner=instance.owner, codes=("self_harm",), today=response.local_date, flags=flags
    )


def plan_adjusted(
    sender: type[PlanAdjustment], instance: PlanAdjustment, created: bool, raw: bool, **_: Any
) -> None:
    if raw or not created:
        return
    owner = instance.plan.owner
    _quietly(
        lambda: services.suggestions_after_plan_change(owner=owner, adjustment=instance),
        "retiring suggestions after a plan change",
    )
    evaluate_safely(owner=owner, codes=PLAN_CODES)


def goal_saved(sender: type[Goal], instance: Goal, raw: bool, **_: Any) -> None:
    # New limits judge the days from today on (``limits_from``): today's doses may break them.
    if not raw:
        evaluate_safely(owner=instance.owner, codes=LIMIT_RULES)


def interactions_recorded(
    sender: object, *, owner: User, alerts: tuple[rules.Alert, ...], **_: Any
) -> None:
    # Not in a savepoint of its own: the alert is stored with the use or the medicines list that
    # made it, and a failure fails that write, as it always did.
    record_alerts(owner=owner, alerts=alerts)


def medicines_recorded(sender: object, *, owner: User, names: list[str], **_: Any) -> None:
    # Like a co-use, stored with the medicines list that made it.
    alerts = medicine_alerts((found.name, found.interactions) for found in check(names))
    if alerts:
        record_alerts(owner=owner, alerts=alerts)


def connect() -> None:
    """Connect every trigger (idempotent: each has a ``dispatch_uid``)."""
    post_save.connect(dose_saved, sender=Dose, dispatch_uid="alerts.dose_saved")
    post_delete.connect(dose_deleted, sender=Dose, dispatch_uid="alerts.dose_deleted")
    post_save.connect(product_saved, sender=Product, dispatch_uid="alerts.product_saved")
    post_save.connect(response_saved, sender=Response, dispatch_uid="alerts.response_saved")
    post_save.connect(
        safety_event_saved, sender=SafetyEvent, dispatch_uid="alerts.safety_event_saved"
    )
    post_save.connect(plan_adjusted, sender=PlanAdjustment, dispatch_uid="alerts.plan_adjusted")
    post_save.connect(goal_saved, sender=Goal, dispatch_uid="alerts.goal_saved")
    interactions_found.connect(interactions_recorded, dispatch_uid="alerts.interactions_recorded")
    medicines_listed.connect(medicines_recorded, dispatch_uid="alerts.medicines_recorded")

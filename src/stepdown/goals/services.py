"""Writes for onboarding answers, the medicines list and goals. Every function is owner-scoped.

Validation lives here, so the onboarding pages and ``PUT /api/v1/onboarding`` reject the same
things with the same words (``InvalidInput(field, message)``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core.instruments import InvalidAnswerError, score_responses
from stepdown.core.potency import MAX_DOSE_G, ProductForm
from stepdown.core.risk import Diagnosis, Reason, SelfTreatment, SubstanceHistory
from stepdown.core.tapering import MAX_HOLD_DAYS
from stepdown.errors import InvalidInput
from stepdown.goals.models import Goal
from stepdown.goals.risk import risk_refresh
from stepdown.goals.steps import STEP_SLUGS, next_step
from stepdown.plans import selectors as plans_selectors
from stepdown.plans import services as plans_services
from stepdown.profile.models import Onboarding
from stepdown.substances.services import medicines_set

# Plausibility guards against typing errors (assumptions): nobody doses more than 50 times a
# day, and nobody has used regularly for more than 80 years. Grams per dose use the journal's
# own guard (MAX_DOSE_G).
MAX_DOSES_PER_DAY = Decimal(50)
MAX_YEARS = Decimal(80)
MAX_HOURS_BETWEEN = Decimal(48)
MAX_PRICE_PER_G = Decimal(10000)

ANSWER_FIELDS = (
    "reason",
    "days_per_week",
    "doses_per_day",
    "grams_per_dose",
    "years_of_use",
    "forms_used",
    "substance_history",
    "withdrawal_when_stopping",
    "pregnancy",
    "self_treatment",
    "phq2",
    "gad2",
    "diagnoses",
    "diagnosis_note",
    "original_substance",
    "original_last_used_on",
)


def _decimal(field: str, value: Any, *, high: Decimal, places: int) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidInput(field, "Enter a number.") from None
    if not number.is_finite() or number < 0 or number > high:
        raise InvalidInput(field, f"Enter a number from 0 to {high.normalize():f}.")
    step = Decimal(1).scaleb(-places)
    if number != number.quantize(step):
        raise InvalidInput(field, f"Use at most {places} decimal place{'s' if places > 1 else ''}.")
    return number


def _choices(field: str, values: Any, allowed: Iterable[str]) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, list | tuple | set | frozenset):
        raise InvalidInput(field, "Give a list of choices.")
    known = list(allowed)
    chosen = []
    for value in values:
        if value not in known:
            raise InvalidInput(field, f"Unknown choice {value!r}; choose from {', '.join(known)}.")
        if value not in chosen:
            chosen.append(value)
    # Stored in the catalogue's order, so the same answers always look the same.
    return [value for value in known if value in chosen]


def _screen(field: str, code: str, answers: Any) -> tuple[dict[str, int] | None, int | None]:
    """Score a PHQ-2 or GAD-2 answered at onboarding with the instruments' own scorer."""
    if answers is None:
        return None, None
    if not isinstance(answers, Mapping):
        raise InvalidInput(field, "Answer both questions, or neither.")
    try:
        result = score_responses(code, dict(answers))
    except InvalidAnswerError as error:
        raise InvalidInput(field, f"Answer both questions, or neither ({error}).") from None
    return {key: int(value) for key, value in result.answers.items()}, result.total


def _printable(field: str, text: str) -> str:
    # Control characters (a NUL byte in particular, which PostgreSQL refuses) are never typed.
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        raise InvalidInput(field, "Use ordinary text, on one line.")
    return text


def _text(field: str, value: Any, max_length: int) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > max_length:
        raise InvalidInput(field, f"Keep it to {max_length} characters.")
    return _printable(field, text)


def _clean(owner: User, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validated model values for the answer fields present in ``fields``."""
    unknown = sorted(set(fields) - set(ANSWER_FIELDS))
    if unknown:
        raise InvalidInput(unknown[0], "This is not an onboarding answer.")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "reason":
            if value not in (None, "", *[r.value for r in Reason]):
                raise InvalidInput(name, "Choose one of the reasons offered.")
            clean[name] = value or ""
        elif name == "days_per_week":
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 7):
                raise InvalidInput(name, "Enter a whole number of days from 0 to 7.")
            clean[name] = value
        elif name == "doses_per_day":
            clean[name] = _decimal(name, value, high=MAX_DOSES_PER_DAY, places=1)
        elif name == "grams_per_dose":
            clean[name] = _decimal(name, value, high=MAX_DOSE_G, places=2)
        elif name == "years_of_use":
            clean[name] = _decimal(name, value, high=MAX_YEARS, places=1)
        elif name == "forms_used":
            clean[name] = _choices(name, value, (form.value for form in ProductForm))
        elif name == "self_treatment":
            clean[name] = _choices(name, value, (use.value for use in SelfTreatment))
        elif name == "diagnoses":
            clean[name] = _choices(name, value, (item.value for item in Diagnosis))
        elif name == "substance_history":
            if value not in [item.value for item in SubstanceHistory]:
                raise InvalidInput(name, "Choose one of the answers offered.")
            clean[name] = value
        elif name == "withdrawal_when_stopping":
            if value is not None and not isinstance(value, bool):
                raise InvalidInput(name, "Answer yes, no, or leave it empty.")
            clean[name] = value
        elif name == "pregnancy":
            said = value or Onboarding.Pregnancy.NOT_SAID
            if said not in Onboarding.Pregnancy.values:
                raise InvalidInput(name, "Choose one of the answers offered.")
            clean[name] = said
        elif name in ("phq2", "gad2"):
            clean[f"{name}_answers"], clean[f"{name}_total"] = _screen(name, name, value)
        elif name == "diagnosis_note":
            clean[name] = _text(name, value, 200)
        elif name == "original_substance":
            clean[name] = _text(name, value, 80)
        elif name == "original_last_used_on":
            if value is not None and value > local_today(owner):
                raise InvalidInput(name, "The date last used cannot be in the future.")
            clean[name] = value
    return clean


def _check_recovery(record: Onboarding, *, strict: bool) -> None:
    """The original substance belongs to ``opioid_recovery`` only.

    ``strict`` (the API) rejects it with another reason; the pages clear it instead, since the
    person may simply have changed their answer to the first question.
    """
    if record.reason == Reason.OPIOID_RECOVERY.value:
        return
    if strict and (record.original_substance or record.original_last_used_on):
        field = "original_substance" if record.original_substance else "original_last_used_on"
        raise InvalidInput(field, "Only asked when the reason is opioid_recovery.")
    record.original_substance = ""
    record.original_last_used_on = None


def onboarding_start(*, owner: User) -> Onboarding:
    """The person's onboarding record, created on first use (a concurrent create is harmless)."""
    try:
        with transaction.atomic():
            record, _ = Onboarding.objects.get_or_create(owner=owner)
    except IntegrityError:
        record = Onboarding.objects.get(owner=owner)
    return record


def onboarding_save_step(
    *, owner: User, step: str, answers: Mapping[str, Any], medicines: Any = None
) -> Onboarding:
    """Save one step's answers and move the saved position to the step after it.

    When the last step is saved onboarding is complete. Editing a step after completion keeps
    it complete.
    """
    if step not in STEP_SLUGS:
        raise InvalidInput("step", "Unknown onboarding step.")
    clean = _clean(owner, answers)
    record = onboarding_start(owner=owner)
    was_paused = record.pauses_taper
    with transaction.atomic():
        for name, value in clean.items():
            setattr(record, name, value)
        _check_recovery(record, strict=False)
        if medicines is not None:
            medicines_set(owner=owner, names=medicines)
        _advance(record, step)
        record.save()
        _pause_plan_if_pregnant(owner, record, was_paused=was_paused)
    _store_risk(record)
    return record


def _store_risk(record: Onboarding) -> None:
    """Keep a risk snapshot when the answers behind a completed profile change (the Risk page
    reads, it never writes; the daily job keeps one at least monthly: ``risk_refresh``)."""
    if record.status == Onboarding.Status.COMPLETED:
        risk_refresh(owner=record.owner)


def onboarding_skip_step(*, owner: User, step: str) -> Onboarding:
    """Leave one step unanswered and move on."""
    if step not in STEP_SLUGS:
        raise InvalidInput("step", "Unknown onboarding step.")
    record = onboarding_start(owner=owner)
    _advance(record, step)
    record.save()
    return record


def _advance(record: Onboarding, step: str) -> None:
    """Move the saved position past ``step``; the last step completes onboarding.

    A skipped onboarding stays skipped (no prompt comes back) until its last step is saved.
    """
    following = next_step(record.reason, step)
    if record.status == Onboarding.Status.COMPLETED:
        return
    if following is None:
        record.status = Onboarding.Status.COMPLETED
        record.completed_at = timezone.now()
        record.step = ""
    else:
        record.step = following


def onboarding_skip(*, owner: User) -> Onboarding:
    """ "Skip for now": hide the set-up prompt; the saved step stays for a later visit."""
    record = onboarding_start(owner=owner)
    if record.status != Onboarding.Status.COMPLETED:
        record.status = Onboarding.Status.SKIPPED
        record.save(update_fields=["status", "updated_at"])
    return record


def onboarding_replace(*, owner: User, answers: Mapping[str, Any], medicines: Any) -> Onboarding:
    """``PUT /api/v1/onboarding``: every answer at once; missing answers become empty.

    Answers given all at once count as a completed onboarding.
    """
    full = dict.fromkeys(ANSWER_FIELDS) | {"substance_history": "not_said"}
    full |= dict(answers)
    clean = _clean(owner, full)
    clean["forms_used"] = clean.get("forms_used") or []
    record = onboarding_start(owner=owner)
    was_paused = record.pauses_taper
    with transaction.atomic():
        for name, value in clean.items():
            setattr(record, name, value)
        _check_recovery(record, strict=True)
        medicines_set(owner=owner, names=medicines)
        if record.status != Onboarding.Status.COMPLETED:
            record.status = Onboarding.Status.COMPLETED
            record.completed_at = timezone.now()
        record.step = ""
        record.save()
        _pause_plan_if_pregnant(owner, record, was_paused=was_paused)
    _store_risk(record)
    return record


PREGNANCY_PAUSE_REASON = (
    "Paused: pregnant or breastfeeding. Plan any change with a clinician; in pregnancy, "
    "steady opioid-agonist treatment is preferred to withdrawal."
)


def _pause_plan_if_pregnant(owner: User, record: Onboarding, *, was_paused: bool) -> None:
    """Saying "pregnant" or "breastfeeding" pauses the active plan: its current step is held
    for the longest hold there is, so no cut comes on its own (ACOG2017Opioid). The plan page
    and the suggestions read the same answer (``taper_paused``)."""
    if was_paused or not record.pauses_taper:
        return
    plan = plans_selectors.current_plan(owner=owner)
    if plan is None:
        return
    # Not started yet, or already over: nothing to hold; the page still says paused.
    with contextlib.suppress(InvalidInput):
        plans_services.plan_hold(
            owner=owner,
            plan_id=plan.pk,
            days=MAX_HOLD_DAYS,
            reason=PREGNANCY_PAUSE_REASON,
            source="pregnancy",
        )


GOAL_FIELDS = (
    "purpose",
    "end_date",
    "max_g_per_day",
    "max_days_per_week",
    "min_hours_between",
    "no_use_after",
    "allowed_weekdays",
    "price_per_g",
    "currency",
)
LIMIT_FIELDS = frozenset(GOAL_FIELDS) - {"purpose", "price_per_g", "currency"}


def _weekdays(value: Any) -> list[int] | None:
    """Days of the week as sorted numbers 0 (Monday) to 6 (Sunday); none given or all seven
    is "any day" (``None``)."""
    if value is None:
        return None
    message = "Choose days of the week, Monday (0) to Sunday (6)."
    if not isinstance(value, list | tuple | set | frozenset):
        raise InvalidInput("allowed_weekdays", message)
    days = set()
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int | str) or str(item) not in "0123456":
            raise InvalidInput("allowed_weekdays", message)
        days.add(int(item))
    return None if not days or len(days) == 7 else sorted(days)


def _clean_goal(owner: User, fields: Mapping[str, Any], current: Goal | None) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(GOAL_FIELDS))
    if unknown:
        raise InvalidInput(unknown[0], "This is not a goal or limit.")
    clean: dict[str, Any] = {
        "purpose": _text("purpose", fields.get("purpose"), 200),
        "currency": _text("currency", fields.get("currency"), 8),
        "max_g_per_day": _decimal(
            "max_g_per_day", fields.get("max_g_per_day"), high=MAX_DOSE_G, places=2
        ),
        "min_hours_between": _decimal(
            "min_hours_between", fields.get("min_hours_between"), high=MAX_HOURS_BETWEEN, places=1
        ),
        "price_per_g": _decimal(
            "price_per_g", fields.get("price_per_g"), high=MAX_PRICE_PER_G, places=3
        ),
    }
    days = fields.get("max_days_per_week")
    if days is not None and (not isinstance(days, int) or not 0 <= days <= 7):
        raise InvalidInput("max_days_per_week", "Enter a whole number of days from 0 to 7.")
    clean["max_days_per_week"] = days
    clean["allowed_weekdays"] = _weekdays(fields.get("allowed_weekdays"))
    after = fields.get("no_use_after")
    if after is not None and not isinstance(after, dt.time):
        raise InvalidInput("no_use_after", "Enter a time of day, such as 20:00.")
    clean["no_use_after"] = after.replace(second=0, microsecond=0) if after else None
    end = fields.get("end_date")
    if end is not None and not isinstance(end, dt.date):
        raise InvalidInput("end_date", "Enter a date.")
    # A past end date is only kept when it was already there: the goal ran its course.
    unchanged = current is not None and current.end_date == end
    if end is not None and end < local_today(owner) and not unchanged:
        raise InvalidInput("end_date", "Choose today or a later date.")
    clean["end_date"] = end
    return clean


def goal_save(*, owner: User, fields: Mapping[str, Any]) -> Goal:
    """Create or replace the person's goal and limits (a field left out is "not set").

    When any limit changes, ``limits_from`` moves to today: the new limits apply from now on.
    """
    current = Goal.objects.filter(owner=owner).first()
    clean = _clean_goal(owner, fields, current)
    today = local_today(owner)
    if current is None:
        try:
            with transaction.atomic():
                return Goal.objects.create(owner=owner, limits_from=today, **clean)
        except IntegrityError:  # created by a concurrent request; update it instead
            current = Goal.objects.get(owner=owner)
    changed = any(getattr(current, name) != clean[name] for name in LIMIT_FIELDS)
    for name, value in clean.items():
        setattr(current, name, value)
    if changed:
        current.limits_from = today
    current.save()
    return current

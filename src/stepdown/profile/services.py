"""Writes of a person's profile: the onboarding answers and the medicines list. Every function
is owner-scoped.

Validation lives here, so the onboarding pages and ``PUT /api/v1/onboarding`` reject the same
things with the same words (``InvalidInput(field, message)``). What other apps do about an answer
(a plan paused in pregnancy, a new risk snapshot, an alert for a medicine that interacts with
kratom) they do when this app's signals tell them (``profile/signals.py``), in the same
transaction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.accounts.services import data_changed
from stepdown.core.instruments import InvalidAnswerError, score_responses
from stepdown.core.interactions import resolve
from stepdown.core.potency import MAX_DOSE_G, ProductForm
from stepdown.core.risk import Diagnosis, Reason, SelfTreatment, SubstanceHistory
from stepdown.errors import InvalidInput
from stepdown.profile.cleaning import decimal_answer, text_answer
from stepdown.profile.medicine_names import confirmed_name, counts, medicine_key
from stepdown.profile.models import Medicine, Onboarding
from stepdown.profile.selectors import medicines_for
from stepdown.profile.signals import answers_saved, medicines_listed
from stepdown.profile.steps import STEP_SLUGS, next_step
from stepdown.worded import worded

# Plausibility guards against typing errors (assumptions): nobody doses more than 50 times a
# day, and nobody has used regularly for more than 80 years. Grams per dose use the journal's
# own guard (MAX_DOSE_G).
MAX_DOSES_PER_DAY = Decimal(50)
MAX_YEARS = Decimal(80)
MAX_MEDICINES = 30

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


def _choices(field: str, values: Any, allowed: Iterable[str]) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, list | tuple | set | frozenset):
        raise InvalidInput(field, _("Give a list of choices."))
    known = list(allowed)
    chosen = []
    for value in values:
        if value not in known:
            raise InvalidInput(
                field,
                _("Unknown choice %(value)s; choose from %(known)s.")
                % {"value": repr(value), "known": ", ".join(known)},
            )
        if value not in chosen:
            chosen.append(value)
    # Stored in the catalogue's order, so the same answers always look the same.
    return [value for value in known if value in chosen]


def _screen(field: str, code: str, answers: Any) -> tuple[dict[str, int] | None, int | None]:
    """Score a PHQ-2 or GAD-2 answered at onboarding with the instruments' own scorer."""
    if answers is None:
        return None, None
    if not isinstance(answers, Mapping):
        raise InvalidInput(field, _("Answer both questions, or neither."))
    try:
        result = score_responses(code, dict(answers))
    except InvalidAnswerError as error:
        raise InvalidInput(
            field,
            _("Answer both questions, or neither (%(error)s).") % {"error": worded(error.says)},
        ) from None
    return {key: int(value) for key, value in result.answers.items()}, result.total


def answers_clean(owner: User, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validated model values for the answer fields present in ``fields``."""
    unknown = sorted(set(fields) - set(ANSWER_FIELDS))
    if unknown:
        raise InvalidInput(unknown[0], _("This is not an onboarding answer."))
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "reason":
            if value not in (None, "", *[r.value for r in Reason]):
                raise InvalidInput(name, _("Choose one of the reasons offered."))
            clean[name] = value or ""
        elif name == "days_per_week":
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 7):
                raise InvalidInput(name, _("Enter a whole number of days from 0 to 7."))
            clean[name] = value
        elif name == "doses_per_day":
            clean[name] = decimal_answer(name, value, high=MAX_DOSES_PER_DAY, places=1)
        elif name == "grams_per_dose":
            clean[name] = decimal_answer(name, value, high=MAX_DOSE_G, places=2)
        elif name == "years_of_use":
            clean[name] = decimal_answer(name, value, high=MAX_YEARS, places=1)
        elif name == "forms_used":
            clean[name] = _choices(name, value, (form.value for form in ProductForm))
        elif name == "self_treatment":
            clean[name] = _choices(name, value, (use.value for use in SelfTreatment))
        elif name == "diagnoses":
            clean[name] = _choices(name, value, (item.value for item in Diagnosis))
        elif name == "substance_history":
            if value not in [item.value for item in SubstanceHistory]:
                raise InvalidInput(name, _(_("Choose one of the answers offered.")))
            clean[name] = value
        elif name == "withdrawal_when_stopping":
            if value is not None and not isinstance(value, bool):
                raise InvalidInput(name, _("Answer yes, no, or leave it empty."))
            clean[name] = value
        elif name == "pregnancy":
            said = value or Onboarding.Pregnancy.NOT_SAID
            if said not in Onboarding.Pregnancy.values:
                raise InvalidInput(name, _(_("Choose one of the answers offered.")))
            clean[name] = said
        elif name in ("phq2", "gad2"):
            clean[f"{name}_answers"], clean[f"{name}_total"] = _screen(name, name, value)
        elif name == "diagnosis_note":
            clean[name] = text_answer(name, value, 200)
        elif name == "original_substance":
            clean[name] = text_answer(name, value, 80)
        elif name == "original_last_used_on":
            if value is not None and value > local_today(owner):
                raise InvalidInput(name, _("The date last used cannot be in the future."))
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
        raise InvalidInput(field, _("Only asked when the reason is opioid_recovery."))
    record.original_substance = ""
    record.original_last_used_on = None


def onboarding_start(*, owner: User) -> Onboarding:
    """The person's onboarding record, created on first use (a concurrent create is harmless)."""
    try:
        with transaction.atomic():
            record, _created = Onboarding.objects.get_or_create(owner=owner)
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
        raise InvalidInput("step", _("Unknown onboarding step."))
    clean = answers_clean(owner, answers)
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
        answers_saved.send(sender=Onboarding, owner=owner, record=record, was_paused=was_paused)
    return record


def onboarding_skip_step(*, owner: User, step: str) -> Onboarding:
    """Leave one step unanswered and move on."""
    if step not in STEP_SLUGS:
        raise InvalidInput("step", _("Unknown onboarding step."))
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
    clean = answers_clean(owner, full)
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
        answers_saved.send(sender=Onboarding, owner=owner, record=record, was_paused=was_paused)
    return record


# Medicines --------------------------------------------------------------------------------------


def _clean_medicines(names: Any) -> list[str]:
    if not isinstance(names, list | tuple):
        raise InvalidInput("medicines", _("Give a list of medicine names."))
    cleaned = []
    for raw in names:
        if not isinstance(raw, str):
            raise InvalidInput("medicines", _("Each medicine is a name."))
        name = " ".join(raw.split())
        if any(ord(char) < 32 or ord(char) == 127 for char in name):
            raise InvalidInput("medicines", _("Use ordinary text, on one line."))
        if len(name) > 100:
            raise InvalidInput("medicines", _("Keep each medicine name to 100 characters."))
        if name:
            cleaned.append(name)
    return cleaned


def _merged(names: list[str], confirm: Iterable[str]) -> list[str]:
    """One entry per medicine, the first name given kept; a confirmed close spelling becomes
    the name it was taken for ("quetiapin" -> "quetiapine")."""
    confirmed = {" ".join(name.split()).casefold() for name in confirm}
    names = [confirmed_name(n) if n.casefold() in confirmed else n for n in names]
    # An unconfirmed close spelling joins a medicine only when that medicine is listed for
    # sure; two guesses alike ("medicine 1", "medicine 2") stay apart.
    certain = {medicine_key(name) for name in names if counts(name)}
    kept: dict[str, str] = {}
    for name in names:
        key = medicine_key(name)
        if key not in certain and _guessed(name):
            key = f"name:{name.casefold()}"
        kept.setdefault(key, name)
    if len(kept) > MAX_MEDICINES:
        raise InvalidInput(
            "medicines", _("List at most %(count)s medicines.") % {"count": MAX_MEDICINES}
        )
    return list(kept.values())


def _guessed(name: str) -> bool:
    resolution = resolve(name)
    return resolution is not None and resolution.needs_confirmation


def medicines_set(*, owner: User, names: Any, confirm: Iterable[str] = ()) -> list[str]:
    """Replace the whole medicines list — the one way medicines are written, from onboarding,
    the medicines page and the API — and tell the apps above (``medicines_listed``) which
    medicines are newly listed: the alerts app records an ``interaction`` alert for each that
    interacts with kratom at high severity.

    Names that are the same medicine ("Seroquel", "QUETIAPINE", "quetiapin") make one entry.
    A close spelling counts (alerts) only once ``confirm`` names it; it is then stored as the
    name it was taken for. Medicines already on the list are not alerted again: a person who
    acknowledged the alert for quetiapine should not see it come back because they added
    gabapentin.
    """
    kept = _merged(_clean_medicines(names), confirm)
    with transaction.atomic():
        before = {medicine_key(name) for name in medicines_for(owner=owner) if counts(name)}
        Medicine.objects.filter(owner=owner).delete()
        Medicine.objects.bulk_create(Medicine(owner=owner, name=name) for name in kept)
        data_changed(owner=owner)
        added = [name for name in kept if medicine_key(name) not in before and counts(name)]
        if added:
            medicines_listed.send(sender=Medicine, owner=owner, names=added)
    return sorted(kept, key=str.casefold)


def medicine_add(*, owner: User, name: Any) -> list[str]:
    """Add one medicine to the list (the same medicine under any name changes nothing)."""
    cleaned = _clean_name(name) if isinstance(name, str) else name
    if not cleaned:
        raise InvalidInput("name", _("Enter the name of the medicine."))
    current = medicines_for(owner=owner)
    try:
        return medicines_set(owner=owner, names=[*current, cleaned])
    except InvalidInput as error:
        raise InvalidInput("name", error.message) from None


def medicine_confirm(*, owner: User, name: str) -> list[str]:
    """Confirm the close-spelling match of a listed medicine ("yes, I meant quetiapine")."""
    return medicines_set(owner=owner, names=medicines_for(owner=owner), confirm=[name])


def medicine_remove(*, owner: User, name: str) -> list[str]:
    """Remove one medicine (matched without regard to case); an unknown name changes nothing."""
    folded = " ".join(name.split()).casefold()
    current = medicines_for(owner=owner)
    return medicines_set(owner=owner, names=[n for n in current if n.casefold() != folded])


def _clean_name(value: str) -> str:
    """One medicine's name as typed on the medicines page (spaces collapsed)."""
    text = " ".join(value.split())
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise InvalidInput("name", _("Remove the control characters."))
    if len(text) > 100:
        raise InvalidInput("name", _("Keep it to 100 characters."))
    return text

"""Writes for a person's support contacts, reasons to change and urge log.

Every function takes the owner and looks objects up through an owner-scoped selector first, so
another person's object is "not found".
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stepdown.accounts.models import User
from stepdown.errors import InvalidInput
from stepdown.learn import selectors
from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog

# Assumption: a support card is read in a hard moment, on a phone; twenty of each is already
# more than fits on one screen, and a cap stops a runaway script from filling the table.
MAX_CONTACTS = 20
MAX_REASONS = 20
# A timer left running overnight says nothing about how long an urge lasted.
MAX_TIMER_AGE = dt.timedelta(hours=24)
# Clocks drift; a start stamped a minute ahead of the server is still "now".
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


def _text(field: str, value: Any, *, max_length: int, required: bool, empty: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(field, _("Enter text."))
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidInput(field, _(empty))
    if len(cleaned) > max_length:
        raise InvalidInput(
            field, _("Keep it to %(count)d characters or fewer.") % {"count": max_length}
        )
    return cleaned


def _contact_fields(fields: dict[str, Any]) -> dict[str, str]:
    allowed = {"name", "how_to_reach", "note"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(sorted(unknown)[0], _("This field cannot be set."))
    cleaned: dict[str, str] = {}
    if "name" in fields:
        cleaned["name"] = _text(
            "name",
            fields["name"],
            max_length=80,
            required=True,
            empty=gettext_noop("Give the person a name."),
        )
    if "how_to_reach" in fields:
        cleaned["how_to_reach"] = _text(
            "how_to_reach",
            fields["how_to_reach"],
            max_length=200,
            required=True,
            empty=gettext_noop("Add a phone number, an email or another way to reach them."),
        )
    if "note" in fields:
        note = fields["note"] if fields["note"] is not None else ""
        cleaned["note"] = _text("note", note, max_length=200, required=False, empty="")
    return cleaned


def contact_create(*, owner: User, name: str, how_to_reach: str, note: str = "") -> SupportContact:
    fields = _contact_fields({"name": name, "how_to_reach": how_to_reach, "note": note})
    if selectors.contacts_for(owner=owner).count() >= MAX_CONTACTS:
        raise InvalidInput(
            "name", _("You can keep up to %(count)d contacts here.") % {"count": MAX_CONTACTS}
        )
    return SupportContact.objects.create(owner=owner, **fields)


def contact_update(*, owner: User, contact_id: int, **fields: Any) -> SupportContact:
    contact = selectors.contact_get(owner=owner, contact_id=contact_id)
    for field, value in _contact_fields(fields).items():
        setattr(contact, field, value)
    contact.save()
    return contact


def contact_delete(*, owner: User, contact_id: int) -> None:
    selectors.contact_get(owner=owner, contact_id=contact_id).delete()


def _reason_text(value: Any) -> str:
    return _text(
        "text",
        value,
        max_length=300,
        required=True,
        empty=gettext_noop("Write the reason in a few words."),
    )


def reason_create(*, owner: User, text: str) -> ReasonToChange:
    cleaned = _reason_text(text)
    if selectors.reasons_for(owner=owner).count() >= MAX_REASONS:
        raise InvalidInput(
            "text", _("You can keep up to %(count)d reasons here.") % {"count": MAX_REASONS}
        )
    return ReasonToChange.objects.create(owner=owner, text=cleaned)


def reason_update(*, owner: User, reason_id: int, text: str) -> ReasonToChange:
    reason = selectors.reason_get(owner=owner, reason_id=reason_id)
    reason.text = _reason_text(text)
    reason.save()
    return reason


def reason_delete(*, owner: User, reason_id: int) -> None:
    selectors.reason_get(owner=owner, reason_id=reason_id).delete()


@dataclass(frozen=True)
class UrgeResult:
    """An urge write: the entry, and whether this call created it."""

    urge: UrgeLog
    created: bool


def _strength(value: object) -> int:
    # bool is an int in Python; "True out of 10" is a bug in the caller, not a strength.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("strength", _("Rate the urge with a whole number from 0 to 10."))
    if not 0 <= value <= 10:
        raise InvalidInput("strength", _("Rate the urge from 0 (none) to 10 (the strongest)."))
    return value


def helped_clean(codes: Iterable[str]) -> list[str]:
    """What helped with an urge: known choices, each once, "nothing helped" alone."""
    if isinstance(codes, str | dict) or not isinstance(codes, Iterable):
        raise InvalidInput("helped", _("Give a list of choices."))
    known = set(UrgeLog.Helped.values)
    cleaned: list[str] = []
    for code in codes:
        if code not in known:
            raise InvalidInput("helped", _("Unknown choice %(choice)s.") % {"choice": repr(code)})
        if code not in cleaned:
            cleaned.append(code)
    if UrgeLog.Helped.NOTHING in cleaned and len(cleaned) > 1:
        raise InvalidInput("helped", _("Choose what helped, or “nothing helped”, not both."))
    return cleaned


def _check_start(started_at: dt.datetime | None, logged_at: dt.datetime) -> None:
    if started_at is None:
        return
    if timezone.is_naive(started_at):
        raise InvalidInput("started_at", _("Give the time with its time zone."))
    if started_at > logged_at + FUTURE_TOLERANCE:
        raise InvalidInput("started_at", _("The timer cannot start after the urge was logged."))
    if logged_at - started_at > MAX_TIMER_AGE:
        raise InvalidInput("started_at", _("This timer started more than a day ago."))


def urge_log_create(
    *,
    owner: User,
    strength: int,
    helped: Iterable[str] = (),
    note: str = "",
    started_at: dt.datetime | None = None,
    client_id: uuid.UUID | None = None,
) -> UrgeResult:
    """Log an urge. The same ``client_id`` again returns the first entry and creates nothing."""
    if client_id is not None:
        existing = UrgeLog.objects.filter(owner=owner, client_id=client_id).first()
        if existing is not None:
            return UrgeResult(existing, created=False)
    logged_at = timezone.now()
    _check_start(started_at, logged_at)
    urge = UrgeLog(
        owner=owner,
        strength=_strength(strength),
        helped=helped_clean(helped),
        note=_text("note", note, max_length=300, required=False, empty=""),
        # A start a few seconds ahead of the server clock counts as "just now".
        started_at=min(started_at, logged_at) if started_at else None,
        logged_at=logged_at,
        client_id=client_id,
    )
    try:
        with transaction.atomic():
            urge.save()
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its entry.
        if client_id is None:
            raise
        return UrgeResult(UrgeLog.objects.get(owner=owner, client_id=client_id), created=False)
    return UrgeResult(urge, created=True)


def urge_log_delete(*, owner: User, urge_id: int) -> None:
    selectors.urge_get(owner=owner, urge_id=urge_id).delete()

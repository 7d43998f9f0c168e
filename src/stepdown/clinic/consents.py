"""A person's consent writes: signing with an invitation code, changing what is shared (a new
version), revoking. Consents are never edited in place (models.Consent)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stepdown.accounts.clock import day_start, local_today
from stepdown.accounts.models import User
from stepdown.clinic.data_classes import ALL
from stepdown.clinic.models import Consent, PatientInvitation
from stepdown.clinic.selectors import BAD_CODE, invitation_by_code
from stepdown.errors import InvalidInput, NotFound

# Without an end date, this is the event that ends the consent (Part 2 asks for one or the other).
# Stored in English (the signed record); the sharing page shows it translated.
NO_END_DATE_EVENT = gettext_noop(
    "When I revoke it or close my Stepdown account, whichever comes first."
)


def data_classes_clean(data_classes: Iterable[str]) -> list[str]:
    """The kinds of data a consent shares: known ones, at least one, in the catalogue's order."""
    if isinstance(data_classes, str | dict) or not isinstance(data_classes, Iterable):
        raise InvalidInput("data_classes", _("Give a list of kinds of data."))
    chosen = list(data_classes)
    unknown = [code for code in chosen if code not in ALL]
    if unknown:
        raise InvalidInput(
            "data_classes",
            _("%(code)s is not something Stepdown shares; choose from %(codes)s.")
            % {"code": repr(unknown[0]), "codes": ", ".join(ALL)},
        )
    if not chosen:
        raise InvalidInput("data_classes", _("Choose at least one kind of data to share."))
    return [code for code in ALL if code in chosen]


def _clean_signature(signature: str) -> str:
    name = " ".join(signature.split())
    if not name:
        raise InvalidInput("signature", _("Type your full name to sign."))
    if len(name) > 120:
        raise InvalidInput("signature", _("Use at most 120 characters."))
    return name


def _expiry(owner: User, expires_on: dt.date | None) -> dict[str, object]:
    if expires_on is None:
        return {"expires_on": None, "expires_at": None, "expiry_event": NO_END_DATE_EVENT}
    if expires_on < local_today(owner):
        raise InvalidInput("expires_on", _("This day has passed; choose today or a later day."))
    # In force to the end of that day where the person lives.
    end = day_start(owner, expires_on + dt.timedelta(days=1))
    return {"expires_on": expires_on, "expires_at": end, "expiry_event": ""}


def _supersede(owner: User, clinic_id: int, now: dt.datetime) -> Consent | None:
    """End the person's open consent with the clinic, if any, and return it."""
    current = (
        Consent.objects.select_for_update()
        .filter(
            owner=owner, clinic_id=clinic_id, revoked_at__isnull=True, superseded_at__isnull=True
        )
        .first()
    )
    if current is not None:
        current.superseded_at = now
        current.save(update_fields=["superseded_at"])
    return current


def consent_sign(
    *,
    owner: User,
    invitation_code: str,
    data_classes: Iterable[str],
    expires_on: dt.date | None,
    signature: str,
) -> Consent:
    """The person shares with the invitation's clinic. A consent they already had with that
    clinic ends and the new one is its next version."""
    invitation = invitation_by_code(invitation_code)
    chosen = data_classes_clean(data_classes)
    name = _clean_signature(signature)
    expiry = _expiry(owner, expires_on)
    now = timezone.now()
    with transaction.atomic():
        # Single use, even when two requests race with the same code.
        claimed = PatientInvitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=now
        )
        if not claimed:
            raise InvalidInput("invitation_code", _(BAD_CODE))
        previous = _supersede(owner, invitation.clinic_id, now)
        consent = Consent.objects.create(
            owner=owner,
            clinic=invitation.clinic,
            data_classes=chosen,
            signature=name,
            signed_at=now,
            version=previous.version + 1 if previous else 1,
            previous=previous,
            invitation=invitation,
            **expiry,
        )
        consent.clinicians.set(invitation.clinicians.all())
    return consent


def _own_open_consent(owner: User, consent_id: int) -> Consent:
    consent = Consent.objects.filter(owner=owner, pk=consent_id).first()
    if consent is None:
        raise NotFound("consent")
    return consent


def consent_change(
    *,
    owner: User,
    consent_id: int,
    data_classes: Iterable[str],
    expires_on: dt.date | None,
    signature: str,
) -> Consent:
    """Share something else with the same clinic and recipients: a new signed version; the
    old one ends. A revoked or replaced consent cannot change (sign a new invitation)."""
    consent = _own_open_consent(owner, consent_id)
    if consent.revoked_at is not None or consent.superseded_at is not None:
        raise InvalidInput(
            "consent",
            _("This consent has ended; ask the clinic for a new invitation to share again."),
        )
    chosen = data_classes_clean(data_classes)
    name = _clean_signature(signature)
    expiry = _expiry(owner, expires_on)
    now = timezone.now()
    with transaction.atomic():
        previous = _supersede(owner, consent.clinic_id, now)
        if previous is None or previous.pk != consent.pk:
            raise InvalidInput("consent", _("This consent changed meanwhile; open it again."))
        new = Consent.objects.create(
            owner=owner,
            clinic_id=consent.clinic_id,
            data_classes=chosen,
            signature=name,
            signed_at=now,
            version=consent.version + 1,
            previous=consent,
            **expiry,
        )
        new.clinicians.set(consent.clinicians.all())
    return new


def consent_revoke(*, owner: User, consent_id: int) -> Consent:
    """Stop sharing: from the next request on, the clinic sees nothing more. Revoking an
    ended consent changes nothing."""
    consent = _own_open_consent(owner, consent_id)
    if consent.revoked_at is None and consent.superseded_at is None:
        consent.revoked_at = timezone.now()
        consent.save(update_fields=["revoked_at"])
    return consent

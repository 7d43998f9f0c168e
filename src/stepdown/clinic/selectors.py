"""Clinic reads. A person's consents are scoped to that person; a clinic's members and people
to an active member of that clinic (``clinic.access``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from stepdown.accounts.models import User
from stepdown.clinic import codes
from stepdown.clinic.access import consents_covering, staff_membership
from stepdown.clinic.models import Consent, Membership, PatientInvitation, StaffInvitation
from stepdown.errors import InvalidInput, NotFound

BAD_CODE = gettext_noop(
    "This code does not work: it may be mistyped, used already or expired. "
    "Ask your clinic for a new one."
)


def consents_of(*, owner: User) -> list[Consent]:
    """Every consent the person signed, newest first, with clinic and named clinicians."""
    return list(
        Consent.objects.filter(owner=owner)
        .select_related("clinic")
        .prefetch_related(Prefetch("clinicians", queryset=User.objects.order_by("email")))
    )


def consent_of(*, owner: User, consent_id: int) -> Consent:
    consent = (
        Consent.objects.filter(owner=owner, pk=consent_id)
        .select_related("clinic")
        .prefetch_related("clinicians")
        .first()
    )
    if consent is None:
        raise NotFound("consent")
    return consent


def invitation_by_code(code: str) -> PatientInvitation:
    """The open invitation with this code; ``InvalidInput`` naming ``invitation_code`` else."""
    if not codes.normalise_code(code):
        raise InvalidInput("invitation_code", gettext(BAD_CODE))
    invitation = (
        PatientInvitation.objects.select_related("clinic")
        .prefetch_related("clinicians")
        .filter(code_hash=codes.code_hash(code), used_at__isnull=True)
        .filter(expires_at__gt=timezone.now())
        .first()
    )
    if invitation is None:
        raise InvalidInput("invitation_code", gettext(BAD_CODE))
    return invitation


def staff_invitation_open(*, invitation_id: int, token: str) -> StaffInvitation:
    """The open staff invitation the link names; ``NotFound`` for a wrong, used or old link."""
    invitation = StaffInvitation.objects.select_related("clinic").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open:
        raise NotFound("invitation")
    if not codes.staff_token_matches(invitation, token):
        raise NotFound("invitation")
    return invitation


def memberships_of(*, viewer: User) -> list[Membership]:
    """The viewer's active memberships, with their clinics."""
    return list(
        Membership.objects.filter(user=viewer, active=True, user__is_active=True)
        .select_related("clinic")
        .order_by("clinic__name")
    )


def members_of(*, viewer: User, clinic_id: int | None = None) -> list[Membership]:
    """Every membership of the clinic the viewer administers, active first."""
    own = staff_membership(viewer, clinic_id=clinic_id, admin=True)
    return list(
        Membership.objects.filter(clinic=own.clinic)
        .select_related("user")
        .order_by("-active", "user__email")
    )


def clinicians_of(*, viewer: User, clinic_id: int | None = None) -> list[Membership]:
    """The clinic's active members, for naming who will see an invited person."""
    own = staff_membership(viewer, clinic_id=clinic_id)
    return list(
        Membership.objects.filter(clinic=own.clinic, active=True, user__is_active=True)
        .select_related("user")
        .order_by("user__email")
    )


def open_staff_invitations(*, viewer: User, clinic_id: int | None = None) -> list[StaffInvitation]:
    own = staff_membership(viewer, clinic_id=clinic_id, admin=True)
    return list(
        StaffInvitation.objects.filter(
            clinic=own.clinic, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
    )


@dataclass(frozen=True)
class Person:
    """A person the viewer may see, as the clinic knows them: the name they signed with."""

    id: int
    display_name: str
    clinic_name: str
    data_classes: tuple[str, ...]
    consent: Consent


def people_for(*, viewer: User) -> list[Person]:
    """Everyone the viewer sees through a consent in force, by name. One query."""
    seen: dict[int, Person] = {}
    consents = consents_covering(viewer).select_related("clinic").order_by("-signed_at")
    for consent in consents:
        if consent.owner_id in seen:
            continue  # shared with two of the viewer's clinics: the newest consent names them
        seen[consent.owner_id] = Person(
            id=consent.owner_id,
            display_name=consent.signature,
            clinic_name=consent.clinic.name,
            data_classes=tuple(consent.data_classes),
            consent=consent,
        )
    return sorted(seen.values(), key=lambda person: person.display_name.casefold())

"""The one access decision: whom a clinician may see, and which of their data.

A clinician sees a person only while a consent of that person is in force (not revoked, not
superseded, not expired) and covers the clinician: they are named on it, or none are named and
they are a treating clinician of its clinic (every active member; an admin is one too). Their
membership of that clinic must be active, and only the data classes the consent names are
shown. Anything else is ``NotFound``, so the answer never tells whether the person exists.

Nothing here is cached: every request asks the database again, so a revocation, an expiry or a
deactivation takes effect on the very next request.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from stepdown.accounts.models import User
from stepdown.clinic.models import Consent, Membership
from stepdown.errors import InvalidInput, NotFound


def in_force() -> Q:
    """Consents not ended and not expired, as of now."""
    return Q(revoked_at__isnull=True, superseded_at__isnull=True) & (
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )


def consents_covering(viewer: User) -> QuerySet[Consent]:
    """Every consent in force through which ``viewer`` may see its person."""
    if not viewer.is_active:
        return Consent.objects.none()
    return (
        Consent.objects.filter(in_force(), owner__is_active=True)
        # One filter call: the membership that matches is the viewer's, and it is active.
        .filter(clinic__memberships__user=viewer, clinic__memberships__active=True)
        # Named clinicians only, or none named: every treating clinician of the clinic.
        .filter(Q(clinicians__isnull=True) | Q(clinicians=viewer))
    )


def consent_for(viewer: User, person_id: int) -> Consent | None:
    """The newest consent in force through which ``viewer`` sees the person, or ``None``."""
    return consents_covering(viewer).filter(owner_id=person_id).order_by("-signed_at").first()


def require_access(viewer: User, person_id: int, data_class: str) -> Consent:
    """The consent that lets ``viewer`` see ``data_class`` of the person; ``NotFound`` else."""
    for consent in consents_covering(viewer).filter(owner_id=person_id).order_by("-signed_at"):
        if data_class in consent.data_classes:
            return consent
    raise NotFound("person")


def require_person(viewer: User, person_id: int) -> Consent:
    """The consent through which ``viewer`` sees the person at all; ``NotFound`` else."""
    consent = consent_for(viewer, person_id)
    if consent is None:
        raise NotFound("person")
    return consent


def staff_membership(
    viewer: User, *, clinic_id: int | None = None, admin: bool = False
) -> Membership:
    """The viewer's active membership of the clinic (of their only clinic when ``clinic_id`` is
    not given); with ``admin``, only an admin's. ``NotFound`` when there is none."""
    memberships = Membership.objects.select_related("clinic").filter(
        user=viewer, active=True, user__is_active=True
    )
    if admin:
        memberships = memberships.filter(role="admin")
    if clinic_id is not None:
        memberships = memberships.filter(clinic_id=clinic_id)
    found = list(memberships[:2])
    if not found:
        raise NotFound("clinic")
    if len(found) > 1:
        raise InvalidInput(
            "clinic_id", gettext("You belong to more than one clinic: say which one.")
        )
    return found[0]


def is_staff_member(viewer: User) -> bool:
    """Whether the account has an active membership of any clinic."""
    return Membership.objects.filter(user=viewer, active=True).exists()

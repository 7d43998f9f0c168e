"""Clinic writes: creating a clinic, inviting and deactivating clinicians, inviting a person.

Every membership that becomes active makes its account need a second factor; an account left
with no active membership no longer does (``accounts.mfa.require_mfa``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _

from stepdown.accounts.mfa import require_mfa
from stepdown.accounts.models import User
from stepdown.clinic import codes
from stepdown.clinic.access import staff_membership
from stepdown.clinic.models import Clinic, Membership, PatientInvitation, Role, StaffInvitation
from stepdown.errors import InvalidInput, NotFound

STAFF_INVITATION_DAYS = 7
PATIENT_INVITATION_DAYS = 14


def _clean_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput("email", gettext("Enter a valid email address.")) from None
    return email


def _clean_role(role: str) -> str:
    if role not in Role.values:
        raise InvalidInput("role", gettext("Choose admin or clinician."))
    return role


def _activate(*, clinic: Clinic, user: User, role: str) -> Membership:
    """An active membership of ``user`` in ``clinic`` with ``role`` (a former one restarts)."""
    membership, _created = Membership.objects.update_or_create(
        clinic=clinic,
        user=user,
        defaults={"role": role, "active": True, "deactivated_at": None},
    )
    require_mfa(user)
    return membership


@dataclass(frozen=True)
class CreatedClinic:
    clinic: Clinic
    admin: User
    account_created: bool


def clinic_create(*, name: str, admin_email: str) -> CreatedClinic:
    """A clinic with ``admin_email`` as its admin; the account is created (with a password no
    one knows, to be chosen through a one-time link) when there is none."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("name", gettext("Give the clinic a name."))
    if len(name) > 120:
        raise InvalidInput("name", gettext("Use at most 120 characters."))
    email = _clean_email(admin_email)
    with transaction.atomic():
        user = User.objects.filter(email=email).first()
        created = user is None
        if user is None:
            user = User.objects.create_user(email, secrets.token_urlsafe(32))
        elif not user.is_active:
            raise InvalidInput("admin", _("the account %(email)s is closed") % {"email": email})
        clinic = Clinic.objects.create(name=name)
        _activate(clinic=clinic, user=user, role=Role.ADMIN)
    return CreatedClinic(clinic=clinic, admin=user, account_created=created)


def staff_invite(
    *, admin: User, email: str, role: str, clinic_id: int | None = None, site_url: str
) -> StaffInvitation:
    """Invite a clinician by email: a single-use link that expires. The email says only which
    clinic invites them (no one's health data)."""
    membership = staff_membership(admin, clinic_id=clinic_id, admin=True)
    email = _clean_email(email)
    role = _clean_role(role)
    if Membership.objects.filter(clinic=membership.clinic, user__email=email, active=True).exists():
        raise InvalidInput(
            "email", gettext("This person is already an active member of the clinic.")
        )
    now = timezone.now()
    invitation = StaffInvitation.objects.create(
        clinic=membership.clinic,
        email=email,
        role=role,
        invited_by=admin,
        created_at=now,
        expires_at=now + dt.timedelta(days=STAFF_INVITATION_DAYS),
    )
    from stepdown.clinic.tasks import send_staff_invitation

    send_staff_invitation.enqueue(
        invitation_id=invitation.pk, site_url=site_url, language=get_language() or ""
    )
    return invitation


def staff_invitation_accept(*, invitation: StaffInvitation, user: User) -> Membership:
    """The invited account joins; the link stops working."""
    if user.email != invitation.email:
        raise InvalidInput("email", gettext("This invitation is for another email address."))
    with transaction.atomic():
        now = timezone.now()
        claimed = StaffInvitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=now
        ).update(accepted_at=now, accepted_by=user)
        if not claimed:
            raise NotFound("invitation")
        return _activate(clinic=invitation.clinic, user=user, role=invitation.role)


def staff_signup_and_accept(
    *, invitation: StaffInvitation, password: str, display_name: str
) -> Membership:
    """Create the invited account with the chosen password, and join."""
    from django.contrib.auth import password_validation

    candidate = User(email=invitation.email, display_name=display_name.strip())
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        raise InvalidInput("password", " ".join(error.messages)) from None
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                invitation.email, password, display_name=display_name.strip()[:80]
            )
            return staff_invitation_accept(invitation=invitation, user=user)
    except IntegrityError:
        raise InvalidInput(
            "email", gettext("An account with this email exists: sign in first.")
        ) from None


def membership_deactivate(*, admin: User, membership_id: int) -> Membership:
    """End a clinician's membership: their access ends on their next request. An admin cannot
    remove the clinic's last active admin (the clinic would have no one to manage it)."""
    membership = (
        Membership.objects.select_related("user", "clinic")
        # One filter call: the admin membership that matches is the caller's own.
        .filter(
            pk=membership_id,
            clinic__memberships__user=admin,
            clinic__memberships__active=True,
            clinic__memberships__role=Role.ADMIN,
        )
        .first()
    )
    if membership is None or not membership.active:
        raise NotFound("member")
    if membership.is_admin:
        admins = Membership.objects.filter(clinic=membership.clinic, role=Role.ADMIN, active=True)
        if admins.count() == 1:
            raise InvalidInput(
                "id", gettext("This is the clinic's last admin; make another admin first.")
            )
    with transaction.atomic():
        membership.active = False
        membership.deactivated_at = timezone.now()
        membership.save(update_fields=["active", "deactivated_at"])
        if not Membership.objects.filter(user=membership.user, active=True).exists():
            require_mfa(membership.user, required=False)
    return membership


def patient_invitation_create(
    *, clinician: User, clinician_ids: list[int] | None = None, clinic_id: int | None = None
) -> tuple[PatientInvitation, str]:
    """An invitation for a person to share with the clinic, and its code (shown once; only a
    hash is kept). ``clinician_ids`` names the clinicians who will see the person; none named,
    the clinic's treating clinicians will."""
    membership = staff_membership(clinician, clinic_id=clinic_id)
    named: list[User] = []
    if clinician_ids:
        wanted = set(clinician_ids)
        named = list(
            User.objects.filter(
                pk__in=wanted,
                is_active=True,
                clinic_memberships__clinic=membership.clinic,
                clinic_memberships__active=True,
            )
        )
        if len(named) != len(wanted):
            raise InvalidInput(
                "clinician_ids",
                gettext("Name only active clinicians of this clinic (by their id)."),
            )
    now = timezone.now()
    for _attempt in range(5):  # a clash of two random codes is rare; try again if it happens
        code = codes.new_code()
        try:
            with transaction.atomic():
                invitation = PatientInvitation.objects.create(
                    clinic=membership.clinic,
                    created_by=clinician,
                    code_hash=codes.code_hash(code),
                    created_at=now,
                    expires_at=now + dt.timedelta(days=PATIENT_INVITATION_DAYS),
                )
                invitation.clinicians.set(named)
        except IntegrityError:
            continue
        return invitation, code
    raise RuntimeError("could not draw a fresh invitation code")


def patient_invitation_link(code: str, site_url: str) -> str:
    path = reverse("clinic:join_code", args=[codes.normalise_code(code)])
    return f"{site_url.rstrip('/')}{path}"

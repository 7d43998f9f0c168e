"""Clinic personas: two clinics and their clinicians, and a helper that shares a person's data
through the real invitation and consent services. Clients past the second factor come from
``tests.mfa_helpers`` (``verified_web``, ``verified_api``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from tests.conftest import PASSWORD

from stepdown.accounts.models import User
from stepdown.alerts.models import Alert
from stepdown.clinic.models import Clinic, Consent
from stepdown.clinic.services import clinic_create, staff_invitation_accept, staff_invite


def join(clinic: Clinic, email: str, role: str = "clinician") -> User:
    """A clinician joins ``clinic`` through an admin's invitation, as the pages do."""
    admin = clinic.memberships.filter(role="admin", active=True).first().user  # type: ignore[union-attr]
    user = User.objects.filter(email=email).first() or User.objects.create_user(email, PASSWORD)
    invitation = staff_invite(
        admin=admin, email=email, role=role, clinic_id=clinic.pk, site_url="http://testserver"
    )
    staff_invitation_accept(invitation=invitation, user=user)
    user.refresh_from_db()
    return user


def stored_alert(owner: User, code: str, severity: str, title: str, **extra: Any) -> Alert:
    """An open alert as the notice pipeline stores it (for the clinic's lists of alerts)."""
    return Alert.objects.create(
        owner=owner,
        code=code,
        severity=severity,
        title=title,
        explanation="e",
        action="a",
        source="s",
        learn_slug="seek-help-now",
        cause_key=f"test:{code}",
        **extra,
    )


@dataclass
class Clinics:
    riverside: Clinic
    hillside: Clinic
    lee: User  # admin of Riverside
    kim: User  # clinician of Riverside
    roe: User  # clinician of Hillside


@pytest.fixture
def clinics(db: None, mailoutbox: Any) -> Clinics:
    riverside = clinic_create(name="Riverside Clinic", admin_email="lee@clinic.example").clinic
    hillside = clinic_create(name="Hillside Practice", admin_email="hill@clinic.example").clinic
    kim = join(riverside, "kim@clinic.example")
    roe = join(hillside, "roe@clinic.example")
    lee = User.objects.get(email="lee@clinic.example")
    User.objects.filter(pk__in=[lee.pk, kim.pk, roe.pk]).update(time_zone="UTC")
    mailoutbox.clear()
    return Clinics(riverside=riverside, hillside=hillside, lee=lee, kim=kim, roe=roe)


@pytest.fixture
def share() -> Callable[..., Consent]:
    """The person signs a consent for ``clinic``, invited by its first clinician."""
    from stepdown.clinic.consents import consent_sign
    from stepdown.clinic.services import patient_invitation_create

    def make(
        person: User,
        clinic: Clinic,
        *,
        clinicians: list[User] | None = None,
        data_classes: tuple[str, ...] = ("journal", "plan", "checkins"),
        expires_on: dt.date | None = None,
        signature: str = "Samuel Jones",
    ) -> Consent:
        inviter = clinic.memberships.filter(active=True).first().user  # type: ignore[union-attr]
        _, code = patient_invitation_create(
            clinician=inviter,
            clinic_id=clinic.pk,
            clinician_ids=[u.pk for u in clinicians or []],
        )
        return consent_sign(
            owner=person,
            invitation_code=code,
            data_classes=data_classes,
            expires_on=expires_on,
            signature=signature,
        )

    return make

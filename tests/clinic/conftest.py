"""Clinic personas: two clinics, their clinicians (with a confirmed second factor), and helpers
that share a person's data through the real invitation and consent services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from tests.api_client import ApiClient
from tests.conftest import PASSWORD

from stepdown.accounts.models import PersonalAccessToken, User
from stepdown.clinic.models import Clinic, Consent
from stepdown.clinic.services import clinic_create, staff_invitation_accept, staff_invite


def verified_client(user: User) -> Client:
    """A browser session signed in as ``user`` that has passed TOTP (django-otp's session key
    names a confirmed device of theirs)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def verified_api(user: User) -> ApiClient:
    """An API client whose token was issued after a second factor."""
    from stepdown.accounts.services import token_create

    token, secret = token_create(owner=user, name="tests-mfa")
    PersonalAccessToken.objects.filter(pk=token.pk).update(mfa_verified=True)
    return ApiClient(secret)


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

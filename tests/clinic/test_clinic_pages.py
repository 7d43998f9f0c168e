"""The clinic pages: the clinicians' side behind the second factor, and a person's sharing."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.conftest import PASSWORD
from tests.mfa_helpers import verified_web as verified_client

from stepdown.accounts.models import User
from stepdown.clinic.models import Consent, Membership

pytestmark = pytest.mark.django_db


def test_clinic_pages_send_a_stranger_to_sign_in_and_a_clinician_without_mfa_to_set_it_up(
    clinics: Any,
) -> None:
    home = reverse("clinic:home")
    response = Client().get(home)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    unverified = Client()
    unverified.force_login(clinics.kim)
    for path in (home, reverse("clinic:invitation_new", args=[clinics.riverside.pk])):
        response = unverified.get(path)
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:mfa_setup")


def test_the_clinic_pages_check_the_second_factor_themselves(clinics: Any) -> None:
    """Behind the accounts gate: a member whose account somehow lost the must-use-MFA flag is
    still sent to pass the second factor (to the code step when they have an authenticator)."""
    from tests.mfa_helpers import add_confirmed_device

    User.objects.filter(pk=clinics.kim.pk).update(mfa_required=False)
    add_confirmed_device(clinics.kim)
    unverified = Client()
    unverified.force_login(clinics.kim)
    response = unverified.get(reverse("clinic:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:mfa_verify")


def test_a_person_with_no_clinic_gets_404_on_clinic_pages(clinics: Any, person: Any) -> None:
    client = verified_client(person)
    assert client.get(reverse("clinic:home")).status_code == 404
    members = reverse("clinic:members", args=[clinics.riverside.pk])
    assert client.get(members).status_code == 404


def test_the_clinic_home_lists_the_people_the_clinician_sees_until_revoked(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside, clinicians=[clinics.kim], signature="Samuel Jones")
    kim = verified_client(clinics.kim)
    page = kim.get(reverse("clinic:home")).content.decode()
    assert "Samuel Jones" in page
    assert "part 2 prohibits" in page
    assert (
        "Samuel Jones"
        not in verified_client(clinics.lee).get(reverse("clinic:home")).content.decode()
    )
    person_web = Client()
    person_web.force_login(person)
    response = person_web.post(reverse("clinic:consent_revoke", args=[consent.pk]))
    assert response.status_code == 302
    assert "Samuel Jones" not in kim.get(reverse("clinic:home")).content.decode()


def test_an_admin_invites_and_deactivates_on_the_members_page(
    clinics: Any, mailoutbox: Any
) -> None:
    lee = verified_client(clinics.lee)
    members = reverse("clinic:members", args=[clinics.riverside.pk])
    page = lee.get(members).content.decode()
    assert "kim@clinic.example" in page
    invite = reverse("clinic:member_invite", args=[clinics.riverside.pk])
    bad = lee.post(invite, {"email": "nope", "role": "clinician"})
    assert bad.status_code == 422
    assert "Enter an email address, for example" in bad.content.decode()
    assert lee.post(invite, {"email": "ada@clinic.example", "role": "admin"}).status_code == 302
    assert mailoutbox[-1].to == ["ada@clinic.example"]
    assert "ada@clinic.example" in lee.get(members).content.decode()
    kim_membership = Membership.objects.get(user=clinics.kim)
    deactivate = reverse("clinic:member_deactivate", args=[clinics.riverside.pk, kim_membership.pk])
    assert lee.post(deactivate).status_code == 302
    kim_membership.refresh_from_db()
    assert kim_membership.active is False
    # Kim's very next request finds no clinic.
    assert verified_client(clinics.kim).get(reverse("clinic:home")).status_code == 404


def test_a_clinician_cannot_open_the_members_page(clinics: Any) -> None:
    members = reverse("clinic:members", args=[clinics.riverside.pk])
    assert verified_client(clinics.kim).get(members).status_code == 404
    other = reverse("clinic:members", args=[clinics.hillside.pk])
    assert verified_client(clinics.lee).get(other).status_code == 404


def _invitation_link(mailoutbox: Any) -> str:
    found = re.search(r"http://testserver(/clinic/staff/join/\S+)", mailoutbox[-1].body)
    assert found is not None
    return found.group(1)


def test_an_invited_clinician_creates_the_account_and_joins_once(
    clinics: Any, mailoutbox: Any
) -> None:
    lee = verified_client(clinics.lee)
    lee.post(
        reverse("clinic:member_invite", args=[clinics.riverside.pk]),
        {"email": "ada@clinic.example", "role": "clinician"},
    )
    link = _invitation_link(mailoutbox)
    client = Client()
    short = client.post(link, {"display_name": "Dr Ada", "password": "short"})
    assert short.status_code == 422
    assert not User.objects.filter(email="ada@clinic.example").exists()
    done = client.post(link, {"display_name": "Dr Ada", "password": "a-long-clinic-passphrase"})
    assert done.status_code == 302
    ada = User.objects.get(email="ada@clinic.example")
    assert ada.mfa_required is True
    assert Membership.objects.get(user=ada).active
    # Signed in, but clinic pages wait for the second factor.
    assert client.get(reverse("clinic:home"))["Location"] == reverse("accounts:mfa_setup")
    assert Client().get(link).status_code == 404  # single use


def test_an_invited_clinician_with_an_account_signs_in_then_accepts(
    clinics: Any, mailoutbox: Any, person: Any
) -> None:
    lee = verified_client(clinics.lee)
    lee.post(
        reverse("clinic:member_invite", args=[clinics.riverside.pk]),
        {"email": person.email, "role": "clinician"},
    )
    link = _invitation_link(mailoutbox)
    assert "sign in" in Client().get(link).content.decode()
    other = Client()
    other.force_login(User.objects.create_user("someone@example.org", PASSWORD))
    assert "another email address" in other.get(link).content.decode()
    assert other.post(link).status_code == 200
    assert not Membership.objects.filter(user__email="someone@example.org").exists()
    client = Client()
    client.force_login(person)
    assert client.post(link).status_code == 302
    person.refresh_from_db()
    assert person.mfa_required is True


def test_a_person_types_the_code_reads_every_element_and_signs(clinics: Any, person: Any) -> None:
    kim = verified_client(clinics.kim)
    created = kim.post(
        reverse("clinic:invitation_new", args=[clinics.riverside.pk]),
        {"clinicians": [str(clinics.kim.pk)]},
    )
    assert created.status_code == 201
    code = re.search(r'data-testid="invitation-code">([A-Z0-9-]+)<', created.content.decode())
    assert code is not None
    web = Client()
    web.force_login(person)
    settings_page = web.get(reverse("accounts:settings")).content.decode()
    assert reverse("clinic:sharing") in settings_page
    wrong = web.post(reverse("clinic:join"), {"code": "ZZZZ-ZZZZ"})
    assert wrong.status_code == 422
    assert "does not work" in wrong.content.decode()
    typed = web.post(reverse("clinic:join"), {"code": code.group(1).lower()})
    assert typed.status_code == 302
    form = web.get(typed["Location"]).content.decode()
    assert "Riverside Clinic" in form
    assert "kim@clinic.example at Riverside Clinic (only this clinician)" in form
    for words in (
        "Who shares",
        "Treatment",
        "Every dose you log",
        "questionnaire answers",
        "The medicines you listed",
        "skin photos",
        "Notes the clinicians write",
        "revoke this consent at any time",
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records.",
        "Leave empty to share until you revoke it",
        "Your full name, as your signature",
        "Dated",
    ):
        assert words in form, words
    unsigned = web.post(typed["Location"], {"data_classes": ["journal"], "signature": ""})
    assert unsigned.status_code == 422
    assert not Consent.objects.exists()
    signed = web.post(
        typed["Location"], {"data_classes": ["journal", "plan"], "signature": "Samuel Jones"}
    )
    assert signed.status_code == 302
    consent = Consent.objects.get()
    assert consent.data_classes == ["journal", "plan"]
    sharing = web.get(reverse("clinic:sharing")).content.decode()
    assert "Riverside Clinic" in sharing
    assert 'data-status="active"' in sharing


def test_a_person_changes_what_is_shared_and_sees_both_versions(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside, data_classes=("journal", "skin"))
    web = Client()
    web.force_login(person)
    change = reverse("clinic:consent_change", args=[consent.pk])
    form = web.get(change).content.decode()
    assert 'value="skin" checked' in form
    bad = web.post(
        change, {"data_classes": ["journal"], "expires_on": "2001-02-03", "signature": "S J"}
    )
    assert bad.status_code == 422
    assert "This day has passed" in bad.content.decode()
    ok = web.post(change, {"data_classes": ["journal"], "signature": "Samuel Jones"})
    assert ok.status_code == 302
    sharing = web.get(reverse("clinic:sharing")).content.decode()
    assert 'data-status="superseded"' in sharing
    assert 'data-status="active"' in sharing
    assert web.get(change).status_code == 404  # the old version cannot change again


def test_another_persons_consent_pages_are_404(
    clinics: Any, person: Any, other_person: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside)
    web = Client()
    web.force_login(other_person)
    assert web.get(reverse("clinic:consent_change", args=[consent.pk])).status_code == 404
    assert web.post(reverse("clinic:consent_revoke", args=[consent.pk])).status_code == 404
    assert "Riverside" not in web.get(reverse("clinic:sharing")).content.decode()

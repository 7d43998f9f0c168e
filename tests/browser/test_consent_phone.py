"""A person links to a clinic on a phone: types the code from Account, reads the consent form,
signs with their name, and revokes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_signs_and_revokes_a_consent_on_a_phone(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.accounts.models import User
    from stepdown.clinic.models import Consent
    from stepdown.clinic.services import clinic_create, patient_invitation_create

    admin = clinic_create(name="Riverside Clinic", admin_email="lee@clinic.example").admin
    _, code = patient_invitation_create(clinician=admin)
    User.objects.create_user("sam@example.org", PASSWORD)
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/account/settings/")
    page.get_by_role("link", name="Sharing with a clinic").click()
    page.get_by_label("Invitation code").fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    expect(
        page.get_by_role("heading", name="Share your data with Riverside Clinic")
    ).to_be_visible()
    expect(page.get_by_test_id("recipients")).to_contain_text("every active clinician")
    page.get_by_label("Journal").check()
    page.get_by_label("Taper plan").check()
    page.get_by_role("button", name="Sign and share").click()
    # No name typed: the signature field says so, and the ticks stay.
    expect(page.locator(".field-error")).to_have_text("Type your full name to sign.")
    expect(page.get_by_label("Journal")).to_be_checked()
    page.get_by_label("Your full name, as your signature").fill("Samuel Jones")
    page.get_by_role("button", name="Sign and share").click()
    consent = page.get_by_test_id("consent")
    expect(consent).to_have_attribute("data-status", "active")
    # The kinds of data by the names the consent form gave them, in the page's language.
    expect(consent).to_contain_text("Shared: Journal, Taper plan.")
    consent.get_by_role("button", name="Revoke").click()
    expect(page.get_by_test_id("consent")).to_have_attribute("data-status", "revoked")
    assert Consent.objects.get().status == "revoked"
    assert [e for e in page_errors if "status of 422" not in e] == []

"""Journey: an account that must use a second factor signs in, is sent to set it up, confirms
a code its "app" computes from the secret on the page, sees its recovery codes, signs out, and
signs in again with a fresh code."""

from __future__ import annotations

import re
import time

import pytest
import time_machine
from playwright.sync_api import Page, expect
from tests.conftest import PASSWORD
from tests.mfa_helpers import totp_from_secret

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page: Page, email: str) -> None:
    page.goto("/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_clinician_sets_up_an_authenticator_and_signs_in_with_it(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.accounts.mfa import require_mfa
    from stepdown.accounts.models import User

    require_mfa(User.objects.create_user("lee@example.org", PASSWORD, display_name="Dr. Lee"))
    page = phone_page
    # The clock the server and the "app" share; moved on below so the second code is a new one
    # (a code already used is refused).
    with time_machine.travel(time.time(), tick=True) as clock:
        _sign_in(page, "lee@example.org")
        expect(page).to_have_url(re.compile(r"/account/mfa/setup/$"))
        expect(page.get_by_role("link", name="Get help now").first).to_be_visible()
        page.get_by_role("button", name="Start set-up").click()

        secret = page.get_by_test_id("totp-secret").inner_text()
        uri = page.get_by_test_id("otpauth-uri").inner_text()
        assert uri.startswith("otpauth://totp/Stepdown")
        assert f"secret={secret}" in uri
        page.get_by_label("Code").fill(totp_from_secret(secret))
        page.get_by_role("button", name="Confirm").click()

        expect(page).to_have_url(re.compile(r"/account/mfa/recovery-codes/$"))
        codes = page.get_by_test_id("recovery-codes").locator("li")
        expect(codes).to_have_count(10)
        page.locator("main").get_by_role("button", name="I have saved them").click()
        expect(page).not_to_have_url(re.compile(r"/account/mfa/"))

        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(re.compile(r"/account/login/"))

        clock.shift(31)
        _sign_in(page, "lee@example.org")
        expect(page).to_have_url(re.compile(r"/account/mfa/verify/$"))
        page.get_by_label("Code").fill(totp_from_secret(secret))
        page.get_by_role("button", name="Continue").click()
        expect(page).not_to_have_url(re.compile(r"/account/(mfa|login)/"))
        page.goto("/account/settings/")
        expect(page.get_by_text("sign-in asks for a code")).to_be_visible()
    assert page_errors == []

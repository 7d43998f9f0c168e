"""Sign-up on a phone: the browser's time zone is chosen, every error shows at once, and the new
account lands on onboarding."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser
from tests.browser.conftest import PHONE
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_takes_the_browsers_zone_and_lands_on_onboarding(
    browser: Browser, live_server: Any
) -> None:
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, timezone_id="Asia/Tokyo"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto("/account/signup/")
        select = page.locator("select[name=time_zone]")
        assert select.input_value() == "Asia/Tokyo"
        # Every problem at once: a bad address and a short password.
        page.fill("input[name=email]", "not-an-address")
        page.fill("input[name=password]", "123")
        page.select_option("select[name=time_zone]", "Europe/Lisbon")
        page.click("button[type=submit]")
        assert page.locator(".field-error").count() == 2
        # The person's own choice survives the errors.
        assert page.locator("select[name=time_zone]").input_value() == "Europe/Lisbon"
        page.fill("input[name=email]", "new@example.org")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/onboarding/**")
    finally:
        context.close()
    # The form with errors answers 422 by design; Chromium reports that as a console error.
    assert [e for e in errors if "status of 422" not in e] == []
    from stepdown.accounts.models import User

    assert User.objects.get(email="new@example.org").time_zone == "Europe/Lisbon"

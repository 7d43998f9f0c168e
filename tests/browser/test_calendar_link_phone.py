"""The calendar link on a phone: shown whole, copied with one tap, opened as webcal:, and honest
about an instance that only this computer can reach."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Browser, expect
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_calendar_link_is_whole_copyable_and_says_it_is_local(
    browser: Browser, live_server: Any, page_errors: list[str]
) -> None:
    from stepdown.accounts.clock import local_today
    from stepdown.accounts.models import User
    from stepdown.plans.services import plan_create

    sam = User.objects.create_user("sam@example.org", "a-long-test-passphrase", time_zone="UTC")
    plan_create(
        owner=sam,
        start_g=Decimal(12),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=4,
        start_date=local_today(sam),
    )
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/today/")
    page.goto("/plan/")
    page.get_by_role("button", name="Make a calendar link").click()

    field = page.get_by_label("Your calendar link")
    expect(field).to_be_visible()
    link = field.input_value()
    assert "/plan/calendar/" in link
    # The whole link is on screen: nothing scrolled away inside the box or past the screen edge.
    fits = field.evaluate(
        """el => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1
                 && el.getBoundingClientRect().right <= window.innerWidth"""
    )
    assert fits
    copy = page.get_by_role("button", name="Copy")
    assert (copy.bounding_box() or {"x": 999})["x"] < PHONE["width"]
    copy.click()
    expect(page.get_by_text("Copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
    webcal = page.get_by_role("button", name="Open in my calendar app")
    assert webcal.get_attribute("href") == "webcal://" + link.split("://", 1)[1]
    # The test server listens on this computer only: the page says a phone cannot reach it.
    expect(page.get_by_text("runs only on this computer")).to_be_visible()
    assert page_errors == []
    context.close()

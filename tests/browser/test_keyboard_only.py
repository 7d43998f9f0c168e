"""Keyboard only (docs/accessibility.md): "Get help now" is the second stop on every kind of
page, right after the skip link; a dose and the daily check-in are logged with Tab, Space,
Enter and typed digits alone, every stop showing its focus ring; the entries are in the
database afterwards."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"
MAX_TABS = 150  # a form longer than this many stops would be a finding in itself

# What has focus: its tag, type, name, text, and whether a focus ring is drawn.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "",
    text: (el.innerText || el.value || "").trim().slice(0, 60),
    testid: el.dataset ? (el.dataset.testid || "") : "",
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
      || style.boxShadow !== "none",
  };
}"""


def _signed_in(browser: Browser, base_url: str, user: Any | None) -> Page:
    from django.conf import settings
    from django.test import Client
    from tests.mfa_helpers import verified_web

    # Reduced motion: Pico's transitions off, so the ring is read as drawn, not half-way in.
    context = browser.new_context(viewport=PHONE, base_url=base_url, reduced_motion="reduce")
    if user is not None:
        client = verified_web(user) if user.mfa_required else Client()
        if not user.mfa_required:
            client.force_login(user)
        value = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base_url}
        context.add_cookies([cookie])
    return context.new_page()


def _tab(page: Page) -> dict[str, Any]:
    page.keyboard.press("Tab")
    focused: dict[str, Any] = page.evaluate(FOCUSED)
    # A date-time field takes focus in a part inside it, whose ring this check cannot read
    # (docs/accessibility.md, known limits).
    exempt = focused["tag"] == "body" or focused["type"] == "datetime-local"
    assert exempt or focused["ring"], f"no visible focus on {focused}"
    return focused


def _tab_to(page: Page, wanted: Any) -> dict[str, Any]:
    for _ in range(MAX_TABS):
        focused = _tab(page)
        if wanted(focused):
            return focused
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached it on {page.url}")


def test_get_help_now_is_the_first_stop_after_the_skip_link(
    browser: Browser, live_server: Any
) -> None:
    from stepdown.accounts.models import User
    from stepdown.clinic.services import clinic_create

    person = User.objects.create_user("sam@example.org", PASSWORD)
    clinician = clinic_create(name="Riverside", admin_email="lee@clinic.example").admin
    pages = {None: ["/", "/learn/", "/account/login/"], person: ["/today/", "/checkins/daily/"]}
    pages[clinician] = ["/clinic/"]
    for user, paths in pages.items():
        page = _signed_in(browser, live_server.url, user)
        for path in paths:
            page.goto(path)
            assert _tab(page)["text"] == "Skip to content", path
            assert _tab(page)["text"] == "Get help now", path
        page.context.close()


def test_a_dose_and_the_daily_check_in_without_a_mouse(browser: Browser, live_server: Any) -> None:
    from stepdown.accounts.models import User
    from stepdown.checkins.models import Response
    from stepdown.journal.models import Dose

    person = User.objects.create_user("sam@example.org", PASSWORD, time_zone="America/Chicago")
    page = _signed_in(browser, live_server.url, person)

    # The dose: with no dose yet the Today page shows the form open.
    page.goto("/today/")
    _tab_to(page, lambda f: f["name"] == "amount")
    page.keyboard.type("2.5")
    _tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Log dose")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-testid=dose-list], .dose-list')")
    dose = Dose.objects.get(owner=person)
    assert dose.grams == Decimal("2.5")

    # The daily check-in: Space picks the first answer of each question, digits fill numbers.
    page.goto("/checkins/daily/")
    while True:
        focused = _tab_to(
            page,
            lambda f: (
                (f["type"] in ("radio", "number") and f["name"]) or f["testid"] == "submit-checkin"
            ),
        )
        if focused["testid"] == "submit-checkin":
            break
        if focused["type"] == "radio":
            page.keyboard.press("Space")
        else:
            page.keyboard.type("1")
    # The answer buttons in their chosen state (the page sweep sees them unanswered).
    assert axe_violations(page) == [], describe("the answered check-in", axe_violations(page))
    page.keyboard.press("Enter")
    page.wait_for_url("**/checkins/responses/*/")
    response = Response.objects.get(owner=person, instrument="daily")
    assert response.answers["craving"] == 1
    assert len(response.answers) > 15  # every question, not just the first few
    page.context.close()

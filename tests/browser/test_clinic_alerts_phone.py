"""On a 390 px phone, a clinician goes from the dashboard to the open alerts, and marks one as
seen: the list fits the screen, shows the most urgent first, and no script or CSP error."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect
from tests.clinic.conftest import clinics, share, stored_alert  # noqa: F401 - the clinic personas
from tests.mfa_helpers import verified_web

from stepdown.alerts.models import Alert

pytestmark = pytest.mark.django_db(transaction=True)

# Where to leave the pictures for a person to look at (not committed); unset: none are kept.
SHOTS = os.environ.get("STEPDOWN_SHOTS_DIR", "")


def test_a_clinician_opens_the_alerts_and_marks_one_seen_on_a_phone(
    phone_page: Page,
    page_errors: list[str],
    browser: Browser,
    live_server: Any,
    clinics: Any,  # noqa: F811 - the fixture imported above
    share: Callable[..., Any],  # noqa: F811
    person: Any,
    other_person: Any,
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    share(other_person, clinics.riverside, signature="Alexandra Winterbottom-Smythe")
    stored_alert(other_person, "severe_withdrawal", "high", "Withdrawal looks severe")
    stored_alert(person, "self_harm", "critical", "Please reach out for support now")
    cookie = verified_web(clinics.kim).cookies[settings.SESSION_COOKIE_NAME].value
    page = phone_page
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto(reverse("clinic:dashboard"))
    page.get_by_test_id("alerts-link").click()
    expect(page.get_by_role("heading", name="Open alerts")).to_be_visible()
    rows = page.get_by_test_id("clinic-alert")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Samuel Jones")
    expect(rows.first).to_contain_text("Answered a check-in question about self-harm")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/clinic-alerts-phone.png", full_page=True)
        desktop = browser.new_context(viewport={"width": 1280, "height": 800})
        desktop.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        wide = desktop.new_page()
        wide.goto(live_server.url + reverse("clinic:alerts"))
        wide.screenshot(path=f"{SHOTS}/clinic-alerts-desktop.png", full_page=True)
        desktop.close()
    rows.first.get_by_role("button", name="Mark as seen").click()
    expect(page.get_by_text("Alert marked as seen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Open alerts")).to_be_visible()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Severe withdrawal (diary or COWS 25 or more)")
    assert Alert.objects.get(owner=person).status == "acknowledged"
    assert page_errors == []

"""On a 390 px phone, a person and a clinician write to each other with the htmx forms (the
conversation is replaced in place, no reload), Today announces the waiting message, and
marking it read clears the card. Desktop pictures too when STEPDOWN_SHOTS_DIR is set."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect
from tests.clinic.conftest import clinics, share  # noqa: F401 - the clinic personas
from tests.mfa_helpers import verified_web

from stepdown.clinic.models import Message

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = os.environ.get("STEPDOWN_SHOTS_DIR", "")


def _sign_in(page: Page, client: Client, live_server: Any) -> None:
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_person_and_a_clinician_write_to_each_other_on_phones(
    phone_page: Page,
    page_errors: list[str],
    browser: Browser,
    live_server: Any,
    clinics: Any,  # noqa: F811 - the fixture imported above
    share: Callable[..., Any],  # noqa: F811
    person: Any,
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    page = phone_page
    person_client = Client()
    person_client.force_login(person)
    _sign_in(page, person_client, live_server)

    page.goto(reverse("clinic:my_messages"))
    expect(page.get_by_role("heading", name="Riverside Clinic")).to_be_visible()
    page.get_by_label("Your message").fill("Step 3 is hard on my sleep. <b>Any advice?</b>")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Message sent.")
    expect(page.get_by_test_id("message")).to_have_count(1)
    # Sent in place: the field is empty again and a fresh form is ready.
    expect(page.get_by_label("Your message")).to_have_value("")
    expect(page.get_by_test_id("message")).to_contain_text("<b>Any advice?</b>")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".field-error")).to_be_visible()
    assert Message.objects.count() == 1
    _fits(page, 390)

    clinic_context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url
    )
    clinic_page = clinic_context.new_page()
    clinic_page.on("pageerror", lambda error: page_errors.append(str(error)))
    _sign_in(clinic_page, verified_web(clinics.kim), live_server)
    clinic_page.goto(reverse("clinic:messages_waiting"))
    clinic_page.get_by_role("link", name="Samuel Jones").click()
    expect(clinic_page.get_by_role("heading", name="Messages with Samuel Jones")).to_be_visible()
    expect(clinic_page.get_by_test_id("unread-count")).to_have_text("1 new")
    clinic_page.get_by_label("Your message").fill("Let us hold this step for a week.")
    clinic_page.get_by_role("button", name="Send").click()
    expect(clinic_page.get_by_test_id("message")).to_have_count(2)
    expect(clinic_page.get_by_test_id("unread-count")).to_have_count(0)
    _fits(clinic_page, 390)
    if SHOTS:
        clinic_page.screenshot(path=f"{SHOTS}/messages-clinic-phone.png", full_page=True)
    clinic_context.close()

    page.goto(reverse("today:today"))
    card = page.get_by_test_id("message-waiting")
    expect(card).to_contain_text("A message from your clinic is waiting.")
    card.get_by_role("link", name="Read it").click()
    expect(page.get_by_text("Let us hold this step for a week.")).to_be_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/messages-phone.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{SHOTS}/messages-desktop.png", full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Mark as read").click()
    expect(page.get_by_role("button", name="Mark as read")).to_have_count(0)
    page.goto(reverse("today:today"))
    expect(page.get_by_test_id("message-waiting")).to_have_count(0)
    # The empty message answers 422 by design, which Chromium logs as a failed load.
    assert [e for e in page_errors if "status of 422" not in e] == []

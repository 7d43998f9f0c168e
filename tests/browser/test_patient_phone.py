"""On a 390 px phone, a clinician reads the patient page (the chart fits the screen, no script
or CSP error) and enters a COWS with the page's form."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page, expect
from tests.clinic.conftest import clinics, share  # noqa: F401 - the clinic personas
from tests.clinic.patient_data import COWS_25, history
from tests.mfa_helpers import verified_web

from stepdown.checkins.models import Response

pytestmark = pytest.mark.django_db(transaction=True)

# Where to leave the pictures for a person to look at (not committed); unset: none are kept.
SHOTS = os.environ.get("STEPDOWN_SHOTS_DIR", "")


def test_a_clinician_reads_the_page_and_enters_a_cows_on_a_phone(
    phone_page: Page,
    page_errors: list[str],
    live_server: Any,
    clinics: Any,  # noqa: F811 - the fixture imported above
    share: Callable[..., Any],  # noqa: F811
    person: Any,
) -> None:
    share(person, clinics.riverside, data_classes=("journal", "plan", "checkins", "medicines"))
    history(person, 60)
    client = verified_web(clinics.kim)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page = phone_page
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto(reverse("clinic:patient", args=[person.pk]))
    expect(page.get_by_role("heading", name="Samuel Jones")).to_be_visible()
    chart = page.get_by_test_id("patient-chart")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] <= 390
    assert box["height"] > 200  # readable: four panels, not squashed
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > 390)"
        ".filter(e => !e.closest('.patient-table-scroll'))"
        ".map(e => e.tagName + '.' + e.className + ':' + (e.textContent || '').slice(0, 40))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/patient-phone.png", full_page=True)
    for item, value in COWS_25.items():
        page.locator(f'input[name="{item}"][value="{value}"]').check(force=True)
    page.get_by_role("button", name="Save the COWS").click()
    expect(page.get_by_text("COWS saved: 25 (Moderately severe).")).to_be_visible()
    stored = Response.objects.get(owner=person, instrument="cows")
    assert (stored.total, stored.entered_by_id) == (25, clinics.kim.pk)
    assert page_errors == []

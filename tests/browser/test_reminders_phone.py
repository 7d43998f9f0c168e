"""Reminder settings on a phone: from Account to Reminders, save, and the step line on Today."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def _sign_in(page: Page, email: str) -> Any:
    from stepdown.accounts.models import User

    user = User.objects.create_user(email, PASSWORD, time_zone="America/Chicago")
    page.goto("/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return user


def test_reminder_settings_and_tomorrows_step_on_a_phone(
    phone_page: Page, page_errors: list[str]
) -> None:
    from django.utils import timezone

    from stepdown.plans.services import plan_create
    from stepdown.reminders.models import ReminderPreference

    page = phone_page
    user = _sign_in(page, "sam@example.org")
    page.goto("/account/settings/")
    page.get_by_role("link", name="Reminders").click()
    expect(page.get_by_role("heading", name="Reminders", exact=True)).to_be_visible()
    page.get_by_label("Daily check-in reminder").fill("21:30")
    page.get_by_label("Also send reminders by email").check()
    page.get_by_label("Quiet from").fill("23:00")
    page.get_by_label("Quiet until").fill("")
    page.get_by_role("button", name="Save reminders").click()
    # Half of the quiet hours: the reason shows next to the field, nothing is saved.
    expect(page.locator("#id_quiet_end-error")).to_contain_text("or neither")
    assert not ReminderPreference.objects.exists()
    page.get_by_label("Quiet until").fill("07:00")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
    saved = ReminderPreference.objects.get()
    assert (saved.checkin_time, saved.email, saved.quiet_end) == (
        dt.time(21, 30),
        True,
        dt.time(7, 0),
    )

    tomorrow = timezone.now().astimezone(user.zone).date() + dt.timedelta(days=1)
    plan_create(
        owner=user,
        start_g=Decimal(12),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=4,
        start_date=tomorrow,
    )
    page.goto("/today/")
    expect(page.get_by_test_id("upcoming-step")).to_contain_text(
        "Your taper plan starts tomorrow: 12 g a day, in 4 doses."
    )
    # The refused form answers 422 by design, which Chromium logs as a failed load; anything
    # else (a script error, a CSP violation) fails the test.
    assert [error for error in page_errors if "status of 422" not in error] == []

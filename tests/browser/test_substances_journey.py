"""Journey 4 (Jordan): list medicines and see their interaction warnings; log alcohol one evening
after a kratom dose and be warned at once; and kratom after alcohol warns on the Today page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from tests.browser.navigation import follow_nav

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def _evening_zone() -> str:
    """A fixed-offset zone where it is 22:00-22:59 now, so "three hours ago" is still today
    whenever the test runs (in Chicago it would be yesterday just after midnight)."""
    offset = (22 - timezone.now().astimezone(dt.UTC).hour) % 24
    offset = offset - 24 if offset > 14 else offset
    # POSIX-style names: Etc/GMT-3 is three hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


ZONE = ZoneInfo(_evening_zone())


def _sign_in(page: Page) -> Any:
    from stepdown.accounts.models import User

    user = User.objects.create_user("jordan@example.org", PASSWORD, time_zone=ZONE.key)
    page.goto("/account/login/")
    page.get_by_label("Email").fill("jordan@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return user


def _local_input(moment: dt.datetime) -> str:
    """A datetime-local value in Jordan's zone."""
    return moment.astimezone(ZONE).strftime("%Y-%m-%dT%H:%M")


def test_jordan_sees_medicine_warnings_and_is_warned_about_alcohol_after_kratom(
    phone_page: Page, page_errors: list[str]
) -> None:
    page = phone_page
    _sign_in(page)

    # Medicines, from the "More" menu.
    follow_nav(page, "Medicines")
    expect(page.get_by_role("heading", name="Your medicines")).to_be_visible()
    page.get_by_label("Medicine name").fill("quetiapine")
    page.get_by_role("button", name="Add and check").click()
    card = page.locator('[data-testid="medicine"][data-name="quetiapine"]')
    expect(card).to_contain_text("High risk")
    expect(card).to_contain_text("Quetiapine and other CYP3A-cleared antipsychotics")
    # Quetiapine is in two classes (CYP3A antipsychotics and QT), each with its Learn link.
    expect(
        card.get_by_role("link", name="Learn: kratom and other medicines").first
    ).to_have_attribute("href", "/learn/interactions/")
    page.get_by_label("Medicine name").fill("gabapentin")
    page.get_by_role("button", name="Add and check").click()
    expect(page.locator('[data-name="gabapentin"]')).to_contain_text("Moderate risk")
    page.get_by_label("Medicine name").fill("metformin")
    page.get_by_role("button", name="Add and check").click()
    expect(page.locator('[data-name="metformin"]')).to_contain_text(
        "not in Stepdown's knowledge base — this does not mean it is safe; ask a pharmacist"
    )

    # A kratom dose at the start of the evening, three hours ago, logged on Today.
    follow_nav(page, "Today")
    page.get_by_label("Amount").fill("3")
    page.get_by_label("Time taken").fill(_local_input(timezone.now() - dt.timedelta(hours=3)))
    page.get_by_role("button", name="Log dose").click()
    expect(page.get_by_test_id("total-g")).to_have_text("3 g")

    # Then two drinks, logged now.
    page.goto("/substances/")
    page.get_by_label("Alcohol", exact=True).check()
    expect(page.get_by_label("Unit")).to_have_value("standard_drink")
    page.get_by_label("Amount").fill("2")
    page.get_by_role("button", name="Log it").click()
    warning = page.get_by_test_id("co-use-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Kratom and alcohol within 24 hours")
    expect(warning).to_contain_text("3 hours apart")
    expect(warning).to_contain_text("High risk")
    expect(page.get_by_test_id("substance-use")).to_have_count(1)
    assert page_errors == []


def test_kratom_logged_after_alcohol_warns_on_today_at_once(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.substances.services import substance_create

    page = phone_page
    user = _sign_in(page)
    substance_create(
        owner=user,
        category="alcohol",
        amount=Decimal(3),
        taken_at=timezone.now() - dt.timedelta(hours=10),
    )
    follow_nav(page, "Today")
    expect(page.get_by_test_id("co-use-warning")).to_have_count(0)
    page.get_by_label("Amount").fill("2")
    page.get_by_role("button", name="Log dose").click()
    expect(page.get_by_test_id("total-g")).to_have_text("2 g")
    # No reload: the warning block refreshes after the dose is logged.
    warning = page.get_by_test_id("co-use-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Kratom and alcohol within 24 hours")
    expect(warning).to_contain_text("10 hours apart")
    assert page_errors == []

"""Trends and Today charts on a phone (390 px): "2 Dec" dates, no "Time: --" placeholders,
one axis per chart, mood as small multiples, "Nothing yet" instead of bare axes, and a way to
Trends from the main navigation."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from tests.browser.navigation import follow_nav

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def _sign_in(page: Page, email: str) -> object:
    from stepdown.accounts.models import User

    user = User.objects.create_user(email, PASSWORD, time_zone="UTC")
    page.goto("/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return user


def _week_at_11_8_g(user: object) -> None:
    from stepdown.journal.services import dose_create

    now = dt.datetime.now(dt.UTC)
    for back in range(1, 8):
        dose_create(owner=user, amount=Decimal("11.8"), taken_at=now - dt.timedelta(days=back))


def test_trends_on_a_phone_reads_like_the_rest_of_the_app(
    phone_page: Page, page_errors: list[str]
) -> None:
    page = phone_page
    user = _sign_in(page, "sam@example.org")
    _week_at_11_8_g(user)
    page.goto("/today/")
    # Trends from the main navigation
    follow_nav(page, "Trends")
    expect(page.get_by_role("heading", name="Trends", exact=True)).to_be_visible()
    body = page.locator("body")
    expect(body).to_contain_text("average 11.8 g a day over 7 complete days")
    dose = page.locator('[data-trend="dose"]')
    expect(dose.locator("canvas")).to_have_count(1)
    text = page.locator("main").inner_text()
    assert "--" not in text  # no "Time: -- grams: --" placeholders
    assert "Time" not in text
    # One axis per chart: sleep hours and quality are two charts; four mood small multiples.
    for key in ("sleep_hours", "sleep_quality", "mood", "energy", "sedation", "sociability"):
        expect(page.locator(f'[data-trend="{key}"]')).to_have_count(1)
    # No check-ins: those charts say so instead of drawing bare axes.
    expect(page.locator('[data-trend="mood"] [data-testid="chart-empty"]')).to_have_text(
        "Nothing yet."
    )
    expect(page.locator('[data-trend="mood"] canvas')).to_have_count(0)
    # The day under the cursor reads "2 Dec", never "12/2".
    over = dose.locator(".u-over")
    box = over.bounding_box()
    assert box is not None
    over.hover(position={"x": box["width"] - 2, "y": box["height"] / 2})
    readout = dose.get_by_test_id("chart-readout")
    expect(readout).to_have_text(
        re.compile(r"^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec): ")
    )
    assert "/" not in readout.inner_text()
    assert page_errors == []


def test_today_chart_says_nothing_yet_on_a_new_account(
    phone_page: Page, page_errors: list[str]
) -> None:
    page = phone_page
    _sign_in(page, "new@example.org")
    page.goto("/today/")
    chart = page.locator('[data-chart="daily-totals"]')
    expect(chart.get_by_test_id("chart-empty")).to_contain_text("Nothing yet")
    expect(chart.locator("canvas")).to_have_count(0)
    assert page_errors == []

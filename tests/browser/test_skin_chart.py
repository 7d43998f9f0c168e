"""On a phone, the Skin page with one session: the chart's time axis spans weeks, not years,
and the colour card's picture loads."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def test_one_session_is_drawn_on_an_axis_of_weeks(phone_page: Page, page_errors: list[str]) -> None:
    from stepdown.accounts.models import User
    from stepdown.skin.models import PhotoSession

    person = User.objects.create_user("sam@example.org", PASSWORD, time_zone="America/Chicago")
    PhotoSession.objects.create(
        owner=person,
        taken_at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC),
        delta_ita_deg=-12.0,
        comparison_ok=True,
    )
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/skin/")
    chart = page.locator('[data-chart="skin-trend"]')
    expect(chart.locator("canvas")).to_be_visible()
    span_days = chart.evaluate("el => (el._plot.scales.x.max - el._plot.scales.x.min) / 86400")
    assert 27 <= span_days <= 29
    page.goto("/skin/new/")
    picture = page.get_by_role("img", name="A phone photo with a 24-patch colour card", exact=False)
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.naturalWidth") > 0
    assert page_errors == []

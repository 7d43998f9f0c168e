"""The dark colour scheme (the system setting, Playwright's ``color_scheme="dark"``) on a phone:
the person's main pages are dark and axe finds no colour-contrast fault on any of them; charts
take their colours from the scheme when drawn and redraw when it changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import open_page

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"
# The success criteria where the colours decide the answer (1.4.1 use of colour, 1.4.3 contrast:
# axe's link-in-text-block and color-contrast); the full WCAG sweep is the accessibility test's.
COLOUR_CRITERIA = ("wcag141", "wcag143")
PAGES = [
    "/today/",
    "/doses/",
    "/checkins/",
    "/checkins/trends/",
    "/checkins/crisis/",
    "/plan/",
    "/products/",
    "/goals/",
    "/substances/medicines/",
    "/learn/",
    "/help/",
    "/account/settings/",
]
_LUMINANCE = """(colour) => {
  const c = document.createElement("canvas").getContext("2d");
  c.fillStyle = colour; c.fillRect(0, 0, 1, 1);
  const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}"""


@pytest.fixture
def dark_page(browser: Browser, live_server: Any, page_errors: list[str]) -> Iterator[Page]:
    page = open_page(browser, live_server.url, page_errors, color_scheme="dark", locale="en-GB")
    yield page
    page.context.close()


def _person_with_a_fortnight(page: Page) -> int:
    """Two weeks of doses of a product with an emoji in its name, and a plan from them (its
    id)."""
    from stepdown.accounts.clock import day_start, local_today
    from stepdown.accounts.models import User
    from stepdown.journal.services import dose_create, product_create
    from stepdown.plans.services import plan_create

    user = User.objects.create_user("sam@example.org", PASSWORD, time_zone="UTC")
    product = product_create(owner=user, name="Red \N{HERB} Bali \N{BLACK STAR}")
    today = local_today(user)
    # 6 g on each of the last 14 whole days, whatever the hour the test runs at.
    for back in range(1, 15):
        for hour in (8, 14):
            taken = day_start(user, today - dt.timedelta(days=back)) + dt.timedelta(hours=hour)
            dose_create(owner=user, amount=Decimal(3), product_id=product.pk, taken_at=taken)
    plan = plan_create(
        owner=user,
        start_g=Decimal(6),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=2,
        start_date=today,
        product_id=product.pk,
    )
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/today/")
    return int(plan.plan.pk)


def _axis_and_background(page: Page, chart: str) -> tuple[str, float, float]:
    """The chart's y-axis colour as drawn, its luminance and the page background's."""
    stroke = page.evaluate(
        "(sel) => { const u = document.querySelector(sel)._plot; return u.axes[1].stroke(u, 1); }",
        chart,
    )
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    return stroke, page.evaluate(_LUMINANCE, stroke), page.evaluate(_LUMINANCE, background)


def test_the_main_pages_in_the_dark_scheme(dark_page: Page, page_errors: list[str]) -> None:
    page = dark_page
    plan_id = _person_with_a_fortnight(page)
    page.goto("/checkins/")
    page.get_by_test_id("start-daily").click()
    expect(page.locator("[data-checkin-form]")).to_be_visible()
    daily = page.url
    problems: list[str] = []
    for path in [*PAGES, daily, f"/plan/{plan_id}/strip/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")  # the lazily loaded parts are in
        background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        assert page.evaluate(_LUMINANCE, background) < 0.02, (path, background)
        problems += describe(path, axe_violations(page, COLOUR_CRITERIA))
    assert problems == [], "\n".join(problems)

    # Today's chart: light axis labels on the dark page (at least 4.5:1), from app.css.
    page.goto("/today/")
    chart = '[data-chart="daily-totals"]'
    expect(page.locator(f"{chart} canvas")).to_have_count(1)
    stroke, ink, paper = _axis_and_background(page, chart)
    assert (ink + 0.05) / (paper + 0.05) >= 4.5, stroke
    series = page.evaluate(
        "(sel) => { const u = document.querySelector(sel)._plot;"
        " return u.series[1].stroke(u, 1); }",
        chart,
    )
    assert series == page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--sd-chart-1').trim()"
    )
    # The system switches to light: the chart is drawn again in dark ink on the light page.
    page.emulate_media(color_scheme="light")
    page.wait_for_function(
        "([sel, before]) => { const u = document.querySelector(sel)._plot;"
        " return !!u && u.axes[1].stroke(u, 1) !== before; }",
        arg=[chart, stroke],
    )
    stroke_light, ink, paper = _axis_and_background(page, chart)
    assert stroke_light != stroke
    assert (paper + 0.05) / (ink + 0.05) >= 4.5, stroke_light
    assert page_errors == []

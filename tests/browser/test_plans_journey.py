"""Journey: a plan made from two weeks of journal data, then a step held when it gets hard."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from tests.browser.navigation import follow_nav

pytestmark = pytest.mark.django_db(transaction=True)


def _shown(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def test_plan_from_the_journal_then_hold_a_step(phone_page: Page, page_errors: list[str]) -> None:
    from stepdown.accounts.clock import local_today
    from stepdown.accounts.models import User
    from stepdown.journal.services import dose_create, product_create

    sam = User.objects.create_user(
        "sam@example.org", "a-long-test-passphrase", time_zone="America/Chicago"
    )
    leaf = product_create(owner=sam, name="Green Maeng Da", mitragynine_mg_per_unit=Decimal(15))
    today = local_today(sam)
    for days_ago in range(1, 15):
        day = today - dt.timedelta(days=days_ago)
        for hour in (8, 12, 16, 20):
            taken = dt.datetime.combine(day, dt.time(hour), tzinfo=sam.zone)
            dose_create(owner=sam, amount=Decimal(3), product_id=leaf.pk, taken_at=taken)

    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Sign in").click()
    follow_nav(page, "Plan")
    page.get_by_role("button", name="Make a plan").click()

    # Prefilled from the journal: 4 doses of 3 g a day for 14 days = 12 g a day.
    expect(page.get_by_label("Grams a day now")).to_have_value("12")
    expect(page.get_by_label("Doses a day now")).to_have_value("4")
    expect(page.get_by_label("Product the plan is in")).to_have_value(str(leaf.pk))
    page.get_by_label("Steady: 10 % less each step").check()
    # 35 weekly steps from today (see docs/tapering.md): the last planned day is today + 244.
    last_day = today + dt.timedelta(days=244)
    expect(page.get_by_test_id("preview-end")).to_have_text(_shown(last_day))
    expect(page.locator('[data-chart="plan-preview"] canvas')).to_have_count(1)
    page.get_by_role("button", name="Save this plan").click()

    expect(page.get_by_test_id("end-date")).to_have_text(_shown(last_day))
    expect(page.get_by_test_id("target-g")).to_have_text("12 g")
    expect(page.locator("#plan-chart canvas")).to_have_count(1)

    page.get_by_text("Hold this step longer").click()
    page.get_by_label("Hold for (days)").fill("7")
    page.locator("#plan-panel form[action$='/hold/']").get_by_label("Reason").fill(
        "Bad sleep this week"
    )
    page.get_by_role("button", name="Hold", exact=True).click()

    expect(page.get_by_test_id("end-date")).to_have_text(_shown(last_day + dt.timedelta(days=7)))
    history = page.locator(".history li").first
    expect(history).to_contain_text("Step held")
    expect(history).to_contain_text("7 days")
    expect(history).to_contain_text("Bad sleep this week")
    expect(page.locator("#plan-panel").get_by_role("status")).to_contain_text(
        "Holding this step 7 days longer"
    )
    assert page_errors == []


def test_wizard_rounding_settling_range_and_a_pregnancy_pause_on_a_phone(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.accounts.clock import local_today
    from stepdown.accounts.models import User
    from stepdown.journal.services import dose_create, product_create

    ana = User.objects.create_user(
        "ana@example.org", "a-long-test-passphrase", time_zone="Europe/Berlin"
    )
    leaf = product_create(owner=ana, name="Red Bali", mitragynine_mg_per_unit=Decimal(15))
    today = local_today(ana)
    for days_ago in range(1, 5):
        day = today - dt.timedelta(days=days_ago)
        taken = dt.datetime.combine(day, dt.time(9), tzinfo=ana.zone)
        dose_create(owner=ana, amount=Decimal("11.75"), product_id=leaf.pk, taken_at=taken)

    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.goto("/plan/new/")
    # One rounding rule: 11.75 g a day is "about 11.7" and prefilled 11.7 (was 11.8 and 11.7).
    expect(page.get_by_text("11.7 g a day", exact=True)).to_be_visible()
    expect(page.get_by_label("Grams a day now")).to_have_value("11.7")
    page.get_by_label("Steady: 10 % less each step").check()
    # "Settled by" is a range over half-lives of 23–68 h, and the advice uses the long end.
    expect(page.get_by_test_id("settled-note")).to_contain_text("5 to 15 days")
    page.get_by_role("button", name="Save this plan").click()
    expect(page.get_by_test_id("target-g")).to_have_text("11.7 g")
    expect(page.get_by_test_id("plan-paused")).to_have_count(0)

    page.goto("/onboarding/diagnoses/")
    page.get_by_label("Yes, I am pregnant").check()
    page.locator("button[value='save']").click()
    page.goto("/plan/")
    paused = page.get_by_test_id("plan-paused")
    expect(paused).to_be_visible()
    expect(paused).to_contain_text("talk to a clinician")
    assert page_errors == []

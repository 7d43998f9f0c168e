"""Journey: withdrawal scores that rise after a cut raise ``worse_after_cut``; the person
accepts the suggested hold and sees the plan's end date move with the alert as the reason."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from tests.browser.daily_checkin import answer_diary

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"
SHOTS = os.environ.get("STEPDOWN_SHOTS_DIR")


def _shown(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _setup() -> tuple[Any, Any]:
    """Sam's plan began 10 days ago: 7 days at 12 g, then the cut to 10.8 g 3 days ago. The
    diary averaged 6 on the first step and was 12 yesterday (50 % and 4 points above: worse)."""
    from stepdown.accounts.clock import local_today
    from stepdown.accounts.models import User
    from stepdown.checkins.services import response_submit
    from stepdown.plans.services import plan_create

    sam = User.objects.create_user("sam@example.org", PASSWORD, time_zone="America/Chicago")
    today = local_today(sam)

    def noon(days_ago: int) -> dt.datetime:
        day = today - dt.timedelta(days=days_ago)
        return dt.datetime.combine(day, dt.time(12), tzinfo=sam.zone)

    start = today - dt.timedelta(days=10)
    plan = plan_create(
        owner=sam,
        start_g=Decimal(12),
        method="proportional",
        rate_pct=Decimal(10),
        start_date=start,
        now=noon(10),
    ).plan
    items = [
        "irritability", "low_mood", "anxiety", "trouble_sleeping", "nausea", "diarrhoea",
        "restlessness", "fatigue", "aches", "runny_nose", "yawning", "sweating",
    ]  # fmt: skip
    for days_ago, score in ((6, 1), (5, 1), (4, 1)):
        answers = dict.fromkeys(items, 0) | dict.fromkeys(items[:6], score)  # total 6
        response_submit(owner=sam, instrument="withdrawal", answers=answers, now=noon(days_ago))
    response_submit(
        owner=sam, instrument="withdrawal", answers=dict.fromkeys(items, 1), now=noon(1)
    )  # 12
    return sam, plan


def test_worse_after_cut_then_accept_the_hold(phone_page: Page, page_errors: list[str]) -> None:
    from stepdown.plans.models import Plan

    _sam, plan = _setup()
    assert isinstance(plan, Plan)
    last_day = plan.end_date - dt.timedelta(days=1)
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Today's diary, on the phone: every symptom mild, 12 again: the second day in a row.
    page.goto("/checkins/withdrawal/")
    answer_diary(page)  # twelve symptoms, "Mild" = 1 point each: a diary total of 12
    page.get_by_test_id("submit-checkin").click()
    expect(page.get_by_test_id("score-total")).to_have_text("12")

    # The bell counts the new alert
    expect(page.get_by_test_id("alert-count")).to_have_text("1")
    page.get_by_test_id("alert-bell").click()
    card = page.get_by_test_id("alert-worse_after_cut")
    expect(card).to_contain_text("Symptoms have risen since your last cut")
    expect(card.get_by_role("link", name="Learn why this matters")).to_have_attribute(
        "href", "/learn/tapering/"
    )
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/alerts-390.png", full_page=True)
    card.get_by_text("See the suggestion on your plan").click()

    # The plan page offers the hold; nothing has changed yet
    expect(page.get_by_test_id("end-date")).to_have_text(_shown(last_day))
    suggestion = page.get_by_test_id("suggestion-hold")
    expect(suggestion).to_contain_text("Stay on your current step 7 days longer.")
    moved = last_day + dt.timedelta(days=7)
    expect(suggestion.get_by_test_id("suggested-end")).to_have_text(_shown(moved))
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/plan-suggestion-390.png", full_page=True)
    suggestion.get_by_test_id("accept-suggestion").click()

    # The end date moved by the hold, and the history names the alert as the reason
    expect(page.get_by_test_id("end-date")).to_have_text(_shown(moved))
    entry = page.locator(".history li").first
    expect(entry).to_contain_text("Step held")
    expect(entry).to_contain_text("alert")
    expect(entry).to_contain_text(
        "Suggested by the alert “Symptoms have risen since your last cut”"
    )
    expect(page.get_by_test_id("suggestion-hold")).to_have_count(0)
    # Accepting resolved the alert: the bell is quiet again
    expect(page.get_by_test_id("alert-bell")).to_have_attribute("aria-label", "Alerts: nothing new")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page_errors == []

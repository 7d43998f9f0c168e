"""Coping tools in a real browser on a phone: guided breathing, and the urge timer from start to
a logged urge."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def test_breathing_cues_change_and_stop(phone_page: Page, page_errors: list[str]) -> None:
    page = phone_page
    page.goto("/learn/tools/breathe/")
    cue = page.get_by_test_id("breath-cue")
    expect(cue).to_have_text(re.compile("Press start"))
    expect(cue).to_have_attribute("aria-live", "polite")
    page.get_by_role("button", name="Start").click()
    expect(cue).to_have_text(re.compile(r"Breathe in slowly… \(breath 1\)"))
    expect(page.locator("[data-breath-circle]")).to_have_class(re.compile(r"\bis-in\b"))
    # Breathing in lasts 4 s, then the words change to breathing out.
    expect(cue).to_have_text(re.compile("Breathe out gently"), timeout=7000)
    expect(page.locator("[data-breath-circle]")).not_to_have_class(re.compile(r"\bis-in\b"))
    page.get_by_role("button", name="Stop").click()
    expect(cue).to_have_text(re.compile("Stopped"))
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert page_errors == []


def test_urge_timer_start_then_log(phone_page: Page, page_errors: list[str]) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user("jordan@example.org", PASSWORD, time_zone="America/Denver")
    page = phone_page
    page.goto("/account/login/?next=/learn/tools/urge/")
    page.get_by_label("Email").fill("jordan@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("button", name="Start the timer").click()
    # learn.js replaces the server's "0 min" with a ticking m:ss clock.
    expect(page.get_by_test_id("timer-elapsed")).to_have_text(re.compile(r"^\d+:\d\d$"))
    expect(page.get_by_text("Notice where you feel the urge")).to_be_visible()

    page.get_by_label("6", exact=True).check()
    page.get_by_label("Slow breathing").check()
    page.get_by_label("Anything else (optional)").fill("after work")
    page.get_by_role("button", name="Log urge").click()

    expect(
        page.get_by_text(re.compile(r"Urge logged: 6 out of 10, 0 min on the timer"))
    ).to_be_visible()
    history = page.get_by_test_id("urge-history")
    expect(history).to_contain_text("6/10")
    expect(history).to_contain_text("Helped: Slow breathing.")
    expect(page.get_by_role("button", name="Start the timer")).to_be_visible()
    assert page_errors == []


def test_breathing_circle_stays_still_when_less_motion_is_asked(
    phone_page: Page, page_errors: list[str]
) -> None:
    page = phone_page
    page.emulate_media(reduced_motion="reduce")
    page.goto("/learn/tools/breathe/")
    page.get_by_role("button", name="Start").click()
    circle = page.locator("[data-breath-circle]")
    expect(circle).to_have_class(re.compile(r"\bis-in\b"))
    # No transition and the same size in both phases; only the colour and the words change.
    assert circle.evaluate("el => getComputedStyle(el).transitionDuration") == "0s"
    assert circle.evaluate("el => getComputedStyle(el).transform") == "matrix(0.7, 0, 0, 0.7, 0, 0)"
    expect(page.get_by_test_id("breath-cue")).to_have_text(re.compile("Breathe in slowly"))
    assert page_errors == []

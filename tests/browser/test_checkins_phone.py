"""The daily check-in on a phone, and the crisis page before any score."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from tests.browser.daily_checkin import CRAVING, answer_after_craving, answer_diary

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def _sign_in(page: Page, email: str) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user(email, PASSWORD, time_zone="America/Chicago")
    page.goto("/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_daily_check_in_on_a_phone(phone_page: Page, page_errors: list[str]) -> None:
    page = phone_page
    _sign_in(page, "sam@example.org")
    page.get_by_test_id("start-daily").click()
    expect(page.get_by_role("heading", name="Withdrawal symptoms")).to_be_visible()
    answer_diary(page)
    expect(page.locator("[data-progress-text]")).to_have_text("12 of 23 answered")
    # The slider fills the number box it belongs to
    page.locator('[data-slider-for="q-craving"]').fill("60")
    expect(page.get_by_label(CRAVING)).to_have_value("60")
    answer_after_craving(page, sleep_h="6.5", exercise_min="20")
    expect(page.locator("[data-progress-text]")).to_have_text("All answered")
    # Touch targets are large enough for a thumb (at least 44 px high)
    box = (
        page.get_by_role("group", name="Yawning", exact=True)
        .locator("label.seg")
        .first.bounding_box()
    )
    assert box is not None
    assert box["height"] >= 44
    page.get_by_test_id("submit-checkin").click()
    # 12 symptoms × 1 (mild) = 12
    expect(page.get_by_test_id("score-total")).to_have_text("12")
    expect(page.get_by_test_id("score-meaning")).to_contain_text("your first answer here")
    # The page fits the phone: nothing wider than the viewport (measured once the header's
    # lazily loaded parts, such as the alert bell, have arrived)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page_errors == []


def test_phq9_item_9_shows_the_crisis_page_first(phone_page: Page, page_errors: list[str]) -> None:
    page = phone_page
    _sign_in(page, "jo@example.org")
    page.goto("/checkins/phq9/")
    groups = page.locator("fieldset.q-segmented")
    for index in range(8):
        groups.nth(index).get_by_text("Not at all", exact=True).click()
    groups.nth(8).get_by_text("Several days", exact=True).click()
    page.get_by_test_id("submit-checkin").click()
    expect(page.get_by_test_id("crisis-page")).to_be_visible()
    expect(page).to_have_url(__import__("re").compile(r"/checkins/crisis/\?response=\d+$"))
    expect(page.get_by_role("button", name="Call 988")).to_have_attribute("href", "tel:988")
    expect(page.get_by_test_id("offer-asq")).to_be_visible()
    expect(page.get_by_test_id("score-total")).to_have_count(0)  # no score before help
    page.get_by_role("link", name="When you are ready: see your scores").click()
    expect(page.get_by_test_id("score-total")).to_have_text("1")
    assert page_errors == []


def test_an_unfinished_asq_with_a_yes_still_shows_the_crisis_page(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.checkins.models import Response, SafetyEvent

    page = phone_page
    _sign_in(page, "ash@example.org")
    page.goto("/checkins/asq/")
    groups = page.locator("fieldset.q-segmented")
    # The ASQ offers a refusal on every question (NIMHASQ counts it as positive)
    expect(groups.first.get_by_text("I would rather not answer", exact=True)).to_be_visible()
    groups.first.get_by_text("Yes", exact=True).click()  # question 1 yes, the rest left blank
    page.get_by_test_id("submit-checkin").click()
    expect(page.get_by_test_id("crisis-page")).to_be_visible()
    expect(page.get_by_test_id("score-total")).to_have_count(0)
    draft = Response.objects.get(instrument="asq")
    assert (draft.complete, draft.flags) == (False, ["self_harm"])
    assert SafetyEvent.objects.filter(response=draft).exists()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page_errors == []


def test_a_refusal_fits_its_button_on_a_phone(phone_page: Page, page_errors: list[str]) -> None:
    page = phone_page
    _sign_in(page, "kim@example.org")
    page.goto("/checkins/asq/")
    label = page.locator("fieldset.q-segmented").first.locator("label.seg").last
    expect(label).to_contain_text("I would rather not answer")
    box = label.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page_errors == []

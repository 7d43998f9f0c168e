"""Journey: sign up, onboard as an occasional user, set limits, log doses that break
them, see the nudge and follow it to a Learn page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.navigation import follow_nav

from stepdown.core.rules import LEARN_SLUGS

pytestmark = pytest.mark.django_db(transaction=True)


def _answer_screen(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def test_occasional_user_sets_limits_and_follows_a_nudge_to_learn(
    phone_page: Page, page_errors: list[str]
) -> None:
    page = phone_page
    page.goto("/account/signup/")
    page.get_by_label("Email").fill("alex@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_label("Time zone").select_option("America/Chicago")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/onboarding/"))

    # The Today page invites to finish setting up.
    follow_nav(page, "Today")
    expect(page.get_by_test_id("onboarding-prompt")).to_be_visible()
    page.get_by_test_id("onboarding-prompt").get_by_role("button", name="Start").click()

    # An occasional user: energy at work, two days a week, one 2 g dose.
    expect(page.get_by_text("Step 1 of 8")).to_be_visible()
    page.get_by_label("Keep my use in check").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 2 of 8")).to_be_visible()
    page.get_by_label("Days a week you use kratom").fill("2")
    page.get_by_label("Doses on a day you use it").fill("1")
    page.get_by_label("Grams in a usual dose").fill("2")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Leaf powder").check()
    page.get_by_label("Years of regular use").fill("0.5")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Energy").check()
    page.get_by_role("button", name="Continue").click()
    _answer_screen(page, "Have you had problems with alcohol or other drugs?", "No")
    page.get_by_role("button", name="Continue").click()
    for question in (
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
    ):
        _answer_screen(page, question, "Not at all")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Skip this question").click()  # diagnoses
    page.get_by_role("button", name="Continue").click()  # no medicines

    # The risk profile: energy is self-treatment (weight 2) and nothing else applies -> lower.
    expect(page.get_by_role("heading", name="Your risk profile")).to_be_visible()
    expect(page.get_by_test_id("risk-tier")).to_contain_text("Lower risk")
    expect(page.get_by_test_id("risk-factor")).to_have_count(1)
    page.get_by_test_id("next-step").click()

    # Limits: at most 3 g a day, 2 days a week.
    expect(page.get_by_role("heading", name="Goals and limits")).to_be_visible()
    page.get_by_label("Your goal, in your words").fill("Energy at work, twice a week")
    page.get_by_label("At most this many grams a day").fill("3")
    page.get_by_label("At most this many days a week").fill("2")
    page.get_by_role("button", name="Save goal and limits").click()
    expect(page.get_by_text("Your goal and limits are saved.")).to_be_visible()

    # Log 2 g, then the same again with the quick button: 4 g is above 3 g.
    follow_nav(page, "Today")
    expect(page.get_by_test_id("onboarding-prompt")).to_have_count(0)
    page.get_by_label("Amount").fill("2")
    page.get_by_role("button", name="Log dose").click()
    expect(page.get_by_test_id("total-g")).to_have_text("2 g")
    expect(page.get_by_test_id("nudge")).to_have_count(0)
    page.get_by_test_id("quick-dose").first.click()
    expect(page.get_by_test_id("total-g")).to_have_text("4 g")

    # The nudge appears without reloading (the Today panel swap asks it to refresh).
    nudge = page.get_by_test_id("nudge")
    expect(nudge).to_have_count(1)
    expect(nudge).to_contain_text("Above your daily limit")
    expect(nudge).to_contain_text("you logged 4 g, above the 3 g a day you set for yourself")
    learn = nudge.get_by_test_id("nudge-learn")
    href = learn.get_attribute("href") or ""
    match = re.fullmatch(r"/learn/([a-z0-9-]+)/", href)
    assert match is not None
    assert match.group(1) in LEARN_SLUGS
    learn.click()
    expect(page).to_have_url(re.compile(r"/learn/avoiding-dependence/$"))
    expect(page.get_by_role("heading", name="Page not found")).to_have_count(0)
    assert page_errors == []

"""Journey: sign up, add a product with lab values, log doses, see today's numbers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.navigation import follow_nav

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_add_product_log_with_quick_button(
    phone_page: Page, page_errors: list[str]
) -> None:
    page = phone_page
    page.goto("/account/signup/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_label("Time zone").select_option("America/Chicago")
    page.get_by_role("button", name="Create account").click()
    # A new account lands on onboarding; this journey adds its product first.
    expect(page).to_have_url(re.compile(r"/onboarding/"))
    page.goto("/products/new/")

    expect(page.get_by_role("heading", name="Add a product")).to_be_visible()
    page.get_by_label("Name", exact=True).fill("Green Maeng Da")
    page.get_by_label("Mitragynine (mg per g, or per ml for liquids)").fill("15.2")
    page.get_by_label("Heavy metals test").select_option("pass")
    page.get_by_role("button", name="Save product").click()
    expect(page.get_by_text("15.2 mg per g")).to_be_visible()

    follow_nav(page, "Today")
    page.get_by_label("Amount").fill("2.5")
    page.get_by_label("Product").select_option(label="Green Maeng Da")
    page.get_by_role("button", name="Log dose").click()
    expect(page.get_by_test_id("total-g")).to_have_text("2.5 g")

    quick = page.get_by_test_id("quick-dose").first
    expect(quick).to_have_text(re.compile(r"2\.5 g Green Maeng Da"))
    quick.click()
    # Two doses of 2.5 g = 5 g; 5 g × 15.2 mg/g = 76 mg from lab values (not estimated)
    expect(page.get_by_test_id("total-g")).to_have_text("5 g")
    expect(page.get_by_test_id("mitragynine-mg")).to_have_text("76 mg")
    expect(page.get_by_text("2 doses")).to_be_visible()
    expect(page.locator("#daily-chart canvas")).to_have_count(1)
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    assert page_errors == []


def test_estimated_mitragynine_is_marked(phone_page: Page, page_errors: list[str]) -> None:
    from stepdown.accounts.models import User
    from stepdown.journal.models import Product

    user = User.objects.create_user("alex@example.org", "a-long-test-passphrase")
    Product.objects.create(owner=user, name="Shop leaf")
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("alex@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Amount").fill("3")
    page.get_by_label("Product").select_option(label="Shop leaf")
    page.get_by_role("button", name="Log dose").click()
    # 3 g × 16 mg/g typical leaf value = 48 mg, shown as an estimate
    expect(page.get_by_test_id("mitragynine-mg")).to_have_text("≈ 48 mg")
    expect(page.get_by_text("estimated")).to_be_visible()
    assert page_errors == []


def test_a_bad_amount_shows_the_reason_next_to_the_field(phone_page: Page) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user("jo@example.org", "a-long-test-passphrase")
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("jo@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Amount").fill("900")
    page.get_by_role("button", name="Log dose").click()
    expect(page.locator(".field-error")).to_contain_text("at most 500 g")

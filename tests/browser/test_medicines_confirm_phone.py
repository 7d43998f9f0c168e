"""Issue 14 on a phone: a close spelling asks for a yes before it counts, and a medicine's
sources open the sources page with their references."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def test_a_close_spelling_is_confirmed_and_its_sources_open_the_sources_page(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user("jordan@example.org", PASSWORD, time_zone="Europe/London")
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("jordan@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto("/substances/medicines/")
    page.get_by_label("Medicine name").fill("quetiapin")
    page.get_by_role("button", name="Add and check").click()
    card = page.locator('[data-testid="medicine"][data-name="quetiapin"]')
    expect(card).to_contain_text("Close spelling — did you mean quetiapine?")
    expect(card).to_contain_text("Check the spelling")
    card.get_by_role("button", name="Yes, I meant quetiapine").click()

    confirmed = page.locator('[data-testid="medicine"][data-name="quetiapine"]')
    expect(confirmed).to_contain_text("High risk")
    expect(page.locator('[data-name="quetiapin"]')).to_have_count(0)
    confirmed.locator("summary", has_text="Evidence and sources").first.click()
    confirmed.get_by_role("link", name="Hughes RL. Fatal combination of mitragynine").click()
    expect(page.get_by_role("heading", name="Sources", exact=True)).to_be_visible()
    expect(page.locator("#Hughes2018")).to_be_visible()
    assert page_errors == []

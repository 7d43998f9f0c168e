"""A French-speaking person in France on a phone, in a real Chromium: the crisis path fits a
390 px screen in French, and offline the queue and the offline page speak French with France's
crisis lines first."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.browser.conftest import open_page
from tests.browser.test_checkins_phone import PASSWORD
from tests.browser.test_offline_phone import sign_in_controlled

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "camille@example.org"
# Wider than the screen: a phone would scroll sideways.
OVERFLOW = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def french_phone(browser: Browser, live_server: Any, page_errors: list[str]) -> Any:
    page = open_page(browser, live_server.url, page_errors, locale="fr-FR")
    yield page
    page.context.close()


def _sign_in(page: Page) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user(EMAIL, PASSWORD, time_zone="Europe/Paris", language="fr")
    sign_in_controlled(page, EMAIL, language="fr")


def test_the_crisis_path_fits_a_phone_in_french(french_phone: Page, page_errors: list[str]) -> None:
    page = french_phone
    _sign_in(page)
    page.goto("/checkins/crisis/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vous n’avez pas à porter cela seul·e"
    )
    expect(page.get_by_role("button", name="Appelez le 3114")).to_have_attribute("href", "tel:3114")
    assert not page.evaluate(OVERFLOW)
    for path in ("/checkins/safety-plan/", "/checkins/schedule/", "/checkins/trends/"):
        page.goto(path)
        assert not page.evaluate(OVERFLOW), path
    # The charts drawn by the script take their words from the page.
    expect(page.locator('[data-trend="mood"] [data-testid="chart-empty"]')).to_have_text(
        "Rien pour l’instant."
    )
    assert page_errors == []


def test_offline_the_queue_and_the_offline_page_are_french(
    french_phone: Page, page_errors: list[str]
) -> None:
    page, context = french_phone, french_phone.context
    _sign_in(page)
    context.set_offline(True)
    page.get_by_label("Quantité").fill("2")
    page.get_by_role("button", name="Noter la prise").click()
    queue = page.get_by_test_id("offline-queue")
    expect(queue.get_by_test_id("offline-entry")).to_have_text(["Prise 2 g — en attente d’envoi"])
    expect(queue.get_by_role("status")).to_have_text(
        "Pas de connexion. Ce que vous notez ici est gardé sur cet appareil et envoyé au retour "
        "de la connexion."
    )
    page.goto("/checkins/daily/")
    expect(page.get_by_role("heading", name="Pas de connexion")).to_be_visible()
    lines = page.get_by_test_id("offline-crisis-lines").locator("a")
    expect(lines.first).to_have_text("Appelez le 3114")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert not page.evaluate(OVERFLOW)
    context.set_offline(False)
    page.goto("/today/")
    expect(page.get_by_test_id("offline-queue")).to_contain_text(
        "Tout ce que vous avez noté sans connexion a été envoyé."
    )

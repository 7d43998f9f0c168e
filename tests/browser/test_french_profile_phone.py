"""On a phone in French, the risk profile, goals, medicines and other-substances pages fit the
screen: French words run longer than English ones, and none of these pages may scroll sideways
at 390 px."""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Browser, expect
from tests.browser.conftest import open_page

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"
# Set to a folder to keep a screenshot of each page (for a person to look at).
SHOTS = os.environ.get("STEPDOWN_FRENCH_SHOTS", "")


def _person() -> Any:
    from stepdown.accounts.models import User
    from stepdown.journal import services as journal_services
    from stepdown.profile import services as profile_services

    camille = User.objects.create_user(
        "camille@example.org", PASSWORD, time_zone="Europe/Paris", language="fr"
    )
    for step, answers in (
        ("reason", {"reason": "cut_down"}),
        ("pattern", {"days_per_week": 7, "doses_per_day": Decimal(6), "grams_per_dose": None}),
        ("products", {"forms_used": ["extract", "seven_oh"], "years_of_use": Decimal(8)}),
        ("uses", {"self_treatment": ["pain", "opioid_withdrawal"]}),
    ):
        profile_services.onboarding_save_step(owner=camille, step=step, answers=answers)
    profile_services.medicines_set(
        owner=camille, names=["dextromethorphane-hydrobromure", "quetiapine", "alprazolm"]
    )
    journal_services.product_create(owner=camille, name="Extrait concentré", form="extract")
    return camille


def test_the_french_pages_fit_a_phone(
    browser: Browser, live_server: Any, page_errors: list[str]
) -> None:
    _person()
    page = open_page(browser, live_server.url, page_errors, locale="fr-FR")
    page.goto("/account/login/")
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/today/")
    for path, heading in (
        ("/risk/", "Votre profil de risque"),
        ("/goals/", "Objectifs et limites"),
        ("/substances/medicines/", "Vos médicaments"),
        ("/substances/", "Autres substances"),
        ("/products/", "Vos produits"),
        ("/onboarding/reason/", "Pourquoi vous êtes là"),
    ):
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/{path.strip('/').replace('/', '-')}.png", full_page=True)
        wide = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert wide[0] <= wide[1], (path, wide)
    assert page_errors == []
    page.context.close()

"""The pages of the translated set read wholly in French, with French numbers and dates, when
the browser asks for French or the account chose it; English stays as it was; the language
switch works signed out and signed in, and the account remembers it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from tests.conftest import PASSWORD
from tests.i18n.french import ENGLISH, FRENCH, THURSDAY, assert_french, visible

from stepdown.accounts.models import User
from stepdown.journal import services

pytestmark = pytest.mark.django_db


def test_signed_out_pages_follow_the_browser_into_french(client: Client) -> None:
    assert_french(
        client.get("/account/login/", **FRENCH),
        "Se connecter",
        "Mot de passe oublié ?",
        "Aide immédiate",
        "Aller au contenu",
        "Ce n’est pas un avis médical",
    )
    assert_french(client.get("/account/signup/", **FRENCH), "Créez votre compte", "Fuseau horaire")
    assert_french(client.get("/", **FRENCH), "Vos données restent à vous", "S’inscrire")
    help_page = assert_french(
        client.get("/help/", **FRENCH),
        "Si vous risquez de vous faire du mal",
        "États-Unis",
        "Appelez ou envoyez un SMS au 988",
        "988 Suicide & Crisis Lifeline",  # a service's own name stays as it is
    )
    assert "Call or text" not in help_page
    assert_french(client.get("/no-such-page/", **FRENCH), "Page introuvable")


def test_a_wrong_sign_in_is_explained_in_french(client: Client) -> None:
    response = client.post(
        "/account/login/", {"username": "sam@example.org", "password": "wrong"}, **FRENCH
    )
    assert response.status_code == 400
    assert "ne correspondent pas" in visible(response)


def test_sign_up_errors_are_in_french(client: Client) -> None:
    response = client.post(
        "/account/signup/",
        {"email": "not an address", "password": "x", "time_zone": "Nowhere"},
        **FRENCH,
    )
    text = assert_french(response, "Saisissez une adresse e-mail", "Veuillez vérifier")
    assert "Choose one of the options" not in text


def test_a_form_sent_without_its_token_gets_the_french_csrf_page(person: Any) -> None:
    strict = Client(enforce_csrf_checks=True, **FRENCH)
    response = strict.post("/account/login/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 403
    assert_french(response, "Le formulaire n’a pas pu être envoyé", "rechargez la page")


def test_today_in_french_with_french_numbers_and_dates(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    services.dose_create(owner=person, amount=Decimal("9.5"), taken_at=THURSDAY)
    response = sam_in_french.get("/today/")
    text = assert_french(
        response,
        "jeudi 10 décembre",
        "9,5 g",
        "1 prise",
        "Total du jour",
        "Depuis la dernière prise",
        "Noter une prise",
        "Les prises du jour",
        "Se déconnecter",
    )
    assert "9.5 g" not in text
    body = response.content.decode()
    # A value the page sends back stays a machine number: one tap logs 9.5 g, not "9,5".
    assert 'name="amount" value="9.5"' in body


def test_logging_a_dose_answers_in_french(person: Any, sam_in_french: Client) -> None:
    response = sam_in_french.post(
        "/doses/new/", {"amount": "2.25", "unit": "g", "purpose": "sleep"}, follow=True
    )
    assert_french(response, "Prise notée : 2,25 g.")
    wrong = sam_in_french.post("/doses/new/", {"amount": "lots", "unit": "g"})
    assert wrong.status_code == 422
    assert_french(wrong, "Saisissez un nombre, par exemple 2,5.")
    future = sam_in_french.post(
        "/doses/new/", {"amount": "1", "unit": "g", "taken_at": "2099-01-01T08:00"}
    )
    assert_french(future, "Une prise ne peut pas être notée dans le futur.")


def test_the_journal_in_french(thursday: Any, person: Any, sam_in_french: Client) -> None:
    services.dose_create(owner=person, amount=Decimal("9.5"), taken_at=THURSDAY, purpose="sleep")
    text = assert_french(
        sam_in_french.get("/doses/"),
        "Toutes les prises que vous avez notées",
        "jeu 10 déc., 12:00",
        "9,5 g",
        "Sommeil",
        "Modifier",
        "Page 1 sur 1",
    )
    assert "Sleep" not in text
    dose = person.doses.get()
    assert_french(
        sam_in_french.get(f"/doses/{dose.pk}/delete/"),
        "Supprimer cette prise ?",
        "9,5 g, jeudi 10 décembre 2026, 12:00.",
    )


def test_the_check_in_pages_in_french(thursday: Any, sam_in_french: Client) -> None:
    assert_french(sam_in_french.get("/checkins/"), "Bilan", "Questionnaires", "Réponses récentes")
    # The questions themselves are the instruments' wording, translated in later work
    # (docs/i18n.md); the page around them is French.
    answer = sam_in_french.get("/checkins/daily/")
    assert answer.status_code == 200
    text = visible(answer)
    for phrase in ("Symptômes de sevrage", "Terminé", "(facultatif)"):
        assert phrase in text, phrase


def test_account_settings_in_french(sam_in_french: Client) -> None:
    assert_french(
        sam_in_french.get("/account/settings/"),
        "Compte connecté : sam@example.org.",
        "Connexion en deux étapes",
        "Jetons d’API",
        "Langue",
        "La langue du navigateur",
    )


def test_english_is_unchanged(person: Any) -> None:
    browser = Client(**ENGLISH)
    page = browser.get("/account/login/")
    assert '<html lang="en"' in page.content.decode()
    assert "Get help now" in visible(page)
    browser.force_login(person)
    services.dose_create(owner=person, amount=Decimal("9.5"))
    text = visible(browser.get("/today/"))
    assert "9.5 g" in text
    assert "Total today" in text


def test_the_switch_works_signed_out_and_is_kept_in_a_cookie(client: Client) -> None:
    response = client.post("/account/language/", {"language": "fr", "next": "/help/"}, **ENGLISH)
    assert response.status_code == 302
    assert response["Location"] == "/help/"
    # The browser still asks for English; the choice wins.
    assert_french(client.get("/help/", **ENGLISH), "Aide immédiate")
    client.post("/account/language/", {"language": "en", "next": "/help/"})
    assert "Get help now" in visible(client.get("/help/", **FRENCH))


def test_the_switch_signed_in_is_remembered_on_the_account(person: Any) -> None:
    phone = Client(**ENGLISH)
    phone.force_login(person)
    phone.post("/account/language/", {"language": "fr", "next": "/today/"})
    person.refresh_from_db()
    assert person.language == "fr"
    # Another browser that asks for English: French once signed in.
    laptop = Client(**ENGLISH)
    signed_in = laptop.post(
        "/account/login/", {"username": person.email, "password": PASSWORD}, follow=True
    )
    assert_french(signed_in, "Aujourd’hui")
    # Signed out there, the page stays French: the account's choice was left in the cookie.
    signed_out = laptop.post("/account/logout/", follow=True)
    assert_french(signed_out, "Se connecter")


def test_the_account_language_is_set_on_the_settings_page(person: Any) -> None:
    browser = Client(**ENGLISH)
    browser.force_login(person)
    saved = browser.post(
        "/account/settings/",
        {
            "profile-display_name": "Sam",
            "profile-time_zone": "America/Chicago",
            "profile-language": "fr",
        },
        follow=True,
    )
    assert_french(saved, "Réglages enregistrés.")
    assert User.objects.get(pk=person.pk).language == "fr"
    # Back to the browser's language: English again, and the cookie is forgotten.
    back = browser.post(
        "/account/settings/",
        {
            "profile-display_name": "Sam",
            "profile-time_zone": "America/Chicago",
            "profile-language": "",
        },
        follow=True,
    )
    assert "Settings saved." in visible(back)
    assert User.objects.get(pk=person.pk).language == ""
    assert "Account" in visible(browser.get("/account/settings/"))


def test_an_unknown_language_is_refused(person: Any) -> None:
    browser = Client(**ENGLISH)
    browser.force_login(person)
    browser.post("/account/language/", {"language": "xx", "next": "/today/"})
    person.refresh_from_db()
    assert person.language == ""
    bad = browser.post(
        "/account/settings/",
        {"profile-display_name": "Sam", "profile-time_zone": "UTC", "profile-language": "xx"},
    )
    assert bad.status_code == 422
    assert "Choose one of the options." in visible(bad)


def test_a_decimal_amount_is_not_asked_for_a_whole_number(person: Any) -> None:
    """Regression: DecimalField is an IntegerField to Python, and took its message."""
    browser = Client(**ENGLISH)
    browser.force_login(person)
    wrong = browser.post("/doses/new/", {"amount": "lots", "unit": "g"})
    assert wrong.status_code == 422
    assert "Enter a number, for example 2.5." in visible(wrong)
    assert "whole number" not in visible(wrong)

"""The crisis path, the rest of the check-in pages, the account pages and the account emails read
wholly in French, with the crisis lines of the person's own country; English stays as it was."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from tests.checkins.checkins_answers import daily, phq9
from tests.conftest import PASSWORD
from tests.i18n.french import CHICAGO, ENGLISH, FRENCH, THURSDAY, assert_french, visible

from stepdown.accounts.mfa import require_mfa
from stepdown.checkins import selectors
from stepdown.checkins import services as checkins
from stepdown.journal import services as journal

pytestmark = pytest.mark.django_db

ACUTE_ASQ = {"q1": "no", "q2": "no", "q3": "yes", "q4": "no", "acuity": "yes"}


def _call_buttons(response: Any) -> list[str]:
    """The crisis page's big call buttons, in order: (href) of each."""
    actions = re.search(r'<div class="crisis-actions">(.*?)</div>', response.content.decode(), re.S)
    assert actions is not None
    return re.findall(r'href="([^"]+)"', actions.group(1))


@pytest.fixture
def camille(make_user: Any) -> Client:
    """Camille lives in Paris (so France's lines) and reads Stepdown in French."""
    user = make_user("camille@example.org", time_zone="Europe/Paris", display_name="Camille")
    browser = Client(**FRENCH)
    browser.force_login(user)
    browser.user = user  # type: ignore[attr-defined]
    return browser


def test_a_person_in_france_meets_the_crisis_page_in_french_with_frances_lines(
    camille: Client,
) -> None:
    answered = camille.post("/checkins/phq9/", {f"q{n}": "0" for n in range(1, 9)} | {"q9": "1"})
    assert answered.status_code == 302
    crisis = camille.get(answered["Location"])
    text = assert_french(
        crisis,
        "De l’aide est là",
        "Vous n’avez pas à porter cela seul·e",
        "Vos réponses indiquent que vous avez peut-être des pensées de vous faire du mal.",
        "Appelez le 3114",
        "Appelez le 15",
        "Appelez le 112",
        "3114, numéro national de prévention du suicide",
        "SAMU, aide médicale urgente",
        "Si vous êtes en danger maintenant",
        "Autres lignes",
        "Votre plan de sécurité",
        "Faire un plan de sécurité",
        "Répondre à l’ASQ",
        "Quand vous serez prêt·e : voir vos scores",
    )
    # The buttons are France's lines: 988 does not answer from France.
    assert _call_buttons(crisis) == ["tel:3114", "tel:15", "tel:112"]
    assert "Appeler le 988" not in text
    # The other lines are the other countries' (France's are the buttons, with their notes);
    # services' own names stay as they are.
    assert "3114, numéro national de prévention du suicide — Gratuit, à toute heure" in text
    lines = text[text.index("Autres lignes") :]
    assert "France" not in lines
    assert "États-Unis: 988 Suicide & Crisis Lifeline — Appelez ou envoyez un SMS au 988" in lines


def test_an_acute_answer_asks_to_reach_out_now_in_french(camille: Client) -> None:
    owner = camille.user  # type: ignore[attr-defined]
    result = checkins.response_submit(owner=owner, instrument="asq", answers=ACUTE_ASQ)
    crisis = camille.get(f"/checkins/crisis/?response={result.response.pk}")
    assert_french(
        crisis,
        "en ce moment même",
        "Appelez maintenant, s’il vous plaît : l’un des numéros ci-dessous",
    )


def test_a_person_in_the_us_reading_french_keeps_the_988_buttons(
    person: Any, sam_in_french: Client
) -> None:
    result = checkins.response_submit(owner=person, instrument="asq", answers=ACUTE_ASQ)
    crisis = sam_in_french.get(f"/checkins/crisis/?response={result.response.pk}")
    assert_french(
        crisis,
        "Appeler le 988",
        "Écrire au 988 par SMS",
        "Ligne d’aide SAMHSA : 1-800-662-4357",
        "Appelez maintenant, s’il vous plaît : le 988",
        "Le 988 est la ligne Suicide & Crisis Lifeline aux États-Unis",
    )
    assert _call_buttons(crisis) == ["tel:988", "sms:988", "tel:18006624357"]


def test_the_result_page_repeats_help_in_french(camille: Client) -> None:
    owner = camille.user  # type: ignore[attr-defined]
    result = checkins.response_submit(
        owner=owner, instrument="phq9", answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 2)
    )
    page = camille.get(f"/checkins/responses/{result.response.pk}/")
    assert_french(
        page,
        "De l’aide est là tout de suite : Appelez le 3114 ou le numéro d’urgence de votre pays.",
        "D’autres façons d’obtenir de l’aide, et votre plan de sécurité",
        "votre première réponse ici",
        "Voir les tendances",
        "Retour à aujourd’hui",
        "À propos de ce questionnaire",
    )
    assert 'href="tel:3114"' in page.content.decode()


def test_the_result_compares_in_french_with_french_numbers_and_dates(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    def answer_on(day: int, answers: dict[str, Any]) -> Any:
        moment = dt.datetime(2026, 12, day, 12, 0, tzinfo=CHICAGO)
        with time_machine.travel(moment, tick=False):
            return checkins.response_submit(owner=person, instrument="daily", answers=answers)

    answer_on(8, daily(diary=1))  # total 12
    second = answer_on(9, daily(diary=1, nausea=2))  # total 13
    # One earlier answer: compared with it, by its date.
    text = assert_french(sam_in_french.get(f"/checkins/responses/{second.response.pk}/"))
    assert "à peu près comme la dernière fois (12 le 8 décembre 2026)" in text
    latest = answer_on(10, daily(diary=2))  # total 24
    page = sam_in_french.get(f"/checkins/responses/{latest.response.pk}/")
    # (12 + 13) / 2 = 12.5; 24 is 11.5 above, past the 4.8-point margin (a tenth of 0–48).
    assert_french(
        page,
        "jeudi 10 décembre 2026",
        "plus élevé que ces deux dernières semaines (moyenne de 12,5 sur 2 réponses)",
        "Modifier les réponses",
    )


def test_the_safety_plan_in_french_with_its_errors(person: Any, sam_in_french: Client) -> None:
    empty = sam_in_french.get("/checkins/safety-plan/")
    assert_french(
        empty,
        "Mon plan de sécurité",
        "Les signes qu’une crise pourrait commencer",
        "Un par ligne.",
        "Enregistrer mon plan",
        "Écrivez-le maintenant",
        "Appelez le 988 ou écrivez-lui par SMS",
    )
    too_long = sam_in_french.post(
        "/checkins/safety-plan/", {"coping_steps": "\n".join(f"pas {n}" for n in range(13))}
    )
    assert too_long.status_code == 422
    assert_french(too_long, "Gardez-en 12 au maximum.")
    saved = sam_in_french.post(
        "/checkins/safety-plan/", {"people": "Alex 06 12 34 56 78"}, follow=True
    )
    assert_french(
        saved,
        "Votre plan de sécurité est enregistré.",
        "Les personnes que je peux contacter (nom et numéro)",
        "Rien ici pour l’instant.",
        "Modifier mon plan",
        "Alex 06 12 34 56 78",
    )


def test_the_safety_plan_strip_gives_frances_line_in_france(camille: Client) -> None:
    page = camille.get("/checkins/safety-plan/")
    assert_french(page, "En danger, ou vous pensez à vous faire du mal ? Appelez le 3114")
    assert 'href="tel:988"' not in page.content.decode()


def test_the_schedule_in_french_with_its_errors(person: Any, sam_in_french: Client) -> None:
    assert_french(
        sam_in_french.get("/checkins/schedule/"),
        "Calendrier des bilans",
        "Tous les (jours)",
        "Heure du rappel",
        "Activé",
        "Ouvert 1 jour à chaque fois",
        "le bilan du jour permet de suivre votre diminution",
        "Enregistrer le calendrier",
    )
    data: dict[str, str] = {}
    for view in selectors.schedules_for(owner=person):
        code = view.instrument
        data[f"{code}-interval_days"] = str(view.interval_days)
        data[f"{code}-enabled"] = "on"
    data["phq9-interval_days"] = "60"
    wrong = sam_in_french.post("/checkins/schedule/", data)
    assert wrong.status_code == 422
    assert_french(wrong, "Choisissez entre 7 et 28 jours.")


def test_trends_in_french_with_french_numbers(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    journal.dose_create(owner=person, amount=Decimal("9.5"), taken_at=THURSDAY - dt.timedelta(1))
    page = sam_in_french.get("/checkins/trends/")
    text = assert_french(
        page,
        "Tendances",
        "90 jours",
        "Quantité par jour et plan",
        "Hier 9,5 g ; moyenne de 9,5 g par jour sur 1 journée complète depuis votre première prise",
        "Journal du sevrage (0–48)",
        "Envie (0–100)",
        "Qualité (de 0 très mal à 4 très bien)",
        "Humeur par jour, de 0 pas du tout à 4 beaucoup",
        "Somnolence",
        "Tous les graphiques de cette page, jour par jour",
        "Objectif du plan",
        "Du 12 sept. 2026 au 10 déc. 2026.",
        "Votre journal commence le 9 déc. ;",
        "9 déc. 2026",  # the chart table's day
    )
    assert "9.5 g" not in text
    body = page.content.decode()
    # The chart's data stays machine numbers; its words are French.
    assert "9.5" in body
    assert "objectif du plan" in body


def test_two_step_sign_in_pages_in_french(make_user: Any) -> None:
    lee = make_user("lee@example.org", display_name="Dr. Lee")
    require_mfa(lee)
    browser = Client(**FRENCH)
    browser.force_login(lee)
    assert_french(
        browser.get("/account/mfa/setup/"),
        "Configurer la connexion en deux étapes",
        "Votre compte de clinique doit utiliser une application d’authentification",
        "Commencer la configuration",
    )
    # Starting asks for the password again first (reauth), then shows the key.
    browser.post("/account/confirm/", {"password": PASSWORD, "next": "/account/mfa/setup/"})
    started = browser.post("/account/mfa/setup/", {"start": "1"}, follow=True)
    assert_french(
        started,
        "Ouvrez une application d’authentification sur votre téléphone",
        "Recommencer avec une nouvelle clé",
        "Le code à 6 chiffres que votre application d’authentification affiche",
    )
    wrong = browser.post("/account/mfa/setup/", {"code": "000000"})
    assert wrong.status_code == 422
    assert_french(wrong, "Ce code n’est pas le bon.")


def test_confirming_it_is_you_in_french(sam_in_french: Client) -> None:
    confirm = "/account/confirm/?next=/account/password/"
    assert_french(
        sam_in_french.get(confirm),
        "Confirmez que c’est bien vous",
        "Pour changer votre mot de passe ou votre connexion en deux étapes, saisissez de "
        "nouveau votre mot de passe.",
        "Mot de passe",
        "Confirmer",
    )
    wrong = sam_in_french.post(confirm, {"password": "wrong", "next": "/account/password/"})
    assert_french(wrong, "Ce mot de passe n’est pas le bon.")
    confirmed = sam_in_french.post(
        confirm, {"password": PASSWORD, "next": "/account/password/"}, follow=True
    )
    assert_french(confirmed, "Changer de mot de passe", "Ancien mot de passe")


def test_resetting_a_password_in_french(client: Client, settings: Any) -> None:
    settings.MAIL_CONFIGURED = True
    assert_french(
        client.get("/account/password/reset/", **FRENCH),
        "Réinitialisez votre mot de passe",
        "Envoyer le lien",
    )
    settings.MAIL_CONFIGURED = False
    assert_french(
        client.get("/account/password/reset/", **FRENCH),
        "Ce Stepdown n’a pas de serveur de messagerie configuré",
        "stepdown password-reset vous@example.org",
    )
    assert_french(
        client.get("/account/password/reset/sent/", **FRENCH),
        "Consultez vos e-mails",
        "un lien pour réinitialiser le mot de passe est en route",
    )
    assert_french(
        client.get("/account/password/reset/MQ/wrong-token/", **FRENCH),
        "Ce lien ne fonctionne plus",
        "Demandez-en un nouveau",
    )


def test_the_reset_email_is_in_the_accounts_language(
    person: Any, make_user: Any, settings: Any
) -> None:
    settings.MAIL_CONFIGURED = True
    person.language = "fr"
    person.save(update_fields=["language"])
    # Asked from an English browser: the account's language wins.
    Client(**ENGLISH).post("/account/password/reset/", {"email": person.email})
    [french] = mail.outbox
    assert french.subject == "Réinitialisez votre mot de passe Stepdown"
    assert "Quelqu’un a demandé à réinitialiser le mot de passe" in french.body
    assert "/account/password/reset/" in french.body
    assert "&#x27;" not in french.body  # plain text, not escaped for HTML
    # An account with no language of its own: the language of the browser that asked.
    alex = make_user("alex.fr@example.org")
    Client(**FRENCH).post("/account/password/reset/", {"email": alex.email})
    assert mail.outbox[1].subject == "Réinitialisez votre mot de passe Stepdown"
    # English stays English.
    english = make_user("eve@example.org")
    Client(**ENGLISH).post("/account/password/reset/", {"email": english.email})
    assert mail.outbox[2].subject == "Reset your Stepdown password"
    assert mail.outbox[2].body.startswith("Someone asked to reset the password")


def test_signing_up_in_french_sends_a_french_email(person: Any, settings: Any) -> None:
    settings.MAIL_CONFIGURED = True
    settings.SIGNUP_CONFIRMATION = True
    browser = Client(**FRENCH)
    sent = browser.post(
        "/account/signup/",
        {"email": "lou@example.org", "password": PASSWORD, "time_zone": "Europe/Paris"},
    )
    assert_french(sent, "Consultez vos e-mails", "Nous avons envoyé un message")
    [message] = mail.outbox
    assert message.subject == "Votre compte Stepdown"
    assert "Quelqu’un, sans doute vous, a créé un compte Stepdown" in message.body
    link = re.search(r"https?://testserver(\S+)", message.body)
    assert link is not None
    assert_french(
        browser.get(link.group(1)),
        "Ouvrez votre compte",
        "Plus qu’une étape",
        "Ouvrir mon compte",
    )
    # Someone signs up with Sam's address: Sam is told in the browser's language.
    browser.post(
        "/account/signup/", {"email": person.email, "password": PASSWORD, "time_zone": "UTC"}
    )
    assert "qui en a déjà un" in mail.outbox[1].body


def test_locked_out_and_rate_limited_pages_in_french(person: Any, settings: Any) -> None:
    browser = Client(**FRENCH)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        browser.post("/account/login/", {"username": person.email, "password": "wrong"})
    locked = browser.post("/account/login/", {"username": person.email, "password": PASSWORD})
    assert locked.status_code == 429
    text = visible(locked)
    assert '<html lang="fr"' in locked.content.decode()
    for phrase in ("Trop de tentatives", "attendez une heure", "Choisir un nouveau mot de passe"):
        assert phrase in text, phrase
    settings.MAIL_CONFIGURED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "reset": 1}
    asker = Client(**FRENCH)
    asker.post("/account/password/reset/", {"email": "nobody@example.org"})
    limited = asker.post("/account/password/reset/", {"email": "nobody@example.org"})
    assert limited.status_code == 429
    assert "Veuillez patienter un moment" in visible(limited)


def test_recovery_codes_page_in_french(make_user: Any) -> None:
    from tests.mfa_helpers import add_confirmed_device, add_recovery_codes, verified_web

    lee = make_user("lee@example.org")
    add_confirmed_device(lee)
    add_recovery_codes(lee, ["aaaa1111", "bbbb2222"])
    browser = verified_web(lee, Client(**FRENCH))
    assert_french(
        browser.get("/account/mfa/recovery-codes/"),
        "Il vous reste 2 codes de secours inutilisés.",
        "Créer de nouveaux codes de secours",
    )


def test_english_is_unchanged(person: Any) -> None:
    browser = Client(**ENGLISH)
    browser.force_login(person)
    crisis = browser.get("/checkins/crisis/")
    text = visible(crisis)
    for phrase in (
        "You don't have to carry this alone",
        "Call 988",
        "Text 988",
        "SAMHSA helpline: 1-800-662-4357",
        "Other lines",
        "Make a safety plan",
    ):
        assert phrase in text, phrase
    assert '<html lang="en"' in crisis.content.decode()
    plan = visible(browser.get("/checkins/safety-plan/"))
    assert "In danger or thinking of harming yourself? Call or text 988 (US, Canada)" in plan
    assert "Warning signs that a crisis may be starting" in plan
    schedule = visible(browser.get("/checkins/schedule/"))
    assert "Open for 1 day each time" in schedule
    assert "Every (days)" in schedule


def test_the_offline_page_in_the_language_the_worker_names(client: Client) -> None:
    # The service worker fetches it without cookies, naming the page's language and country.
    page = client.get("/offline/?country=FR&lang=fr", **ENGLISH)
    text = assert_french(
        page,
        "Pas de connexion",
        "Un appel téléphonique fonctionne sans internet.",
        "Réessayer",
    )
    assert text.index("Appelez le 3114") < text.index("Appelez ou envoyez un SMS au 988")
    assert "Cookie" in page["Vary"]
    # Without a language named, the request's own, as for any page; an unknown one is ignored.
    assert_french(client.get("/offline/", **FRENCH), "Pas de connexion")
    assert_french(client.get("/offline/?lang=xx", **FRENCH), "Pas de connexion")
    english = client.get("/offline/?country=FR&lang=en", **FRENCH)
    assert '<html lang="en"' in english.content.decode()
    assert "No connection" in visible(english)
    assert english["Content-Language"] == "en"


def test_every_french_page_gives_the_offline_script_its_words(sam_in_french: Client) -> None:
    body = sam_in_french.get("/checkins/").content.decode()
    meta = re.search(r'<meta name="stepdown-offline"[^>]*>', body)
    assert meta is not None
    assert 'data-language="fr"' in meta.group(0)
    assert 'data-word-waiting="en attente d’envoi"' in meta.group(0)
    assert 'data-word-remove="Retirer"' in meta.group(0)


def test_the_manifest_in_french(client: Client) -> None:
    manifest = client.get("/manifest.webmanifest", **FRENCH).json()
    assert manifest["lang"] == "fr"
    assert (
        manifest["description"] == "Suivez votre consommation de kratom et diminuez à votre rythme."
    )
    assert client.get("/manifest.webmanifest", **ENGLISH).json()["description"] == (
        "Keep track of kratom use and cut down at your own pace."
    )

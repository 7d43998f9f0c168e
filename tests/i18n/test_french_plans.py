"""The taper planner, the pouch strip and its PDF, reminders (settings, unsubscribe, the email,
the calendar file), the Learn shells, coping tools and support, and the skin tracker read in
French, with French numbers and dates; English stays as it was.

Sam's plan: 9.6 g a day in 4 doses from Thursday 10 December 2026, 10 % a step, seven steady
days first. So today's doses are 2.4 g each and the first cut comes a week later, on Thursday
17 December."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader
from tests.i18n.french import ENGLISH, FRENCH, THURSDAY, assert_french, visible

from stepdown.learn.models import UrgeLog
from stepdown.plans.services import plan_create
from stepdown.reminders.emails import reminder_email
from stepdown.reminders.selectors import preferences_for
from stepdown.skin.models import PhotoSession

pytestmark = pytest.mark.django_db

FRENCH_DAY = re.compile(r"le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+ \w+ 2027")


def _plan(person: Any, **fields: Any) -> Any:
    params: dict[str, Any] = {
        "start_g": Decimal("9.6"),
        "method": "proportional",
        "rate_pct": Decimal(10),
        "doses_per_day": 4,
        "start_date": THURSDAY.date(),
    }
    return plan_create(owner=person, **(params | fields)).plan


def test_the_wizard_in_french(thursday: Any, sam_in_french: Client) -> None:
    text = assert_french(
        sam_in_french.get("/plan/new/"),
        "Créer un plan",
        "Où vous en êtes",
        "Grammes par jour actuellement",
        "Rythme",
        "Doux : 5 % de moins à chaque palier",
        "Mes propres réglages (ci-dessous)",
        "Plus de réglages",
        "Enregistrer ce plan",
        "Votre journal ne contient aucune prise sur les 14 derniers jours",
    )
    assert "Make a plan" not in text


def test_the_wizard_preview_in_french(thursday: Any, sam_in_french: Client) -> None:
    form = {
        "start_g": "9.6",
        "doses_per_day": "4",
        "start_date": "2026-12-10",
        "pace": "steady",
        "method": "proportional",
        "rate_pct": "10",
        "interval_days": "7",
        "stabilize_days": "7",
        "resolution_g": "0.1",
        "stop_below_g": "0.5",
    }
    preview = sam_in_french.post("/plan/new/preview/", form, HTTP_HX_REQUEST="true")
    assert preview.status_code == 200
    text = visible(preview)
    for phrase in (
        "Aperçu",
        "9,6 g",
        "par jour à partir du 10 déc.",
        "Première baisse",
        "17 déc.",
        "Stabilisé vers",
        "2,4 + 2,4 + 2,4 + 2,4 g",
    ):
        assert phrase in text, phrase
    assert "a day from" not in text
    # A wrong number is refused in French, on its field.
    wrong = sam_in_french.post("/plan/new/", form | {"start_g": "lots"})
    assert wrong.status_code == 422
    assert_french(wrong, "L’aperçu demande quelques modifications")


def test_the_plan_page_in_french(thursday: Any, person: Any, sam_in_french: Client) -> None:
    _plan(person)
    text = assert_french(
        sam_in_french.get("/plan/"),
        "Votre plan",
        "Objectif du jour",
        "9,6 g",
        "palier 1 sur",
        "2,4 + 2,4 + 2,4 + 2,4 g",
        "Prochain changement",
        "jeu 17 déc.",
        "Dernier jour prévu",
        "jours restants, aujourd’hui compris",
        "Quand ça devient difficile",
        "Prolonger ce palier",
        "Impression et agenda",
        "Fiche des sachets sur 28 jours",
        "Historique",
        "Plan commencé",
        "jours stables",
    )
    assert "Today's target" not in text
    assert "2.4 + 2.4" not in text


def test_changing_the_plan_answers_in_french(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    plan = _plan(person)
    refused = sam_in_french.post(f"/plan/{plan.pk}/hold/", {"days": "3", "reason": ""})
    assert refused.status_code == 422
    assert_french(refused, "Raison")
    held = sam_in_french.post(
        f"/plan/{plan.pk}/hold/", {"days": "3", "reason": "mauvais sommeil"}, follow=True
    )
    text = assert_french(held, "Ce palier est prolongé de 3 jours.", "Palier prolongé")
    assert "Votre dernier jour prévu est maintenant" in text
    assert FRENCH_DAY.search(text), text


def test_a_replaced_plan_keeps_its_history_in_french(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    first = _plan(person)
    _plan(person, replace_current=True)
    text = assert_french(
        sam_in_french.get(f"/plan/{first.pk}/"),
        "Plan passé",
        "Ce plan a été arrêté avant la fin le 10 décembre 2026.",
        "Plan arrêté avant la fin",
        "Remplacé par un nouveau plan.",  # stored in English, shown in French
    )
    assert "Replaced by a new plan." not in text


def test_the_pouch_strip_and_its_pdf_in_french(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    plan = _plan(person)
    text = assert_french(
        sam_in_french.get(f"/plan/{plan.pk}/strip/"),
        "Fiche des sachets",
        "Total du jour",
        "Sachet 1",
        "jeu 10 déc.",
        "10 déc. · 1",
        "2,4 g",
        "Imprimer",
    )
    assert "Pouch" not in text
    pdf = sam_in_french.get(f"/plan/{plan.pk}/strip.pdf")
    assert pdf.status_code == 200
    printed = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for phrase in ("Fiche des sachets", "jeu 10 déc.", "2,4 g", "Total du jour", "Page 1 sur 1"):
        assert phrase in printed, phrase
    assert "Page 1 of 1" not in printed


def test_the_calendar_file_follows_the_account_language(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    plan = _plan(person)
    person.language = "fr"
    person.save(update_fields=["language"])
    calendar = sam_in_french.get(f"/plan/{plan.pk}.ics").content.decode()
    unfolded = calendar.replace("\r\n ", "")
    # Commas are escaped in a calendar file ("\\,").
    assert "SUMMARY:Plan de diminution : 9\\,6 g par jour (4 prises : 2\\,4 + 2\\,4" in unfolded
    assert "Palier 1 sur 33\\, 7 jours." in unfolded
    assert "Prochain changement le jeudi 17 décembre 2026." in unfolded
    assert "SUMMARY:Taper plan" not in unfolded
    assert "NAME:Plan de diminution" in unfolded


def test_reminder_settings_in_french(thursday: Any, sam_in_french: Client) -> None:
    assert_french(
        sam_in_french.get("/reminders/"),
        "Rappels",
        "Ce qu’il faut vous rappeler",
        "Heures de silence",
        "Envoyer aussi les rappels par e-mail",
        "Enregistrer les rappels",
    )
    refused = sam_in_french.post("/reminders/", {"quiet_start": "22:00"})
    assert refused.status_code == 422
    assert_french(refused, "Indiquez le début et la fin des heures de silence")
    saved = sam_in_french.post("/reminders/", {"checkin_time": "20:00"}, follow=True)
    assert_french(saved, "Vos réglages de rappel sont enregistrés.")


def test_a_broken_unsubscribe_link_explained_in_french(client: Client) -> None:
    response = client.get("/reminders/unsubscribe/nonsense/", **FRENCH)
    assert response.status_code == 404
    assert_french(response, "Ce lien ne fonctionne pas", "réglages des rappels")


def test_the_reminder_email_is_in_the_account_language(person: Any) -> None:
    prefs = preferences_for(owner=person)
    assert reminder_email(prefs=prefs, site_url="https://x.test").subject == (
        "A reminder from Stepdown"
    )
    person.language = "fr"
    person.save(update_fields=["language"])
    prefs = preferences_for(owner=person)
    email = reminder_email(prefs=prefs, site_url="https://x.test")
    assert email.subject == "Un rappel de Stepdown"
    assert "Quelque chose vous attend dans Stepdown" in email.body
    assert "https://x.test/reminders/unsubscribe/" in email.body


def test_learn_in_french(client: Client) -> None:
    assert_french(
        client.get("/learn/", **FRENCH),
        "S’informer",
        "Comprendre le kratom",
        "Diminuer et arrêter",
        "Ce qu’est le kratom et comment il agit",
        "Minuteur d’envie",
    )
    # The articles about kratom itself and about professional help are French throughout.
    assert_french(
        client.get("/learn/what-is-kratom/", **FRENCH),
        "La plante",
        "Ce qu’il n’est pas",
        "7-hydroxymitragynine (7-OH)",
        "Quel est le niveau de preuve ?",
    )
    help_page = assert_french(
        client.get("/learn/finding-a-clinician/", **FRENCH),
        "Questions à poser",
        "« Je prends du kratom tous les jours et je veux diminuer ou arrêter.",
        "SAMHSA National Helpline (1-800-662-4357)",  # a service's own name and number
    )
    assert "Who can help" not in help_page
    # Its source list names an English source document by its own title, which stays as it is.
    tapering = visible(client.get("/learn/tapering/", **FRENCH))
    for phrase in ("Diminuer, et pourquoi lentement", "Quelle taille de palier", "de 10 à 20 %"):
        assert phrase in tapering, phrase
    assert "How big a step" not in tapering
    assert "10 to 20 %" not in tapering  # a "%" in a page's words is looked up as written
    assert_french(
        client.get("/learn/when-to-seek-help/", **FRENCH),
        "Appelez tout de suite le numéro d’urgence si",
        "Aide immédiate : lignes de crise et numéros d’urgence",
    )
    # The sources page: its frame is French; the references and what each is used for are the
    # bibliography's own text (docs/clinical-sources.md) and stay as they are.
    sources = visible(client.get("/learn/sources/", **FRENCH))
    for phrase in ("Toutes les pages S’informer", "Utilisée pour :", "Trouver sur PubMed"):
        assert phrase in sources, phrase


def test_support_in_french(client: Client, sam_in_french: Client) -> None:
    assert_french(
        client.get("/learn/support/", **FRENCH),
        "Vous n’avez pas à faire cela seul",
        "En cas de crise, tout de suite",
        "États-Unis",
        "Groupes d’entraide",
        "SMART Recovery",  # a group's own name stays as it is
        "Connectez-vous",
    )
    refused = sam_in_french.post("/learn/support/contacts/", {"name": "Lou", "how_to_reach": ""})
    assert refused.status_code == 422
    assert_french(refused, "Vos raisons de changer", "Les personnes que vous pouvez joindre")
    added = sam_in_french.post(
        "/learn/support/contacts/", {"name": "Lou", "how_to_reach": "06 12 34 56 78"}, follow=True
    )
    assert_french(added, "Contact ajouté.", "Lou")


def test_the_coping_tools_in_french(thursday: Any, sam_in_french: Client) -> None:
    assert_french(
        sam_in_french.get("/learn/tools/urge/"),
        "Minuteur d’envie",
        "Lancer le minuteur",
        "Noter l’envie",
        "Respirer lentement",
        "Rien de noté pour l’instant",
    )
    sam_in_french.post("/learn/tools/urge/start/")
    running = assert_french(sam_in_french.get("/learn/tools/urge/"), "0 min", "Annuler le minuteur")
    assert "Remarquez où vous ressentez l’envie" in running
    logged = sam_in_french.post(
        "/learn/tools/urge/", {"strength": "6", "helped": ["breathing", "moving"]}, follow=True
    )
    assert_french(
        logged,
        "Envie notée : 6 sur 10, 0 min au minuteur.",
        "Ce qui a aidé : Respirer lentement, Marcher ou bouger.",
        "jeu 10 déc., 12:00",
    )
    assert UrgeLog.objects.count() == 1
    breathe = sam_in_french.get("/learn/tools/breathe/")
    assert_french(breathe, "Respiration guidée", "Comment ça marche")
    # The words the breathing script shows come from the page.
    assert 'data-cue-out="Expirez doucement…"' in breathe.content.decode()


def test_the_skin_pages_in_french(thursday: Any, person: Any, sam_in_french: Client) -> None:
    text = assert_french(
        sam_in_french.get("/skin/"),
        "Peau",
        "Nouvelle séance photo",
        "Construction de votre référence",
        "0 séance utilisable pour l’instant",
        "Avec vos mots",
        "Brun, comme un bronzage",
    )
    assert "Building your baseline" not in text
    assert_french(
        sam_in_french.get("/skin/new/"),
        "La charte de couleurs",
        "Même endroit, même lumière.",
        "Quelle zone exposée ?",
        "Dos de la main",
        "Envoyer et continuer",
    )
    refused = sam_in_french.post("/skin/new/", {"exposed_site": "back_of_hand"})
    assert refused.status_code == 422
    assert_french(refused, "Photo de la zone exposée, avec la charte de couleurs à côté")
    session = PhotoSession.objects.create(owner=person, taken_at=THURSDAY, exposed_site="forearm")
    assert_french(
        sam_in_french.get(f"/skin/sessions/{session.pk}/"),
        "Séance du 10 décembre 2026",
        "Face externe de l’avant-bras et intérieur du haut du bras",
        "Pas encore de photo.",
    )
    assert_french(
        sam_in_french.get(f"/skin/sessions/{session.pk}/delete/"),
        "Supprimer cette séance ?",
        "Les photos du 10 décembre 2026 et leurs mesures seront supprimées.",
    )


def test_english_plan_and_skin_pages_are_unchanged(thursday: Any, person: Any) -> None:
    _plan(person)
    browser = Client(**ENGLISH)
    browser.force_login(person)
    text = visible(browser.get("/plan/"))
    for phrase in ("Today's target", "step 1 of", "2.4 + 2.4 + 2.4 + 2.4 g", "Thu 17 Dec"):
        assert phrase in text, phrase
    skin = visible(browser.get("/skin/"))
    assert "Building your baseline" in skin
    assert "0 usable sessions so far" in skin
    assert visible(browser.get("/learn/")).count("Understanding kratom") == 1
    assert dt.date(2026, 12, 17).strftime("%a %-d %b") == "Thu 17 Dec"


def test_the_skin_words_listed_for_the_catalogue_are_the_cores() -> None:
    """The core's fixed skin words reach people through ``skin.wording``; a word changed in the
    core but not in that list would show in English."""
    from stepdown.core.colour import QUALITY_MESSAGES
    from stepdown.core.colour.ita import ITA_BANDS
    from stepdown.core.colour.longitudinal import SEASONAL_CAVEAT
    from stepdown.skin.wording import CORE_WORDS

    core = {*QUALITY_MESSAGES.values(), *(band.label for band in ITA_BANDS), SEASONAL_CAVEAT}
    assert core == set(CORE_WORDS)

"""The questionnaires in French: Pfizer's published French for the PHQ and GAD questions, the
project's own (and said so) for the rest; the safety rule holds in French; English is unchanged.
The interaction knowledge base's text in French on the medicines page and in co-use warnings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from tests.checkins.checkins_answers import daily, phq9
from tests.i18n.french import ENGLISH, THURSDAY, assert_french, visible

from stepdown.checkins import services as checkins
from stepdown.core.instruments import INSTRUMENTS, Instrument, get_instrument
from stepdown.core.instruments.language import texts_of
from stepdown.core.interactions import CLASSES
from stepdown.journal import services as journal
from stepdown.profile import services as profile

pytestmark = pytest.mark.django_db

PROJECT_NOTE = "Traduction du projet, non validée."


def english_wording(instrument: Instrument) -> list[str]:
    """The instrument's English texts of two words or more whose French differs: none of them
    may be left on a French page (the catalogue check does not know them)."""
    french = get_instrument(instrument.code, "fr")
    return [
        english
        for english, translated in zip(texts_of(instrument), texts_of(french), strict=True)
        if english != translated and len(english.split()) >= 2
    ]


def assert_no_english_wording(text: str, code: str) -> None:
    left = [sentence for sentence in english_wording(INSTRUMENTS[code]) if sentence in text]
    assert not left, f"{code} wording left in English: {left}"


def test_a_french_person_answers_phq9_in_pfizers_french(sam_in_french: Client) -> None:
    page = sam_in_french.get("/checkins/phq9/")
    text = assert_french(
        page,
        "Questionnaire sur la santé du patient-9 (PHQ-9)",
        "Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les "
        "problèmes suivants ?",
        "Peu d’intérêt ou de plaisir à faire les choses",
        "Penser qu’il vaudrait mieux mourir ou envisager de vous faire du mal",
        "Plus de la moitié du temps",
        "Assez difficile(s)",
        "Développé par les Dr Robert L. Spitzer",
    )
    assert_no_english_wording(text, "phq9")
    # A published translation: no "project's own translation" note.
    assert PROJECT_NOTE not in text


def test_phq9_item_9_in_french_still_meets_the_crisis_page_first(sam_in_french: Client) -> None:
    answered = sam_in_french.post("/checkins/phq9/", phq9(0, 0, 0, 0, 0, 0, 0, 0, 1))
    assert answered.status_code == 302
    assert answered["Location"].startswith("/checkins/crisis/")
    assert_french(
        sam_in_french.get(answered["Location"]),
        "Vos réponses indiquent que vous avez peut-être des pensées de vous faire du mal.",
    )


def test_the_phq9_result_in_french_with_its_bands(sam_in_french: Client) -> None:
    # 2+2+2+1+1+1+1+1+0 = 11: "moderate" (10–14).
    answered = sam_in_french.post("/checkins/phq9/", phq9(2, 2, 2, 1, 1, 1, 1, 1, 0))
    assert answered.status_code == 302
    page = sam_in_french.get(answered["Location"])
    text = assert_french(
        page,
        "Questionnaire sur la santé du patient-9 (PHQ-9)",
        "Total du PHQ-9 (0–27)",
        "Modérée —",
        "Minimale",
        "Modérément sévère",
        "La dernière question, sur la difficulté, est facultative et n’est pas comptée.",
    )
    assert_no_english_wording(text, "phq9")
    assert page.context["response"].total == 11


def test_a_project_translation_says_it_is_not_validated(sam_in_french: Client) -> None:
    page = sam_in_french.get("/checkins/sds/")
    text = assert_french(
        page,
        "Échelle de sévérité de la dépendance (SDS), version kratom",
        "À quelle fréquence votre consommation de kratom vous a-t-elle inquiété(e) ?",
        "Toujours ou presque toujours",
        PROJECT_NOTE,
    )
    assert_no_english_wording(text, "sds")
    answered = sam_in_french.post("/checkins/sds/", {f"q{n}": "1" for n in range(1, 6)})
    result = sam_in_french.get(answered["Location"])
    text = assert_french(
        result,
        "Total de la SDS (0–15)",
        "le même échantillon de Barcelone : dépendance à la cocaïne",
        "Seulement pour situer",
        PROJECT_NOTE,
    )
    assert_no_english_wording(text, "sds")


def test_the_daily_check_in_and_its_flags_read_in_french(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    form = assert_french(
        sam_in_french.get("/checkins/daily/"),
        "Bilan du jour",
        "Moral bas ou tristesse",
        "Comment avez-vous dormi la nuit dernière ?",
        "Plutôt bien",
        "Êtes-vous enceinte, ou pourriez-vous l’être ?",
        PROJECT_NOTE,
    )
    assert_no_english_wording(form, "daily")
    result = checkins.response_submit(
        owner=person, instrument="daily", answers=daily(jaundice_signs="yes")
    )
    page = sam_in_french.get(f"/checkins/responses/{result.response.pk}/")
    text = assert_french(
        page,
        "Total du journal du sevrage (0–48)",
        "Atteinte possible du foie : contactez un médecin aujourd’hui.",
        "Envie de kratom (0–100)",
        "Qualité du sommeil (0–4)",
    )
    assert_no_english_wording(text, "daily")


def test_the_hub_lists_the_questionnaires_and_recent_bands_in_french(
    person: Any, sam_in_french: Client
) -> None:
    checkins.response_submit(
        owner=person, instrument="gad7", answers=dict.fromkeys([f"q{n}" for n in range(1, 8)], 2)
    )  # 14: moderate
    text = assert_french(
        sam_in_french.get("/checkins/"),
        "Questionnaire sur le trouble anxieux généralisé-7 (GAD-7)",
        "Questions de dépistage du risque suicidaire (ASQ)",
        "Cinq questions pour savoir à quel point",
        "total 14 · modérée",
    )
    for code in ("phq9", "gad7", "asq", "sds", "dsm5_sud", "craving"):
        assert INSTRUMENTS[code].name not in text


def test_onboarding_asks_phq2_and_gad2_in_pfizers_french(sam_in_french: Client) -> None:
    text = assert_french(
        sam_in_french.get("/onboarding/mood/"),
        "Peu d’intérêt ou de plaisir à faire les choses",
        "Être triste, déprimé(e) ou désespéré(e)",
        "Un sentiment de nervosité, d’anxiété ou de tension",
        "Une incapacité à arrêter de s’inquiéter ou à contrôler ses inquiétudes",
        "Presque tous les jours",
        "Questionnaire sur la santé du patient-2 (PHQ-2).",
    )
    assert_no_english_wording(text, "phq2")
    assert_no_english_wording(text, "gad2")


def test_english_pages_keep_the_english_wording(web: Client) -> None:
    text = visible(web.get("/checkins/phq9/", **ENGLISH))
    assert "Little interest or pleasure in doing things" in text
    assert "More than half the days" in text
    assert "Peu d’intérêt" not in text
    assert PROJECT_NOTE not in text


def test_the_api_words_an_instrument_in_the_language_asked_for(api: Any) -> None:
    english = api.get("/instruments/phq9").json()
    french = api.client.get(
        "/api/v1/instruments/phq9", headers=api.headers | {"Accept-Language": "fr"}
    ).json()
    assert english["items"][0]["options"][2]["label"] == "More than half the days"
    assert french["items"][0]["options"][2] == {"value": 2, "label": "Plus de la moitié du temps"}
    assert french["bands"][2]["label"] == "Modérée"
    # Same fields, codes, values and sources: only the words change.
    assert french.keys() == english.keys()
    assert [i["code"] for i in french["items"]] == [i["code"] for i in english["items"]]
    assert french["sources"] == english["sources"]


def assert_no_english_interaction_text(text: str, *codes: str) -> None:
    """The knowledge base's English is not in the catalogue either: look for it directly."""
    for code in codes:
        entry = CLASSES[code]
        for sentence in (entry.label, entry.mechanism, entry.advice, entry.evidence):
            assert sentence not in text, f"{code} left in English: {sentence[:60]}"


def test_the_medicines_page_words_the_interactions_in_french(
    person: Any, sam_in_french: Client
) -> None:
    profile.medicines_set(owner=person, names=["quetiapine", "loperamide"])
    text = assert_french(
        sam_in_french.get("/substances/medicines/"),
        "Quétiapine et autres antipsychotiques éliminés par le CYP3A",
        "Ce qui se passe : Ces médicaments sont éliminés par le CYP3A, que le kratom ralentit",
        "N’arrêtez pas et ne modifiez pas votre antipsychotique de vous-même",
        "Un décès a été rapporté après l’association de mitragynine et de quétiapine",
        "cas clinique, étude clinique",  # the kinds of evidence
        "Substrats de la P-gp (par ex. lopéramide, digoxine)",
        "In vitro seulement : le kratom a inhibé la P-gp (CI50 18,2 µM)",
    )
    assert_no_english_interaction_text(text, "cyp3a_antipsychotics", "pgp_substrates")


def test_a_co_use_warning_reads_in_french(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    journal.dose_create(
        owner=person, amount=Decimal("2"), taken_at=THURSDAY - dt.timedelta(hours=3)
    )
    answer = {"category": "alcohol", "amount": "2", "taken_at": "2026-12-10T11:00"}
    # The panel that replaces the form carries the whole warning, with its evidence.
    panel = visible(sam_in_french.post("/substances/log/", answer, headers={"HX-Request": "true"}))
    for phrase in (
        "Kratom et alcool à moins de 24 heures d’intervalle",
        "Alcool",
        "L’alcool et le kratom engourdissent tous deux le cerveau",
        "Le plus sûr est de ne pas boire les jours où vous prenez du kratom.",
        "87 % des 156 décès étudiés",
        "(données sur des décès ; observé chez l’humain)",
    ):
        assert phrase in panel, phrase
    assert_no_english_interaction_text(panel, "alcohol")
    # Without htmx, the page that follows says it in its flash message.
    page = sam_in_french.post("/substances/log/", answer, follow=True)
    text = assert_french(
        page,
        "Kratom et alcool à moins de 24 heures d’intervalle : Le plus sûr est de ne pas boire",
    )
    assert_no_english_interaction_text(text, "alcohol")


def test_the_english_medicines_page_keeps_the_english_text(person: Any, web: Client) -> None:
    profile.medicines_set(owner=person, names=["quetiapine"])
    text = visible(web.get("/substances/medicines/", **ENGLISH))
    assert CLASSES["cyp3a_antipsychotics"].advice in text
    assert "case report, clinical study" in text
    assert "Quétiapine" not in text

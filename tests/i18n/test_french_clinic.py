"""The clinician's pages read in French for a clinician whose browser or account asks for it:
the dashboard, a patient's page, the open alerts, notes, plan proposals, messages, members and
the invitation pages, with French numbers and dates; the report for the record is French with
the Part 2 notice in French and in its English words; the emails are in the recipient's
language. English stays as it was (tests/clinic).

Sam shares everything with Riverside Clinic until 31 January 2027, signed on Thursday
10 December 2026: 30 days of 4 g a day, a 3.5 g plan from that day, and a COWS of 25 that Kim
(a clinician there) entered, which raises a severe-withdrawal alert."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pypdf
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from tests.clinic.patient_data import COWS_25, history
from tests.i18n.french import ENGLISH, FRENCH, THURSDAY, assert_french, visible
from tests.mfa_helpers import verified_api, verified_web

from stepdown.accounts.models import User
from stepdown.clinic.codes import staff_invitation_link
from stepdown.clinic.models import StaffInvitation
from stepdown.clinic.notes import note_create
from stepdown.clinic.services import staff_invite
from stepdown.errors import InvalidInput
from stepdown.plans.services import plan_create
from stepdown.profile.services import medicine_add

pytestmark = pytest.mark.django_db

ALL_CLASSES = ("journal", "plan", "checkins", "medicines", "skin", "notes")
NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
NOTICE_FR = (
    "La réglementation fédérale américaine 42 CFR part 2 interdit toute utilisation ou "
    "divulgation non autorisée de ces dossiers."
)


@pytest.fixture
def sam(thursday: Any, clinics: Any, share: Callable[..., Any], person: Any) -> Any:
    share(
        person,
        clinics.riverside,
        data_classes=ALL_CLASSES,
        expires_on=dt.date(2027, 1, 31),
        signature="Samuel Jones",
    )
    history(person, 30)
    medicine_add(owner=person, name="quetiapine")
    plan_create(
        owner=person,
        start_g=Decimal("3.5"),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=2,
        start_date=THURSDAY.date(),
    )
    answer = verified_api(clinics.kim).post(
        f"/clinic/patients/{person.pk}/cows", {"answers": COWS_25}
    )
    assert answer.status_code == 201, answer.content
    return person


@pytest.fixture
def kim_in_french(clinics: Any) -> Client:
    """Kim past the second factor, with a browser that asks for French."""
    return verified_web(clinics.kim, Client(**FRENCH))


def _with_notice(text: str) -> None:
    """The Part 2 notice in French, followed by the regulation's own English words."""
    assert f"{NOTICE_FR} Texte officiel : {NOTICE}" in text


def test_the_dashboard_in_french(sam: Any, kim_in_french: Client) -> None:
    text = assert_french(
        kim_in_french.get(reverse("clinic:dashboard")),
        "Qui a besoin d’attention",
        "1 personne, celles qui ont le plus besoin d’attention d’abord.",
        "Inviter une personne à Riverside Clinic",
        "Alertes ouvertes",
        "Messages en attente",
        "Vos centres de soins",
        "Toutes les raisons",
        "Aucune prise ni aucun bilan notés depuis 3 jours",  # a reason in the filter
        "Samuel Jones",
        "suit un plan",
        "Élevée Sevrage sévère (journal ou COWS de 25 ou plus) depuis le 10 déc., 18:00",
        "Grammes par jour sur les 28 derniers jours",
    )
    _with_notice(text)
    assert "Who needs attention" not in text


def test_the_dashboard_refuses_an_unknown_reason_in_french(sam: Any, kim_in_french: Client) -> None:
    response = kim_in_french.get(reverse("clinic:dashboard"), {"reason": "bored"})
    assert response.status_code == 422
    assert_french(response, "Choisissez l’une des raisons de la liste.")


def test_the_patient_page_in_french_with_french_numbers_and_dates(
    sam: Any, kim_in_french: Client
) -> None:
    text = assert_french(
        kim_in_french.get(reverse("clinic:patient", args=[sam.pk])),
        "Consentement en vigueur",
        "Partage : Journal, Plan de diminution, Bilans et questionnaires, Médicaments, "
        "Photos et mesures de la peau, Notes. Signé le 10 déc. 2026.",
        # The last day the person chose, as the clinic's list shows it (not the moment after).
        "Fin : à la fin du 31 jan. 2027.",
        "Rapport pour le dossier (PDF)",
        "Élevée : Sevrage sévère (journal ou COWS de 25 ou plus) (10 déc. 2026, nouvelle)",
        "Marquer comme vue",
        "Les 90 derniers jours",
        "Du 12 sept. 2026 au 10 déc. 2026.",
        "Grammes par jour et objectif du plan",
        "Changements du plan : Plan commencé le 10 décembre.",
        "à partir de 3,5 g par jour, du 10 déc. 2026 au",
        "(en cours)",
        "COWS (soignant) 25",
        "Saisir une COWS",
        "PHQ-9 7 Légère",
        "Saisir une COWS",
        "Traduction du projet, non validée.",
        "quetiapine Risque élevé : Quétiapine et autres antipsychotiques",
        "Pas encore de photo de la peau.",
        "Proposer un changement du plan",
        "Pas encore de note.",
        "Enregistrer la note",
    )
    _with_notice(text)
    # The chart draws its scale and dates in French too.
    assert "4,4" in text  # the top of the grams panel: the largest day (4 g) and a tenth
    assert "12 sept. 2026" in text


def test_a_cows_entered_on_the_page_is_confirmed_in_french(sam: Any, kim_in_french: Client) -> None:
    saved = kim_in_french.post(reverse("clinic:patient_cows", args=[sam.pk]), COWS_25)
    assert saved.status_code == 302, visible(saved)
    text = visible(kim_in_french.get(saved["Location"]))
    assert "COWS enregistré : 25" in text


def test_alerts_in_french(sam: Any, kim_in_french: Client) -> None:
    text = assert_french(
        kim_in_french.get(reverse("clinic:alerts")),
        "Alertes ouvertes",
        "alertes ouvertes des personnes qui partagent avec vous",
        "Levée le 10 déc., 18:00",
        "Élevée Sevrage sévère (journal ou COWS de 25 ou plus)",
        "Marquer comme vue",
    )
    _with_notice(text)
    alert = sam.alerts.filter(status="open").first()
    seen = kim_in_french.post(
        reverse("clinic:patient_alert_acknowledge", args=[sam.pk, alert.pk]), {"back": "alerts"}
    )
    assert_french(kim_in_french.get(seen["Location"]), "Alerte marquée comme vue.")


def test_notes_in_french(sam: Any, kim_in_french: Client) -> None:
    path = reverse("clinic:patient_notes", args=[sam.pk])
    empty = kim_in_french.post(path, {"text": "   "})
    assert empty.status_code == 422
    assert_french(empty, "Notes sur Samuel Jones", "Merci de remplir ce champ.")
    saved = kim_in_french.post(path, {"text": "Dort mal au palier 3.", "shared_with_person": "on"})
    assert saved.status_code == 302
    text = assert_french(
        kim_in_french.get(saved["Location"]),
        "Note enregistrée.",
        "Nouvelle note",
        "Partager cette note avec la personne",
        "Dort mal au palier 3.",
        "Riverside Clinic · 10 déc. 2026, 18:00 · partagée avec la personne",
    )
    assert "shared with the person" not in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Écrivez d’abord la note."),
        ("x" * 4001, "Une note doit faire moins de 4000 caractères."),
    ],
)
def test_the_note_service_refuses_in_french(
    sam: Any,
    clinics: Any,
    text: str,
    message: str,
) -> None:
    with translation.override("fr"), pytest.raises(InvalidInput) as refused:
        note_create(
            author=clinics.kim,
            person_id=sam.pk,
            text=text,
            shared_with_person=False,
            kind="api",
            route="test",
        )
    assert (refused.value.field, refused.value.message) == ("text", message)


def test_proposals_in_french(sam: Any, kim_in_french: Client) -> None:
    path = reverse("clinic:patient_proposals", args=[sam.pk])
    assert_french(
        kim_in_french.get(path),
        "Propositions pour le plan de Samuel Jones",
        "Proposer un changement",
        "Maintenir le palier actuel",
        "Pourquoi (la personne le verra)",
        "Envoyer la proposition",
    )
    refused = kim_in_french.post(path, {"kind": "hold", "reason": "Pour souffler"})
    assert refused.status_code == 422
    assert "Indiquez pendant combien de jours maintenir le palier actuel." in visible(refused)
    sent = kim_in_french.post(path, {"kind": "hold", "days": "3", "reason": "Pour souffler"})
    assert sent.status_code == 302
    # The list of proposals is the person's side's wording (clinic/proposal_summary.html),
    # translated with that side; the clinician's words around it are checked here.
    text = visible(kim_in_french.get(sent["Location"]))
    assert "Proposition envoyée. Le plan ne change que si la personne l’accepte." in text
    assert "Pour souffler" in text


def test_messages_in_french(sam: Any, kim_in_french: Client) -> None:
    from stepdown.clinic.messages import message_send_by_person

    message_send_by_person(owner=sam, text="Bonjour, une question.", site_url="http://testserver")
    message_send_by_person(owner=sam, text="Et une autre.", site_url="http://testserver")
    assert_french(
        kim_in_french.get(reverse("clinic:messages_waiting")),
        "Messages en attente",
        "Samuel Jones : 2 nouveaux messages",
    )
    path = reverse("clinic:patient_messages", args=[sam.pk])
    assert_french(
        kim_in_french.get(path),
        "Messages avec Samuel Jones",
        "Une seule conversation entre la personne et Riverside Clinic",
        "Riverside Clinic 2 nouveaux",
        "Samuel Jones · 10 déc. 2026, 18:00 · nouveau",
        "Marquer comme lu",
        "Votre message",
        "Envoyer",
    )
    sent = kim_in_french.post(path, {"text": "Bien reçu."})
    assert sent.status_code == 302
    assert_french(kim_in_french.get(sent["Location"]), "Message envoyé.", "Vous · 10 déc. 2026")


def test_home_members_and_invitations_in_french(sam: Any, clinics: Any) -> None:
    lee = verified_web(clinics.lee, Client(**FRENCH))
    text = assert_french(
        lee.get(reverse("clinic:home")),
        "Vous êtes administrateur ici (et soignant de ses patients).",
        "Les personnes qui partagent avec vous",
        "Samuel Jones Riverside Clinic Journal, Plan de diminution",
        "31 jan. 2027",  # its last day
    )
    _with_notice(text)
    clinic = clinics.riverside.pk
    assert_french(
        lee.get(reverse("clinic:members", args=[clinic])),
        "Membres de Riverside Clinic",
        "Administrateur",
        "Soignant",
        "Désactiver",
        "Inviter un soignant",
        "Adresse e-mail du soignant",
        "Envoyer l’invitation",
    )
    invited = lee.post(
        reverse("clinic:member_invite", args=[clinic]),
        {"email": "ana@clinic.example", "role": "clinician"},
    )
    assert_french(
        lee.get(invited["Location"]),
        "Invitation envoyée. Le lien fonctionne une seule fois, pendant 7 jours.",
        "Invitations pas encore acceptées",
        "ana@clinic.example (soignant), jusqu’au 17 déc. 2026",
    )
    created = lee.post(
        reverse("clinic:invitation_new", args=[clinic]), {"clinicians": [str(clinics.lee.pk)]}
    )
    assert created.status_code == 201
    assert_french(
        created,
        "Inviter une personne à partager avec Riverside Clinic",
        "Donnez ce code à la personne (il fonctionne une seule fois, jusqu’au 24 déc. 2026).",
        "Ou envoyez-lui ce lien :",
        "Créer une autre invitation",
    )


def test_the_staff_join_pages_in_french(thursday: Any, clinics: Any) -> None:
    invitation = staff_invite(
        admin=clinics.lee,
        email="ana@clinic.example",
        role="clinician",
        clinic_id=clinics.riverside.pk,
        site_url="http://testserver",
    )
    browser = Client(**FRENCH)
    link = staff_invitation_link(invitation, "http://testserver").removeprefix("http://testserver")
    assert_french(
        browser.get(link),
        "Rejoindre Riverside Clinic",
        "Vous êtes invité en tant que soignant.",
        "Créez votre compte pour l’adresse invitée :",
        "Créer le compte et rejoindre",
    )
    User.objects.create_user("ana@clinic.example", "a long enough password 1")
    assert_french(browser.get(link), "Vous avez un compte Stepdown avec l’adresse invitée")
    invalid = browser.get(link[:-3] + "xyz/")
    assert invalid.status_code == 404
    assert_french(invalid, "Cette invitation ne fonctionne plus")


def test_the_report_is_in_french_with_the_part_2_notice_in_both_languages(
    sam: Any, kim_in_french: Client
) -> None:
    response = kim_in_french.get(reverse("clinic:patient_report", args=[sam.pk]))
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert NOTICE_FR in text
        assert NOTICE in text
        assert f"Page {number} sur {len(pages)}" in text
        assert "Rapport Stepdown : Samuel Jones" in text
    whole = " ".join(pages)
    for phrase in (
        "Rapport pour le dossier",
        "Période du 12 sept. 2026 au 10 déc. 2026",
        "Consentement en vigueur",
        "Finalité Soins",
        "Signé le 10 déc. 2026 par Samuel Jones",
        "Expiration à la fin du 31 jan. 2027",
        "à partir de 3,5 g par jour",
        "Graphique des doses",
        "Grammes par jour et objectif du plan",
        "Levée le Gravité Alerte État",
        "Élevée Sevrage sévère (journal ou COWS de 25 ou plus) Nouvelle",
        "Aucune note écrite sur cette période.",
    ):
        assert phrase in whole, phrase
    for english in ("Report for the record", "Consent in force", "No notes written", "Page 1 of"):
        assert english not in whole, english


def test_the_alert_email_is_in_each_clinicians_language(
    thursday: Any,
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    User.objects.filter(pk=clinics.kim.pk).update(language="fr")
    share(person, clinics.riverside)
    cows = f"/clinic/patients/{person.pk}/cows"
    with django_capture_on_commit_callbacks(execute=True):
        verified_api(clinics.lee).post(cows, {"answers": COWS_25})
    by_address = {message.to[0]: message for message in mailoutbox}
    french, english = by_address["kim@clinic.example"], by_address["lee@clinic.example"]
    assert french.subject == "Une personne que vous suivez a besoin d’attention"
    assert "Ouvrez votre tableau de bord pour voir qui, et pourquoi :" in french.body
    assert "toutes les 30 minutes" in french.body
    assert english.subject == "A person you supervise needs attention"
    assert "Please open your dashboard to see who, and why:" in english.body


@pytest.mark.parametrize(
    ("headers", "subject", "phrase"),
    [
        (
            FRENCH,
            "Vous êtes invité à rejoindre un centre de soins sur Stepdown",
            "jusqu’au 17 décembre 2026",
        ),
        (ENGLISH, "You are invited to a clinic on Stepdown", "until 17 December 2026"),
    ],
)
def test_the_staff_invitation_email_follows_the_inviting_request(
    thursday: Any,
    clinics: Any,
    mailoutbox: Any,
    headers: dict[str, str],
    subject: str,
    phrase: str,
) -> None:
    lee = verified_web(clinics.lee, Client(**headers))
    lee.post(
        reverse("clinic:member_invite", args=[clinics.riverside.pk]),
        {"email": "ana@clinic.example", "role": "clinician"},
    )
    (message,) = mailoutbox
    assert message.subject == subject
    assert phrase in message.body
    assert StaffInvitation.objects.filter(email="ana@clinic.example").count() == 1


def test_the_staff_invitation_email_is_in_the_invited_accounts_language(
    thursday: Any,
    clinics: Any,
    mailoutbox: Any,
) -> None:
    User.objects.create_user("ana@clinic.example", "a long enough password 1", language="fr")
    verified_web(clinics.lee, Client(**ENGLISH)).post(
        reverse("clinic:member_invite", args=[clinics.riverside.pk]),
        {"email": "ana@clinic.example", "role": "admin"},
    )
    (message,) = mailoutbox
    assert "Vous êtes invité à rejoindre Riverside Clinic sur Stepdown en tant que" in message.body


def test_the_dashboard_stays_in_english(sam: Any, clinics: Any) -> None:
    response = verified_web(clinics.kim, Client(**ENGLISH)).get(reverse("clinic:dashboard"))
    text = visible(response)
    assert '<html lang="en"' in response.content.decode()
    assert "1 person, most in need of attention first." in text
    assert "High Severe withdrawal (diary or COWS 25 or more) since 10 Dec, 18:00" in text
    assert NOTICE in text
    assert NOTICE_FR not in text

"""The person's side of the clinic reads in French: sharing, joining with a code, the consent
form (every element of it), plan proposals with their preview, Today's cards for messages and
notes, the messages page and the "a message is waiting" email; English stays as it was.

Sam shares with Riverside Clinic on Thursday 10 December 2026; Kim, a clinician there, proposes
changes to his plan (9.6 g a day, 10 % a step, seven steady days first)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from tests.clinic.conftest import Clinics, clinics, share  # noqa: F401 - the clinic personas
from tests.i18n.french import ENGLISH, THURSDAY, assert_french, visible

from stepdown.clinic.messages import message_send_by_clinician
from stepdown.clinic.models import Consent, PlanProposal
from stepdown.clinic.notes import note_create
from stepdown.clinic.proposals import proposal_create, proposals_for_viewer
from stepdown.clinic.services import patient_invitation_create
from stepdown.plans.services import plan_create

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class World:
    """Sam, Riverside Clinic with Kim, and Sam's French browser: what most tests here start from."""

    clinics: Clinics
    person: Any
    browser: Client
    share: Callable[..., Consent]

    @property
    def kim(self) -> Any:
        """Kim, a clinician at Riverside."""
        return self.clinics.kim

    def shares(self, **consent: Any) -> Consent:
        """Sam signs a consent for Riverside."""
        return self.share(self.person, self.clinics.riverside, **consent)

    def code(self, *clinicians: Any) -> str:
        """Kim's invitation code naming ``clinicians`` (none: the clinic's treating clinicians)."""
        _, code = patient_invitation_create(
            clinician=self.clinics.kim,
            clinic_id=self.clinics.riverside.pk,
            clinician_ids=[user.pk for user in clinicians],
        )
        return code

    def plan(self) -> Any:
        """Sam's plan: 9.6 g a day, 10 % a step, from Thursday."""
        return plan_create(
            owner=self.person,
            start_g=Decimal("9.6"),
            method="proportional",
            rate_pct=Decimal(10),
            doses_per_day=4,
            start_date=THURSDAY.date(),
        ).plan

    def propose(self, **fields: Any) -> PlanProposal:
        """Kim proposes a change to Sam's plan."""
        return proposal_create(
            author=self.clinics.kim,
            person_id=self.person.pk,
            reason="Une semaine difficile.",
            kind_of_access="api",
            route="tests",
            **fields,
        )


@pytest.fixture
def world(
    clinics: Clinics,  # noqa: F811 - the fixture imported above
    share: Callable[..., Consent],  # noqa: F811
    person: Any,
    sam_in_french: Client,
) -> World:
    """Not on Thursday by itself: a test that needs the day asks for ``thursday`` first."""
    return World(clinics=clinics, person=person, browser=sam_in_french, share=share)


def test_the_sharing_page_in_french(thursday: Any, world: World) -> None:
    empty = assert_french(
        world.browser.get("/clinic/sharing/"),
        "Partage avec un centre de soins",
        "Rejoindre un centre de soins",
        "Vos consentements",
        "Vous ne partagez avec aucun centre de soins.",
        "Code d’invitation",
    )
    assert "Sharing with a clinic" not in empty
    world.shares(data_classes=("journal", "plan", "checkins"))
    text = assert_french(
        world.browser.get("/clinic/sharing/"),
        "Riverside Clinic · version 1 · en vigueur",
        "Partagé : Journal, Plan de diminution, Bilans et questionnaires.",
        "À : les professionnels de santé qui vous suivent dans ce centre.",
        "Jusqu’à : Quand je le révoque ou que je ferme mon compte Stepdown",
        "Signé « Samuel Jones » le 10 déc. 2026.",
        "Changer ce qui est partagé",
        "Révoquer",
    )
    assert "Taper plan" not in text


def test_a_revoked_consent_in_french(thursday: Any, world: World) -> None:
    consent = world.shares()
    revoked = world.browser.post(f"/clinic/sharing/{consent.pk}/revoke/", follow=True)
    assert_french(
        revoked,
        "Révoqué : Riverside Clinic ne voit plus rien à partir de maintenant.",
        "révoqué le 10 déc. 2026",
    )


def test_joining_with_a_code_in_french(thursday: Any, world: World) -> None:
    assert_french(
        world.browser.get("/clinic/join/"),
        "Rejoindre un centre de soins",
        "Le code que votre centre de soins vous a donné, par exemple 7KQM-R2XA.",
        "Continuer",
    )
    wrong = world.browser.post("/clinic/join/", {"code": "AAAA-BBBB"})
    assert wrong.status_code == 422
    assert_french(wrong, "Ce code ne fonctionne pas : il est peut-être mal tapé")
    assert_french(
        world.browser.get("/clinic/join/AAAA-BBBB/"),
        "Ce code ne fonctionne pas",
        "Demandez-en un nouveau à votre centre de soins, ou tapez-le à nouveau .",
    )


def test_every_element_of_the_consent_form_in_french(thursday: Any, world: World) -> None:
    code = world.code(world.kim)
    text = assert_french(
        world.browser.get(f"/clinic/join/{code}/"),
        "Partager vos données avec Riverside Clinic",
        "Qui partage",
        "Vous, sam@example.org : vous autorisez Stepdown à montrer vos données",
        "Avec qui",
        "kim@clinic.example à Riverside Clinic (ce professionnel de santé seulement).",
        "Pourquoi",
        "Soins : pour que ces professionnels de santé puissent suivre et soutenir vos soins.",
        "Ce que vous partagez — cochez chaque type que vous acceptez de partager",
        "Journal : Chaque prise que vous notez (quantité, heure, produit)",
        "Photos et mesures de la peau : Vos photos de peau et leurs mesures de couleur.",
        "Jusqu’à quand",
        "Dernier jour du partage",
        "Vos droits",
        "Vous pouvez révoquer ce consentement à tout moment, sur la page Partage de votre compte.",
        "ne peut pas les partager à son tour : La réglementation fédérale américaine 42 CFR part 2",
        "Votre nom complet, en guise de signature",
        "Daté du 10 décembre 2026.",
        "Signer et partager",
    )
    assert "Read this before you sign" not in text
    refused = world.browser.post(f"/clinic/join/{code}/", {"expires_on": "2026-12-01"})
    assert refused.status_code == 422
    assert_french(
        refused,
        "Choisissez au moins un type de données à partager.",
        "Tapez votre nom complet pour signer.",
    )
    signed = world.browser.post(
        f"/clinic/join/{code}/",
        {"data_classes": ["journal"], "signature": "Samuel Jones"},
        follow=True,
    )
    assert_french(signed, "Vous partagez maintenant avec Riverside Clinic.", "Partagé : Journal.")


def test_changing_a_consent_in_french(thursday: Any, world: World) -> None:
    consent = world.shares()
    page = f"/clinic/sharing/{consent.pk}/change/"
    assert_french(
        world.browser.get(page),
        "les professionnels de santé qui vous suivent à Riverside Clinic "
        "(tous ceux qui y exercent)",
        "Signer la nouvelle version",
    )
    past = world.browser.post(
        page,
        {"data_classes": ["plan"], "signature": "Samuel Jones", "expires_on": "2026-12-09"},
    )
    assert_french(past, "Ce jour est passé ; choisissez aujourd’hui ou un jour suivant.")
    saved = world.browser.post(
        page, {"data_classes": ["plan"], "signature": "Samuel Jones"}, follow=True
    )
    assert_french(saved, "Enregistré : le nouveau consentement remplace l’ancien.", "remplacé le")


def test_a_proposal_on_today_in_french_and_its_answer(thursday: Any, world: World) -> None:
    world.shares()
    plan = world.plan()
    old_last = plan.end_date.toordinal() - 1
    world.propose(kind="hold", days=3)
    text = assert_french(
        world.browser.get("/today/"),
        "kim@clinic.example (Riverside Clinic) propose un changement de votre plan",
        "Prolonger le palier actuel de 3 jours.",
        "Accepter",
        "Refuser",
    )
    moved = re.search(r"Votre dernier jour prévu passerait du (.+?) au (.+?)\.", text)
    assert moved is not None, text
    assert re.fullmatch(r"\d{1,2} \w+\.? 20\d\d", moved.group(1)), moved.group(1)
    assert moved.group(1) != moved.group(2)
    assert plan.end_date.toordinal() - 1 == old_last
    proposal = PlanProposal.objects.get()
    accepted = world.browser.post(
        f"/clinic/proposals/{proposal.pk}/accept/", {"next": "/today/"}, follow=True
    )
    assert_french(accepted, "Proposition acceptée : votre plan a changé.")
    again = world.browser.post(
        f"/clinic/proposals/{proposal.pk}/accept/", {"next": "/today/"}, follow=True
    )
    assert_french(again, "Cette proposition a déjà reçu une réponse (acceptée).")


@pytest.mark.parametrize(
    ("fields", "summary"),
    [
        ({"kind": "hold", "days": 1}, "Prolonger le palier actuel de 1 jour"),
        ({"kind": "slow", "rate_pct": Decimal("7.5")}, "Ralentir à 7,5 % par palier"),
        ({"kind": "slow", "interval_days": 14}, "Ralentir, 14 jours par palier"),
        (
            {"kind": "slow", "rate_pct": Decimal("7.5"), "interval_days": 14},
            "Ralentir à 7,5 % par palier, 14 jours par palier",
        ),
        (
            {"kind": "new_plan", "rate_pct": Decimal(5)},
            "Un nouveau plan à partir de la dose du jour, 5 % par palier",
        ),
    ],
)
def test_each_kind_of_proposal_in_french_words(
    thursday: Any,
    world: World,
    fields: dict[str, Any],
    summary: str,
) -> None:
    world.shares()
    world.plan()
    world.propose(**fields)
    views = proposals_for_viewer(world.kim, world.person.pk)
    with translation.override("fr"):
        html = render_to_string("clinic/proposals_list.html", {"views": views})
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert f"{summary} · par kim@clinic.example · 10 déc. 2026 · en attente de sa réponse" in text
    assert "Si elle est acceptée aujourd’hui, dernier jour prévu le" in text


def test_todays_cards_for_messages_and_notes_in_french(thursday: Any, world: World) -> None:
    world.shares(data_classes=("journal", "notes"))
    for text in ("Bonjour Sam.", "Pouvez-vous nous appeler ?"):
        message_send_by_clinician(
            author=world.kim,
            person_id=world.person.pk,
            text=text,
            site_url="http://testserver",
            kind="api",
            route="tests",
        )
    note_create(
        author=world.kim,
        person_id=world.person.pk,
        text="Bonne semaine.",
        shared_with_person=True,
        kind="api",
        route="tests",
    )
    assert_french(
        world.browser.get("/today/"),
        "2 messages de votre centre de soins vous attendent. Les lire",
        "Votre centre de soins a partagé une note avec vous cette semaine. Le lire",
    )


def test_the_messages_and_notes_pages_in_french(
    thursday: Any, person: Any, sam_in_french: Client
) -> None:
    assert_french(
        sam_in_french.get("/clinic/messages/"),
        "Écrivez aux professionnels de santé d’un centre de soins avec lequel vous partagez",
        "utilisez Aide immédiate .",
        "Vous ne partagez avec aucun centre de soins, il n’y a donc encore personne à qui écrire.",
        "Les e-mails de Stepdown disent seulement qu’un message attend, jamais ce qu’il dit.",
    )
    assert_french(
        sam_in_french.get("/clinic/notes/"),
        "Notes de votre centre de soins",
        "Voici les notes que vos professionnels de santé ont choisi de partager avec vous.",
    )


def test_the_message_waiting_email_is_in_the_persons_language(
    world: World, mailoutbox: Any
) -> None:
    world.shares()
    world.person.language = "fr"
    world.person.save(update_fields=["language"])
    message_send_by_clinician(
        author=world.kim,
        person_id=world.person.pk,
        text="Bonjour.",
        site_url="http://testserver",
        kind="api",
        route="tests",
    )
    [mail] = mailoutbox
    assert mail.subject == "Un message vous attend sur Stepdown"
    assert "Pour protéger votre vie privée, cet e-mail ne dit ni qui l’a écrit" in mail.body
    assert "http://testserver/clinic/messages/" in mail.body
    assert "message is waiting" not in mail.body


def test_english_is_unchanged(thursday: Any, world: World) -> None:
    world.shares()
    world.plan()
    world.propose(kind="slow", rate_pct=Decimal("7.5"), interval_days=14)
    browser = Client(**ENGLISH)
    browser.force_login(world.person)
    sharing = visible(browser.get("/clinic/sharing/"))
    assert "Shared: Journal, Taper plan, Check-ins and questionnaires." in sharing
    assert "To: the clinic's treating clinicians." in sharing
    assert "Signed “Samuel Jones” on 10 Dec 2026." in sharing
    today = visible(browser.get("/today/"))
    assert "kim@clinic.example (Riverside Clinic) proposes a change to your plan" in today
    assert "Slow down to 7.5 % a step, 14 days a step." in today
    form = visible(browser.get(f"/clinic/join/{world.code()}/"))
    assert "Treatment: so that these clinicians can supervise and support your care." in form
    assert "the clinicians who treat you at Riverside Clinic (every active clinician there)" in form
    assert "42 CFR part 2 prohibits unauthorized use or disclosure of these records." in form
    assert "Dated 10 December 2026." in form

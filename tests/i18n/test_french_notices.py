"""Alerts and nudges read in French for a person whose page is French: the alerts page, Today's
nudge cards, the suggestion page and the reason an accepted suggestion writes into the plan's
history, with French numbers and dates. The stored rows and the API keep English; English pages
are unchanged (the alert tests pin them).

Sam (Chicago) on Monday 10 February 2025 (``tests/alerts/alerts_support``): a plan cut to 10.8 g
on Friday 7 February, a withdrawal diary of 6 on the three days before the cut and 10 since
Sunday, so Stepdown suggests holding the step; a limit of 3.5 g a day and 3 hours between doses,
and two doses of 2.5 g an hour and a half apart today, so two nudges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import polib
import pytest
import time_machine
from django.test import Client
from tests.alerts.alerts_support import NOW, days_ago, log_diary, plan_in_past
from tests.i18n.catalogue import PO_FILE
from tests.i18n.french import ENGLISH, FRENCH, assert_french, visible

from stepdown.alerts.models import Alert, SuggestedAdjustment
from stepdown.alerts.notice_messages import CORE_NOTICE_WORDING, CORE_NOTICE_WORDS
from stepdown.core.rules import ALERT_RULES, NOTICE_MESSAGES, NOTICE_WORDS
from stepdown.core.rules.limits import TOO_MANY_MOST, TOO_MANY_USED
from stepdown.goals.services import goal_save
from stepdown.journal.services import dose_create
from stepdown.plans.models import PlanAdjustment

pytestmark = pytest.mark.django_db

HELD = "Les symptômes ont augmenté depuis votre dernière baisse"


@pytest.fixture
def monday() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def notices(person: Any, monday: Any) -> SuggestedAdjustment:
    """Sam's alert with its suggestion, and his two nudges, raised by the services."""
    plan_in_past(person)
    for back in (6, 5, 4):
        log_diary(person, days_ago(back), 6)
    log_diary(person, days_ago(1), 10)
    log_diary(person, days_ago(0), 10)
    goal_save(owner=person, fields={"max_g_per_day": Decimal("3.5"), "min_hours_between": 3})
    for hour, minute in ((9, 0), (10, 30)):
        taken = dt.datetime.combine(days_ago(0), dt.time(hour, minute), tzinfo=person.zone)
        dose_create(owner=person, amount="2.5", taken_at=taken)
    return SuggestedAdjustment.objects.get(owner=person)


@pytest.fixture
def sam(person: Any) -> Client:
    browser = Client(**FRENCH)
    browser.force_login(person)
    return browser


def test_the_alerts_page_is_french_with_the_persons_numbers(
    notices: SuggestedAdjustment, sam: Client
) -> None:
    text = assert_french(
        sam.get("/alerts/"),
        "Alertes",
        HELD,
        "Deux jours de suite depuis votre baisse du 7 février, votre journal du sevrage a "
        "dépassé d’au moins moitié les 6 de votre moyenne au palier précédent.",
        "Pensez à prolonger votre palier actuel d’une semaine",
        "Changement de plan suggéré : prolonger ce palier (7 jours) · en attente de votre réponse.",
        "Voir la suggestion sur votre plan",
        "Marquer comme vue",
        "Nouvelle",
        "Modérée",
        "par Stepdown",
    )
    assert "10 fév. 2025, 12:00" in text  # Chicago time


def test_todays_nudge_cards_are_french_with_french_numbers(
    notices: SuggestedAdjustment, sam: Client
) -> None:
    assert_french(
        sam.get("/today/"),
        "Au-dessus de votre limite par jour",
        "Le 10 février, vous avez noté 5 g, au-dessus des 3,5 g par jour que vous vous étiez "
        "fixés.",
        "Des prises plus rapprochées que prévu",
        "La prise de 10:30 le 10 février est venue 1,5 h après la précédente ; votre objectif est "
        "d’au moins 3 h entre deux prises.",
        "Lancer le minuteur",
        "Voir vos 7 derniers jours",
        "Masquer",
        "Faible",
    )


def test_the_suggestion_page_and_the_plans_card_are_french_with_the_reason_prefilled_in_french(
    notices: SuggestedAdjustment, sam: Client
) -> None:
    response = sam.get(f"/alerts/suggestions/{notices.pk}/")
    text = assert_french(
        response,
        "Changement de plan suggéré",
        "Prolonger ce palier : 7 jours",
        "Restez sur votre palier actuel 7 jours de plus.",
        f"Pourquoi : {HELD}.",
        "Pourquoi vous acceptez",
        "Accepter",
        "Refuser",
    )
    assert "Votre dernier jour prévu passerait du" in text
    page = response.content.decode()
    assert f"Suggéré par l’alerte « {HELD} » du 10 février 2025." in page
    assert 'value="Pas maintenant."' in page
    assert_french(
        sam.get("/plan/"),
        "Suggéré pour votre plan",
        "Restez sur votre palier actuel 7 jours de plus.",
        f"Pourquoi : {HELD}.",
    )


def test_an_accepted_suggestion_keeps_english_and_the_plan_history_words_it_in_french(
    notices: SuggestedAdjustment, sam: Client, person: Any
) -> None:
    prefix = f"accept-{notices.pk}"
    reason = f"Suggéré par l’alerte « {HELD} » du 10 février 2025."
    done = sam.post(f"/alerts/suggestions/{notices.pk}/accept/", {f"{prefix}-reason": reason})
    assert done.status_code == 302
    entry = PlanAdjustment.objects.get(suggestion=notices)
    english = (
        "Suggested by the alert “Symptoms have risen since your last cut” of 10 February 2025."
    )
    assert entry.reason == english
    text = assert_french(sam.get("/plan/"), reason, "alerte", "C’est fait : votre plan a changé.")
    assert "Symptoms have risen" not in text
    history = assert_french(sam.get("/alerts/"), "Suggestion acceptée : prolonger ce palier.")
    assert "Réglée" in history
    in_english = Client(**ENGLISH)
    in_english.force_login(person)
    assert english in visible(in_english.get("/plan/"))


def test_the_stored_rows_and_the_api_keep_english(
    notices: SuggestedAdjustment, api: Any, person: Any
) -> None:
    alert = notices.alert
    assert alert.title == "Symptoms have risen since your last cut"
    api.headers |= {"Accept-Language": "fr"}
    body = api.get("/alerts").json()
    assert [item["title"] for item in body["items"]] == [alert.title]
    nudges = Alert.objects.filter(owner=person, kind=Alert.Kind.NUDGE)
    assert {nudge.title for nudge in nudges} == {
        "Above your daily limit",
        "Doses closer together than you planned",
    }


def test_a_row_stored_before_the_words_were_kept_shows_its_fixed_sentences_in_french(
    notices: SuggestedAdjustment, sam: Client
) -> None:
    Alert.objects.filter(pk=notices.alert_id).update(wording={})
    text = assert_french(sam.get("/alerts/"), HELD, "Pensez à prolonger votre palier actuel")
    # The explanation with the person's numbers stays as it was stored.
    assert "For two days in a row since your cut on 7 February" in text


def test_every_rule_has_french_for_every_message() -> None:
    """A new rule, or a new message in a rule, without French fails here."""
    entries = polib.pofile(str(PO_FILE))
    french = {entry.msgid: entry for entry in entries}
    # A sentence with a count is one plural entry: its English plural finds it too.
    french |= {entry.msgid_plural: entry for entry in entries if entry.msgid_plural}
    for code in ALERT_RULES:
        messages = tuple(dict.fromkeys(NOTICE_MESSAGES[code]))
        assert CORE_NOTICE_WORDING[code] == messages, code
        for message in messages:
            assert message in french, (code, message)
            assert french[message].translated(), (code, message)
    assert set(CORE_NOTICE_WORDING) == set(ALERT_RULES)
    assert CORE_NOTICE_WORDS == NOTICE_WORDS
    for pair in (TOO_MANY_USED, TOO_MANY_MOST):
        entry = french[pair[0]]
        assert (entry.msgid, entry.msgid_plural) == pair  # ngettext finds the pair
        assert all(entry.msgstr_plural.values()), pair
    assert all(french[word].translated() for word in NOTICE_WORDS)

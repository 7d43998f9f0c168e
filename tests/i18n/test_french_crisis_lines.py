"""French speakers in Belgium and Switzerland meet their own country's crisis lines (988 does
not answer there), chosen by the account's time zone as France's are, in French; the offline
crisis page puts them first; English names them too."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from tests.i18n.french import ENGLISH, FRENCH, assert_french, visible

from stepdown.web.countries import country_for_zone
from stepdown.web.resources import CRISIS_LINES, call_lines_for

pytestmark = pytest.mark.django_db

PHQ9_ITEM_9 = {f"q{n}": "0" for n in range(1, 9)} | {"q9": "1"}


def _call_buttons(response: Any) -> list[str]:
    actions = re.search(r'<div class="crisis-actions">(.*?)</div>', response.content.decode(), re.S)
    assert actions is not None
    return re.findall(r'href="([^"]+)"', actions.group(1))


def _crisis_page(make_user: Any, zone: str, headers: dict[str, str]) -> Any:
    user = make_user(f"someone.{zone.split('/')[1].lower()}@example.org", time_zone=zone)
    browser = Client(**headers)
    browser.force_login(user)
    answered = browser.post("/checkins/phq9/", PHQ9_ITEM_9)
    assert answered.status_code == 302
    return browser.get(answered["Location"])


@pytest.mark.parametrize(("zone", "country"), [("Europe/Brussels", "BE"), ("Europe/Zurich", "CH")])
def test_the_country_comes_from_the_time_zone(zone: str, country: str) -> None:
    assert country_for_zone(zone) == country


def test_belgium_and_switzerland_have_their_lines() -> None:
    assert [line.href for line in call_lines_for("BE")] == ["tel:080032123", "tel:112"]
    assert [line.href for line in call_lines_for("CH")] == ["tel:143", "tel:144", "tel:112"]
    cited = {line.source for line in CRISIS_LINES if line.country in {"BE", "CH"}}
    assert cited == {"BelgiumCPS", "Belgium112", "SwissMainTendue143", "SwissEmergency"}


def test_a_person_in_brussels_meets_belgiums_lines_in_french(make_user: Any) -> None:
    crisis = _crisis_page(make_user, "Europe/Brussels", FRENCH)
    text = assert_french(
        crisis,
        "Appelez le 0800 32 123",
        "Appelez le 112",
        "Centre de Prévention du Suicide — Gratuit et anonyme, à toute heure, de jour comme de "
        "nuit.",
        "Numéro d’urgence : ambulance et pompiers — Gratuit, à toute heure, pour une urgence "
        "médicale comme une overdose ou une crise convulsive.",
    )
    assert _call_buttons(crisis) == ["tel:080032123", "tel:112"]
    assert "Appelez ou envoyez un SMS au 988" in text[text.index("Autres lignes") :]


def test_a_person_in_geneva_meets_switzerlands_lines_in_french(make_user: Any) -> None:
    crisis = _crisis_page(make_user, "Europe/Zurich", FRENCH)
    text = assert_french(
        crisis,
        "Appelez le 143",
        "Appelez le 144",
        "La Main Tendue (143.ch) — Une écoute anonyme, à toute heure, de jour comme de nuit ; "
        "un appel coûte 0,20 CHF.",
        "Ambulance, aide médicale urgente",
        "en Suisse, il aboutit à la centrale d’urgence de la police.",
    )
    assert _call_buttons(crisis) == ["tel:143", "tel:144", "tel:112"]
    others = text[text.index("Autres lignes") :]
    assert "Suisse" not in others
    assert "Belgique: Centre de Prévention du Suicide — Appelez le 0800 32 123" in others


def test_in_english_too(make_user: Any) -> None:
    crisis = _crisis_page(make_user, "Europe/Brussels", ENGLISH)
    assert _call_buttons(crisis) == ["tel:080032123", "tel:112"]
    assert "Centre de Prévention du Suicide — Free and anonymous, any time" in visible(crisis)


@pytest.mark.parametrize(
    ("country", "first"), [("be", ["080032123", "112"]), ("ch", ["143", "144", "112"])]
)
def test_the_offline_page_puts_the_countrys_lines_first(
    client: Client, country: str, first: list[str]
) -> None:
    page = client.get(f"/offline/?country={country}&lang=fr").content.decode()
    numbers = re.findall(r'href="tel:(\d+)"', page)
    assert numbers[: len(first)] == first
    assert {"3114", "988"} <= set(numbers)


@pytest.mark.parametrize(
    ("zone", "buttons"),
    [
        ("America/Toronto", ["tel:988", "sms:988"]),
        ("America/Chicago", ["tel:988", "sms:988", "tel:18006624357"]),
    ],
)
def test_a_person_in_canada_is_not_given_a_us_treatment_line_to_call(
    make_user: Any, zone: str, buttons: list[str]
) -> None:
    # SAMHSA's helpline refers to treatment in the US; 988 answers in both countries.
    crisis = _crisis_page(make_user, zone, ENGLISH)
    assert _call_buttons(crisis) == buttons

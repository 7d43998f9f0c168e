"""Issue 14: one path for medicines (onboarding alerts too), one entry per medicine, close
spellings confirmed before they count, the person's medicines named in a co-use warning, and
the interaction checker answers through the API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from tests.api_client import ApiClient

from stepdown.profile import services
from stepdown.profile.selectors import medicines_for

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
NOW = dt.datetime(2026, 1, 10, 22, 0, tzinfo=CHICAGO)
HTMX = {"HX-Request": "true"}


def test_medicines_entered_in_onboarding_raise_the_alert_once_for_one_medicine(
    web: Client, person: Any, interaction_alerts: Callable[[Any], list[Any]]
) -> None:
    response = web.post(
        "/onboarding/medicines/",
        {"action": "save", "medicines_text": "Seroquel\nquetiapin\nQUETIAPINE"},
    )
    assert response.status_code == 302, response.content
    assert medicines_for(owner=person) == ["Seroquel"]
    (alert,) = interaction_alerts(person)
    assert "Seroquel" in alert.title + alert.explanation


def test_onboarding_through_the_api_uses_the_same_path(
    api: ApiClient, person: Any, interaction_alerts: Callable[[Any], list[Any]]
) -> None:
    response = api.put("/onboarding", {"reason": "cut_down", "medicines": ["Xanax", "alprazolam"]})
    assert response.status_code == 200, response.content
    assert response.json()["medicines"] == ["Xanax"]
    assert len(interaction_alerts(person)) == 1


def test_names_of_one_medicine_added_later_change_nothing(
    person: Any, interaction_alerts: Callable[[Any], list[Any]]
) -> None:
    services.medicine_add(owner=person, name="Seroquel")
    services.medicine_add(owner=person, name="QUETIAPINE")
    services.medicine_add(owner=person, name="quetiapin")
    services.medicine_add(owner=person, name="quetiapine fumarate 25 mg")
    assert medicines_for(owner=person) == ["Seroquel"]
    assert len(interaction_alerts(person)) == 1


def test_different_combination_products_stay_apart(person: Any) -> None:
    # Suboxone (buprenorphine + naloxone) is not buprenorphine alone.
    services.medicines_set(owner=person, names=["Suboxone", "Subutex", "Tylenol", "Tylenol 3"])
    assert medicines_for(owner=person) == ["Suboxone", "Subutex", "Tylenol", "Tylenol 3"]


def test_a_close_spelling_raises_no_alert_until_confirmed(
    web: Client, person: Any, interaction_alerts: Callable[[Any], list[Any]]
) -> None:
    services.medicine_add(owner=person, name="quetiapin")
    assert interaction_alerts(person) == []
    body = web.get("/substances/medicines/").content.decode()
    assert "Close spelling — did you mean <strong>quetiapine</strong>?" in body
    assert "Yes, I meant quetiapine" in body
    response = web.post("/substances/medicines/confirm/", {"name": "quetiapin"}, headers=HTMX)
    assert response.status_code == 200
    assert medicines_for(owner=person) == ["quetiapine"]
    assert len(interaction_alerts(person)) == 1
    assert "Close spelling" not in response.content.decode()


def test_the_api_confirms_a_close_spelling_with_a_field(
    api: ApiClient, person: Any, interaction_alerts: Callable[[Any], list[Any]]
) -> None:
    first = api.put("/medicines", {"medicines": ["alprazolm"]})
    (item,) = first.json()["medicines"]
    assert item["needs_confirmation"] is True
    assert item["did_you_mean"] == "alprazolam"
    assert interaction_alerts(person) == []
    confirmed = api.put("/medicines", {"medicines": ["alprazolm"], "confirm": ["alprazolm"]})
    (item,) = confirmed.json()["medicines"]
    assert (item["name"], item["matched_as"], item["needs_confirmation"]) == (
        "alprazolam",
        "exact",
        False,
    )
    assert len(interaction_alerts(person)) == 1


def test_the_medicines_page_lists_the_worst_first(web: Client, person: Any) -> None:
    services.medicines_set(owner=person, names=["Tylenol", "gabapentin", "Vivitrol", "metformin"])
    body = web.get("/substances/medicines/").content.decode()
    order = [body.index(f'data-name="{n}"') for n in ("Vivitrol", "gabapentin", "Tylenol")]
    assert order == sorted(order)
    assert body.index('data-name="Tylenol"') < body.index('data-name="metformin"')


@time_machine.travel(NOW, tick=False)
def test_a_co_use_warning_names_the_medicines_that_make_it_worse(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any], api: ApiClient
) -> None:
    services.medicines_set(owner=person, names=["quetiapine", "gabapentin", "sertraline"])
    kratom(person, NOW - dt.timedelta(hours=3))
    warning = use(person, "alcohol", NOW - dt.timedelta(hours=1)).warning
    assert warning is not None
    # Both slow the brain and breathing, as alcohol does; sertraline does not.
    assert warning.medicines == ("gabapentin", "quetiapine")
    assert "Your medicines add to this: gabapentin, quetiapine." in warning.message
    stimulant = use(person, "stimulants", NOW - dt.timedelta(minutes=30)).warning
    assert stimulant is not None
    assert stimulant.medicines == ("sertraline",)
    body = api.post("/substances", {"category": "benzodiazepines", "amount": 1}).json()
    assert body["warnings"][0]["medicines"] == ["gabapentin", "quetiapine"]


@time_machine.travel(NOW, tick=False)
def test_the_substances_page_shows_the_medicines_in_the_warning(
    web: Client, person: Any, kratom: Callable[..., Any]
) -> None:
    services.medicines_set(owner=person, names=["quetiapine"])
    kratom(person, NOW - dt.timedelta(hours=2))
    response = web.post(
        "/substances/log/",
        {"category": "alcohol", "amount": "2", "client_id": "7b0f7d1e-3b0c-4f5e-9d3c-8e4b3c2a1f00"},
        headers=HTMX,
    )
    assert "Your medicines add to this:</strong> quetiapine" in response.content.decode()


def _classes(item: dict[str, Any]) -> set[str]:
    return {i["class"] for i in item["interactions"]}


def test_the_api_answers_for_antagonists_combinations_look_alikes_and_qt(api: ApiClient) -> None:
    names = "Vivitrol,Suboxone,Contrave,Tylenol,Tylenol 500 mg,Tylenol 3,methadone,ondansetron"
    body = {item["name"]: item for item in api.get("/interactions", names=names).json()}
    for name in ("Vivitrol", "Suboxone", "Contrave"):
        assert "opioid_antagonists" in _classes(body[name]), name
        assert body[name]["interactions"][0]["severity"] == "high"
    assert body["Suboxone"]["ingredients"] == ["buprenorphine", "naloxone"]
    assert body["Tylenol"]["ingredients"] == ["acetaminophen"]
    assert body["Tylenol 500 mg"]["ingredients"] == ["acetaminophen"]
    assert body["Tylenol 3"]["ingredients"] == ["acetaminophen", "codeine"]
    assert body["Tylenol"]["matched_as"] == "brand"
    assert _classes(body["methadone"]) == {"opioids", "qt_prolonging"}
    assert "qt_prolonging" in _classes(body["ondansetron"])
    one = api.get("/interactions/quetiapin").json()[0]
    assert one["match_label"] == "close spelling — did you mean quetiapine?"


@time_machine.travel(NOW, tick=False)
def test_a_logged_close_spelling_raises_no_warning_or_alert(
    person: Any,
    kratom: Callable[..., Any],
    use: Callable[..., Any],
    interaction_alerts: Callable[[Any], list[Any]],
) -> None:
    kratom(person, NOW - dt.timedelta(hours=2))
    guessed = use(person, "other", NOW - dt.timedelta(hours=1), name="alprazolm")
    assert guessed.warning is None
    assert interaction_alerts(person) == []
    exact = use(person, "other", NOW - dt.timedelta(minutes=30), name="alprazolam")
    assert exact.warning is not None
    assert exact.warning.severity.value == "high"

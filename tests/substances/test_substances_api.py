"""The API: substances (create with warnings, idempotency, filters, edits, isolation), interaction
look-ups in the CLI's JSON shape, and the medicines list."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from tests.api_client import ApiClient
from typer.testing import CliRunner

from stepdown.cli import app as cli_app

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
NOW = dt.datetime(2026, 1, 10, 22, 0, tzinfo=CHICAGO)


@time_machine.travel(NOW, tick=False)
def test_logging_alcohol_after_kratom_answers_with_a_high_warning(
    api: ApiClient, person: Any, kratom: Callable[..., Any]
) -> None:
    kratom(person, dt.datetime(2026, 1, 10, 18, 30, tzinfo=CHICAGO))
    response = api.post(
        "/substances",
        {"category": "alcohol", "amount": 2, "taken_at": "2026-01-10T21:30:00-06:00"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["unit"] == "standard_drink"
    assert body["highest_severity"] == "high"
    assert body["original_substance"] is False
    [warning] = body["warnings"]
    assert warning["severity"] == "high"
    assert warning["substance"] == "alcohol"
    assert warning["hours_apart"] == 3.0  # 18:30 → 21:30
    assert warning["kratom_after"] is False
    assert warning["learn_url"] == "/learn/interactions/"
    assert warning["interactions"][0]["class"] == "alcohol"
    assert warning["interactions"][0]["sources"] == ["Corkery2019"]


@time_machine.travel(NOW, tick=False)
def test_without_kratom_nearby_the_warnings_list_is_empty(api: ApiClient) -> None:
    response = api.post("/substances", {"category": "opioids", "amount": 5, "unit": "mg"})
    assert response.status_code == 201
    assert response.json()["warnings"] == []
    assert response.json()["highest_severity"] == "high"


@time_machine.travel(NOW, tick=False)
def test_the_same_client_id_logs_once(api: ApiClient) -> None:
    key = str(uuid.uuid4())
    first = api.post("/substances", {"category": "cannabis", "amount": 1, "client_id": key})
    again = api.post("/substances", {"category": "alcohol", "amount": 4, "client_id": key})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["category"] == "cannabis"
    assert api.get("/substances").json()["count"] == 1


@time_machine.travel(NOW, tick=False)
def test_a_client_id_is_per_person(api: ApiClient, other_person: Any, api_for: Any) -> None:
    key = str(uuid.uuid4())
    assert (
        api.post("/substances", {"category": "alcohol", "amount": 1, "client_id": key}).status_code
        == 201
    )
    other = api_for(other_person).post(
        "/substances", {"category": "alcohol", "amount": 1, "client_id": key}
    )
    assert other.status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"category": "alcohol", "amount": "1"}, "amount"),
        ({"category": "alcohol", "amount": 0}, "amount"),
        ({"category": "alcohol", "amount": 10_001}, "amount"),
        ({"category": "wine", "amount": 1}, "category"),
        ({"category": "alcohol", "amount": 1, "unit": "mg"}, "unit"),
        ({"category": "opioids", "amount": 1, "unit": "standard_drink"}, "unit"),
        ({"category": "alcohol", "amount": 1, "taken_at": "2026-01-10T21:00:00"}, "taken_at"),
        ({"category": "alcohol", "amount": 1, "taken_at": "2026-01-11T09:00:00-06:00"}, "taken_at"),
        ({"category": "alcohol", "amount": 1, "taken_at": 1768100000}, "taken_at"),
        ({"category": "alcohol", "amount": 1, "name": "x" * 101}, "name"),
        ({"category": "alcohol", "amount": 1, "client_id": "not-a-uuid"}, "client_id"),
        ({"category": "alcohol", "amount": 1, "mood": "fine"}, "mood"),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_bad_input_is_a_422_naming_the_field(
    api: ApiClient, body: dict[str, Any], field: str
) -> None:
    response = api.post("/substances", body)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_a_body_that_is_not_json_is_a_400(api: ApiClient) -> None:
    response = api.client.post(
        "/api/v1/substances", data="{", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 400


def test_every_route_needs_a_token(anonymous_api: ApiClient) -> None:
    for path in ("/substances", "/substances/1", "/medicines", "/interactions?names=x"):
        assert anonymous_api.get(path).status_code == 401, path


@time_machine.travel(NOW, tick=False)
def test_since_and_until_are_local_dates(
    api: ApiClient, person: Any, use: Callable[..., Any]
) -> None:
    # 23:30 on 8 January in Chicago is 05:30 UTC on the 9th: it belongs to the 8th.
    use(person, "alcohol", dt.datetime(2026, 1, 8, 23, 30, tzinfo=CHICAGO))
    use(person, "cannabis", dt.datetime(2026, 1, 9, 0, 30, tzinfo=CHICAGO))
    use(person, "stimulants", dt.datetime(2026, 1, 10, 9, 0, tzinfo=CHICAGO))
    on_8th = api.get("/substances", since="2026-01-08", until="2026-01-08").json()
    assert [u["category"] for u in on_8th["items"]] == ["alcohol"]
    from_9th = api.get("/substances", since="2026-01-09").json()
    assert [u["category"] for u in from_9th["items"]] == ["stimulants", "cannabis"]
    assert from_9th["count"] == 2
    page = api.get("/substances", limit=1, offset=1).json()
    assert [u["category"] for u in page["items"]] == ["cannabis"]
    assert page["count"] == 3
    assert api.get("/substances", since="soon").status_code == 422
    assert api.get("/substances", limit=0).status_code == 422


@time_machine.travel(NOW, tick=False)
def test_get_patch_and_delete_one_use(
    api: ApiClient, person: Any, kratom: Any, interaction_alerts: Any
) -> None:
    created = api.post("/substances", {"category": "other", "amount": 1, "unit": "tablet"}).json()
    path = f"/substances/{created['id']}"
    assert api.get(path).json()["highest_severity"] is None  # "other" without a name
    kratom(person, dt.datetime(2026, 1, 10, 21, 0, tzinfo=CHICAGO))
    changed = api.patch(path, {"name": "diazepam", "note": "from a friend"})
    assert changed.status_code == 200
    body = changed.json()
    assert (body["resolved"], body["note"], body["highest_severity"]) == (
        "diazepam",
        "from a friend",
        "high",
    )
    assert body["warnings"][0]["interactions"][0]["class"] == "benzodiazepines"
    # naming it made it a high-severity pair with the kratom at 21:00: one alert for that day
    assert [a.cause_key for a in interaction_alerts(person)] == ["substance:diazepam:2026-01-10"]
    # Switching to alcohol moves the unit to standard drinks unless one is given.
    assert api.patch(path, {"category": "alcohol"}).json()["unit"] == "standard_drink"
    assert api.patch(path, {"amount": None}).status_code == 422
    assert api.patch(path, {"unit": "mg"}).json()["detail"][0]["loc"] == ["body", "unit"]
    assert api.delete(path).status_code == 204
    assert api.get(path).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_another_persons_use_is_not_found(api: ApiClient, other_person: Any, api_for: Any) -> None:
    theirs = api_for(other_person).post("/substances", {"category": "alcohol", "amount": 1})
    path = f"/substances/{theirs.json()['id']}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"note": "x"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/substances").json()["count"] == 0
    assert api.get("/substances/999999").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_listing_costs_the_same_for_few_or_many(
    api: ApiClient, person: Any, use: Callable[..., Any], django_assert_max_num_queries: Any
) -> None:
    for hour in range(3):
        use(person, "alcohol", dt.datetime(2026, 1, 9, hour, tzinfo=CHICAGO))
    with django_assert_max_num_queries(6):
        assert len(api.get("/substances").json()["items"]) == 3
    for day in range(1, 9):
        for hour in range(6):
            use(person, "opioids", dt.datetime(2026, 1, day, hour, tzinfo=CHICAGO), name="oxy")
    with django_assert_max_num_queries(6):
        assert len(api.get("/substances").json()["items"]) == 51


def put(api: ApiClient, path: str, body: Any) -> Any:
    return api.put(path, body)


def _cli_json(*names: str) -> Any:
    result = CliRunner().invoke(cli_app, ["interactions", *names, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_interactions_answer_in_the_same_shape_as_the_cli(api: ApiClient) -> None:
    response = api.get("/interactions", names="Xanax, gabapentin,not-a-drug")
    assert response.status_code == 200
    body = response.json()
    assert body == _cli_json("Xanax", "gabapentin", "not-a-drug")
    assert [r["resolved"] for r in body] == ["alprazolam", "gabapentin", None]
    assert body[2]["interactions"] == []
    one = api.get("/interactions/Seroquel")
    assert one.status_code == 200
    assert one.json() == _cli_json("Seroquel")
    assert one.json()[0]["interactions"][0]["severity"] == "high"


def test_interaction_look_ups_refuse_empty_or_huge_requests(api: ApiClient) -> None:
    missing = api.get("/interactions")
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "names"]
    assert api.get("/interactions", names=" , ,").json()["detail"][0]["loc"] == ["query", "names"]
    too_many = ",".join(f"drug{i}" for i in range(51))
    assert api.get("/interactions", names=too_many).status_code == 422
    assert api.get("/interactions/" + "x" * 101).status_code == 422


def test_medicines_are_listed_with_warnings_and_replaced_whole(
    api: ApiClient, person: Any, other_person: Any, api_for: Any
) -> None:
    assert api.get("/medicines").json() == {"medicines": [], "dependence_warning": None}
    response = put(api, "/medicines", {"medicines": ["quetiapine", "Gabapentin", "metformin"]})
    assert response.status_code == 200, response.content
    items = response.json()["medicines"]
    assert [(m["name"], m["resolved"], m["highest_severity"]) for m in items] == [
        ("Gabapentin", "gabapentin", "moderate"),
        ("metformin", None, None),
        ("quetiapine", "quetiapine", "high"),
    ]
    assert items[2]["interactions"][0]["class"] == "cyp3a_antipsychotics"
    assert api.get("/medicines").json()["medicines"] == items
    assert api_for(other_person).get("/medicines").json()["medicines"] == []
    emptied = put(api, "/medicines", {"medicines": []})
    assert emptied.json() == {"medicines": [], "dependence_warning": None}


@pytest.mark.parametrize(
    "body",
    [
        {"medicines": "quetiapine"},
        {"medicines": [1]},
        {"names": ["x"]},
        {"medicines": [f"medicine {i}" for i in range(31)]},
    ],
)
def test_bad_medicine_lists_are_a_422(api: ApiClient, body: dict[str, Any]) -> None:
    response = put(api, "/medicines", body)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"][0] == "body"

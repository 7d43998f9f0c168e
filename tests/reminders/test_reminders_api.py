"""GET/PUT /api/v1/reminders: defaults, replacement, validation and isolation."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db

BODY = {
    "checkin_time": "21:15",
    "step_eve": False,
    "questionnaires": True,
    "email": True,
    "quiet_start": "23:00",
    "quiet_end": "07:30",
}


def put(client: Any, body: dict[str, Any]) -> Any:
    return client.put("/reminders", body)


def test_defaults_until_first_saved(api: Any) -> None:
    body = api.get("/reminders").json()
    assert body == {
        "checkin_time": "20:00",
        "step_eve": True,
        "questionnaires": True,
        "email": False,
        "quiet_start": "22:00",
        "quiet_end": "08:00",
        "time_zone": "America/Chicago",
        "unsubscribed_at": None,
        "updated_at": None,
    }


def test_put_replaces_every_preference(api: Any) -> None:
    response = put(api, BODY)
    assert response.status_code == 200
    saved = api.get("/reminders").json()
    assert {key: saved[key] for key in BODY} == BODY
    assert saved["updated_at"] is not None


def test_times_can_be_turned_off_with_null(api: Any) -> None:
    body = BODY | {"checkin_time": None, "quiet_start": None, "quiet_end": None}
    assert put(api, body).status_code == 200
    saved = api.get("/reminders").json()
    assert (saved["checkin_time"], saved["quiet_start"], saved["quiet_end"]) == (None, None, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quiet_end": None}, "quiet_end"),  # one end of quiet hours only
        ({"quiet_start": None}, "quiet_start"),
        ({"quiet_end": "23:00"}, "quiet_end"),  # starts and ends at the same time
        ({"checkin_time": "25:00"}, "checkin_time"),
        ({"checkin_time": "8pm"}, "checkin_time"),
        ({"checkin_time": 2000}, "checkin_time"),
        ({"email": "yes"}, "email"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_bad_input_is_422_with_the_field(api: Any, change: dict[str, Any], field: str) -> None:
    response = put(api, BODY | change)
    assert response.status_code == 422
    assert field in [item["loc"][-1] for item in response.json()["detail"]]
    assert api.get("/reminders").json()["email"] is False  # nothing saved


def test_a_missing_field_is_422(api: Any) -> None:
    body = {key: value for key, value in BODY.items() if key != "step_eve"}
    response = put(api, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "step_eve"


def test_each_person_sees_and_changes_only_their_own(
    api: Any, other_person: Any, api_for: Any
) -> None:
    alex = api_for(other_person)
    put(api, BODY)
    assert alex.get("/reminders").json()["email"] is False
    assert alex.get("/reminders").json()["time_zone"] == "Europe/Berlin"
    put(alex, BODY | {"checkin_time": "06:00"})
    assert api.get("/reminders").json()["checkin_time"] == "21:15"


def test_without_a_token_it_is_401(anonymous_api: Any) -> None:
    assert anonymous_api.get("/reminders").status_code == 401
    assert put(anonymous_api, BODY).status_code == 401

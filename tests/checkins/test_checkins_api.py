"""The check-in API: instruments, responses (scored on the server), isolation, idempotency."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
import time_machine
from tests.checkins.checkins_answers import daily, phq9

from stepdown.checkins.models import Response, SafetyEvent

pytestmark = pytest.mark.django_db


def test_instruments_are_listed_with_their_audience(api: Any) -> None:
    response = api.get("/instruments")
    assert response.status_code == 200
    by_code = {row["code"]: row for row in response.json()}
    assert {"phq9", "gad7", "asq", "daily", "cows"} <= set(by_code)
    assert by_code["cows"]["audience"] == "clinician"
    assert by_code["daily"]["validated"] is False
    # The kratom wordings of the SDS and the DSM-5 checklist are not validated for kratom.
    assert by_code["sds"]["validated"] is by_code["dsm5_sud"]["validated"] is False
    assert by_code["sds"]["time_window"].startswith("past month")


def test_an_instrument_definition_has_items_bands_and_sources(api: Any) -> None:
    body = api.get("/instruments/phq9").json()
    assert [item["code"] for item in body["items"]][:9] == [f"q{n}" for n in range(1, 10)]
    assert body["items"][0]["options"][3] == {"value": 3, "label": "Nearly every day"}
    assert body["total_range"] == [0, 27]
    assert [b["name"] for b in body["bands"]][2] == "moderate"
    assert body["flags"][0]["code"] == "self_harm"
    assert "Kroenke2001" in body["sources"]


def test_an_unknown_instrument_is_404(api: Any) -> None:
    assert api.get("/instruments/sows").status_code == 404


def test_the_server_scores_a_response(api: Any) -> None:
    # 1+1+2+2+1+1+1+1+0 = 10 → "moderate" (10–14)
    answers = phq9(1, 1, 2, 2, 1, 1, 1, 1, 0)
    response = api.post("/responses", {"instrument": "phq9", "answers": answers})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["total"], body["band"], body["band_label"]) == (10, "moderate", "Moderate")
    assert body["flags"] == []
    assert body["crisis"] is None
    assert body["complete"] is True
    # A new account's PHQ-9 opens after its first week: an answer today is an extra, on demand
    assert body["scheduled"] is False


@pytest.mark.parametrize("field", ["total", "band", "flags", "subscores"])
def test_scores_sent_by_a_client_are_refused(api: Any, field: str) -> None:
    body = {"instrument": "phq9", "answers": phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), field: 0}
    response = api.post("/responses", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert Response.objects.count() == 0


def test_a_bad_answer_is_422_naming_the_item(api: Any) -> None:
    answers = phq9(0, 0, 0, 0, 0, 0, 0, 0, 0) | {"q4": 7}
    response = api.post("/responses", {"instrument": "phq9", "answers": answers})
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "answers.q4"]
    assert "allowed: 0, 1, 2, 3" in detail["msg"]


def test_a_missing_answer_is_422_naming_the_item(api: Any) -> None:
    answers = daily()
    del answers["craving"]
    response = api.post("/responses", {"instrument": "daily", "answers": answers})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "answers.craving"]


def test_an_unknown_instrument_in_a_response_is_422(api: Any) -> None:
    response = api.post("/responses", {"instrument": "sows", "answers": {}})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "instrument"]


def test_the_clinician_rated_cows_cannot_be_self_reported(api: Any) -> None:
    response = api.post("/responses", {"instrument": "cows", "answers": {"pulse": 0}})
    assert response.status_code == 422
    assert "clinician" in response.json()["detail"][0]["msg"]


def test_a_repeated_client_id_returns_the_original(api: Any) -> None:
    key = str(uuid.uuid4())
    body = {"instrument": "daily", "answers": daily(), "client_id": key}
    first = api.post("/responses", body)
    again = api.post("/responses", body | {"answers": daily(diary=2)})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["total"] == 12  # the original's 12 × 1, not the retry's 12 × 2
    assert Response.objects.count() == 1


def test_item_9_carries_flags_and_a_crisis_object(api: Any, person: Any) -> None:
    # total 1, "minimal", yet item 9 = 1 raises self_harm whatever the total
    response = api.post(
        "/responses", {"instrument": "phq9", "answers": phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)}
    )
    body = response.json()
    assert (body["total"], body["band"], body["flags"]) == (1, "minimal", ["self_harm"])
    crisis = body["crisis"]
    assert crisis["url"] == f"/checkins/crisis/?response={body['id']}"
    assert crisis["offer_asq"] is True
    assert crisis["asq_url"] == "/checkins/asq/"
    assert any(line["href"] == "tel:988" for line in crisis["lines"])
    assert any(line["href"] == "tel:18006624357" for line in crisis["lines"])
    event = SafetyEvent.objects.get()
    assert (event.owner, event.response_id, event.severity) == (person, body["id"], "high")


def test_an_acute_asq_is_a_critical_safety_event(api: Any) -> None:
    answers = {"q1": "no", "q2": "no", "q3": "yes", "q4": "no", "acuity": "yes"}
    body = api.post("/responses", {"instrument": "asq", "answers": answers}).json()
    assert body["flags"] == ["self_harm", "self_harm_acute"]
    assert body["crisis"]["offer_asq"] is False
    assert SafetyEvent.objects.get().severity == "critical"


def test_another_persons_response_is_404(api: Any, other_person: Any, api_for: Any) -> None:
    theirs = api_for(other_person).post("/responses", {"instrument": "daily", "answers": daily()})
    assert theirs.status_code == 201
    assert api.get(f"/responses/{theirs.json()['id']}").status_code == 404
    assert api.patch(f"/responses/{theirs.json()['id']}", {"answers": daily()}).status_code == 404
    assert api.get("/responses").json()["count"] == 0


def test_responses_filter_by_instrument_and_local_dates(api: Any, person: Any) -> None:
    for day in (1, 2, 3):
        # 15:00 UTC is 09:00 or 10:00 in Chicago: the same local day
        with time_machine.travel(dt.datetime(2025, 3, day, 15, 0, tzinfo=dt.UTC), tick=False):
            api.post("/responses", {"instrument": "daily", "answers": daily()})
    api.post("/responses", {"instrument": "gad2", "answers": {"q1": 1, "q2": 1}})
    listed = api.get("/responses", instrument="daily", since="2025-03-02", until="2025-03-03")
    assert [row["local_date"] for row in listed.json()["items"]] == ["2025-03-03", "2025-03-02"]
    assert api.get("/responses", instrument="gad2").json()["count"] == 1
    assert api.get("/responses", instrument="nope").status_code == 422


def test_for_date_other_than_today_is_refused_not_back_filled(api: Any) -> None:
    # 03:30 UTC on 5 March is 21:30 on 4 March in Chicago: "today" there is the 4th
    with time_machine.travel(dt.datetime(2025, 3, 5, 3, 30, tzinfo=dt.UTC), tick=False):
        late = api.post(
            "/responses", {"instrument": "daily", "answers": daily(), "for_date": "2025-03-03"}
        )
        on_time = api.post(
            "/responses", {"instrument": "daily", "answers": daily(), "for_date": "2025-03-04"}
        )
    assert late.status_code == 422
    detail = late.json()["detail"][0]
    assert detail["loc"] == ["body", "for_date"]
    assert "2025-03-04" in detail["msg"]
    assert "America/Chicago" in detail["msg"]
    assert on_time.status_code == 201
    assert on_time.json()["local_date"] == "2025-03-04"


def test_a_response_can_be_changed_the_same_local_day_only(api: Any) -> None:
    with time_machine.travel(dt.datetime(2025, 3, 4, 15, 0, tzinfo=dt.UTC), tick=False):
        created = api.post("/responses", {"instrument": "daily", "answers": daily()}).json()
        changed = api.patch(f"/responses/{created['id']}", {"answers": daily(diary=3)})
    assert changed.status_code == 200
    assert changed.json()["total"] == 36  # 12 items × 3
    # 06:00 UTC on the 5th is 00:00 on the 5th in Chicago (CST, UTC-6): a new day
    with time_machine.travel(dt.datetime(2025, 3, 5, 6, 0, tzinfo=dt.UTC), tick=False):
        late = api.patch(f"/responses/{created['id']}", {"answers": daily()})
    assert late.status_code == 422
    assert "only on the day" in late.json()["detail"][0]["msg"]


def test_the_api_needs_a_token(anonymous_api: Any) -> None:
    assert anonymous_api.get("/due").status_code == 401
    assert anonymous_api.get("/responses").status_code == 401
    assert (
        anonymous_api.post("/responses", {"instrument": "daily", "answers": {}}).status_code == 401
    )

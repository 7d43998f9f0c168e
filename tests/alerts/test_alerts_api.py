"""The alerts and suggestions API: filters, status changes, decisions, errors, isolation."""

from __future__ import annotations

from typing import Any

import pytest
from tests.alerts.alerts_support import days_ago, log_diary, plan_in_past

pytestmark = pytest.mark.django_db


def _record(person: Any, *subjects: str) -> list[Any]:
    from stepdown.alerts.recording import record_alerts
    from stepdown.core.rules import Alert, LearnSlug, Severity

    return record_alerts(
        owner=person,
        alerts=[
            Alert(
                code="interaction",
                severity=Severity.HIGH,
                title=f"Kratom and {subject}",
                explanation="A high-risk combination.",
                action="Talk to your prescriber.",
                source="Smith2022",
                cause_key=f"medicine:{subject}",
                learn_slug=LearnSlug.INTERACTIONS,
            )
            for subject in subjects
        ],
    )


def _suggestion(person: Any) -> Any:
    from stepdown.alerts.models import SuggestedAdjustment

    plan_in_past(person)
    for back in (6, 5, 4):
        log_diary(person, days_ago(back), 6)
    log_diary(person, days_ago(1), 10)
    log_diary(person, days_ago(0), 10)
    return SuggestedAdjustment.objects.get(owner=person)


def test_list_and_filter(api: Any, person: Any) -> None:
    from stepdown.alerts.services import alert_resolve

    first, second = _record(person, "quetiapine", "alprazolam")
    alert_resolve(owner=person, alert_id=first.pk)
    body = api.get("/alerts").json()
    assert body["count"] == 2
    assert [item["cause_key"] for item in body["items"]] == [
        "medicine:alprazolam",  # newest first
        "medicine:quetiapine",
    ]
    item = body["items"][0]
    assert item["learn_url"] == "/learn/interactions/"
    assert [event["status"] for event in item["history"]] == ["open"]
    assert item["history"][0]["by"] == "stepdown"
    only_open = api.get("/alerts", status="open").json()
    assert [i["id"] for i in only_open["items"]] == [second.pk]
    assert api.get("/alerts", severity="low").json()["count"] == 0
    assert api.get("/alerts", severity="loud").status_code == 422


def test_acknowledge_and_resolve(api: Any, person: Any) -> None:
    [alert] = _record(person, "quetiapine")
    response = api.post(f"/alerts/{alert.pk}/acknowledge", {"note": "Seen it"})
    assert response.status_code == 200
    assert response.json()["status"] == "acknowledged"
    body = api.post(f"/alerts/{alert.pk}/resolve").json()
    assert body["status"] == "resolved"
    assert [(e["status"], e["by"], e["note"]) for e in body["history"]] == [
        ("open", "stepdown", ""),
        ("acknowledged", "person", "Seen it"),
        ("resolved", "person", ""),
    ]
    refused = api.post(f"/alerts/{alert.pk}/acknowledge")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "status"]


def test_bodies_are_strict(api: Any, person: Any) -> None:
    [alert] = _record(person, "quetiapine")
    assert api.post(f"/alerts/{alert.pk}/resolve", {"note": 5}).status_code == 422
    assert api.post(f"/alerts/{alert.pk}/resolve", {"extra": "x"}).status_code == 422
    assert api.post(f"/alerts/{alert.pk}/resolve", {"note": "x" * 501}).status_code == 422


def test_accept_a_suggestion(api: Any, person: Any, clock: Any) -> None:
    suggestion = _suggestion(person)
    listed = api.get("/suggestions", status="suggested").json()
    assert [(s["id"], s["kind"], s["days"]) for s in listed] == [(suggestion.pk, "hold", 7)]
    body = api.post(f"/suggestions/{suggestion.pk}/accept").json()
    assert body["status"] == "accepted"
    entry = body["adjustment"]
    assert (entry["kind"], entry["source"]) == ("hold", "alert")
    # end dates: 7 days later (first day without a planned dose)
    from datetime import date

    before, after = (
        date.fromisoformat(entry["end_date_before"]),
        date.fromisoformat(entry["end_date_after"]),
    )
    assert (after - before).days == 7
    alert = api.get(f"/alerts/{suggestion.alert_id}").json()
    assert alert["status"] == "resolved"
    assert alert["suggestion"]["status"] == "accepted"


def test_decline_a_suggestion(api: Any, person: Any, clock: Any) -> None:
    suggestion = _suggestion(person)
    body = api.post(f"/suggestions/{suggestion.pk}/decline", {"reason": "Not now"}).json()
    assert (body["status"], body["reason"], body["adjustment"]) == ("declined", "Not now", None)
    again = api.post(f"/suggestions/{suggestion.pk}/accept")
    assert again.status_code == 422


def test_another_persons_alerts_and_suggestions_are_404(
    api_for: Any, person: Any, other_person: Any, clock: Any
) -> None:
    [alert] = _record(person, "quetiapine")
    suggestion = _suggestion(person)
    theirs = api_for(other_person)
    assert theirs.get("/alerts").json()["count"] == 0
    assert theirs.get("/suggestions").json() == []
    assert theirs.get(f"/alerts/{alert.pk}").status_code == 404
    assert theirs.post(f"/alerts/{alert.pk}/resolve").status_code == 404
    assert theirs.post(f"/suggestions/{suggestion.pk}/accept").status_code == 404
    assert theirs.post(f"/suggestions/{suggestion.pk}/decline").status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == "suggested"


def test_signed_out_is_401(anonymous_api: Any) -> None:
    assert anonymous_api.get("/alerts").status_code == 401
    assert anonymous_api.get("/suggestions").status_code == 401
    assert anonymous_api.post("/alerts/1/resolve").status_code == 401


def test_listing_is_a_constant_number_of_queries(
    api: Any, person: Any, django_assert_max_num_queries: Any
) -> None:
    from stepdown.alerts.services import alert_acknowledge

    for alert in _record(person, *(f"drug{n}" for n in range(30))):
        alert_acknowledge(owner=person, alert_id=alert.pk)
    # token + user, the page, its count, the histories: 5 with headroom
    with django_assert_max_num_queries(6):
        body = api.get("/alerts", limit=50).json()
    assert len(body["items"]) == 30


def test_a_huge_offset_is_a_422_not_a_500(api: Any) -> None:
    response = api.get("/alerts", offset=10**30)
    assert response.status_code == 422

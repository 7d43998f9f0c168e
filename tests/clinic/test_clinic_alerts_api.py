"""``GET /api/v1/clinic/alerts``: the open alerts of everyone a clinician sees, as far as each
consent lets them see it, the most severe and newest first; one ``summary`` access event per
person shown; the same number of queries for 10 people as for 100 (issue #15)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.mfa_helpers import verified_api

from stepdown.accounts.models import User
from stepdown.alerts.models import Alert
from stepdown.audit.models import AccessEvent

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
# A severity of each kind the list shows, and the classes each code needs (core.triage).
SEVERITY = {"self_harm": "critical", "severe_withdrawal": "high", "seven_oh_product": "high"}


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _alert(
    owner: Any, code: str, *, minutes_ago: int = 0, status: str = "open", **extra: Any
) -> Alert:
    changes: dict[str, Any] = {}
    if status == "resolved":
        changes["resolved_at"] = NOW
    return Alert.objects.create(
        owner=owner,
        code=code,
        severity=extra.pop("severity", SEVERITY[code]),
        title=f"Title of {code}",
        explanation="e",
        action="a",
        source="s",
        learn_slug="seek-help-now",
        cause_key=f"test:{code}:{minutes_ago}:{status}",
        status=status,
        created_at=NOW - dt.timedelta(minutes=minutes_ago),
        **changes,
    )


def _people(
    make_user: Callable[..., Any],
    share: Callable[..., Any],
    clinic: Any,
    names: list[str],
    **kw: Any,
) -> list[Any]:
    found = []
    for name in names:
        someone = make_user(f"{name.split()[0].lower()}@example.org")
        share(someone, clinic, signature=name, **kw)
        found.append(someone)
    return found


def _listed(viewer: Any, query: str = "") -> list[tuple[str, str, str]]:
    response = verified_api(viewer).get(f"/clinic/alerts{query}")
    assert response.status_code == 200, response.json()
    return [(i["display_name"], i["code"], i["severity"]) for i in response.json()["items"]]


def test_the_list_holds_open_alerts_most_severe_then_newest(
    clinics: Any, share: Callable[..., Any], make_user: Callable[..., Any]
) -> None:
    ann, ben, cai = _people(make_user, share, clinics.riverside, ["Ann Ash", "Ben Bay", "Cai Cole"])
    older = _alert(ann, "seven_oh_product", minutes_ago=90)
    newer = _alert(ben, "severe_withdrawal", minutes_ago=10)
    harm = _alert(cai, "self_harm", minutes_ago=300)
    _alert(ann, "severe_withdrawal", minutes_ago=5, status="acknowledged")
    _alert(ben, "self_harm", minutes_ago=5, status="resolved")
    body = verified_api(clinics.kim).get("/clinic/alerts").json()
    assert [(i["display_name"], i["code"], i["severity"]) for i in body["items"]] == [
        ("Cai Cole", "self_harm", "critical"),
        ("Ben Bay", "severe_withdrawal", "high"),
        ("Ann Ash", "seven_oh_product", "high"),
    ]
    assert (body["total"], body["page"], body["pages"], body["page_size"]) == (3, 1, 1, 25)
    first = body["items"][0]
    assert first == {
        "id": harm.pk,
        "person_id": cai.pk,
        "display_name": "Cai Cole",
        "code": "self_harm",
        "severity": "critical",
        "title": "Answered a check-in question about self-harm",  # the clinician's words
        "created_at": "2026-03-02T10:00:00Z",
        "acknowledge_url": f"/api/v1/clinic/patients/{cai.pk}/alerts/{harm.pk}/acknowledge",
    }
    assert [i["id"] for i in body["items"][1:]] == [newer.pk, older.pk]


def test_acknowledging_from_the_list_takes_it_off_and_the_person_keeps_it(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    alert = _alert(person, "self_harm")
    api = verified_api(clinics.kim)
    url = api.get("/clinic/alerts").json()["items"][0]["acknowledge_url"]
    assert url.startswith("/api/v1/")
    assert api.post(url.removeprefix("/api/v1"), {}).status_code == 204
    assert api.get("/clinic/alerts").json()["items"] == []
    own = verified_api(person).get("/alerts").json()
    items = own["items"] if isinstance(own, dict) else own
    assert [(a["id"], a["status"]) for a in items] == [(alert.pk, "acknowledged")]


def test_a_consent_without_checkins_hides_the_alerts_drawn_from_them(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",), signature="Samuel Jones")
    _alert(person, "self_harm")
    _alert(person, "severe_withdrawal")
    _alert(person, "seven_oh_product")
    assert _listed(clinics.kim) == [("Samuel Jones", "seven_oh_product", "high")]


def test_only_clinicians_who_see_the_person_list_their_alerts(
    clinics: Any, share: Callable[..., Any], make_user: Callable[..., Any]
) -> None:
    from stepdown.clinic.consents import consent_revoke

    named, revoked = _people(make_user, share, clinics.riverside, ["Nat Kim", "Rev Oke"])
    # Nat's consent names Kim alone: signed again, replacing the one for every clinician.
    share(named, clinics.riverside, clinicians=[clinics.kim], signature="Nat Kim")
    consent_revoke(owner=revoked, consent_id=revoked.consents.get().pk)
    _alert(named, "self_harm")
    _alert(revoked, "self_harm")
    assert _listed(clinics.kim) == [("Nat Kim", "self_harm", "critical")]
    assert _listed(clinics.lee) == []
    assert _listed(clinics.roe) == []  # another clinic


def test_who_may_call_it(
    clinics: Any, person: Any, api_for: Callable[[Any], Any], anonymous_api: Any
) -> None:
    assert anonymous_api.get("/clinic/alerts").status_code == 401
    assert api_for(person).get("/clinic/alerts").status_code == 404
    unverified = api_for(clinics.kim).get("/clinic/alerts")
    assert unverified.status_code == 403
    assert unverified.json()["code"] == "mfa_required"
    bad = verified_api(clinics.kim).get("/clinic/alerts?page=0")
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-1] == "page"


def test_one_summary_event_per_person_shown_naming_what_the_alerts_drew_on(
    clinics: Any, share: Callable[..., Any], make_user: Callable[..., Any]
) -> None:
    ann, ben = _people(make_user, share, clinics.riverside, ["Ann Ash", "Ben Bay"])
    _alert(ann, "self_harm", minutes_ago=1)
    _alert(ann, "seven_oh_product", minutes_ago=2)
    _alert(ben, "severe_withdrawal", minutes_ago=3)
    _people(make_user, share, clinics.riverside, ["Quiet Quinn"])  # no alert: not shown
    verified_api(clinics.kim).get("/clinic/alerts")
    events = AccessEvent.objects.filter(actor=clinics.kim).order_by("owner_id")
    assert [(e.owner_id, e.kind, sorted(e.data_classes)) for e in events] == [
        (ann.pk, "summary", ["checkins", "journal"]),
        (ben.pk, "summary", ["checkins"]),
    ]


def test_pages_of_25(clinics: Any, share: Callable[..., Any], person: Any) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    for n in range(30):
        _alert(person, "seven_oh_product", minutes_ago=n)
    api = verified_api(clinics.kim)
    second = api.get("/clinic/alerts?page=2").json()
    assert (second["total"], second["pages"], len(second["items"])) == (30, 2, 5)
    # The five oldest (25 to 29 minutes ago) are on the second page.
    assert [i["created_at"] for i in second["items"]] == [
        f"2026-03-02T14:{60 - n:02d}:00Z" for n in range(25, 30)
    ]
    assert api.get("/clinic/alerts?page=3").json()["items"] == []


def _crowd(clinic: Any, share: Callable[..., Any], first: int, count: int) -> None:
    alerts = []
    for n in range(first, first + count):
        someone = User.objects.create_user(f"c{n}@example.org", "x-Secret-words-42")
        share(someone, clinic, signature=f"Person {n:03d}")
        code = ("self_harm", "severe_withdrawal", "seven_oh_product")[n % 3]
        alerts.append(
            Alert(
                owner=someone,
                code=code,
                severity=SEVERITY[code],
                title="t",
                explanation="e",
                action="a",
                source="s",
                learn_slug="seek-help-now",
                cause_key=f"crowd:{n}",
                created_at=NOW - dt.timedelta(minutes=n),
            )
        )
    Alert.objects.bulk_create(alerts)


def _count(viewer: Any) -> int:
    api = verified_api(viewer)
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/clinic/alerts")
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_list_costs_the_same_for_10_and_100_people(
    clinics: Any, share: Callable[..., Any]
) -> None:
    _crowd(clinics.riverside, share, 0, 10)
    small = _count(clinics.lee)
    _crowd(clinics.riverside, share, 10, 90)
    # Another clinician, so the access log starts afresh for them too.
    big = _count(clinics.kim)
    assert big == small
    body = verified_api(clinics.lee).get("/clinic/alerts").json()
    assert (body["total"], len(body["items"])) == (100, 25)
    assert {i["code"] for i in body["items"]} == {"self_harm"}  # 34 critical ones come first

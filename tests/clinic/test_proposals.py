"""Plan proposals: a clinician proposes, the person accepts or declines; the core checks it,
the plans services apply it, the history names who proposed it and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.mfa_helpers import verified_api, verified_web

from stepdown.audit.models import AccessEvent
from stepdown.clinic.consents import consent_revoke
from stepdown.clinic.models import PlanProposal
from stepdown.plans.adjust_services import plan_hold
from stepdown.plans.models import Plan
from stepdown.plans.services import plan_create

pytestmark = pytest.mark.django_db


def _path(person: Any) -> str:
    return f"/clinic/patients/{person.pk}/proposals"


def _fields(response: Any) -> list[str]:
    return [d["loc"][-1] for d in response.json()["detail"]]


@pytest.fixture
def plan(person: Any) -> Plan:
    """10 g a day, cut 10 % every 7 days."""
    return plan_create(
        owner=person, start_g="10", method="proportional", rate_pct="10", interval_days=7
    ).plan


def _snapshot(plan: Plan) -> tuple[Any, ...]:
    plan.refresh_from_db()
    return (plan.status, plan.end_date, plan.steps, plan.rate_pct, plan.adjustments.count())


def test_a_hold_proposal_previews_the_end_date_and_acceptance_applies_it(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, api: Any
) -> None:
    share(person, clinics.riverside)
    old_end = plan.end_date
    made = verified_api(clinics.kim).post(
        _path(person), {"kind": "hold", "days": 5, "reason": "A rough week at work."}
    )
    assert made.status_code == 201, made.content
    body = made.json()
    # A hold moves every later step, so the end, by exactly the days held.
    assert body["new_end_date"] == (old_end + dt.timedelta(days=5)).isoformat()
    assert body["current_end_date"] == old_end.isoformat()
    assert body["status"] == "pending"

    pending = api.get("/proposals").json()
    assert [(p["id"], p["new_end_date"]) for p in pending] == [(body["id"], body["new_end_date"])]
    # Not applied yet.
    assert _snapshot(plan)[1] == old_end

    accepted = api.post(f"/proposals/{body['id']}/accept")
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["status"] == "accepted"
    plan.refresh_from_db()
    assert plan.end_date == old_end + dt.timedelta(days=5)
    entry = plan.adjustments.order_by("-pk").first()
    assert entry is not None
    assert entry.kind == "hold"
    assert entry.reason == "A rough week at work."
    assert entry.source == "clinician"
    assert entry.detail["days"] == 5
    assert entry.detail["proposed_by"] == "kim@clinic.example"
    assert entry.detail["clinic"] == "Riverside Clinic"
    action = AccessEvent.objects.get(owner=person, action="proposal")
    assert action.actor_id == clinics.kim.pk
    assert action.data_classes == ["plan"]


def test_a_declined_proposal_changes_nothing(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, api: Any
) -> None:
    share(person, clinics.riverside)
    before = _snapshot(plan)
    made = verified_api(clinics.kim).post(
        _path(person), {"kind": "slow", "rate_pct": 5, "reason": "Withdrawal scores rising."}
    )
    assert made.status_code == 201, made.content
    declined = api.post(f"/proposals/{made.json()['id']}/decline")
    assert declined.status_code == 200
    assert declined.json()["status"] == "declined"
    assert _snapshot(plan) == before
    # Answered once: accepting it afterwards is refused and still changes nothing.
    again = api.post(f"/proposals/{made.json()['id']}/accept")
    assert again.status_code == 422
    assert _fields(again) == ["proposal"]
    assert _snapshot(plan) == before


def test_a_proposal_made_before_the_plan_changed_is_refused_as_stale(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, api: Any
) -> None:
    share(person, clinics.riverside)
    made = verified_api(clinics.kim).post(
        _path(person), {"kind": "hold", "days": 3, "reason": "Hold a little."}
    )
    proposal_id = made.json()["id"]
    plan_hold(owner=person, plan_id=plan.pk, days=2, reason="My own hold.")
    listed = api.get("/proposals").json()[0]
    assert listed["stale"] is True
    assert listed["new_end_date"] is None
    before = _snapshot(plan)
    refused = api.post(f"/proposals/{proposal_id}/accept")
    assert refused.status_code == 422
    assert _fields(refused) == ["proposal"]
    assert "changed" in refused.json()["detail"][0]["msg"]
    assert _snapshot(plan) == before
    assert PlanProposal.objects.get(pk=proposal_id).status == "stale"


def test_a_new_plan_starts_from_todays_planned_dose(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, api: Any
) -> None:
    share(person, clinics.riverside)
    made = verified_api(clinics.kim).post(
        _path(person),
        {"kind": "new_plan", "rate_pct": 5, "interval_days": 14, "reason": "Gentler from here."},
    )
    assert made.status_code == 201, made.content
    accepted = api.post(f"/proposals/{made.json()['id']}/accept")
    assert accepted.status_code == 200, accepted.content
    plan.refresh_from_db()
    assert plan.status == "cancelled"
    new = Plan.objects.get(owner=person, status="active")
    # The plan started today at 10 g: today's planned dose is 10 g, never more.
    assert new.start_g == Decimal("10")
    assert new.rate_pct == Decimal("5")
    assert new.interval_days == 14
    assert new.end_date.isoformat() == made.json()["new_end_date"]
    created = new.adjustments.get(kind="create")
    assert created.reason == "Gentler from here."
    assert created.source == "clinician"
    assert created.detail["proposed_by"] == "kim@clinic.example"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "hold", "days": 0, "reason": "x"}, "days"),
        ({"kind": "hold", "reason": "x"}, "days"),
        ({"kind": "slow", "rate_pct": 20, "reason": "x"}, "rate_pct"),  # faster, not slower
        ({"kind": "slow", "reason": "x"}, "rate_pct"),
        ({"kind": "hold", "days": 3, "reason": "  "}, "reason"),
        ({"kind": "grow", "days": 3, "reason": "x"}, "kind"),
    ],
)
def test_a_proposal_is_checked_when_it_is_made(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, body: Any, field: str
) -> None:
    share(person, clinics.riverside)
    response = verified_api(clinics.kim).post(_path(person), body)
    assert response.status_code == 422, response.content
    assert _fields(response) == [field]
    assert not PlanProposal.objects.exists()


def test_no_proposal_without_an_active_plan(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside)
    response = verified_api(clinics.kim).post(
        _path(person), {"kind": "hold", "days": 3, "reason": "x"}
    )
    assert response.status_code == 422
    assert _fields(response) == ["kind"]


def test_proposals_need_the_plan_class_and_the_right_clinician(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan
) -> None:
    body = {"kind": "hold", "days": 3, "reason": "x"}
    consent = share(person, clinics.riverside, data_classes=("journal",))
    assert verified_api(clinics.kim).post(_path(person), body).status_code == 404
    assert verified_api(clinics.kim).get(_path(person)).status_code == 404
    consent_revoke(owner=person, consent_id=consent.pk)
    consent = share(person, clinics.riverside, clinicians=[clinics.lee])
    assert verified_api(clinics.kim).post(_path(person), body).status_code == 404
    assert verified_api(clinics.roe).post(_path(person), body).status_code == 404
    assert verified_api(clinics.lee).post(_path(person), body).status_code == 201
    listed = verified_api(clinics.lee).get(_path(person))
    assert listed.status_code == 200
    assert len(listed.json()) == 1
    consent_revoke(owner=person, consent_id=consent.pk)
    assert verified_api(clinics.lee).post(_path(person), body).status_code == 404
    assert verified_api(clinics.lee).get(_path(person)).status_code == 404


def test_another_person_cannot_answer_a_proposal(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    plan: Plan,
    other_person: Any,
    api_for: Any,
) -> None:
    share(person, clinics.riverside)
    made = verified_api(clinics.kim).post(_path(person), {"kind": "hold", "days": 3, "reason": "x"})
    other = api_for(other_person)
    assert other.post(f"/proposals/{made.json()['id']}/accept").status_code == 404
    assert other.post(f"/proposals/{made.json()['id']}/decline").status_code == 404
    assert other.get("/proposals").json() == []


def test_the_person_answers_on_the_plan_page_and_sees_it_on_today(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, web: Client
) -> None:
    share(person, clinics.riverside)
    old_end = plan.end_date
    verified_api(clinics.kim).post(_path(person), {"kind": "hold", "days": 4, "reason": "Rest."})
    last_day = old_end + dt.timedelta(days=4) - dt.timedelta(days=1)
    for url in (reverse("plans:page"), reverse("today:today")):
        html = web.get(url).content.decode()
        assert 'data-testid="proposal"' in html, url
        assert f"{last_day.day} {last_day:%b %Y}" in html
    proposal = PlanProposal.objects.get()
    answered = web.post(
        reverse("clinic:proposal_accept", args=[proposal.pk]), {"next": reverse("plans:page")}
    )
    assert answered.status_code == 302
    assert answered["Location"] == reverse("plans:page")
    plan.refresh_from_db()
    assert plan.end_date == old_end + dt.timedelta(days=4)
    page = web.get(reverse("plans:page")).content.decode()
    assert 'data-testid="proposal"' not in page
    assert "proposed by kim@clinic.example (Riverside Clinic)" in page


def test_the_clinicians_proposal_page(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan
) -> None:
    share(person, clinics.riverside)
    web = verified_web(clinics.kim)
    url = reverse("clinic:patient_proposals", args=[person.pk])
    assert web.get(url).status_code == 200
    sent = web.post(url, {"kind": "hold", "days": "2", "reason": "Stay steady."})
    assert sent.status_code == 302
    assert "Stay steady." in web.get(url).content.decode()
    bad = web.post(url, {"kind": "slow", "rate_pct": "50", "reason": "Faster."})
    assert bad.status_code == 422
    assert verified_web(clinics.roe).get(url).status_code == 404

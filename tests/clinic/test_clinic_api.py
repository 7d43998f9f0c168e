"""The clinic routes (members, invitations) and a person's consent routes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from tests.mfa_helpers import verified_api

from stepdown.clinic.access import consent_for
from stepdown.clinic.models import Membership

pytestmark = pytest.mark.django_db


def _field(response: Any) -> list[str]:
    return [item["loc"][-1] for item in response.json()["detail"]]


# -- second factor -----------------------------------------------------------------------------


def test_clinic_routes_refuse_a_token_issued_without_the_second_factor(
    clinics: Any, api_for: Callable[[Any], Any]
) -> None:
    api = api_for(clinics.lee)
    for response in (
        api.get("/clinic/members"),
        api.post("/clinic/members", {"email": "new@clinic.example"}),
        api.post("/clinic/invitations", {}),
        api.delete(f"/clinic/members/{clinics.kim.clinic_memberships.get().pk}"),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "mfa_required"
    assert clinics.kim.clinic_memberships.get().active


def test_clinic_routes_check_the_second_factor_behind_the_gate(
    clinics: Any, api_for: Callable[[Any], Any]
) -> None:
    """A member whose account somehow lost the must-use-MFA flag passes the accounts gate, and
    the clinic routes still refuse a token issued without a code."""
    from stepdown.accounts.models import User

    User.objects.filter(pk=clinics.lee.pk).update(mfa_required=False)
    response = api_for(clinics.lee).post("/clinic/invitations", {})
    assert response.status_code == 403
    assert response.json()["code"] == "mfa_required"


def test_a_person_with_no_clinic_gets_404_on_clinic_routes(clinics: Any, api: Any) -> None:
    assert api.post("/clinic/invitations", {}).status_code == 404
    assert api.get("/clinic/members").status_code == 404


# -- members -----------------------------------------------------------------------------------


def test_an_admin_invites_a_clinician_by_email_without_health_data(
    clinics: Any, mailoutbox: Any
) -> None:
    response = verified_api(clinics.lee).post(
        "/clinic/members", {"email": " New@Clinic.example ", "role": "clinician"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["email"] == "new@clinic.example"
    assert body["role"] == "clinician"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["new@clinic.example"]
    assert "Riverside Clinic" in message.body
    link = re.search(r"http://testserver(/clinic/staff/join/\S+)", message.body)
    assert link is not None
    # Nothing of anyone's data: no dose, plan or person words beyond the invitation.
    assert not re.search(r"dose|plan|withdraw|kratom", message.body, re.IGNORECASE)
    page = Client().get(link.group(1))
    assert page.status_code == 200
    assert b"Create account and join" in page.content


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": "x@clinic.example", "role": "owner"}, "role"),
        ({"email": "kim@clinic.example"}, "email"),  # already a member
        ({"email": "x@clinic.example", "surprise": 1}, "surprise"),
    ],
)
def test_bad_invitations_answer_422_naming_the_field(
    clinics: Any, body: dict[str, Any], field: str
) -> None:
    response = verified_api(clinics.lee).post("/clinic/members", body)
    assert response.status_code == 422
    assert _field(response) == [field]


def test_only_an_admin_manages_members(clinics: Any, api_for: Callable[[Any], Any]) -> None:
    kim = verified_api(clinics.kim)
    assert kim.get("/clinic/members").status_code == 404
    assert kim.post("/clinic/members", {"email": "x@clinic.example"}).status_code == 404
    lee_membership = clinics.lee.clinic_memberships.get()
    assert kim.delete(f"/clinic/members/{lee_membership.pk}").status_code == 404
    # An admin of another clinic cannot reach Riverside's members either.
    hill_admin = verified_api(clinics.hillside.memberships.get(role="admin").user)
    kim_membership = clinics.kim.clinic_memberships.get()
    assert hill_admin.delete(f"/clinic/members/{kim_membership.pk}").status_code == 404
    assert Membership.objects.get(pk=kim_membership.pk).active


def test_deactivating_ends_access_on_the_next_request(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    share(person, clinics.riverside)
    kim = verified_api(clinics.kim)
    assert kim.post("/clinic/invitations", {}).status_code == 201
    lee = verified_api(clinics.lee)
    members = lee.get("/clinic/members").json()
    kim_id = next(m["id"] for m in members if m["email"] == "kim@clinic.example")
    assert lee.delete(f"/clinic/members/{kim_id}").status_code == 204
    assert kim.post("/clinic/invitations", {}).status_code == 404
    assert consent_for(clinics.kim, person.pk) is None
    clinics.kim.refresh_from_db()
    assert clinics.kim.mfa_required is False  # no active membership left
    listed = {m["email"]: m for m in lee.get("/clinic/members").json()}
    assert listed["kim@clinic.example"]["active"] is False
    assert lee.delete(f"/clinic/members/{kim_id}").status_code == 404  # already ended


def test_the_last_admin_cannot_be_deactivated(clinics: Any) -> None:
    lee = verified_api(clinics.lee)
    own = clinics.lee.clinic_memberships.get().pk
    response = lee.delete(f"/clinic/members/{own}")
    assert response.status_code == 422
    assert _field(response) == ["id"]


# -- patient invitations -----------------------------------------------------------------------


def test_a_clinician_invites_a_person_with_a_code_and_a_link(clinics: Any) -> None:
    before = dt.datetime.now(dt.UTC)
    response = verified_api(clinics.kim).post(
        "/clinic/invitations", {"clinician_ids": [clinics.kim.pk]}
    )
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}", body["code"])
    assert body["url"] == f"http://testserver/clinic/join/{body['code'].replace('-', '')}/"
    expires = dt.datetime.fromisoformat(body["expires_at"])
    assert dt.timedelta(days=13, hours=23) < expires - before <= dt.timedelta(days=14, minutes=1)


def test_naming_a_clinician_of_another_clinic_is_422(clinics: Any) -> None:
    response = verified_api(clinics.kim).post(
        "/clinic/invitations", {"clinician_ids": [clinics.roe.pk]}
    )
    assert response.status_code == 422
    assert _field(response) == ["clinician_ids"]


def test_a_person_without_a_clinic_cannot_invite(person: Any, clinics: Any) -> None:
    assert verified_api(person).post("/clinic/invitations", {}).status_code == 404


# -- consents ----------------------------------------------------------------------------------


def _invite(clinics: Any, **body: Any) -> str:
    return str(verified_api(clinics.kim).post("/clinic/invitations", body).json()["code"])


def test_a_person_previews_signs_lists_and_revokes(clinics: Any, api: Any) -> None:
    code = _invite(clinics)
    preview = api.post("/consents/invitation", {"invitation_code": code})
    assert preview.status_code == 200
    shown = preview.json()
    assert shown["clinic"]["name"] == "Riverside Clinic"
    assert shown["recipients"] == []
    assert "every active clinician" in shown["recipients_text"]
    assert [c["code"] for c in shown["data_classes"]] == [
        "journal",
        "plan",
        "checkins",
        "medicines",
        "skin",
        "notes",
    ]
    assert shown["notice"] == (
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
    )
    signed = api.post(
        "/consents",
        {
            "invitation_code": code,
            "data_classes": ["journal", "checkins"],
            "expires_on": "2099-12-31",
            "signature": "Samuel Jones",
        },
    )
    assert signed.status_code == 201, signed.content
    consent = signed.json()
    assert consent["status"] == "active"
    assert consent["data_classes"] == ["journal", "checkins"]
    assert consent["expires_on"] == "2099-12-31"
    assert consent["purpose"] == "treatment"
    assert consent["signature"] == "Samuel Jones"
    assert consent["version"] == 1
    listed = api.get("/consents").json()
    assert [c["id"] for c in listed] == [consent["id"]]
    revoked = api.post(f"/consents/{consent['id']}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked"
    assert api.get(f"/consents/{consent['id']}").json()["revoked_at"] is not None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"data_classes": ["journal", "browsing"]}, "data_classes"),
        ({"signature": ""}, "signature"),
        ({"expires_on": "2001-01-01"}, "expires_on"),
        ({"expires_on": "soon"}, "expires_on"),
        ({"invitation_code": "AAAA-AAAA"}, "invitation_code"),
    ],
)
def test_bad_consents_answer_422_naming_the_field(
    clinics: Any, api: Any, change: dict[str, Any], field: str
) -> None:
    body = {
        "invitation_code": _invite(clinics),
        "data_classes": ["journal"],
        "expires_on": None,
        "signature": "Samuel Jones",
    }
    response = api.post("/consents", body | change)
    assert response.status_code == 422
    assert _field(response) == [field]


def test_a_used_code_is_422(clinics: Any, api: Any, other_person: Any, api_for: Any) -> None:
    code = _invite(clinics)
    body = {"invitation_code": code, "data_classes": ["plan"], "signature": "Samuel Jones"}
    assert api.post("/consents", body).status_code == 201
    again = api_for(other_person).post("/consents", body | {"signature": "Alex Smith"})
    assert again.status_code == 422
    assert _field(again) == ["invitation_code"]


def test_another_persons_consent_is_not_found(
    clinics: Any, person: Any, other_person: Any, api_for: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside)
    other = api_for(other_person)
    assert other.get(f"/consents/{consent.pk}").status_code == 404
    assert other.post(f"/consents/{consent.pk}/revoke").status_code == 404
    change = {"data_classes": ["journal"], "signature": "Alex"}
    assert other.post(f"/consents/{consent.pk}/change", change).status_code == 404
    assert other.get("/consents").json() == []


def test_changing_through_the_api_makes_version_two(
    clinics: Any, person: Any, api: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside, clinicians=[clinics.kim])
    response = api.post(
        f"/consents/{consent.pk}/change",
        {"data_classes": ["medicines"], "signature": "Samuel Jones"},
    )
    assert response.status_code == 201
    new = response.json()
    assert (new["version"], new["previous_id"], new["data_classes"]) == (
        2,
        consent.pk,
        ["medicines"],
    )
    assert new["recipients"] == [{"id": clinics.kim.pk, "name": "kim@clinic.example"}]
    statuses = {c["id"]: c["status"] for c in api.get("/consents").json()}
    assert statuses == {consent.pk: "superseded", new["id"]: "active"}

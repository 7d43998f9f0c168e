"""The world the route matrix runs in: nine personas and one real object of the owner behind
every ``<int:...>`` parameter of every route (tests/test_route_matrix.py).

Clinics: Riverside (the owner shares everything with it, naming ``clin_ok``, its admin, and
``clin_gone``, whose membership is then deactivated; ``clin_none`` is a Riverside clinician the
consent does not name), Hillside (``clin_other``; the owner shares nothing with it), Creek (a
consent naming ``clin_revoked``, revoked) and Dale (a consent naming ``clin_expired``, past its
last day). Every clinician has a confirmed authenticator and signs in past it, so the matrix
checks authorisation, not the second-factor gate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import time_machine
from django.test import Client
from django.utils import timezone
from tests.api_client import ApiClient
from tests.checkins.checkins_answers import phq9
from tests.clinic.patient_data import COWS_24
from tests.conftest import PASSWORD
from tests.mfa_helpers import add_confirmed_device, verified_api, verified_web
from tests.skin.skin_photos import png_bytes

PERSONAS = (
    "anonymous",
    "owner",
    "other_person",
    "clin_ok",
    "clin_none",
    "clin_revoked",
    "clin_expired",
    "clin_other",
    "clin_gone",
)
CLINICIANS = frozenset(p for p in PERSONAS if p.startswith("clin_"))
EVERY_DATA_CLASS = ("journal", "plan", "checkins", "medicines", "skin", "notes")


@dataclass
class World:
    users: dict[str, Any]
    params: dict[str, Any]  # URL parameter name -> value (the owner's objects)
    extra: dict[str, Any] = field(default_factory=dict)  # values some routes use instead

    def clients(self, persona: str) -> tuple[Client, ApiClient]:
        """A browser and an API client signed in as ``persona`` (past MFA for clinicians)."""
        from stepdown.accounts.services import token_create

        if persona == "anonymous":
            web, api = Client(), ApiClient(None)
        elif persona in CLINICIANS:
            user = self.users[persona]
            web, api = verified_web(user), verified_api(user)
        else:
            user = self.users[persona]
            web = Client()
            web.force_login(user)
            api = ApiClient(token_create(owner=user, name="matrix")[1])
        # A 500 must come back as an answer the matrix can report, not as an exception.
        web.raise_request_exception = False
        api.client.raise_request_exception = False
        return web, api


def _user(email: str, name: str, **extra: Any) -> Any:
    from stepdown.accounts.models import User

    return User.objects.create_user(email, PASSWORD, display_name=name, **extra)


def _join(clinic: Any, email: str, name: str) -> Any:
    """A clinician joins ``clinic`` through its admin's invitation, as the pages do."""
    from stepdown.clinic.services import staff_invitation_accept, staff_invite

    admin = clinic.memberships.get(role="admin").user
    user = _user(email, name)
    invitation = staff_invite(
        admin=admin, email=email, role="clinician", clinic_id=clinic.pk, site_url="http://t"
    )
    staff_invitation_accept(invitation=invitation, user=user)
    user.refresh_from_db()
    add_confirmed_device(user)
    return user


def _share(owner: Any, clinic: Any, clinicians: list[Any], **extra: Any) -> Any:
    from stepdown.clinic.consents import consent_sign
    from stepdown.clinic.services import patient_invitation_create

    _, code = patient_invitation_create(
        clinician=clinicians[0], clinic_id=clinic.pk, clinician_ids=[u.pk for u in clinicians]
    )
    return consent_sign(
        owner=owner,
        invitation_code=code,
        data_classes=EVERY_DATA_CLASS,
        signature="Samuel Jones",
        **({"expires_on": None} | extra),
    )


def _sees(clinician: Any, owner: Any) -> bool:
    from stepdown.clinic.access import consent_for

    return consent_for(clinician, owner.pk) is not None


def _clinics(owner: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    from stepdown.accounts.clock import local_today
    from stepdown.accounts.models import User
    from stepdown.clinic.consents import consent_revoke
    from stepdown.clinic.services import clinic_create, membership_deactivate

    river = clinic_create(name="Riverside Clinic", admin_email="lee@clinic.example").clinic
    hill = clinic_create(name="Hillside Practice", admin_email="hill@clinic.example").clinic
    creek = clinic_create(name="Creek Surgery", admin_email="creek@clinic.example").clinic
    dale = clinic_create(name="Dale Health", admin_email="dale@clinic.example").clinic
    clin_ok = User.objects.get(email="lee@clinic.example")
    User.objects.filter(pk=clin_ok.pk).update(display_name="Dr. Lee")
    clin_ok.refresh_from_db()
    add_confirmed_device(clin_ok)
    users = {
        "clin_ok": clin_ok,
        "clin_none": _join(river, "kim@clinic.example", "Dr. Kim"),
        "clin_gone": _join(river, "gil@clinic.example", "Dr. Gil"),
        "clin_other": _join(hill, "roe@clinic.example", "Dr. Roe"),
        "clin_revoked": _join(creek, "rev@clinic.example", "Dr. Rev"),
        "clin_expired": _join(dale, "exp@clinic.example", "Dr. Exp"),
    }
    consent = _share(owner, river, [clin_ok, users["clin_gone"]])
    revoked = _share(owner, creek, [users["clin_revoked"]])
    # Each clinician kept out below saw the owner until the one event that ends it.
    assert _sees(users["clin_revoked"], owner)
    assert _sees(users["clin_gone"], owner)
    consent_revoke(owner=owner, consent_id=revoked.pk)
    # Signed ten days ago with a last day three days ago: expired, never revoked.
    with time_machine.travel(timezone.now() - dt.timedelta(days=10)):
        _share(
            owner,
            dale,
            [users["clin_expired"]],
            expires_on=local_today(owner) + dt.timedelta(days=7),
        )
        assert _sees(users["clin_expired"], owner)
    gone = users["clin_gone"].clinic_memberships.get(clinic=river)
    membership_deactivate(admin=clin_ok, membership_id=gone.pk)
    assert not any(_sees(users[p], owner) for p in ("clin_revoked", "clin_expired", "clin_gone"))
    none_membership = users["clin_none"].clinic_memberships.get(clinic=river)
    return users, {
        "clinic_id": river.pk,
        "member_id": none_membership.pk,
        "consent_id": consent.pk,
        "river": river,
    }


def build_world() -> World:
    """Every persona, and one of each of the owner's objects (made through the services where
    the service is short to call, else straight in the table)."""
    from stepdown.accounts.clock import local_today
    from stepdown.accounts.services import token_create
    from stepdown.alerts.models import Alert, SuggestedAdjustment
    from stepdown.checkins.services import response_submit
    from stepdown.clinic import codes
    from stepdown.clinic.notes import note_create
    from stepdown.clinic.proposals import proposal_create
    from stepdown.clinic.services import patient_invitation_create, staff_invite
    from stepdown.journal.models import Dose, Product
    from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
    from stepdown.plans.calendar_services import plan_calendar_link_create
    from stepdown.plans.services import plan_create
    from stepdown.profile.models import Medicine
    from stepdown.reminders.models import ReminderPreference
    from stepdown.reminders.tokens import unsubscribe_token
    from stepdown.skin.services import photo_upload, session_create
    from stepdown.substances.models import SubstanceUse

    owner = _user("sam@example.org", "Sam", time_zone="America/Chicago")
    other = _user("alex@example.org", "Alex", time_zone="Europe/Berlin")
    clinicians, clinic = _clinics(owner)
    now = timezone.now()
    product = Product.objects.create(owner=owner, name="Green leaf")
    dose = Dose.objects.create(
        owner=owner, product=product, amount=Decimal(3), grams=Decimal(3), taken_at=now
    )
    plan = plan_create(
        owner=owner,
        start_g=Decimal(12),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=3,
        start_date=local_today(owner),
    ).plan
    response = response_submit(owner=owner, instrument="phq9", answers=phq9(*[1] * 9)).response
    session = session_create(owner=owner, exposed_site="back_of_hand").session
    photo = photo_upload(owner=owner, session_id=session.pk, role="exposed", data=png_bytes())
    alert_fields = {
        "explanation": "e",
        "action": "a",
        "source": "s",
        "learn_slug": "what-is-kratom",
    }
    alert = Alert.objects.create(
        owner=owner, code="severe_withdrawal", severity="high", title="Withdrawal is severe",
        cause_key="matrix", **alert_fields,
    )  # fmt: skip
    nudge = Alert.objects.create(
        owner=owner, kind=Alert.Kind.NUDGE, code="over_daily_limit", severity="low",
        title="Above your limit", cause_key="matrix", **alert_fields,
    )  # fmt: skip
    held = Alert.objects.create(
        owner=owner, code="use_rising", severity="moderate", title="Use is rising",
        cause_key="matrix", **alert_fields,
    )  # fmt: skip
    suggestion = SuggestedAdjustment.objects.create(
        owner=owner, alert=held, plan=plan, kind="hold", parameters={"days": 7}
    )
    contact = SupportContact.objects.create(owner=owner, name="Jo", how_to_reach="by phone")
    reason = ReasonToChange.objects.create(owner=owner, text="My family")
    urge = UrgeLog.objects.create(owner=owner, strength=5)
    use = SubstanceUse.objects.create(
        owner=owner, category="alcohol", amount=Decimal(1), unit="standard_drink", taken_at=now
    )
    Medicine.objects.create(owner=owner, name="sertraline")
    spare_token, _ = token_create(owner=owner, name="spare")
    clin_ok = clinicians["clin_ok"]
    note_create(
        author=clin_ok, person_id=owner.pk, text="Seen today.", shared_with_person=True,
        kind="api", route="api:create_patient_note",
    )  # fmt: skip
    proposal = proposal_create(
        author=clin_ok, person_id=owner.pk, kind="hold", days=7, reason="A calmer week.",
        kind_of_access="api", route="api:create_patient_proposal",
    )  # fmt: skip
    _, join_code = patient_invitation_create(clinician=clin_ok, clinic_id=clinic["clinic_id"])
    staff_invitation = staff_invite(
        admin=clin_ok, email="new@clinic.example", role="clinician",
        clinic_id=clinic["clinic_id"], site_url="http://t",
    )  # fmt: skip
    preference, _ = ReminderPreference.objects.get_or_create(owner=owner)
    users = {"owner": owner, "other_person": other} | clinicians
    params = {
        "dose_id": dose.pk,
        "product_id": product.pk,
        "plan_id": plan.pk,
        "response_id": response.pk,
        "session_id": session.pk,
        "photo_id": photo.pk,
        "alert_id": alert.pk,
        "nudge_id": nudge.pk,
        "suggestion_id": suggestion.pk,
        "contact_id": contact.pk,
        "reason_id": reason.pk,
        "urge_id": urge.pk,
        "use_id": use.pk,
        "token_id": spare_token.pk,
        "consent_id": clinic["consent_id"],
        "proposal_id": proposal.pk,
        "person_id": owner.pk,
        "clinic_id": clinic["clinic_id"],
        "member_id": clinic["member_id"],
        "invitation_id": staff_invitation.pk,
        "role": "exposed",
        "variant": "thumb",
        "slug": "what-is-kratom",
        "step": "reason",
        "name": "sertraline",
        "uidb64": "MTIzNDU",
        "token": "not-a-real-token",
    }
    extra = {
        "instrument": "phq9",
        "clinician_instrument": "cows",
        "join_code": join_code,
        "staff_token": codes.staff_token(staff_invitation),
        "calendar_token": plan_calendar_link_create(owner=owner, plan_id=plan.pk),
        "unsubscribe_token": unsubscribe_token(preference.unsubscribe_key),
        "cows": COWS_24,
        "phq9": phq9(*[2] * 9),
        "photo": png_bytes(),
        "owner_id": owner.pk,  # FHIR's Patient/{id}: the account id
    }
    return World(users=users, params=params, extra=extra)

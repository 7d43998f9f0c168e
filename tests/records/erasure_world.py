"""A person with data in every app, supervised by a clinician, for the erasure tests.

Each person's free texts carry their own marker (``Person.marker``), so a scan can look for
every trace of them by a string no one else wrote. Records go through the services where one
exists (doses, plans, check-ins, goals, skin photos, consent, notes, messages, proposals) and
straight into the table otherwise; ``assert_every_owned_model_has_rows`` fails when a new
model with an owner is added and this builder does not fill it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.contrib.admin.models import ADDITION
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from tests.conftest import PASSWORD
from tests.skin.skin_photos import png_bytes

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.accounts.services import token_create
from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
from stepdown.audit.models import AccessEvent
from stepdown.checkins.models import SafetyPlan, Schedule
from stepdown.checkins.services import response_submit
from stepdown.clinic.consents import consent_sign
from stepdown.clinic.messages import message_send_by_clinician, message_send_by_person
from stepdown.clinic.models import AlertNotice, Clinic
from stepdown.clinic.notes import note_create
from stepdown.clinic.proposals import proposal_create
from stepdown.clinic.services import patient_invitation_create
from stepdown.clinic.triage_store import refresh_summaries
from stepdown.goals.models import RiskSnapshot
from stepdown.goals.services import goal_save
from stepdown.journal import services as journal
from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
from stepdown.plans.adjust_services import plan_hold
from stepdown.plans.services import plan_create
from stepdown.profile.models import Medicine, Onboarding
from stepdown.records.models import ImportedRecord
from stepdown.reminders.models import ReminderPreference, SentReminder
from stepdown.skin.models import Measurement, Photo, SkinReport
from stepdown.skin.services import photo_check, session_create
from stepdown.substances.services import substance_create

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SITE = "http://testserver"


@dataclass
class Person:
    user: User
    marker: str  # in every free text the person (or a clinician about them) wrote

    @property
    def needles(self) -> list[str]:
        """What must not be found anywhere once the person is erased."""
        return [self.user.email, self.user.display_name, self.marker]


def owned_models() -> list[type[models.Model]]:
    """Every model with an ``owner`` pointing at the user (the access log's aside)."""
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "owner"), None)
        if field is not None and field.related_model is User and model is not AccessEvent:
            found.append(model)
    return found


def counts_of(user: User) -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.filter(owner=user).count()
        for model in owned_models()
    }


def assert_every_owned_model_has_rows(user: User) -> None:
    empty = [label for label, count in counts_of(user).items() if count == 0]
    children = (Measurement, AlertEvent)
    empty += [m._meta.label for m in children if not m.objects.exists()]
    assert not empty, f"the builder leaves these empty, so erasure of them is untested: {empty}"


def build_person(email: str, name: str, marker: str, *, clinic: Clinic, clinician: User) -> Person:
    """A person with a record in every app, sharing it all with ``clinic``."""
    user = User.objects.create_user(email, PASSWORD, display_name=name, time_zone="Europe/Paris")
    now = timezone.now()
    today = local_today(user)
    product = journal.product_create(owner=user, name=f"Leaf {marker}")
    for days_ago in (3, 2, 1):
        journal.dose_create(
            owner=user,
            amount=Decimal(4),
            product_id=product.pk,
            taken_at=now - dt.timedelta(days=days_ago),
            note=f"dose note {marker}",
        )
    substance_create(
        owner=user,
        category="alcohol",
        amount=Decimal(2),
        unit="standard_drink",
        taken_at=now - dt.timedelta(hours=5),
        note=f"substance note {marker}",
    )
    plan = plan_create(
        owner=user,
        product_id=product.pk,
        method="proportional",
        rate_pct=Decimal(10),
        start_g=Decimal(12),
        start_date=today,
        doses_per_day=3,
        target_doses_per_day=3,
        confirm_above_recent=True,
        reason=f"plan reason {marker}",
    ).plan
    plan_hold(owner=user, plan_id=plan.pk, days=3, reason=f"hold reason {marker}")
    # PHQ-9 with item 9 above 0: a safety event and a high alert.
    response_submit(owner=user, instrument="phq9", answers={f"q{i}": 1 for i in range(1, 10)})
    Schedule.objects.create(owner=user, instrument="gad7", interval_days=14, starts_on=today)
    SafetyPlan.objects.create(owner=user, warning_signs=[f"safety plan {marker}"])
    goal_save(owner=user, fields={"purpose": f"goal {marker}", "max_g_per_day": Decimal(6)})
    Onboarding.objects.create(owner=user)
    Medicine.objects.create(owner=user, name=f"medicine {marker}")
    RiskSnapshot.objects.create(
        owner=user, tier="moderate", score=5, next_step=f"risk {marker}", method="v1"
    )
    SupportContact.objects.create(owner=user, name=f"friend {marker}", how_to_reach="555 0100")
    ReasonToChange.objects.create(owner=user, text=f"reason {marker}")
    UrgeLog.objects.create(owner=user, strength=6, note=f"urge {marker}")
    ReminderPreference.objects.create(owner=user)
    SentReminder.objects.create(owner=user, kind="checkin", due_key=f"due-{user.pk}")
    # An import's record of a row it brought in (records.importing).
    ImportedRecord.objects.create(owner=user, key=f"import-{marker}", table="doses", object_id=1)
    SkinReport.objects.create(owner=user, colour="brown", note=f"skin report {marker}")
    upload = photo_check(data=png_bytes())
    session = session_create(
        owner=user,
        exposed_site="back_of_hand",
        notes=f"skin notes {marker}",
        photos={"exposed": upload, "reference": upload},
    ).session
    photo = Photo.objects.filter(session=session).first()
    assert photo is not None
    Measurement.objects.create(photo=photo, calibration="none")

    _, code = patient_invitation_create(clinician=clinician, clinic_id=clinic.pk)
    consent_sign(
        owner=user,
        invitation_code=code,
        data_classes=("journal", "plan", "checkins", "medicines", "skin", "notes"),
        expires_on=None,
        signature=f"{name} {marker}",
    )
    note_create(
        author=clinician,
        person_id=user.pk,
        text=f"clinic note {marker}",
        shared_with_person=True,
        kind="page",
        route="clinic:patient",
    )
    proposal_create(
        author=clinician,
        person_id=user.pk,
        kind="hold",
        reason=f"proposal {marker}",
        days=3,
        kind_of_access="page",
        route="clinic:patient",
    )
    message_send_by_person(owner=user, text=f"message {marker}", site_url=SITE)
    message_send_by_clinician(
        author=clinician,
        person_id=user.pk,
        text=f"reply {marker}",
        site_url=SITE,
        kind="page",
        route="clinic:messages",
    )
    alert = Alert.objects.filter(owner=user).first()
    assert alert is not None
    AlertEvent.objects.create(alert=alert, status="open", note=f"event {marker}")
    AlertNotice.objects.create(clinician=clinician, alert=alert)
    suggesting = Alert.objects.create(
        owner=user,
        code="withdrawal_rising",
        severity="info",
        title="Hold the step?",
        explanation=f"suggestion {marker}",
        action="a",
        source="s",
        learn_slug="withdrawal",
        cause_key=f"test:{marker}",
    )
    SuggestedAdjustment.objects.create(owner=user, alert=suggesting, plan=plan, kind="hold")
    refresh_summaries()  # the worker's stored dashboard summary of everyone supervised
    return Person(user=user, marker=marker)


def leave_traces(person: Person) -> Client:
    """What the packages keep about a person who signs in and uses the app: sign-in records
    (a failed and a good sign-in), a session, an authenticator, an API token, the change log,
    the admin's log, and queued emails and tasks. Returns the signed-in browser."""
    from auditlog.models import LogEntry
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from stepdown.accounts.tasks import send_password_reset
    from stepdown.reminders.tasks import send_due_reminders
    from stepdown.skin.tasks import measure_photo

    user = person.user
    browser = Client()
    login = reverse("accounts:login")
    browser.post(login, {"username": user.email, "password": "not it"})
    browser.post(login, {"username": user.email, "password": PASSWORD})
    assert "_auth_user_id" in browser.session
    TOTPDevice.objects.create(user=user, name=f"phone {person.marker}", confirmed=False)
    token_create(owner=user, name=f"script {person.marker}")
    user_type = ContentType.objects.get_for_model(User)
    LogEntry.objects.create(
        content_type=user_type,
        object_pk=str(user.pk),
        object_id=user.pk,
        object_repr=user.email,
        action=1,
        changes={"display_name": ["", user.display_name]},
        actor=user,
        actor_email=user.email,
    )
    AdminLogEntry.objects.create(
        user=User.objects.exclude(pk=user.pk).first(),
        content_type=user_type,
        object_id=str(user.pk),
        object_repr=user.email,
        action_flag=ADDITION,
        change_message=f"[{{'added': {{'name': '{person.marker}'}}}}]",
    )
    photo = Photo.objects.filter(owner=user).first()
    assert photo is not None
    with override_settings(TASKS=DB_TASKS):
        send_password_reset.enqueue(email=user.email, site_url=SITE)
        send_due_reminders.enqueue(owner_id=user.pk, site_url=SITE)
        measure_photo.enqueue(photo_id=photo.pk)
    return browser

"""One person with a record of every kind the export holds (and a clinician who read it), written
straight through the models so a test instance fills in a second. Run as a script by the round
trip test (``python tests/records/export_world.py`` inside an instance's environment)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

PERSON = "rowan@example.org"
CLINICIAN = "dr.ade@example.org"
# A note that a spreadsheet would run as a formula if the CSV did not defuse it.
FORMULA_NOTE = '=HYPERLINK("http://example.invalid","open me")'


def _step(day: dt.date) -> dict[str, object]:
    end = day + dt.timedelta(days=7)
    dose = ["2.5", "2.5", "2.5", "2.5"]
    return {
        "index": 0,
        "start_date": str(day),
        "end_date": str(end),
        "daily_g": "10.0",
        "doses_per_day": 4,
        "dose_g": dose,
        "kind": "stabilise",
    }


def build() -> None:
    from django.utils import timezone

    from stepdown.accounts.models import User
    from stepdown.alerts.models import Alert, AlertEvent, SuggestedAdjustment
    from stepdown.audit.services import record_access
    from stepdown.checkins.models import Response, SafetyEvent, SafetyPlan, Schedule
    from stepdown.clinic.models import Clinic, Consent, Conversation, Message, Note, PlanProposal
    from stepdown.core.colour.sample import render_sample_photo
    from stepdown.core.instruments import get_instrument
    from stepdown.goals.models import Goal, RiskSnapshot
    from stepdown.journal.models import Dose, Product
    from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
    from stepdown.plans.models import Plan, PlanAdjustment
    from stepdown.profile.models import Medicine, Onboarding
    from stepdown.reminders.models import ReminderPreference, SentReminder
    from stepdown.skin.models import Measurement, Photo, PhotoSession, SkinReport
    from stepdown.skin.photos import prepare_photo, write_photo_files
    from stepdown.substances.models import SubstanceUse

    now = timezone.now().replace(microsecond=123456)
    day = now.date()
    person = User.objects.create_user(
        PERSON, "a long pass phrase", display_name="Rowan Ash", time_zone="Europe/Berlin"
    )
    clinician = User.objects.create_user(CLINICIAN, "another pass phrase", display_name="Dr Ade")

    leaf = Product.objects.create(
        owner=person,
        name="Green Maeng Da",
        vendor="Leafy",
        mitragynine_mg_per_unit=Decimal("16.5"),
        lab_test_date=day,
        heavy_metals="pass",
    )
    Product.objects.create(
        owner=person,
        name="Old capsules",
        form="capsules",
        capsule_weight_g=Decimal("0.5"),
        archived_at=now,
    )
    Dose.objects.create(
        owner=person,
        product=leaf,
        taken_at=now - dt.timedelta(hours=3),
        amount=Decimal("2.5"),
        grams=Decimal("2.5"),
        mitragynine_mg=Decimal("41.3"),
        purpose="pain",
        note=FORMULA_NOTE,
        client_id=uuid.uuid4(),
    )
    Dose.objects.create(
        owner=person,
        taken_at=now - dt.timedelta(days=1),
        amount=Decimal("1.2"),
        grams=Decimal("1.2"),
        note="ohne Produkt, grün",
    )
    plan = Plan.objects.create(
        owner=person,
        product=leaf,
        method="proportional",
        start_g=Decimal("10"),
        start_date=day,
        end_date=day + dt.timedelta(days=60),
        rate_pct=Decimal("10"),
        interval_days=7,
        stabilize_days=3,
        resolution_g=Decimal("0.1"),
        stop_below_g=Decimal("0.5"),
        doses_per_day=4,
        target_doses_per_day=2,
        steps=[_step(day)],
        client_id=uuid.uuid4(),
    )
    created = PlanAdjustment.objects.create(
        plan=plan, kind="create", effective_date=day, end_date_after=plan.end_date
    )
    response = Response.objects.create(
        owner=person,
        instrument="phq9",
        version=get_instrument("phq9").version,
        # Every item answered, as a response is stored: 2+1+1+1+1+2+1+1+1 = 11, "moderate"
        # (10-14, Kroenke 2001); item 9 above 0 is the self-harm flag.
        answers={"q1": 2, "q2": 1, "q3": 1, "q4": 1, "q5": 1, "q6": 2, "q7": 1, "q8": 1, "q9": 1},
        total=11,
        band="moderate",
        subscores={},
        flags=["self_harm"],
        local_date=day,
        client_id=uuid.uuid4(),
        entered_by=clinician,
    )
    SafetyEvent.objects.create(owner=person, response=response, flags=["self_harm"], seen_at=now)
    Schedule.objects.create(owner=person, instrument="gad7", interval_days=14, starts_on=day)
    SafetyPlan.objects.create(owner=person, warning_signs=["late nights"], people=["Sam"])
    Goal.objects.create(
        owner=person,
        purpose="Stop by summer",
        max_g_per_day=Decimal("8.00"),
        allowed_weekdays=[0, 2, 4],
        limits_from=day,
    )
    RiskSnapshot.objects.create(
        owner=person,
        tier="moderate",
        score=4,
        factors=[
            {
                "code": "daily_use",
                "label": "Daily use",
                "explanation": "You took kratom on 6 of the last 7 days.",
                "weight": 2,
                "source": "Singh2014",
                "sources": ["Singh2014"],
                "evidence": "moderate",
                "action": "Keep a few days a week free of it.",
                "learn_slug": "dependence",
                "basis": "journal",
            }
        ],
        notes=["Few journal days yet."],
        next_step="plan",
        method="v1",
    )
    alert = Alert.objects.create(
        owner=person,
        code="severe_withdrawal",
        severity="high",
        title="A hard week",
        explanation="Withdrawal was severe.",
        action="Hold the step.",
        source="Src2020",
        learn_slug="withdrawal",
        cause_key=f"plan:{plan.pk}",
    )
    AlertEvent.objects.create(alert=alert, status="open")
    AlertEvent.objects.create(alert=alert, status="acknowledged", actor=person, note="seen")
    SuggestedAdjustment.objects.create(
        owner=person,
        alert=alert,
        plan=plan,
        kind="hold",
        parameters={"days": 7},
        reason="Hold a week.",
    )
    Onboarding.objects.create(
        owner=person,
        status="completed",
        reason="quit",
        grams_per_dose=Decimal("2.50"),
        forms_used=["leaf_powder"],
        phq2_answers={"q1": 1, "q2": 0},
        phq2_total=1,
    )
    Medicine.objects.create(owner=person, name="Sertraline")
    SubstanceUse.objects.create(
        owner=person,
        category="alcohol",
        amount=Decimal("2"),
        unit="standard_drink",
        taken_at=now - dt.timedelta(days=2),
    )
    ReminderPreference.objects.create(owner=person, email=True)
    SentReminder.objects.create(owner=person, kind="checkin", due_key=str(day))

    sample = render_sample_photo(seed=1, width=800, height=600)
    session = PhotoSession.objects.create(
        owner=person, notes="left hand", delta_l=-1.25, comparison_ok=True, client_id=uuid.uuid4()
    )
    for role in ("exposed", "reference"):
        prepared = prepare_photo(data=sample.jpeg)
        photo = Photo.objects.create(
            session=session,
            owner=person,
            role=role,
            file_key=write_photo_files(prepared),
            width_px=prepared.width_px,
            height_px=prepared.height_px,
            byte_size=len(prepared.full_jpeg),
            source_format="jpeg",
            region={"kind": "rect", "x": 1, "y": 2, "width": 30, "height": 40},
        )
        Measurement.objects.create(
            photo=photo,
            l_star=61.5,
            a_star=9.25,
            b_star=17.0,
            ita_deg=37.1,
            ita_category="intermediate",
            calibration="none",
            quality_ok=True,
            quality_reasons=[],
        )
    SkinReport.objects.create(owner=person, sites=["forearms"], colour="brown", itching=True)
    SupportContact.objects.create(owner=person, name="Sam", how_to_reach="+44 7700 900123")
    ReasonToChange.objects.create(owner=person, text="More money for the trip")
    UrgeLog.objects.create(
        owner=person,
        strength=7,
        helped=["breathing"],
        started_at=now - dt.timedelta(minutes=20),
        logged_at=now,
    )

    clinic = Clinic.objects.create(name="Riverside Practice")
    first = Consent.objects.create(
        owner=person,
        clinic=clinic,
        data_classes=["journal"],
        expiry_event="End of treatment",
        signature="Rowan Ash",
        superseded_at=now,
    )
    consent = Consent.objects.create(
        owner=person,
        clinic=clinic,
        data_classes=["journal", "plan", "notes"],
        expires_on=day + dt.timedelta(days=90),
        expires_at=now + dt.timedelta(days=90),
        signature="Rowan Ash",
        version=2,
        previous=first,
    )
    consent.clinicians.set([clinician])
    Note.objects.create(
        owner=person, clinic=clinic, author=clinician, text="Doing well.", shared_with_person=True
    )
    Note.objects.create(owner=person, clinic=clinic, author=clinician, text="Clinic only.")
    conversation = Conversation.objects.create(owner=person, clinic=clinic)
    Message.objects.create(
        conversation=conversation,
        author=person,
        from_person=True,
        text="Can we slow down?",
        client_id=uuid.uuid4(),
    )
    Message.objects.create(
        conversation=conversation,
        author=clinician,
        from_person=False,
        text="Yes, let's talk.",
        read_at=now,
    )
    PlanProposal.objects.create(
        owner=person,
        clinic=clinic,
        author=clinician,
        plan=plan,
        plan_revision=created.pk,
        kind="slow",
        rate_pct=Decimal("5.00"),
        reason="A gentler pace.",
    )
    record_access(
        actor=clinician, owner=person, data_classes=["journal"], kind="page", route="clinic:patient"
    )


if __name__ == "__main__":
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        build()
    print("built")

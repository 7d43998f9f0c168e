"""The clinic demo (``stepdown demo --clinic``): a clinic, its admin clinician with a confirmed
authenticator, and 30 people who share their data with it, in states that give the triage
dashboard real work: one self-harm answer, one severe withdrawal, one switch to a 7-OH
product, some above their plan, some silent for days, most doing fine.

Everything goes through the services the web uses (accounts, MFA, clinic invitations and
consents, doses, check-ins, plans, notes), so the alerts behind the dashboard's reasons come
from the real notice pipeline. Only two dates are moved back afterwards, for the silent people:
when they joined and signed, since silence counts from the day sharing began. Figures are
invented.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP

from stepdown.accounts.clock import local_today
from stepdown.accounts.mfa import pending_totp, totp_confirm, totp_start
from stepdown.accounts.models import User
from stepdown.accounts.services import data_changed
from stepdown.alerts.evaluation import alerts_evaluate
from stepdown.checkins.services import clinician_response_submit, response_submit
from stepdown.clinic.consents import consent_sign
from stepdown.clinic.models import Clinic, Consent
from stepdown.clinic.notes import note_create
from stepdown.clinic.services import clinic_create, patient_invitation_create
from stepdown.demo import daily_answers
from stepdown.journal import services as journal_services
from stepdown.journal.models import Dose, Product
from stepdown.plans.services import plan_create

CLINIC_NAME = "Riverside Clinic (demo)"
CLINICIAN_EMAIL = "dr.lee@clinic-demo.stepdown.example"
# Every demo person's address ends with this, so a second run finds and replaces them.
PEOPLE_DOMAIN = "people.clinic-demo.stepdown.example"
HISTORY_DAYS = 42  # six weeks: the dashboard's 28-day sparklines are full
RECENT_DAYS = 3  # the days logged through the journal's service, one dose at a time
SILENT_DAYS = (5, 6, 8)  # days since each silent person last logged anything

# (first name, last name, state). The states, in the order the people are made.
PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Jordan", "Reyes", "self_harm"),
    ("Priya", "Nair", "withdrawal"),
    ("Marcus", "Bell", "seven_oh"),
    ("Hannah", "Kowalski", "above_plan"),
    ("Tomás", "Ortega", "above_plan"),
    ("Grace", "Whitfield", "above_plan"),
    ("Devon", "Carter", "silent"),
    ("Leila", "Haddad", "silent"),
    ("Owen", "Fitzgerald", "silent"),
    ("Amara", "Okafor", "fine"),
    ("Ben", "Larsen", "fine"),
    ("Chloe", "Martin", "fine"),
    ("Diego", "Alvarez", "fine"),
    ("Erin", "Walsh", "fine"),
    ("Farah", "Siddiqui", "fine"),
    ("Gabe", "Thompson", "fine"),
    ("Iris", "Novak", "fine"),
    ("Jamal", "Price", "fine"),
    ("Kira", "Yamamoto", "fine"),
    ("Liam", "O'Connor", "fine"),
    ("Maya", "Goldberg", "fine"),
    ("Noah", "Schmidt", "fine"),
    ("Olivia", "Brooks", "fine"),
    ("Pablo", "Ruiz", "fine"),
    ("Quinn", "Harper", "fine"),
    ("Rosa", "Lindqvist", "fine"),
    ("Sam", "Adeyemi", "fine"),
    ("Tara", "Byrne", "fine"),
    ("Uma", "Patel", "fine"),
    ("Victor", "Moreau", "fine"),
)
# What most people share; every third person adds their medicines.
SHARED = ("journal", "plan", "checkins", "notes")
# Every item of the COWS at its mildest severe-range value: a total of 25 (Wesson & Ling 2003).
COWS_SEVERE = {
    "pulse": 2, "sweating": 2, "restlessness": 3, "pupils": 2, "aches": 2, "runny_nose": 2,
    "gi_upset": 3, "tremor": 2, "yawning": 2, "anxiety": 2, "gooseflesh": 3,
}  # fmt: skip


@dataclass(frozen=True)
class ClinicDemo:
    clinic: Clinic
    email: str
    password: str
    totp_secret: str
    people: int
    replaced: bool

    @property
    def first_person_email(self) -> str:
        first, last, _ = PEOPLE[0]
        return person_email(first, last)


def create_clinic_demo(*, password: str | None = None, seed: int = 7) -> ClinicDemo:
    """Replace the clinic demo with a fresh one (the same clinician email and people)."""
    secret = password or secrets.token_urlsafe(12)
    with transaction.atomic():
        replaced = _remove_previous()
        clinician, totp_secret = _clinician(secret)
        clinic = clinic_create(name=CLINIC_NAME, admin_email=clinician.email).clinic
        rng = random.Random(seed)
        for index, (first, last, state) in enumerate(PEOPLE):
            _person(clinic, clinician, index, first, last, state, rng)
        # One hash for them all (the clinician's): the demo people share its password.
        User.objects.filter(email__endswith=f"@{PEOPLE_DOMAIN}").update(password=clinician.password)
    return ClinicDemo(
        clinic=clinic,
        email=clinician.email,
        password=secret,
        totp_secret=totp_secret,
        people=len(PEOPLE),
        replaced=replaced,
    )


def person_email(first: str, last: str) -> str:
    local = f"{first}.{last}".lower().replace("'", "").replace("á", "a")
    return f"{local}@{PEOPLE_DOMAIN}"


def _remove_previous() -> bool:
    """Delete the previous demo's clinic, clinician and people (their data goes with them; the
    access log keeps its rows, which copy who and whose)."""
    clinics = Clinic.objects.filter(name=CLINIC_NAME)
    found = clinics.exists()
    clinics.delete()
    users = User.objects.filter(email=CLINICIAN_EMAIL) | User.objects.filter(
        email__endswith=f"@{PEOPLE_DOMAIN}"
    )
    found = users.exists() or found
    # Their doses first, in one statement: deleting them one by one would run the notice rules
    # for each (a deleted dose can change a person's alerts), for accounts about to go.
    doses = Dose.objects.filter(owner__in=users)
    doses._raw_delete(doses.db)
    users.delete()
    return found


def _clinician(password: str) -> tuple[User, str]:
    """Dr. Lee with a confirmed authenticator, set up as the MFA pages do it; returns the
    account and the authenticator's secret (base32)."""
    user = User.objects.create_user(
        CLINICIAN_EMAIL, password, display_name="Dr. Lee (demo)", time_zone="America/Chicago"
    )
    setup = totp_start(user=user)
    device = pending_totp(user)
    assert device is not None  # totp_start just made it
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    totp_confirm(user=user, code=f"{code:0{device.digits}d}")
    return user, setup.secret


def _moment(owner: User, days_ago: int, hour: int) -> dt.datetime:
    day = local_today(owner) - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=owner.zone)


def _person(
    clinic: Clinic,
    clinician: User,
    index: int,
    first: str,
    last: str,
    state: str,
    rng: random.Random,
) -> None:
    # No password yet: hashing is slow on purpose, so the caller gives everyone one hash.
    owner = User.objects.create_user(
        person_email(first, last), None, display_name=first, time_zone="America/Chicago"
    )
    shared = SHARED + (("medicines",) if index % 3 == 2 else ())
    _, code = patient_invitation_create(clinician=clinician, clinic_id=clinic.pk)
    consent = consent_sign(
        owner=owner,
        invitation_code=code,
        data_classes=shared,
        expires_on=None,
        signature=f"{first} {last}",
    )
    leaf = journal_services.product_create(
        owner=owner, name="Green leaf powder", form=Product.Form.LEAF_POWDER
    )
    usual = Decimal(rng.choice((6, 8, 9, 10, 12, 14)))
    # The plan began 2 to 7 days ago, 10 % less every 7 days: a step falls due for some today.
    plan_days = 2 + index % 6
    silent = SILENT_DAYS[index % len(SILENT_DAYS)] if state == "silent" else 0
    older: list[Dose] = []
    recent: list[tuple[dt.datetime, Decimal]] = []
    for back in range(HISTORY_DAYS, silent - 1 if silent else -1, -1):
        # Before the plan, their usual amount give or take a tenth; on it, under its target.
        wobble = Decimal(rng.randrange(90, 111)) / 100
        planned = (usual * Decimal("0.9")).quantize(Decimal("0.1"))
        grams = usual * wobble if back > plan_days else planned * min(wobble, Decimal(1))
        if state == "above_plan" and back < 4:
            grams = (usual * Decimal("1.4")).quantize(Decimal("0.1"))
        for hour, part in ((9, Decimal("0.6")), (16, Decimal("0.4"))):
            taken_at = _moment(owner, back, hour)
            amount = (grams * part).quantize(Decimal("0.1"))
            if back >= RECENT_DAYS:
                older.append(
                    Dose(owner=owner, product=leaf, amount=amount, grams=amount, taken_at=taken_at)
                )
            elif taken_at < timezone.now():  # today's later dose has not happened yet
                recent.append((taken_at, amount))
    # The older days in one insert: each dose_create runs the notice rules, which would make
    # the demo slow; alerts_evaluate below runs them over the whole history once.
    Dose.objects.bulk_create(older)
    data_changed(owner=owner)
    plan_create(
        owner=owner,
        product_id=leaf.pk,
        method="proportional",
        rate_pct=Decimal(10),
        interval_days=7,
        start_g=usual * Decimal("0.9"),
        start_date=local_today(owner) - dt.timedelta(days=plan_days),
        now=_moment(owner, plan_days, 20),
        confirm_above_recent=True,
        reason="Demo: agreed at the first visit.",
    )
    # The last days as the person logs them, on the plan.
    for taken_at, amount in recent:
        journal_services.dose_create(
            owner=owner, amount=amount, product_id=leaf.pk, taken_at=taken_at
        )
    _state(owner, consent, clinician, state, rng)
    if silent:
        # Silence counts from when sharing began: they joined and signed a month ago.
        began = timezone.now() - dt.timedelta(days=30)
        User.objects.filter(pk=owner.pk).update(date_joined=began)
        Consent.objects.filter(pk=consent.pk).update(signed_at=began)
    alerts_evaluate(owner=owner)


def _state(owner: User, consent: Consent, clinician: User, state: str, rng: random.Random) -> None:
    if state == "silent":
        return
    if state == "self_harm":
        # PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0.
        answers = {f"q{i}": 1 for i in range(1, 9)} | {"q9": 1}
        response_submit(owner=owner, instrument="phq9", answers=answers)
        note_create(
            author=clinician,
            person_id=owner.pk,
            text="Phoned after the PHQ-9. Safe tonight; sister is with them. Review tomorrow.",
            shared_with_person=False,
            kind="page",
            route="demo",
        )
    elif state == "withdrawal":
        clinician_response_submit(
            owner=owner, clinician=clinician, instrument="cows", answers=COWS_SEVERE
        )
    elif state == "seven_oh":
        tablets = journal_services.product_create(
            owner=owner, name="7-OH tablets", form=Product.Form.SEVEN_OH
        )
        for back in (2, 1):
            journal_services.dose_create(
                owner=owner,
                amount=Decimal(1),
                product_id=tablets.pk,
                taken_at=_moment(owner, back, 21),
                confirm_unusual=True,
            )
    # A short daily check-in for the last three evenings.
    for back in (3, 2, 1):
        response_submit(
            owner=owner,
            instrument="daily",
            answers=daily_answers(rng),
            now=_moment(owner, back, 21),
        )

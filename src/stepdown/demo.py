"""The demo account: every feature in use. Four months of journal, a month of check-ins, a
completed onboarding, a goal with limits (and the nudges they raise), the safety-net alerts the
rules find, a plan, and three measured skin-photo sessions.

Everything goes through the same services as the web, so the demo also exercises them. Figures
are invented but plausible: a daily leaf user at 4–5 doses a day drifting from about 9 g to
12 g a day over four months, a little more at weekends (GarciaRomeu2020 and Grundmann2017
describe such patterns).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.accounts.services import data_changed
from stepdown.alerts.evaluation import alerts_evaluate, nudges_evaluate
from stepdown.checkins.services import response_submit
from stepdown.goals.models import Goal
from stepdown.goals.services import goal_save
from stepdown.journal import services as journal_services
from stepdown.journal.models import Product
from stepdown.journal.services import dose_create
from stepdown.plans.services import plan_create
from stepdown.profile.services import onboarding_replace
from stepdown.reminders.worker import run_queued_tasks
from stepdown.skin.services import photo_check, photo_set_region, session_create
from stepdown.substances.services import substance_create

CHECKIN_DAYS = 30


def create_demo(*, password: str | None = None, seed: int = 7) -> tuple[str, str]:
    """Replace the demo account; returns (email, password)."""
    email, secret, owner = _create_records(password=password, seed=seed)
    # After the records are committed: the worker's queue runs outside any transaction.
    _add_skin_sessions(owner)
    return email, secret


@transaction.atomic
def _create_records(*, password: str | None, seed: int) -> tuple[str, str, User]:
    email, secret = create_demo_account(password=password, seed=seed)
    owner = User.objects.get(email=email)
    rng = random.Random(seed)
    _add_checkins(owner, rng)
    _add_onboarding_and_goal(owner)
    leaf = Product.objects.get(owner=owner, name="Green Maeng Da")
    plan_create(
        owner=owner,
        product_id=leaf.pk,
        method="proportional",
        rate_pct=Decimal(10),
        start_g=Decimal(12),
        start_date=local_today(owner),
        doses_per_day=5,
        target_doses_per_day=3,
        confirm_above_recent=True,
        reason="Demo: a steady 10 % plan from today.",
    )
    # Two drinks the evening before: kratom and alcohol within a day raise a co-use alert.
    substance_create(
        owner=owner,
        category="alcohol",
        amount=Decimal(2),
        unit="standard_drink",
        taken_at=_evening(owner, 1),
        note="Demo: a birthday dinner.",
    )
    # What the writes and the daily job would find: nudges and the safety-net alerts.
    nudges_evaluate(owner=owner)
    alerts_evaluate(owner=owner)
    return email, secret, owner


# Days ago and how bright the back of the hand is against the inner arm: a slow darkening, so
# the skin page has a trend to show (invented figures).
SKIN_SESSIONS = ((120, 0.82), (60, 0.80), (5, 0.77))


def _add_skin_sessions(owner: User) -> None:
    """Calibrated photos (a rendered colour chart and two skin sites) through the same upload
    and measuring path as the web; the measuring runs as the worker would run it."""
    from stepdown.core.colour.sample import render_sample_photo  # numpy and OpenCV: only here

    for index, (days_ago, tone) in enumerate(SKIN_SESSIONS):
        sample = render_sample_photo(seed=index, width=1600, height=1200, exposed_tone=tone)
        upload = photo_check(data=sample.jpeg)
        session = session_create(
            owner=owner,
            exposed_site="back_of_hand",
            taken_at=timezone.now() - dt.timedelta(days=days_ago),
            notes="Demo: a rendered photo with a colour chart.",
            photos={"exposed": upload, "reference": upload},
        ).session
        run_queued_tasks()  # the worker prepares the uploads before their regions are drawn
        for photo in session.photos.all():
            area = sample.exposed if photo.role == "exposed" else sample.reference
            region = {"kind": "rect", "x": area.x, "y": area.y}
            photo_set_region(
                owner=owner,
                photo_id=photo.pk,
                region=region | {"width": area.width, "height": area.height},
            )
    run_queued_tasks()


FIRST_WEEK_EMAIL = "first-week@stepdown.example"


@transaction.atomic
def create_first_week(*, password: str, email: str = FIRST_WEEK_EMAIL) -> str:
    """A second demo person, one week in: seven full days at 11.8 g, nothing yet today, and a
    "weekdays only" goal (at most 3 g a day) with a Saturday dose that breaks it."""
    User.objects.filter(email=email).delete()
    owner = User.objects.create_user(
        email, password, display_name="Alex (demo)", time_zone="America/Chicago"
    )
    today = local_today(owner)
    for back in range(7, 0, -1):
        day = today - dt.timedelta(days=back)
        for hour, grams in ((8, "5.9"), (14, "5.9")):
            dose_create(
                owner=owner,
                amount=Decimal(grams),
                taken_at=dt.datetime.combine(day, dt.time(hour), tzinfo=owner.zone),
            )
    goal_save(
        owner=owner,
        fields={
            "purpose": "Energy at work, weekdays only, until March.",
            "max_g_per_day": Decimal(3),
            "allowed_weekdays": [0, 1, 2, 3, 4],
        },
    )
    Goal.objects.filter(owner=owner).update(limits_from=today - dt.timedelta(days=7))
    data_changed(owner=owner)
    nudges_evaluate(owner=owner)
    return email


GOAL_DAYS_AGO = 21  # the demo's limits were set three weeks ago, so the journal has met them


def _add_onboarding_and_goal(owner: User) -> None:
    onboarding_replace(
        owner=owner,
        answers={
            "reason": "cut_down",
            "days_per_week": 7,
            "doses_per_day": Decimal(5),
            "grams_per_dose": Decimal("2.2"),
            "years_of_use": Decimal(3),
            "forms_used": ["leaf_powder", "capsules"],
            "substance_history": "past",
            "withdrawal_when_stopping": True,
        },
        medicines=["gabapentin"],
    )
    goal_save(
        owner=owner,
        fields={
            "purpose": "Use less on weekdays and be off kratom by summer.",
            "max_g_per_day": Decimal(13),
            "max_days_per_week": 6,
            "min_hours_between": Decimal(3),
            "price_per_g": Decimal("0.08"),
            "currency": "$",
        },
    )
    # The service dates new limits from today; the demo shows three weeks of living with them.
    Goal.objects.filter(owner=owner).update(
        limits_from=local_today(owner) - dt.timedelta(days=GOAL_DAYS_AGO)
    )
    data_changed(owner=owner)


def _evening(owner: User, days_ago: int) -> dt.datetime:
    day = local_today(owner) - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(21, 0), tzinfo=owner.zone)


def daily_answers(rng: random.Random) -> dict[str, object]:
    """A plausible daily check-in: mild symptoms, middling craving, sleep and mood."""
    symptoms = {
        code: rng.choice((0, 0, 1, 1, 2))
        for code in (
            "irritability", "low_mood", "anxiety", "trouble_sleeping", "nausea", "diarrhoea",
            "restlessness", "fatigue", "aches", "runny_nose", "yawning", "sweating",
        )
    }  # fmt: skip
    answers: dict[str, object] = {
        **symptoms,
        "craving": rng.randrange(25, 65),
        "sleep_hours": round(rng.uniform(5.5, 8.0), 1),
        "sleep_quality": rng.choice((1, 2, 2, 3)),
        "energy": rng.choice((1, 2, 2, 3)),
        "sedation": rng.choice((0, 1, 1, 2)),
        "mood": rng.choice((1, 2, 2, 3)),
        "sociability": rng.choice((1, 2, 3)),
        "exercise_minutes": rng.choice((0, 0, 15, 20, 30, 45)),
        "mindfulness_minutes": rng.choice((0, 0, 5, 10)),
        "regular_meals": rng.choice((0, 1, 1)),
        "support_contact": rng.choice((0, 1)),
    }
    return answers


def _add_checkins(owner: User, rng: random.Random) -> None:
    now = timezone.now()
    for days_ago in range(CHECKIN_DAYS, 0, -1):
        moment = _evening(owner, days_ago)
        if moment > now:
            continue
        answers = daily_answers(rng)
        response_submit(owner=owner, instrument="daily", answers=answers, now=moment)
    # Two mood and anxiety screens, two weeks apart; item 9 is 0 (no crisis in the demo).
    screens = (
        (28, (1, 1, 2, 1, 1, 0, 1, 0, 0), (1, 1, 1, 0, 1, 1, 0)),
        (14, (1, 0, 1, 1, 0, 0, 1, 0, 0), (1, 0, 1, 0, 1, 0, 0)),
    )
    for days_ago, phq, gad in screens:
        moment = _evening(owner, days_ago)
        response_submit(
            owner=owner,
            instrument="phq9",
            answers={f"q{i + 1}": value for i, value in enumerate(phq)},
            now=moment,
        )
        response_submit(
            owner=owner,
            instrument="gad7",
            answers={f"q{i + 1}": value for i, value in enumerate(gad)},
            now=moment,
        )


DEMO_EMAIL = "demo@stepdown.example"
DEMO_DAYS = 120


@transaction.atomic
def create_demo_account(
    *, password: str | None = None, email: str = DEMO_EMAIL, days: int = DEMO_DAYS, seed: int = 7
) -> tuple[str, str]:
    """Replace the demo account with a fresh one; returns (email, password)."""
    User.objects.filter(email=email).delete()
    secret = password or secrets.token_urlsafe(12)
    user = User.objects.create_user(
        email, secret, display_name="Sam (demo)", time_zone="America/Chicago"
    )
    leaf = journal_services.product_create(
        owner=user,
        name="Green Maeng Da",
        vendor="Example Botanicals",
        form=Product.Form.LEAF_POWDER,
        batch="GMD-2611",
        mitragynine_mg_per_unit=Decimal("15.2"),
        seven_oh_mg_per_unit=Decimal("0.21"),
        lab_name="Example Labs",
        lab_test_date=local_today(user) - dt.timedelta(days=150),
        heavy_metals=Product.Result.PASS,
        microbial=Product.Result.PASS,
    )
    capsules = journal_services.product_create(
        owner=user,
        name="Red Bali capsules",
        vendor="Capsule Co.",
        form=Product.Form.CAPSULES,
        capsule_weight_g=Decimal("0.5"),
        mitragynine_mg_per_unit=Decimal("12.8"),
    )
    journal_services.product_create(
        owner=user, name="Local shop leaf", form=Product.Form.LEAF_POWDER, vendor="Corner shop"
    )
    _add_doses(user, leaf, capsules, days=days, rng=random.Random(seed))
    return email, secret


def _add_doses(
    user: User, leaf: Product, capsules: Product, *, days: int, rng: random.Random
) -> None:
    now = timezone.now().astimezone(user.zone)
    first_day = now.date() - dt.timedelta(days=days - 1)
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        weekend = day.weekday() >= 5
        target_g = 9 + 3 * offset / days + (1.0 if weekend else 0) + rng.uniform(-0.8, 0.8)
        count = rng.choice((4, 5, 5)) if not weekend else 5
        hours = sorted(rng.sample(range(7, 22), count))
        for hour in hours:
            taken_at = dt.datetime.combine(day, dt.time(hour, rng.randrange(60)), tzinfo=user.zone)
            if taken_at >= now:
                continue
            if rng.random() < 0.15:
                amount, unit, product = Decimal(rng.choice((4, 5, 6))), "capsule", capsules
            else:
                grams = Decimal(str(round(target_g / count, 1)))
                amount, unit, product = grams, "g", leaf
            journal_services.dose_create(
                owner=user,
                amount=amount,
                unit=unit,
                product_id=product.pk,
                taken_at=taken_at,
                purpose=rng.choice(("energy", "pain", "withdrawal_relief", "mood", "")),
            )


__all__ = ["DEMO_EMAIL", "FIRST_WEEK_EMAIL", "create_demo", "create_first_week"]

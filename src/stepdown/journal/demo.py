"""Realistic synthetic data so every page has something to show.

Figures are invented but plausible: a daily leaf user at 4–5 doses a day drifting from about 9 g
to 12 g a day over four months, a little more at weekends (GarciaRomeu2020 and Grundmann2017
describe such patterns).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.journal import services
from stepdown.journal.models import Product

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
    leaf = services.product_create(
        owner=user,
        name="Green Maeng Da",
        vendor="Example Botanicals",
        form=Product.Form.LEAF_POWDER,
        batch="GMD-2611",
        mitragynine_mg_per_unit=Decimal("15.2"),
        seven_oh_mg_per_unit=Decimal("0.21"),
        lab_name="Example Labs",
        lab_test_date=timezone.now().date() - dt.timedelta(days=150),
        heavy_metals=Product.Result.PASS,
        microbial=Product.Result.PASS,
    )
    capsules = services.product_create(
        owner=user,
        name="Red Bali capsules",
        vendor="Capsule Co.",
        form=Product.Form.CAPSULES,
        capsule_weight_g=Decimal("0.5"),
        mitragynine_mg_per_unit=Decimal("12.8"),
    )
    services.product_create(
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
            services.dose_create(
                owner=user,
                amount=amount,
                unit=unit,
                product_id=product.pk,
                taken_at=taken_at,
                purpose=rng.choice(("energy", "pain", "withdrawal_relief", "mood", "")),
            )

"""Bench data: one person with three years of doses (4–5 a day) and an API token.

Run inside Django (``benches/load.py`` does it); prints the token on stdout.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from benches.account import BASELINE_EMAIL, BENCH_EMAIL, BENCH_PASSWORD
from stepdown.accounts.models import User
from stepdown.accounts.services import token_create
from stepdown.journal.models import Dose, Product

YEARS = 3


@transaction.atomic
def generate(*, seed: int = 3) -> str:
    rng = random.Random(seed)
    User.objects.filter(email__in=[BENCH_EMAIL, BASELINE_EMAIL]).delete()
    User.objects.create_user(BASELINE_EMAIL, BENCH_PASSWORD)
    user = User.objects.create_user(BENCH_EMAIL, BENCH_PASSWORD, time_zone="America/Chicago")
    product = Product.objects.create(
        owner=user, name="Bench leaf", mitragynine_mg_per_unit=Decimal("15.0")
    )
    now = timezone.now()
    doses = []
    for day in range(YEARS * 365):
        moment = now - dt.timedelta(days=day)
        for _ in range(rng.choice((4, 5))):
            grams = Decimal(str(round(rng.uniform(1.5, 3.5), 1)))
            taken = moment.replace(hour=rng.randrange(7, 22), minute=rng.randrange(60))
            if taken > now:
                taken -= dt.timedelta(days=1)
            doses.append(
                Dose(
                    owner=user,
                    product=product,
                    taken_at=taken,
                    amount=grams,
                    grams=grams,
                    mitragynine_mg=grams * 15,
                    unit="g",
                )
            )
    Dose.objects.bulk_create(doses, batch_size=2000)
    _, secret = token_create(owner=user, name="bench")
    return secret

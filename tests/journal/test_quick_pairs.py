"""The "same as last time" buttons: distinct recent doses, newest first, never archived products."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from stepdown.journal.models import Dose, Product
from stepdown.journal.recent import recent_pairs

pytestmark = pytest.mark.django_db


def _dose(
    owner: Any, product: Product | None, amount: str, hours_ago: int, unit: str = "g"
) -> None:
    Dose.objects.create(
        owner=owner, product=product, amount=Decimal(amount), unit=unit,
        taken_at=timezone.now() - dt.timedelta(hours=hours_ago),
    )  # fmt: skip


def test_pairs_are_distinct_and_newest_first(person: Any) -> None:
    leaf = Product.objects.create(owner=person, name="Leaf")
    _dose(person, leaf, "2.5", 1)
    _dose(person, leaf, "2.50", 2)  # the same amount written differently
    _dose(person, leaf, "3", 3)
    _dose(person, None, "1", 4)
    _dose(person, leaf, "4", 5)
    pairs = recent_pairs(owner=person)
    assert [(p.product, p.amount.normalize(), p.unit) for p in pairs] == [
        (leaf, Decimal("2.5"), "g"),
        (leaf, Decimal(3), "g"),
        (None, Decimal(1), "g"),
    ]
    assert pairs[0].label == "2.5 g Leaf"


def test_archived_products_are_not_offered(person: Any) -> None:
    old = Product.objects.create(owner=person, name="Old", archived_at=timezone.now())
    current = Product.objects.create(owner=person, name="Current")
    _dose(person, old, "2", 1)
    _dose(person, current, "3", 2, unit="g")
    assert [p.product for p in recent_pairs(owner=person)] == [current]


def test_only_the_owners_doses_count(person: Any, other_person: Any) -> None:
    theirs = Product.objects.create(owner=other_person, name="Theirs")
    _dose(other_person, theirs, "5", 1)
    assert recent_pairs(owner=person) == []

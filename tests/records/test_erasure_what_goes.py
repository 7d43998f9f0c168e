"""The "Delete my account" page's list of what goes: each count reads in the right number, in
English and in French (French uses the singular for 0 and 1, the plural from 2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone, translation

from stepdown.accounts.clock import local_today
from stepdown.journal import services as journal
from stepdown.plans.services import plan_create
from stepdown.records.erasure import what_goes

pytestmark = pytest.mark.django_db


def _one_plan_one_product_and(doses: int, owner: Any) -> None:
    product = journal.product_create(owner=owner, name="Leaf")
    for hours_ago in range(1, doses + 1):
        journal.dose_create(
            owner=owner,
            amount=Decimal(2),
            product_id=product.pk,
            taken_at=timezone.now() - dt.timedelta(hours=hours_ago),
        )
    plan_create(
        owner=owner,
        product_id=product.pk,
        method="proportional",
        rate_pct=Decimal(10),
        start_g=Decimal(12),
        start_date=local_today(owner),
        doses_per_day=3,
        target_doses_per_day=3,
        confirm_above_recent=True,
    )


def test_one_of_a_kind_is_singular_and_more_are_plural_in_english(make_user: Any) -> None:
    person = make_user("sam@example.org")
    _one_plan_one_product_and(2, person)
    with translation.override("en"):
        lines = what_goes(person)
    assert "1 taper plan, with its steps and changes" in lines
    assert "1 product" in lines
    assert "2 doses in your journal" in lines
    assert not any(line.startswith("1 taper plans") or line == "1 products" for line in lines)
    # Kinds with none are left out rather than said as "0 ...".
    assert not any(line.startswith("0 ") for line in lines)


def test_the_counts_read_right_in_french(make_user: Any) -> None:
    one = make_user("sam@example.org")
    _one_plan_one_product_and(1, one)
    two = make_user("lee@example.org")
    _one_plan_one_product_and(2, two)
    with translation.override("fr"):
        singular, plural = what_goes(one), what_goes(two)
    assert "1 plan de diminution, avec ses étapes et ses modifications" in singular
    assert "1 produit" in singular
    assert "1 prise dans votre journal" in singular
    assert "2 prises dans votre journal" in plural


def test_every_count_comes_from_one_statement_and_is_the_persons_own(
    make_user: Any, django_assert_num_queries: Any
) -> None:
    person = make_user("sam@example.org")
    other = make_user("alex@example.org")
    _one_plan_one_product_and(2, person)
    _one_plan_one_product_and(3, other)  # someone else's records never count
    with translation.override("en"), django_assert_num_queries(1):
        lines = what_goes(person)
    assert lines == [
        "2 doses in your journal",
        "1 product",
        "1 taper plan, with its steps and changes",
    ]

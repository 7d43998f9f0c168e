"""``raw_models`` makes the instances ``Model.objects.raw`` makes: the same field values with the
same types (aware instants, booleans, decimals), deferred fields left deferred, other columns as
attributes, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.goals.models import Goal
from stepdown.journal.models import Dose, Product
from stepdown.web.raw_rows import columns_of, raw_models

USER_SQL = 'SELECT "accounts_user".*, 1 + 1 AS "two" FROM "accounts_user" WHERE "id" = %s'
DOSE_SQL = 'SELECT "id", "taken_at", "grams", "owner_id" FROM "journal_dose" WHERE "owner_id" = %s'


def _fields(instance: Any, model: type[Any]) -> dict[str, Any]:
    loaded = instance.get_deferred_fields()
    return {
        f.attname: getattr(instance, f.attname)
        for f in model._meta.concrete_fields
        if f.attname not in loaded
    }


@pytest.mark.django_db
def test_a_person_as_raw_makes_them(person: User) -> None:
    person.last_login = timezone.now()
    person.save()
    (made,) = raw_models(User, USER_SQL, [person.pk])
    (expected,) = list(User.objects.raw(USER_SQL, [person.pk]))
    assert _fields(made, User) == _fields(expected, User)
    assert {type(v) for v in _fields(made, User).values()} == {
        type(v) for v in _fields(expected, User).values()
    }
    assert made.last_login is not None
    assert made.last_login.tzinfo is not None
    assert made.is_active is True
    assert made.two == expected.two == 2
    assert not made._state.adding
    assert made._state.db == "default"
    assert made == person


@pytest.mark.django_db
def test_unselected_fields_are_deferred_and_values_convert(person: User) -> None:
    taken = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)
    Dose.objects.create(owner=person, amount=Decimal("2.5"), grams=Decimal("2.5"), taken_at=taken)
    (made,) = raw_models(Dose, DOSE_SQL, [person.pk])
    assert made.taken_at == taken
    assert made.taken_at.tzinfo is not None
    assert made.grams == Decimal("2.5")
    assert isinstance(made.grams, Decimal)
    assert made.get_deferred_fields() == {f.attname for f in Dose._meta.concrete_fields} - {
        "id",
        "taken_at",
        "grams",
        "owner_id",
    }
    assert made.note == ""  # a deferred field still loads when read


@pytest.mark.django_db
def test_no_rows_and_a_missing_primary_key(person: User) -> None:
    assert raw_models(User, USER_SQL, [person.pk + 1000]) == []
    with pytest.raises(ValueError, match="primary key"):
        raw_models(User, 'SELECT "email" FROM "accounts_user" WHERE "id" = %s', [person.pk])


DOSE_COLUMNS = columns_of(Dose, table="d", only=["taken_at", "amount"])
PRODUCT_COLUMNS = columns_of(
    Product, table="p", prefix="product__", only=["name", "capsule_weight_g", "archived_at"]
)
JOINED_SQL = (
    f"SELECT {DOSE_COLUMNS}, {PRODUCT_COLUMNS} "  # noqa: S608 (names from the models)
    'FROM "journal_dose" d LEFT JOIN "journal_product" p ON p."id" = d."product_id" '
    'WHERE d."owner_id" = %s ORDER BY d."taken_at"'
)


@pytest.mark.django_db
def test_a_related_row_is_filled_as_select_related_fills_it(
    person: User, django_assert_num_queries: Any
) -> None:
    archived = timezone.now().replace(microsecond=0)
    product = Product.objects.create(
        owner=person, name="Red", capsule_weight_g=Decimal("0.5"), archived_at=archived
    )
    start = dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC)
    Dose.objects.create(owner=person, product=product, amount=Decimal("2"), taken_at=start)
    Dose.objects.create(owner=person, amount=Decimal("1.5"), taken_at=start + dt.timedelta(hours=1))
    with_product, without = raw_models(Dose, JOINED_SQL, [person.pk], related={"product": Product})
    with django_assert_num_queries(0):
        assert with_product.product is not None
        assert with_product.product.pk == product.pk
        assert with_product.product.name == "Red"
        assert with_product.product.capsule_weight_g == Decimal("0.5")
        assert isinstance(with_product.product.capsule_weight_g, Decimal)
        assert with_product.product.archived_at == archived  # converted: aware, on SQLite too
        assert with_product.taken_at == start
        assert without.product is None  # a NULL key: no product, and no query to find out
    assert with_product.product.get_deferred_fields() >= {"vendor", "batch", "created_at"}
    assert "product__name" not in vars(with_product)  # a relation's column is not an attribute


@pytest.mark.django_db
def test_a_missing_reverse_one_to_one_raises_as_select_related_does(person: User) -> None:
    goal_columns = columns_of(Goal, table="goals_goal", prefix="goal__")
    sql = (
        f'SELECT "accounts_user"."id", {goal_columns} '  # noqa: S608 (names from the models)
        'FROM "accounts_user" LEFT JOIN "goals_goal" ON "goals_goal"."owner_id" = '
        '"accounts_user"."id" WHERE "accounts_user"."id" = %s'
    )
    (made,) = raw_models(User, sql, [person.pk], related={"goal": Goal})
    with pytest.raises(Goal.DoesNotExist):
        made.goal  # noqa: B018
    goal = Goal.objects.create(owner=person, purpose="energy", limits_from=dt.date(2026, 1, 1))
    (made,) = raw_models(User, sql, [person.pk], related={"goal": Goal})
    assert made.goal.pk == goal.pk
    assert made.goal.purpose == "energy"


@pytest.mark.django_db
def test_rows_that_share_a_related_row_share_its_instance(person: User) -> None:
    red = Product.objects.create(owner=person, name="Red")
    green = Product.objects.create(owner=person, name="Green")
    start = dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC)
    for hours, product in enumerate([red, green, red]):
        Dose.objects.create(
            owner=person,
            product=product,
            amount=Decimal(1),
            taken_at=start + dt.timedelta(hours=hours),
        )
    first, second, third = raw_models(Dose, JOINED_SQL, [person.pk], related={"product": Product})
    assert first.product is third.product
    assert first.product is not None
    assert first.product.name == "Red"
    assert second.product is not None
    assert second.product.name == "Green"


@pytest.mark.django_db
def test_a_model_with_an_init_receiver_is_made_through_its_init(person: User) -> None:
    """Rows are filled directly only where ``__init__`` would do nothing more; a receiver of
    ``post_init`` still hears of every instance."""
    from django.db.models.signals import post_init

    Dose.objects.create(owner=person, amount=Decimal(1), taken_at=timezone.now())
    heard: list[Any] = []

    def listen(sender: Any, instance: Any, **kwargs: Any) -> None:
        heard.append(instance)

    post_init.connect(listen, sender=Dose)
    try:
        (made,) = raw_models(Dose, DOSE_SQL, [person.pk])
    finally:
        post_init.disconnect(listen, sender=Dose)
    assert heard == [made]
    (plain,) = raw_models(Dose, DOSE_SQL, [person.pk])
    assert plain == made
    assert plain.get_deferred_fields() == made.get_deferred_fields()
    assert not plain._state.adding

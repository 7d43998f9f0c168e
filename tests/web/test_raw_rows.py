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
from stepdown.journal.models import Dose
from stepdown.web.raw_rows import raw_models

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

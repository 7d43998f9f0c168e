"""A retried dose whose first attempt lands between the retry's look-up and its insert: the
retry answers with that dose and creates nothing, whether it runs on its own (the insert is its
own transaction, so the rules read after the commit) or inside a caller's transaction, which
must stay usable afterwards (PostgreSQL aborts a transaction whose statement failed)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest

from stepdown.journal import services
from stepdown.journal.models import Dose


def _first_attempt_lands_meanwhile(monkeypatch: pytest.MonkeyPatch, key: uuid.UUID) -> None:
    """The first attempt's insert lands just after the retry looked for its key."""
    real_check = services._check_time

    def check_then_race(owner: Any, taken_at: Any, **kwargs: Any) -> None:
        monkeypatch.setattr(services, "_check_time", real_check)  # once
        Dose.objects.create(owner=owner, amount=1, grams=1, taken_at=taken_at, client_id=key)
        real_check(owner, taken_at, **kwargs)

    monkeypatch.setattr(services, "_check_time", check_then_race)


@pytest.mark.parametrize(
    "alone",
    [
        pytest.param(True, marks=pytest.mark.django_db(transaction=True), id="on-its-own"),
        pytest.param(False, marks=pytest.mark.django_db, id="inside-a-transaction"),
    ],
)
def test_a_retry_that_loses_the_race_returns_the_first_and_the_database_goes_on(
    alone: bool, person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import connection

    assert connection.in_atomic_block is not alone
    key = uuid.uuid4()
    _first_attempt_lands_meanwhile(monkeypatch, key)
    result = services.dose_create(owner=person, amount=Decimal(2), client_id=key)
    assert result.created is False
    assert Dose.objects.filter(owner=person).count() == 1
    assert result.dose.amount == 1
    # The connection goes on: inside a transaction, a failed insert without its savepoint would
    # break it here (PostgreSQL).
    services.dose_create(owner=person, amount=Decimal(3), client_id=uuid.uuid4())
    assert sorted(Dose.objects.filter(owner=person).values_list("amount", flat=True)) == [1, 3]


@pytest.mark.parametrize(
    "alone",
    [
        pytest.param(True, marks=pytest.mark.django_db(transaction=True), id="on-its-own"),
        pytest.param(False, marks=pytest.mark.django_db, id="inside-a-transaction"),
    ],
)
def test_another_constraints_failure_is_raised_not_answered_as_a_retry(
    alone: bool, person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The insert, not a look-up, finds a repeated key: a failure of any other constraint (here
    the positive amount, past a validation made to miss it) with a new key is still an error."""
    from django.db import IntegrityError, connection

    assert connection.in_atomic_block is not alone
    real_fill = services._fill_estimate

    def fill_then_zero(dose: Dose) -> None:
        real_fill(dose)
        dose.amount = Decimal(0)

    monkeypatch.setattr(services, "_fill_estimate", fill_then_zero)
    with pytest.raises(IntegrityError):
        services.dose_create(owner=person, amount=Decimal(2), client_id=uuid.uuid4())
    assert not Dose.objects.filter(owner=person).exists()

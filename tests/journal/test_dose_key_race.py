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


@pytest.mark.django_db(transaction=True)
def test_a_retry_that_loses_the_race_on_its_own_returns_the_first(
    person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = uuid.uuid4()
    _first_attempt_lands_meanwhile(monkeypatch, key)
    result = services.dose_create(owner=person, amount=Decimal(2), client_id=key)
    assert result.created is False
    assert Dose.objects.filter(owner=person).count() == 1
    assert result.dose.amount == 1


@pytest.mark.django_db
def test_a_retry_that_loses_the_race_inside_a_transaction_leaves_it_usable(
    person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = uuid.uuid4()
    _first_attempt_lands_meanwhile(monkeypatch, key)
    result = services.dose_create(owner=person, amount=Decimal(2), client_id=key)
    assert result.created is False
    # The same transaction goes on: a failed insert without its savepoint would break it here.
    services.dose_create(owner=person, amount=Decimal(3), client_id=uuid.uuid4())
    assert sorted(Dose.objects.filter(owner=person).values_list("amount", flat=True)) == [1, 3]

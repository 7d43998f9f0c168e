"""Erasure in the access log: a person's rows become tombstones and the chain is sealed again.

GDPR Art. 17 lets the log keep what a legal obligation needs (Art. 17(3)(b)): that a recipient
had access, when, and how. A tombstone keeps the row's id, its date, the recipient (actor name,
email, role), the kind and the purpose; the owner becomes an opaque random id (``erased_as``,
the same on all of one person's rows, kept nowhere else), and what was read (data classes,
action, route) is emptied.

Changing a row changes its HMAC and so every HMAC after it (``chain.py``): under the chain's
lock, the rows from the person's first one onward are sealed again with the key, so ``stepdown
audit verify`` holds afterwards. An anchor an operator kept for a row at or after that point
must be taken again (the next ``verify`` prints it).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db import models, transaction

from stepdown.audit.chain import GENESIS, seal
from stepdown.audit.models import AccessEvent
from stepdown.audit.services import lock_chain

_CHUNK = 1000


@dataclass(frozen=True)
class Tombstones:
    """How many rows became tombstones, and their opaque id ("" when there were none)."""

    rows: int
    erased_as: str


def _rows() -> models.QuerySet[AccessEvent]:
    # The plain queryset: the model's own refuses every change (the log is append-only for
    # everything but erasure).
    return models.QuerySet(model=AccessEvent)


def tombstone_owner(*, owner_id: int) -> Tombstones:
    """Turn every row about ``owner_id`` into a tombstone and re-seal the chain after it."""
    with transaction.atomic():
        lock_chain()
        first = _rows().filter(owner_id=owner_id).order_by("id").values_list("id", flat=True)
        first_id = first.first()
        if first_id is None:
            return Tombstones(rows=0, erased_as="")
        erased_as = secrets.token_hex(16)
        count = (
            _rows()
            .filter(owner_id=owner_id)
            .update(owner=None, erased_as=erased_as, data_classes=[], action="", route="")
        )
        reseal_from(first_id)
    return Tombstones(rows=count, erased_as=erased_as)


def reseal_from(first_id: int) -> int:
    """Seal every row from ``first_id`` on again, in id order; the caller holds the lock.
    Returns how many HMACs changed."""
    before = _rows().filter(id__lt=first_id).order_by("-id").values_list("hmac", flat=True)
    previous = before.first() or GENESIS
    changed, after = 0, first_id - 1
    while True:
        chunk = list(_rows().filter(id__gt=after).order_by("id")[:_CHUNK])
        if not chunk:
            return changed
        stale = []
        for event in chunk:
            fresh = seal(event, previous)
            if fresh != event.hmac:
                event.hmac = fresh
                stale.append(event)
            previous = fresh
        if stale:
            _rows().bulk_update(stale, ["hmac"], batch_size=500)
            changed += len(stale)
        after = chunk[-1].pk

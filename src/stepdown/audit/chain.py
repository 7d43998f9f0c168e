"""The access log's hash chain: each row's HMAC covers every column and the previous row's HMAC.

The key is derived from ``SECRET_KEY`` with a fixed salt (Django's ``salted_hmac``), so someone
who can write to the database but does not hold the key cannot forge a row, and a row changed,
removed or moved shows as the first row whose HMAC no longer matches. Removing the newest rows
leaves no break behind them: ``stepdown audit verify`` prints the last row's id and HMAC so an
operator can keep that anchor elsewhere and compare.
"""

from __future__ import annotations

import datetime as dt
import hmac as hmac_lib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

from stepdown.audit.models import AccessEvent

KEY_SALT = "stepdown.audit.AccessEvent.chain"
# The HMAC the first row chains from.
GENESIS = ""


def _instant(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _owner(event: AccessEvent) -> int | str:
    # A tombstone's opaque id in the owner's place. Rows written before tombstones existed
    # always have an owner, so their canonical form (and HMAC) is what it was.
    return event.owner_id if event.owner_id is not None else f"erased:{event.erased_as}"


def canonical(event: AccessEvent, previous_hmac: str) -> str:
    """Every column but the HMAC itself, in a fixed order, as compact JSON."""
    return json.dumps(
        [
            event.pk,
            event.actor_id,
            event.actor_name,
            event.actor_email,
            event.actor_role,
            _owner(event),
            _instant(event.at),
            event.data_classes,
            event.kind,
            event.purpose,
            event.action,
            event.route,
            previous_hmac,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def seal(event: AccessEvent, previous_hmac: str) -> str:
    return salted_hmac(KEY_SALT, canonical(event, previous_hmac), algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Verdict:
    """``broken_id`` is the first row whose HMAC does not match, or None when the chain holds."""

    checked: int
    broken_id: int | None
    last_id: int | None
    last_hmac: str

    @property
    def holds(self) -> bool:
        return self.broken_id is None


def verify(events: Iterable[AccessEvent]) -> Verdict:
    """Walks ``events`` in id order and stops at the first row that does not match."""
    previous, checked, last_id = GENESIS, 0, None
    for event in events:
        if not hmac_lib.compare_digest(seal(event, previous), event.hmac):
            return Verdict(checked=checked, broken_id=event.pk, last_id=last_id, last_hmac=previous)
        previous, checked, last_id = event.hmac, checked + 1, event.pk
    return Verdict(checked=checked, broken_id=None, last_id=last_id, last_hmac=previous)


def verify_log() -> Verdict:
    """The whole log, oldest first, read in chunks (the log only grows)."""
    return verify(AccessEvent.objects.order_by("id").iterator(chunk_size=2000))

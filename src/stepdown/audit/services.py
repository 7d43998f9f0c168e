"""Writing the access log: one row per read of someone else's data, one per clinician write.

Every append takes the chain's lock inside a transaction, reads the newest row, and inserts the
next id with an HMAC over the new row and the newest row's HMAC (``chain.py``). On PostgreSQL the
lock is a transaction-level advisory lock; SQLite's ``BEGIN IMMEDIATE`` (``transaction_mode`` in
the settings) already lets one writer in at a time. Ids are given explicitly (the newest plus
one), so two appends that raced past the lock would collide on the key rather than fork the chain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.audit.chain import GENESIS, seal
from stepdown.audit.models import AccessEvent, Action, ActorRole, DataClass, Kind, Purpose
from stepdown.errors import InvalidInput

# Any fixed number: the advisory lock every append on PostgreSQL waits for.
_PG_CHAIN_LOCK = 0x5D_A0D1_7106
_ROUTE_NAME = re.compile(r"[A-Za-z0-9_.:-]{1,100}")
_ORDER = list(DataClass.values)


def _choice(field: str, value: str, choices: type[models.TextChoices]) -> str:
    if value not in choices.values:
        raise InvalidInput(
            field, _("must be one of %(choices)s") % {"choices": ", ".join(choices.values)}
        )
    return value


def _classes(data_classes: Iterable[str]) -> list[str]:
    """Known classes, each once, in the vocabulary's order (so equal sets seal equally)."""
    chosen = set(data_classes)
    unknown = sorted(chosen - set(_ORDER))
    if unknown:
        raise InvalidInput(
            "data_classes", _("unknown data class: %(classes)s") % {"classes": ", ".join(unknown)}
        )
    return [code for code in _ORDER if code in chosen]


def _route(route: str) -> str:
    # A name such as "clinic:patient"; a path could carry an id or other personal data.
    if not _ROUTE_NAME.fullmatch(route):
        raise InvalidInput("route", _("must be a route name such as clinic:patient, not a URL"))
    return route


def lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_CHAIN_LOCK])


def _head() -> tuple[int, str]:
    """The newest row's id and HMAC (0 and the genesis value for an empty log)."""
    newest = AccessEvent.objects.order_by("-id").values_list("id", "hmac").first()
    return newest if newest is not None else (0, GENESIS)


def _event(
    *,
    actor: User,
    owner: User,
    data_classes: Sequence[str],
    kind: str,
    purpose: str,
    actor_role: str,
    route: str,
    action: str,
    at: dt.datetime,
) -> AccessEvent:
    return AccessEvent(
        actor=actor,
        actor_name=actor.display_name,
        actor_email=actor.email,
        actor_role=_choice("actor_role", actor_role, ActorRole),
        owner=owner,
        at=at,
        data_classes=_classes(data_classes),
        kind=_choice("kind", kind, Kind),
        purpose=_choice("purpose", purpose, Purpose),
        action=action,
        route=_route(route),
    )


def _append(events: list[AccessEvent]) -> list[AccessEvent]:
    """Chains and inserts ``events`` in order; the caller holds the lock."""
    last_id, last_hmac = _head()
    for event in events:
        event.pk = last_id = last_id + 1
        event.hmac = last_hmac = seal(event, last_hmac)
    if len(events) == 1:
        events[0].save(force_insert=True)
    elif events:
        AccessEvent.objects.bulk_create(events)
    return events


def _append_one(event: AccessEvent) -> AccessEvent:
    with transaction.atomic():
        lock_chain()
        return _append([event])[0]


def record_access(
    *,
    actor: User,
    owner: User,
    data_classes: Sequence[str],
    kind: str,
    purpose: str = Purpose.TREATMENT,
    actor_role: str = ActorRole.CLINICIAN,
    route: str,
) -> AccessEvent | None:
    """One read of ``owner``'s data by ``actor``; None when the person reads their own.

    For the dashboard's summaries use ``record_summaries``, which writes each at most once a day.
    """
    if actor.pk == owner.pk:
        return None
    if kind == Kind.SUMMARY:
        raise InvalidInput("kind", _("dashboard summaries are recorded with record_summaries"))
    event = _event(
        actor=actor,
        owner=owner,
        data_classes=data_classes,
        kind=kind,
        purpose=purpose,
        actor_role=actor_role,
        route=route,
        action=Action.READ,
        at=timezone.now(),
    )
    return _append_one(event)


def record_action(
    *,
    actor: User,
    owner: User,
    action: str,
    data_classes: Sequence[str],
    kind: str,
    purpose: str = Purpose.TREATMENT,
    actor_role: str = ActorRole.CLINICIAN,
    route: str,
) -> AccessEvent:
    """A clinician's write about ``owner`` (a note, a proposal, a COWS score, an
    acknowledgement), in the same chain, so the person sees what was done."""
    if action == Action.READ or action not in Action.values:
        writes = [value for value in Action.values if value != Action.READ]
        raise InvalidInput(
            "action", _("must be one of %(choices)s") % {"choices": ", ".join(writes)}
        )
    event = _event(
        actor=actor,
        owner=owner,
        data_classes=data_classes,
        kind=kind,
        purpose=purpose,
        actor_role=actor_role,
        route=route,
        action=action,
        at=timezone.now(),
    )
    return _append_one(event)


def _utc_day_start(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def record_summaries(
    *,
    actor: User,
    shown: Sequence[tuple[User, Sequence[str]]],
    purpose: str = Purpose.TREATMENT,
    actor_role: str = ActorRole.CLINICIAN,
    route: str,
) -> list[AccessEvent]:
    """The dashboard showed each person in ``shown`` (with the data classes their row drew on):
    one ``summary`` event per person, at most once per actor, person and UTC day.

    The day is the UTC day, the same for every clinician and server, so "once a day" never
    depends on whose clock asks. Three queries whatever the number of people: the lock, the
    ones already recorded today, the insert (plus reading the chain's head)."""
    now = timezone.now()
    events = [
        _event(
            actor=actor,
            owner=owner,
            data_classes=classes,
            kind=Kind.SUMMARY,
            purpose=purpose,
            actor_role=actor_role,
            route=route,
            action=Action.READ,
            at=now,
        )
        for owner, classes in shown
        if owner.pk != actor.pk
    ]
    if not events:
        return []
    with transaction.atomic():
        lock_chain()
        seen: set[int | None] = set(
            AccessEvent.objects.filter(
                actor=actor,
                owner__in=[event.owner_id for event in events],
                kind=Kind.SUMMARY,
                at__gte=_utc_day_start(now),
            ).values_list("owner_id", flat=True)
        )
        fresh: list[AccessEvent] = []
        for event in events:
            if event.owner_id not in seen:
                seen.add(event.owner_id)
                fresh.append(event)
        return _append(fresh)

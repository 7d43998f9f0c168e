"""Reads of other-substance uses and the medicines list's interactions, scoped to one owner.

Other apps call :func:`last_use_of_original` (recovery "days free"), :func:`medicine_reports`
and :func:`substance_uses_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from stepdown.accounts.clock import day_start
from stepdown.accounts.models import User
from stepdown.core.interactions import Report, check
from stepdown.errors import NotFound
from stepdown.journal.selectors import doses_for
from stepdown.profile.selectors import Recovery, medicines_for, recovery_for
from stepdown.substances.matching import matches_original, original_key
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import KRATOM_WINDOW, CoUseWarning, co_use_warning
from stepdown.web.raw_rows import raw_models
from stepdown.web.scalars import Scalar


def substance_uses_for(
    *, owner: User, since: dt.date | None = None, until: dt.date | None = None
) -> QuerySet[SubstanceUse]:
    """Uses newest first; ``since`` and ``until`` are local dates, both inclusive."""
    uses = SubstanceUse.objects.filter(owner=owner)
    if since is not None:
        uses = uses.filter(taken_at__gte=day_start(owner, since))
    if until is not None:
        uses = uses.filter(taken_at__lt=day_start(owner, until + dt.timedelta(days=1)))
    return uses


def substance_use_get(*, owner: User, use_id: int) -> SubstanceUse:
    try:
        return SubstanceUse.objects.get(owner=owner, pk=use_id)
    except SubstanceUse.DoesNotExist:
        raise NotFound("substance use") from None


def medicine_reports(*, owner: User) -> tuple[Report, ...]:
    """The person's medicines (as typed, alphabetical) each checked against the knowledge base."""
    return check(medicines_for(owner=owner))


def _original_uses(owner: User, recovery: Recovery) -> QuerySet[SubstanceUse]:
    key = original_key(recovery.original_substance)
    # Unnamed opioid use may be the original substance; a named one counts when it is the same
    # drug (by the checker's generic name, or by the typed name when the checker has no entry).
    same = Q(category=SubstanceUse.Category.OPIOIDS, name="")
    if key.resolved:
        same |= Q(resolved_name__iexact=key.resolved)
    if key.typed:
        same |= Q(name__iexact=key.typed)
    return SubstanceUse.objects.filter(owner=owner).filter(same)


def last_use_of_original(*, owner: User) -> dt.date | None:
    """In ``opioid_recovery``: the local date the original substance was last used.

    The later of the date given at onboarding and the newest logged use of the original
    substance (see :func:`_original_uses`); ``None`` outside ``opioid_recovery`` or when neither
    is known. The goals milestone "days free" should count from this date.
    """
    recovery = recovery_for(owner=owner)
    if recovery is None:
        return None
    latest = _original_uses(owner, recovery).order_by("-taken_at").first()
    logged = None if latest is None else latest.taken_at.astimezone(owner.zone).date()
    candidates = [day for day in (recovery.last_used_on, logged) if day is not None]
    return max(candidates) if candidates else None


@dataclass(frozen=True)
class Stretch:
    """Days free of the original substance before a use: from ``since`` to the use's date."""

    since: dt.date
    days: int


def stretch_before(*, owner: User, use: SubstanceUse) -> Stretch | None:
    """How long the person had been free of the original substance before ``use``."""
    recovery = recovery_for(owner=owner)
    if recovery is None or not matches_original(use, recovery.original_substance):
        return None
    previous = (
        _original_uses(owner, recovery)
        .filter(taken_at__lt=use.taken_at)
        .exclude(pk=use.pk)
        .order_by("-taken_at")
        .first()
    )
    candidates: list[dt.date] = []
    if recovery.last_used_on is not None:
        candidates.append(recovery.last_used_on)
    if previous is not None:
        candidates.append(previous.taken_at.astimezone(owner.zone).date())
    if not candidates:
        return None
    since = max(candidates)
    day = use.taken_at.astimezone(owner.zone).date()
    return Stretch(since=since, days=max((day - since).days, 0))


def is_original(*, owner: User, uses: Iterable[SubstanceUse]) -> set[int]:
    """The ids among ``uses`` that are uses of the original substance (one query at most)."""
    recovery = recovery_for(owner=owner)
    if recovery is None:
        return set()
    return {use.pk for use in uses if matches_original(use, recovery.original_substance)}


# Bounds for the Today page's check: a person logs a handful of doses and uses in two days;
# the limits only keep the page's cost fixed for someone who logs far more.
RECENT_USES = 20
RECENT_DOSES = 500


# Plain SQL: read on every Today page, where its ORM query cost more to build than to run
# (docs/performance.md). The order is the model's.
_RECENT_USES_SQL = (
    'SELECT * FROM "substances_substanceuse" WHERE "owner_id" = %s AND "taken_at" >= %s '
    'ORDER BY "taken_at" DESC LIMIT %s'
)


@dataclass(frozen=True)
class RecentCoUse:
    """A recent use with its kratom warning, for the Today page."""

    use: SubstanceUse
    warning: CoUseWarning


def recent_co_use(*, owner: User, now: dt.datetime | None = None) -> list[RecentCoUse]:
    """Uses and kratom doses within 24 h of each other, in either order, where the later of the
    two was in the last 24 h; newest use first. Two queries, whatever the history."""
    now = now or timezone.now()
    start = now - 2 * KRATOM_WINDOW
    uses = raw_models(SubstanceUse, _RECENT_USES_SQL, [owner.pk, start, RECENT_USES])
    if not uses:
        return []
    kratom = list(
        doses_for(owner=owner)
        .filter(taken_at__gte=start)
        .order_by("-taken_at")
        .values_list("taken_at", flat=True)[:RECENT_DOSES]
    )
    recent_from = now - KRATOM_WINDOW
    medicines = medicine_reports(owner=owner)
    found = []
    for use in uses:
        times = [t for t in kratom if max(t, use.taken_at) >= recent_from]
        warning = co_use_warning(
            label=use.label,
            category=use.category,
            name=use.name,
            taken_at=use.taken_at,
            kratom_times=times,
            medicines=medicines,
        )
        if warning is not None:
            found.append(RecentCoUse(use=use, warning=warning))
    return found


def recent_co_use_warnings(*, owner: User) -> list[RecentCoUse]:
    """Kratom and an interacting substance within 24 h of each other, the later of the two in
    the last 24 h: the newest pair of each substance (three drinks logged one by one are one
    warning). Two queries. Its ``interaction`` alert was recorded with the write."""
    shown: dict[str, RecentCoUse] = {}
    for item in recent_co_use(owner=owner):  # newest use first
        shown.setdefault(item.use.label.casefold(), item)
    return list(shown.values())


# Plain SQL: every dose logged asks, and almost always finds nothing; building the ORM query
# cost several times running it (docs/performance.md). Standard SQL quoting (SQLite, PostgreSQL).
_NEAR_WITHOUT_ALERT_SQL = (
    'SELECT "id" FROM "substances_substanceuse" WHERE "owner_id" = %s '
    'AND "interaction_alerted_at" IS NULL AND "taken_at" >= %s AND "taken_at" <= %s'
)


def uses_without_alert_near(*, owner: User, taken_at: dt.datetime) -> list[SubstanceUse]:
    """Uses within 24 h of the instant ``taken_at`` (a kratom dose) whose interaction alert was
    not recorded yet, newest first. One query when there are none, two when there are."""
    with connection.cursor() as cursor:
        cursor.execute(_NEAR_WITHOUT_ALERT_SQL, _near_params(owner, taken_at))
        ids = [row[0] for row in cursor.fetchall()]
    return list(SubstanceUse.objects.filter(owner=owner, pk__in=ids)) if ids else []


def use_near_query(*, owner: User, taken_at: dt.datetime) -> Scalar:
    """The id of one of those uses, as a query to run with other apps' (``web.scalars``):
    whether :func:`uses_without_alert_near` would find any."""
    return Scalar(_NEAR_WITHOUT_ALERT_SQL + " LIMIT 1", _near_params(owner, taken_at))


def _near_params(owner: User, taken_at: dt.datetime) -> tuple[Any, ...]:
    adapt = connection.ops.adapt_datetimefield_value
    return (owner.pk, adapt(taken_at - KRATOM_WINDOW), adapt(taken_at + KRATOM_WINDOW))

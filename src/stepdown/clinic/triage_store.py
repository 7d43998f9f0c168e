"""Keeping the stored triage summaries (``TriageSummary``) up to date.

The worker calls :func:`refresh_summaries` every round: it finds each supervised person whose
summary is missing, older than their data (``User.data_revision``) or made for another local
day, works their reasons out with the dashboard's own code (``triage.collect``) and stores
them. The dashboard never depends on it for being right, only for being fast: a person
without an up-to-date summary is worked out on the request (``triage.gather``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.clinic.access import in_force
from stepdown.clinic.models import Consent, TriageSummary
from stepdown.clinic.triage import Facts, Person, collect
from stepdown.core import triage

BATCH = 200
FIELDS = ("revision", "day", "reasons", "silent_since")


def refresh_summaries(*, now: dt.datetime | None = None) -> int:
    """Store the summary of every supervised person whose stored one is not up to date;
    return how many were stored. Six queries a batch of ``BATCH`` people, two when none is
    due."""
    now = now or timezone.now()
    due = _due(now)
    for start in range(0, len(due), BATCH):
        batch = due[start : start + BATCH]
        people = [facts for facts, _ in batch]
        collect(people, owners=[facts.person.pk for facts in people])
        TriageSummary.objects.bulk_create(
            [_summary(facts, revision) for facts, revision in batch],
            update_conflicts=True,
            unique_fields=["owner"],
            update_fields=FIELDS,
        )
    return len(due)


def _due(now: dt.datetime) -> list[tuple[Facts, int]]:
    """Each supervised person whose summary is missing or stale, with the revision of their
    data read now: a write after this read leaves the stored summary stale, never wrong."""
    supervised = Consent.objects.filter(in_force(), owner__is_active=True).values("owner_id")
    rows = User.objects.filter(pk__in=supervised).values_list(
        "pk",
        "time_zone",
        "date_joined",
        "data_revision",
        "triage_summary__revision",
        "triage_summary__day",
    )
    today_in: dict[str, dt.date] = {}
    due = []
    for pk, time_zone, joined, revision, stored_revision, stored_day in rows:
        person = Person(pk=pk, time_zone=time_zone, date_joined=joined)
        if time_zone not in today_in:
            today_in[time_zone] = local_today(person, now=now)
        today = today_in[time_zone]
        if stored_revision == revision and stored_day == today:
            continue
        # No consent applies to a summary: each viewer's classes are applied when it is read.
        facts = Facts(
            person=person, display_name="", signed_at=joined, data_classes=frozenset(), today=today
        )
        due.append((facts, revision))
    return due


def _summary(facts: Facts, revision: int) -> TriageSummary:
    return TriageSummary(
        owner_id=facts.person.pk,
        revision=revision,
        day=facts.today,
        reasons=[
            [item.code.value, item.severity, item.since.isoformat()]
            for item in triage.merge(facts.attention)
        ],
        silent_since=facts.silent_since,
    )

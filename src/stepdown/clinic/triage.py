"""The facts behind the dashboard's reasons, gathered for everyone a clinician sees at once.

Most people's reasons come with the consent query, from their stored summary
(``clinic.models.TriageSummary``), when it was made at their current data revision and
on their local today; the others are worked out here (``collect``), which is also how the
summaries are made (``clinic.triage_store``). Either way, a constant number of queries
whatever the number of people or the length of their history: each read covers every person
at once, and only the newest rows (the last dose, the last check-in, open alerts, active plans,
schedules and their latest answers) are read. Which reasons hold is decided by
``stepdown.core.triage`` and, for the safety net, by the notice pipeline's stored alerts
(``stepdown.alerts``): no rule is written twice. Every reason is kept only when the person's
consent names its data classes.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from stepdown.accounts.clock import day_start, local_today
from stepdown.accounts.models import User
from stepdown.alerts.models import UNRESOLVED, Alert
from stepdown.checkins.models import Response, Schedule
from stepdown.checkins.windows import (
    DEFAULT_INTERVALS,
    SCHEDULABLE,
    first_window_start,
    last_closed_window,
)
from stepdown.clinic.access import consents_covering
from stepdown.clinic.models import Consent
from stepdown.core import triage
from stepdown.core.triage import Attention, Reason
from stepdown.journal.models import Dose
from stepdown.plans.models import Plan

# The ids of the people a viewer sees, as a subquery of their consents (``.values("owner_id")``).
Owners = QuerySet[Consent, Any]

# The daily check-in's silence is disengagement; the overdue reason is about questionnaires.
QUESTIONNAIRES = tuple(code for code in SCHEDULABLE if code != "daily")


@dataclass(frozen=True)
class Person:
    """The little the dashboard needs of each person: a whole ``User`` row for each of a
    thousand people costs more to build than to fetch."""

    pk: int
    time_zone: str
    date_joined: dt.datetime

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


@dataclass
class Facts:
    """What the dashboard knows about one person, within what their consent names."""

    person: Person
    display_name: str  # the full name they signed the consent with
    signed_at: dt.datetime
    data_classes: frozenset[str]
    today: dt.date
    attention: list[Attention] = field(default_factory=list)
    # The day after the last dose or check-in (``core.triage.silent_since``).
    silent_since: dt.date | None = None
    # ``attention`` and ``silent_since`` came from an up-to-date stored summary.
    stored: bool = False
    # Read for the people worked out here and for the rows of the page shown (``details``).
    last_dose_at: dt.datetime | None = None
    last_checkin_at: dt.datetime | None = None
    plan: Plan | None = None

    def shares(self, data_class: str) -> bool:
        return data_class in self.data_classes

    @property
    def last_activity_at(self) -> dt.datetime | None:
        moments = [
            moment
            for moment, data_class in (
                (self.last_dose_at, "journal"),
                (self.last_checkin_at, "checkins"),
            )
            if moment is not None and self.shares(data_class)
        ]
        return max(moments, default=None)

    @property
    def plan_status(self) -> str | None:
        """``active`` or ``none``; ``None`` when the consent does not name the plan."""
        if not self.shares("plan"):
            return None
        return "active" if self.plan is not None else "none"


def consented_people(viewer: User) -> list[Facts]:
    """Everyone the viewer sees through a consent in force (the newest one per person), with
    their stored summary where it is up to date. One query."""
    seen: dict[int, Facts] = {}
    now = timezone.now()
    today_in: dict[str, dt.date] = {}  # many people share a time zone
    rows = (
        consents_covering(viewer)
        .order_by("-signed_at", "-pk")
        .values_list(
            "owner_id",
            "owner__time_zone",
            "owner__date_joined",
            "signature",
            "signed_at",
            "data_classes",
            "owner__data_revision",
            "owner__triage_summary__revision",
            "owner__triage_summary__day",
            "owner__triage_summary__reasons",
            "owner__triage_summary__silent_since",
        )
    )
    for row in rows:
        owner_id, time_zone, joined, signature, signed_at, data_classes = row[:6]
        if owner_id in seen:
            continue  # shared with two of the viewer's clinics: the newest consent names them
        person = Person(pk=owner_id, time_zone=time_zone, date_joined=joined)
        if time_zone not in today_in:
            today_in[time_zone] = local_today(person, now=now)
        facts = Facts(
            person=person,
            display_name=signature,
            signed_at=signed_at,
            data_classes=frozenset(data_classes),
            today=today_in[time_zone],
        )
        revision, stored_revision, stored_day, reasons, silent = row[6:]
        if stored_revision == revision and stored_day == facts.today:
            facts.attention = [
                Attention(Reason(code), severity, dt.datetime.fromisoformat(since))
                for code, severity, since in reasons
            ]
            facts.silent_since = silent
            facts.stored = True
        seen[owner_id] = facts
    return list(seen.values())


def gather(people: Sequence[Facts], *, viewer: User) -> None:
    """Fill in every person's reasons, within what their consent names: from the stored
    summary, or worked out here for the people without an up-to-date one (five queries)."""
    live = [facts for facts in people if not facts.stored]
    if live:
        collect(live, owners=_owners(viewer, live, len(people)))
    for facts in people:
        _disengaged(facts)
        facts.attention = [
            item
            for item in triage.merge(facts.attention)
            if triage.allowed(item.code, facts.data_classes)
        ]


def details(shown: Sequence[Facts]) -> None:
    """The last activity and the plan of the people on the page shown, where their reasons came
    from a stored summary (two queries)."""
    stored = {facts.person.pk: facts for facts in shown if facts.stored}
    if stored:
        owners = list(stored)
        _last_activity(stored, owners)
        _plans(stored, owners)


def collect(people: Sequence[Facts], *, owners: Owners | list[int]) -> None:
    """Work out each person's reasons but the silence one, before any consent applies; their
    last activity and plan too. ``owners`` names at least ``people``; rows of anyone else (a
    search left them out, or a consent began a moment ago) are skipped."""
    by_id = {facts.person.pk: facts for facts in people}
    _alerts(by_id, owners)
    _last_activity(by_id, owners)
    _plans(by_id, owners)
    for facts in people:
        _step_due(facts)
    _overdue(by_id, owners)


def _owners(viewer: User, live: Sequence[Facts], everyone: int) -> Owners | list[int]:
    """The people to read, for the reads of ``collect``: a subquery of the viewer's consents
    when most are read (a thousand-id ``IN`` list took a fifth of the dashboard's time), their
    ids when only a few lack a stored summary."""
    if len(live) * 2 > everyone:
        return consents_covering(viewer).values("owner_id")
    return [facts.person.pk for facts in live]


def _alerts(by_id: dict[int, Facts], owners: Owners | list[int]) -> None:
    """The notice pipeline's unresolved safety-net alerts behind the reasons it decides."""
    rows = Alert.objects.filter(
        owner_id__in=owners,
        kind=Alert.Kind.ALERT,
        status__in=UNRESOLVED,
        code__in=list(triage.ALERT_REASONS),
    ).values_list("owner_id", "code", "severity", "created_at")
    for owner_id, code, severity, created_at in rows:
        if owner_id in by_id:
            by_id[owner_id].attention.append(
                Attention(triage.ALERT_REASONS[code], severity, created_at)
            )


def _last_activity(by_id: dict[int, Facts], owners: Owners | list[int]) -> None:
    """The newest dose and check-in of each person: one query, one index seek per person (a
    ``MAX`` over the whole journal would read every dose of a year)."""
    newest_dose = Dose.objects.filter(owner=OuterRef("pk")).order_by("-taken_at")
    newest_checkin = Response.objects.filter(owner=OuterRef("pk"), complete=True).order_by(
        "-created_at"
    )
    rows = (
        User.objects.filter(pk__in=owners)
        .annotate(
            last_dose=Subquery(newest_dose.values("taken_at")[:1]),
            last_checkin=Subquery(newest_checkin.values("created_at")[:1]),
        )
        .values_list("pk", "last_dose", "last_checkin")
    )
    for pk, last_dose, last_checkin in rows:
        facts = by_id.get(pk)
        if facts is None:
            continue
        facts.last_dose_at, facts.last_checkin_at = last_dose, last_checkin
        zone = facts.person.zone
        facts.silent_since = triage.silent_since(
            last_dose_day=last_dose.astimezone(zone).date() if last_dose else None,
            last_checkin_day=last_checkin.astimezone(zone).date() if last_checkin else None,
        )


def _plans(by_id: dict[int, Facts], owners: Owners | list[int]) -> None:
    """Active plans (one per person, a constraint)."""
    for plan in Plan.objects.filter(owner_id__in=owners, status=Plan.Status.ACTIVE):
        facts = by_id.get(plan.owner_id)
        if facts is not None:
            facts.plan = plan


def _step_due(facts: Facts) -> None:
    """The plan step due today."""
    if facts.plan is None:
        return
    starts = [dt.date.fromisoformat(step["start_date"]) for step in facts.plan.steps]
    due = triage.step_due(step_starts=starts, today=facts.today)
    if due is not None:
        since = day_start(facts.person, due)
        facts.attention.append(Attention(Reason.STEP_DUE, triage.STEP_DUE_SEVERITY, since))


def _disengaged(facts: Facts) -> None:
    zone = facts.person.zone
    # Silence counts from when they started sharing at the earliest.
    first_day = max(
        facts.person.date_joined.astimezone(zone).date(),
        facts.signed_at.astimezone(zone).date(),
    )
    began = triage.disengaged(
        silent_since=facts.silent_since, first_day=first_day, today=facts.today
    )
    if began is not None:
        since = day_start(facts.person, began)
        facts.attention.append(Attention(Reason.DISENGAGED, triage.DISENGAGED_SEVERITY, since))


def _overdue(by_id: dict[int, Facts], owners: Owners | list[int]) -> None:
    """A questionnaire whose last closed window went unanswered (``checkins.windows``): the
    same windows the person's own due list uses. Two queries: schedules, then answers."""
    own: dict[int, dict[str, Schedule]] = defaultdict(dict)
    for schedule in Schedule.objects.filter(owner_id__in=owners, instrument__in=QUESTIONNAIRES):
        own[schedule.owner_id][schedule.instrument] = schedule
    # Each person's closed window to check, per questionnaire: (owner, instrument) -> start, end.
    # Most people keep the default schedules, which depend only on the day they joined and
    # today: those are worked out once per pair of days.
    closed: dict[tuple[int, str], tuple[dt.date, dt.date]] = {}
    defaults: dict[tuple[dt.date, dt.date], list[tuple[str, tuple[dt.date, dt.date]]]] = {}
    for owner_id, facts in by_id.items():
        joined = facts.person.date_joined.astimezone(facts.person.zone).date()
        schedules = own.get(owner_id)
        if schedules:
            windows = _closed_windows(joined, facts.today, schedules)
        else:
            key = (joined, facts.today)
            if key not in defaults:
                defaults[key] = _closed_windows(joined, facts.today, {})
            windows = defaults[key]
        for code, found in windows:
            closed[(owner_id, code)] = found
    if not closed:
        return
    earliest = min(start for start, _ in closed.values())
    answered = set(
        Response.objects.filter(
            owner_id__in=owners, instrument__in=QUESTIONNAIRES, slot_start__gte=earliest
        ).values_list("owner_id", "instrument", "slot_start")
    )
    for (owner_id, code), (start, end) in closed.items():
        if (owner_id, code, start) in answered:
            continue
        facts = by_id[owner_id]
        since = day_start(facts.person, end)
        facts.attention.append(
            Attention(Reason.QUESTIONNAIRE_OVERDUE, triage.OVERDUE_SEVERITY, since)
        )


def _closed_windows(
    joined: dt.date, today: dt.date, schedules: dict[str, Schedule]
) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """Each questionnaire's last closed window for someone who joined on ``joined``, with their
    own ``schedules`` (a default one where they have none; none where they turned one off)."""
    windows = []
    for code in QUESTIONNAIRES:
        row = schedules.get(code)
        if row is not None and not row.enabled:
            continue
        if row is None:
            starts_on = first_window_start(joined_on=joined, instrument=code)
            interval = DEFAULT_INTERVALS[code]
        else:
            starts_on, interval = row.starts_on, row.interval_days
        found = last_closed_window(starts_on=starts_on, interval_days=interval, day=today)
        if found is not None:
            windows.append((code, found))
    return windows

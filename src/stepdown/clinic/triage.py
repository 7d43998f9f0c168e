"""The facts behind the dashboard's reasons, gathered for everyone a clinician sees at once.

A constant number of queries whatever the number of people or the length of their history:
each read covers every person in one ``owner_id IN (...)`` query, and only the newest rows
(the last dose, the last check-in, open alerts, active plans, schedules and their latest
answers) are read. Which reasons hold is decided by ``stepdown.core.triage`` and, for the
safety net, by the notice pipeline's stored alerts (``stepdown.alerts``): no rule is written
twice. Every reason is kept only when the person's consent names its data classes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from stepdown.accounts.clock import day_start, local_today
from stepdown.accounts.models import User
from stepdown.alerts.models import UNRESOLVED, Alert
from stepdown.checkins.models import Response, Schedule
from stepdown.checkins.selectors import default_start
from stepdown.checkins.windows import DEFAULT_INTERVALS, SCHEDULABLE, window_days, window_for
from stepdown.clinic.access import consents_covering
from stepdown.clinic.models import Consent
from stepdown.core import triage
from stepdown.core.triage import Attention, Reason
from stepdown.journal.models import Dose
from stepdown.plans.models import Plan

# The daily check-in's silence is disengagement; the overdue reason is about questionnaires.
QUESTIONNAIRES = tuple(code for code in SCHEDULABLE if code != "daily")


@dataclass
class Facts:
    """What the dashboard knows about one person, within what their consent names."""

    person: User
    consent: Consent
    data_classes: frozenset[str]
    today: dt.date
    attention: list[Attention] = field(default_factory=list)
    last_dose_at: dt.datetime | None = None
    last_checkin_at: dt.datetime | None = None
    plan: Plan | None = None

    @property
    def display_name(self) -> str:
        return self.consent.signature

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
    """Everyone the viewer sees through a consent in force (the newest one per person). One
    query."""
    seen: dict[int, Facts] = {}
    now = timezone.now()
    consents = consents_covering(viewer).select_related("owner").order_by("-signed_at", "-pk")
    for consent in consents:
        if consent.owner_id in seen:
            continue  # shared with two of the viewer's clinics: the newest consent names them
        person = consent.owner
        seen[consent.owner_id] = Facts(
            person=person,
            consent=consent,
            data_classes=frozenset(consent.data_classes),
            today=local_today(person, now=now),
        )
    return list(seen.values())


def gather(people: Sequence[Facts]) -> None:
    """Fill in every person's reasons, last activity and plan (five queries in all)."""
    if not people:
        return
    by_id = {facts.person.pk: facts for facts in people}
    _alerts(by_id)
    _last_activity(by_id)
    _plans(by_id)
    _overdue(by_id)
    for facts in people:
        _disengaged(facts)
        facts.attention = [
            item
            for item in triage.merge(facts.attention)
            if triage.allowed(item.code, facts.data_classes)
        ]


def _alerts(by_id: dict[int, Facts]) -> None:
    """The notice pipeline's unresolved safety-net alerts behind the reasons it decides."""
    rows = Alert.objects.filter(
        owner_id__in=list(by_id),
        kind=Alert.Kind.ALERT,
        status__in=UNRESOLVED,
        code__in=list(triage.ALERT_REASONS),
    ).values_list("owner_id", "code", "severity", "created_at")
    for owner_id, code, severity, created_at in rows:
        by_id[owner_id].attention.append(
            Attention(triage.ALERT_REASONS[code], severity, created_at)
        )


def _last_activity(by_id: dict[int, Facts]) -> None:
    """The newest dose and check-in of each person: one query, one index seek per person (a
    ``MAX`` over the whole journal would read every dose of a year)."""
    newest_dose = Dose.objects.filter(owner=OuterRef("pk")).order_by("-taken_at")
    newest_checkin = Response.objects.filter(owner=OuterRef("pk"), complete=True).order_by(
        "-created_at"
    )
    rows = (
        User.objects.filter(pk__in=list(by_id))
        .annotate(
            last_dose=Subquery(newest_dose.values("taken_at")[:1]),
            last_checkin=Subquery(newest_checkin.values("created_at")[:1]),
        )
        .values_list("pk", "last_dose", "last_checkin")
    )
    for pk, last_dose, last_checkin in rows:
        by_id[pk].last_dose_at = last_dose
        by_id[pk].last_checkin_at = last_checkin


def _plans(by_id: dict[int, Facts]) -> None:
    """Active plans (one per person, a constraint) and the plan step due today."""
    for plan in Plan.objects.filter(owner_id__in=list(by_id), status=Plan.Status.ACTIVE):
        facts = by_id[plan.owner_id]
        facts.plan = plan
        starts = [dt.date.fromisoformat(step["start_date"]) for step in plan.steps]
        due = triage.step_due(step_starts=starts, today=facts.today)
        if due is not None:
            since = day_start(facts.person, due)
            facts.attention.append(Attention(Reason.STEP_DUE, triage.STEP_DUE_SEVERITY, since))


def _disengaged(facts: Facts) -> None:
    zone = facts.person.zone

    def local(moment: dt.datetime | None) -> dt.date | None:
        return moment.astimezone(zone).date() if moment is not None else None

    # Silence counts from when they started sharing at the earliest.
    first_day = max(
        facts.person.date_joined.astimezone(zone).date(),
        facts.consent.signed_at.astimezone(zone).date(),
    )
    began = triage.disengaged(
        last_dose_day=local(facts.last_dose_at),
        last_checkin_day=local(facts.last_checkin_at),
        first_day=first_day,
        today=facts.today,
    )
    if began is not None:
        since = day_start(facts.person, began)
        facts.attention.append(Attention(Reason.DISENGAGED, triage.DISENGAGED_SEVERITY, since))


def _overdue(by_id: dict[int, Facts]) -> None:
    """A questionnaire whose last closed window went unanswered (``checkins.windows``): the
    same windows the person's own due list uses. Two queries: schedules, then answers."""
    own: dict[int, dict[str, Schedule]] = defaultdict(dict)
    for schedule in Schedule.objects.filter(
        owner_id__in=list(by_id), instrument__in=QUESTIONNAIRES
    ):
        own[schedule.owner_id][schedule.instrument] = schedule
    # Each person's closed window to check, per questionnaire: (owner, instrument) -> start, end.
    closed: dict[tuple[int, str], tuple[dt.date, dt.date]] = {}
    for owner_id, facts in by_id.items():
        for code in QUESTIONNAIRES:
            row = own[owner_id].get(code)
            if row is not None and not row.enabled:
                continue
            starts_on = row.starts_on if row else default_start(facts.person, code)
            interval = row.interval_days if row else DEFAULT_INTERVALS[code]
            window = window_for(starts_on=starts_on, interval_days=interval, day=facts.today)
            if facts.today < starts_on:
                continue  # not started yet
            # The latest window that has closed: the current one, or while it is open the one
            # before it (none before the schedule's start).
            start = window.previous_start if window.is_open(facts.today) else window.start
            if start < starts_on:
                continue
            closed[(owner_id, code)] = (start, start + dt.timedelta(days=window_days(interval)))
    if not closed:
        return
    earliest = min(start for start, _ in closed.values())
    answered = set(
        Response.objects.filter(
            owner_id__in=list(by_id), instrument__in=QUESTIONNAIRES, slot_start__gte=earliest
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

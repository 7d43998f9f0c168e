"""One round of the background worker: enqueue due reminders, then run the queued tasks.

``stepdown worker`` repeats rounds; a round is bounded (at most ``MAX_EMAILS_PER_ROUND``
reminder tasks enqueued and ``MAX_TASKS_PER_ROUND`` tasks run), so one round never runs away
with a large instance; what is left waits for the next round.
"""

from __future__ import annotations

import datetime as dt
import signal
from dataclasses import dataclass

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from stepdown.reminders import selectors
from stepdown.reminders.models import ReminderPreference
from stepdown.reminders.tasks import send_due_reminders

MAX_EMAILS_PER_ROUND = 500
MAX_TASKS_PER_ROUND = 1000


@dataclass(frozen=True)
class RoundResult:
    enqueued: int
    ran_tasks: bool


def enqueue_due_reminders(
    *, site_url: str, now: dt.datetime | None = None, limit: int = MAX_EMAILS_PER_ROUND
) -> int:
    """Enqueue one email task for each person with a reminder due and not yet emailed.

    Idempotent: a reminder already emailed is not enqueued again, and the task itself
    re-checks under the unique constraint, so enqueuing twice still sends one email.
    """
    now = now or timezone.now()
    enqueued = 0
    people = (
        ReminderPreference.objects.filter(
            email=True, unsubscribed_at__isnull=True, owner__is_active=True
        )
        .select_related("owner")
        .order_by("owner_id")
    )
    for prefs in people.iterator(chunk_size=200):
        due = selectors.reminders_due_for(owner=prefs.owner, prefs=prefs, now=now)
        sent = selectors.already_sent(owner=prefs.owner, reminders=due)
        if any((reminder.kind.value, reminder.due_key) not in sent for reminder in due):
            send_due_reminders.enqueue(prefs.owner_id, site_url)
            enqueued += 1
            if enqueued >= limit:
                break
    return enqueued


def run_queued_tasks(*, max_tasks: int = MAX_TASKS_PER_ROUND) -> bool:
    """Run the database queue's ready tasks (every queue) with django-tasks-db's ``db_worker``,
    then return. ``False`` when the tasks backend is not the database (tasks ran at once)."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return False
    # db_worker installs its own signal handlers for a graceful stop; put ours back afterwards
    # so Ctrl-C between rounds behaves as usual.
    signals = [signal.SIGINT, signal.SIGTERM] + (
        [signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else []
    )
    saved = {number: signal.getsignal(number) for number in signals}
    try:
        call_command(
            "db_worker",
            batch=True,
            queue_name="*",
            max_tasks=max_tasks,
            startup_delay=False,
            reload=False,
            interval=0,
            verbosity=0,
        )
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    return True


def run_round(*, site_url: str, now: dt.datetime | None = None) -> RoundResult:
    """Enqueue what is due, then run the queue."""
    enqueued = enqueue_due_reminders(site_url=site_url, now=now)
    return RoundResult(enqueued=enqueued, ran_tasks=run_queued_tasks())

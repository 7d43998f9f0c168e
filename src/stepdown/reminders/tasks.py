"""Background tasks (django-tasks): sending the reminder email of one person."""

from __future__ import annotations

from django_tasks import task

from stepdown.reminders import selectors, services
from stepdown.reminders.emails import reminder_email
from stepdown.reminders.models import ReminderPreference


@task()
def send_due_reminders(owner_id: int, site_url: str) -> int:
    """Email the person once for whatever is due now and not emailed yet; return how many
    reminders the email stands for (0: nothing sent).

    What is due is worked out again here, not taken from the scheduler, so a check-in answered
    or an unsubscribe clicked in the meantime is respected. Each reminder is recorded before
    the email goes out (the unique constraint makes a repeat impossible); when sending fails
    the records are removed again so a later round retries.
    """
    prefs = (
        ReminderPreference.objects.select_related("owner")
        .filter(owner_id=owner_id, owner__is_active=True)
        .first()
    )
    if prefs is None or not prefs.emails_wanted:
        return 0
    owner = prefs.owner
    due = selectors.reminders_due_for(owner=owner, prefs=prefs)
    sent = selectors.already_sent(owner=owner, reminders=due)
    pending = [reminder for reminder in due if (reminder.kind.value, reminder.due_key) not in sent]
    claimed = services.reminders_claim(owner=owner, reminders=pending)
    if not claimed:
        return 0
    try:
        reminder_email(prefs=prefs, site_url=site_url).send()
    except Exception:
        services.reminders_release(owner=owner, claimed=claimed)
        raise
    return len(claimed)

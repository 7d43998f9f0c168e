"""Reminder settings, and the reminders already sent (so an import does not send them again)."""

from __future__ import annotations

from stepdown.records.export_format.table import Context, Row, Table
from stepdown.reminders.models import ReminderPreference, SentReminder


def _preference_of(ctx: Context, row: Row, parent: object) -> ReminderPreference | None:
    return ReminderPreference.objects.filter(owner=ctx.owner).first()


def _sent_already(ctx: Context, row: Row, parent: object) -> SentReminder | None:
    return SentReminder.objects.filter(
        owner=ctx.owner,
        kind=row.get("kind"),
        due_key=row.get("due_key"),
        channel=row.get("channel"),
    ).first()


# The unsubscribe key is left out: it is a secret of the instance that sent the email.
REMINDERS = Table(
    name="reminders",
    model=ReminderPreference,
    fields=(
        "checkin_time",
        "step_eve",
        "questionnaires",
        "email",
        "quiet_start",
        "quiet_end",
        "unsubscribed_at",
        "created_at",
        "updated_at",
    ),
    natural=_preference_of,
)

SENT_REMINDERS = Table(
    name="sent_reminders",
    model=SentReminder,
    fields=("kind", "due_key", "channel", "sent_at"),
    natural=_sent_already,
    order=("sent_at", "pk"),
)

TABLES = (REMINDERS, SENT_REMINDERS)

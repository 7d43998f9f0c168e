"""Move every ``goals.Nudge`` into ``alerts.Alert`` (one notice model; see docs/alerts.md).

Forward: each nudge becomes a row of its rule's kind (``nudge``; ``escalation`` is a safety-net
alert) with its words, cause, creation time and dismissal. A cause already stored as an alert
(the daily job records ``escalation`` too) is not stored twice: the alert keeps its status and
takes the nudge's dismissal. The deduplication stays what it was: one row per person, code and
cause.

Backward: every row shown as a nudge card becomes a ``goals.Nudge`` again and the ``nudge`` rows
leave the alerts table; ``escalation`` rows stay alerts (they are both).
"""

from django.db import migrations

# Frozen here: a migration must not change when the rules do.
NUDGE_CODES = (
    "over_daily_limit",
    "too_many_days",
    "off_day_use",
    "doses_too_close",
    "late_use",
    "past_goal_end",
    "use_rising",
)
CARD_CODES = (*NUDGE_CODES, "escalation")
WORDS = ("severity", "title", "explanation", "action", "source", "learn_slug")


def nudges_into_alerts(apps, schema_editor):
    Nudge = apps.get_model("goals", "Nudge")
    Alert = apps.get_model("alerts", "Alert")
    AlertEvent = apps.get_model("alerts", "AlertEvent")
    for nudge in Nudge.objects.order_by("pk").iterator():
        stored = (
            Alert.objects.filter(
                owner_id=nudge.owner_id, code=nudge.code, cause_key=nudge.cause_key
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        if stored is not None:
            if stored.dismissed_at is None and nudge.dismissed_at is not None:
                stored.dismissed_at = nudge.dismissed_at
                stored.save(update_fields=["dismissed_at"])
            continue
        kind = "nudge" if nudge.code in NUDGE_CODES else "alert"
        row = Alert.objects.create(
            owner_id=nudge.owner_id,
            kind=kind,
            code=nudge.code,
            cause_key=nudge.cause_key,
            status="open",
            created_at=nudge.created_at,
            dismissed_at=nudge.dismissed_at,
            **{name: getattr(nudge, name) for name in WORDS},
        )
        if kind == "alert":
            AlertEvent.objects.create(alert=row, status="open", created_at=nudge.created_at)


def alerts_into_nudges(apps, schema_editor):
    Nudge = apps.get_model("goals", "Nudge")
    Alert = apps.get_model("alerts", "Alert")
    for row in Alert.objects.filter(code__in=CARD_CODES).order_by("pk").iterator():
        Nudge.objects.get_or_create(
            owner_id=row.owner_id,
            code=row.code,
            cause_key=row.cause_key,
            defaults={
                "created_at": row.created_at,
                "dismissed_at": row.dismissed_at,
                **{name: getattr(row, name) for name in WORDS},
            },
        )
    Alert.objects.filter(kind="nudge").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_alert_kind"),
        ("goals", "0004_goal_allowed_weekdays"),
    ]

    operations = [migrations.RunPython(nudges_into_alerts, alerts_into_nudges)]

"""The ``stepdown.json`` format: one list per kind of record, in the order an import needs
(a list comes after every list its rows point into). Version 1 is documented in docs/data.md.
"""

from __future__ import annotations

from stepdown.records.export_format import (
    alerts,
    audit,
    checkins,
    clinic,
    goals,
    journal,
    learn,
    plans,
    profile,
    reminders,
    skin,
    substances,
)
from stepdown.records.export_format.table import Table

FORMAT = "stepdown-export"
VERSION = 1

TABLES: tuple[Table, ...] = (
    *journal.TABLES,  # products, doses
    *plans.TABLES,  # plans (with their adjustments)
    *checkins.TABLES,  # responses, checkin_schedules, safety_plans
    *goals.TABLES,  # goals, risk_snapshots
    *alerts.TABLES,  # alerts (after plans: a suggestion names a plan and an adjustment)
    *profile.TABLES,  # onboarding, medicines
    *substances.TABLES,
    *reminders.TABLES,  # reminders, sent_reminders
    *skin.TABLES,  # skin_sessions (photos, measurements), skin_reports
    *learn.TABLES,  # support_contacts, reasons_to_change, urges
    *clinic.TABLES,  # consents, notes, conversations, plan_proposals
    *audit.TABLES,  # access_log
)


def every_table(tables: tuple[Table, ...] = TABLES) -> list[Table]:
    """Every table, nested ones after their parent."""
    found: list[Table] = []
    for table in tables:
        found.append(table)
        found.extend(every_table(table.children))
    return found

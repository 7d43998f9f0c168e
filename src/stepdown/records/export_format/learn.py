"""The person's own support: people to reach, reasons to change, urges ridden out."""

from __future__ import annotations

from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
from stepdown.learn.services import helped_clean
from stepdown.records.export_format.table import Table

SUPPORT_CONTACTS = Table(
    name="support_contacts",
    model=SupportContact,
    fields=("name", "how_to_reach", "note", "created_at", "updated_at"),
)

REASONS_TO_CHANGE = Table(
    name="reasons_to_change",
    model=ReasonToChange,
    fields=("text", "created_at", "updated_at"),
)

URGES = Table(
    name="urges",
    model=UrgeLog,
    json={"helped": lambda value, item: helped_clean(value)},
    fields=("started_at", "logged_at", "strength", "helped", "note", "client_id", "created_at"),
    order=("logged_at", "pk"),
)

TABLES = (SUPPORT_CONTACTS, REASONS_TO_CHANGE, URGES)

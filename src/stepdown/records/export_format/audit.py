"""The access log: who saw the person's data. Exported for the person to keep; never imported,
since the log belongs to the instance that wrote it (and is sealed by its chain)."""

from __future__ import annotations

from stepdown.audit.models import AccessEvent
from stepdown.records.export_format.table import Table

ACCESS_LOG = Table(
    name="access_log",
    model=AccessEvent,
    fields=(
        "at",
        "actor_name",
        "actor_email",
        "actor_role",
        "data_classes",
        "kind",
        "action",
        "purpose",
        "route",
    ),
    order=("at", "id"),
    export_only=True,
)

TABLES = (ACCESS_LOG,)

"""Uses of other substances."""

from __future__ import annotations

from stepdown.records.export_format.table import Table
from stepdown.substances.models import SubstanceUse

SUBSTANCES = Table(
    name="substances",
    model=SubstanceUse,
    fields=(
        "category",
        "name",
        "resolved_name",
        "amount",
        "unit",
        "taken_at",
        "note",
        "client_id",
        "interaction_alerted_at",
        "created_at",
        "updated_at",
    ),
    order=("taken_at", "pk"),
)

TABLES = (SUBSTANCES,)

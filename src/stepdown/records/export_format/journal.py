"""Products and doses (the journal)."""

from __future__ import annotations

from django.db.models.functions import Lower

from stepdown.journal.models import Dose, Product
from stepdown.records.export_format.table import Context, Row, Table


def _same_name_product(ctx: Context, row: Row, parent: object) -> Product | None:
    # Two products in use cannot share a name: the target's own one stands for the file's.
    if row.get("archived_at") is not None:
        return None
    owner = ctx.owner
    return (
        Product.objects.annotate(lower=Lower("name"))
        .filter(owner=owner, archived_at__isnull=True, lower=str(row.get("name", "")).lower())
        .first()
    )


PRODUCTS = Table(
    name="products",
    model=Product,
    fields=(
        "name",
        "vendor",
        "form",
        "batch",
        "is_liquid",
        "capsule_weight_g",
        "mitragynine_mg_per_unit",
        "seven_oh_mg_per_unit",
        "lab_name",
        "lab_test_date",
        "heavy_metals",
        "microbial",
        "archived_at",
        "created_at",
        "updated_at",
    ),
    natural=_same_name_product,
)

DOSES = Table(
    name="doses",
    model=Dose,
    fields=(
        "taken_at",
        "amount",
        "unit",
        "grams",
        "millilitres",
        "mitragynine_mg",
        "seven_oh_mg",
        "mitragynine_estimated",
        "purpose",
        "note",
        "client_id",
        "created_at",
        "updated_at",
    ),
    refs={"product": "products"},
    order=("taken_at", "pk"),
)

TABLES = (PRODUCTS, DOSES)

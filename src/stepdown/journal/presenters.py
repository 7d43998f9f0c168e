"""Plain-data views of journal objects, shared by the API, the CLI and the pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from stepdown.core.potency import potency_of, product_flags
from stepdown.journal.models import Dose, Product
from stepdown.journal.selectors import TodaySummary


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def flag_json(flag: Any) -> dict[str, str]:
    return {"code": flag.code, "message": flag.message, "source": flag.source}


def product_json(product: Product) -> dict[str, Any]:
    potency = potency_of(product.spec)
    low_high = potency.mitragynine_range_mg_per_unit
    return {
        "id": product.pk,
        "name": product.name,
        "vendor": product.vendor,
        "form": product.form,
        "batch": product.batch,
        "is_liquid": product.is_liquid,
        "capsule_weight_g": number(product.capsule_weight_g),
        "mitragynine_mg_per_unit": number(product.mitragynine_mg_per_unit),
        "seven_oh_mg_per_unit": number(product.seven_oh_mg_per_unit),
        "lab_name": product.lab_name,
        "lab_test_date": product.lab_test_date,
        "heavy_metals": product.heavy_metals,
        "microbial": product.microbial,
        "archived": product.archived_at is not None,
        "potency": {
            "mitragynine_mg_per_unit": number(potency.mitragynine_mg_per_unit),
            "seven_oh_mg_per_unit": number(potency.seven_oh_mg_per_unit),
            "unit": product.potency_unit,
            "basis": potency.basis.value,
            "estimated": potency.estimated,
            "mitragynine_range": [float(v) for v in low_high] if low_high else None,
            "sources": list(potency.sources),
        },
        "flags": [flag_json(flag) for flag in product_flags(product.spec)],
    }


def dose_json(dose: Dose) -> dict[str, Any]:
    return {
        "id": dose.pk,
        "taken_at": dose.taken_at,
        "amount": float(dose.amount),
        "unit": dose.unit,
        "grams": number(dose.grams),
        "millilitres": number(dose.millilitres),
        "product_id": dose.product_id,
        "product_name": dose.product.name if dose.product else None,
        "purpose": dose.purpose,
        "note": dose.note,
        "mitragynine_mg": number(dose.mitragynine_mg),
        "seven_oh_mg": number(dose.seven_oh_mg),
        "mitragynine_estimated": dose.mitragynine_estimated,
        "client_id": dose.client_id,
    }


def today_json(summary: TodaySummary) -> dict[str, Any]:
    return {
        "date": summary.date,
        "total_g": float(summary.total_g),
        "dose_count": summary.dose_count,
        "mitragynine_mg": number(summary.mitragynine_mg),
        "mitragynine_estimated": summary.mitragynine_estimated,
        "last_dose_at": summary.last_dose_at,
        "avg_7d_g": number(summary.avg_7d_g),
        "avg_28d_g": number(summary.avg_28d_g),
    }

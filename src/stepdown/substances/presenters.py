"""Model and checker values → JSON dicts for the API (and data for the pages).

Interaction reports have the same shape as ``stepdown interactions --format json`` (a test
compares the two), so a script can use either.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from stepdown.core.interactions import Report
from stepdown.core.interactions.serialize import interaction_to_dict, report_to_dict
from stepdown.core.rules import LearnSlug
from stepdown.substances.dependence import DependenceWarning
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import CoUseWarning, substance_interactions


def learn_url() -> str:
    return reverse("learn:page", args=[LearnSlug.INTERACTIONS.value])


def medicine_json(report: Report) -> dict[str, Any]:
    severity = report.highest_severity
    return report_to_dict(report) | {
        "highest_severity": None if severity is None else severity.value
    }


def dependence_json(warning: DependenceWarning) -> dict[str, Any]:
    return {
        "code": "two_tapers",
        "benzodiazepine_medicines": list(warning.benzodiazepine_medicines),
        "regular_alcohol": warning.regular_alcohol,
        "regular_benzodiazepines": warning.regular_benzodiazepines,
        "message": (
            f"You have a kratom taper plan, and {warning.what}. Stopping alcohol or a "
            "benzodiazepine after regular use can cause seizures. Never cut down two of them "
            "at once without a clinician."
        ),
    }


def use_json(use: SubstanceUse, *, original: bool = False) -> dict[str, Any]:
    interactions = substance_interactions(use.category, use.name)
    return {
        "id": use.pk,
        "category": use.category,
        "name": use.name,
        "resolved": use.resolved_name or None,
        "amount": float(use.amount),
        "unit": use.unit,
        "taken_at": use.taken_at,
        "note": use.note,
        "client_id": use.client_id,
        "highest_severity": interactions[0].severity.value if interactions else None,
        "original_substance": original,
    }


def warning_json(warning: CoUseWarning) -> dict[str, Any]:
    return {
        "code": "kratom_within_24h",
        "severity": warning.severity.value,
        "substance": warning.label,
        "kratom_taken_at": warning.kratom_taken_at,
        "kratom_after": warning.kratom_after,
        "hours_apart": round(warning.hours_apart, 1),
        "interactions": [interaction_to_dict(i) for i in warning.interactions],
        "learn_url": learn_url(),
        "medicines": list(warning.medicines),
    }

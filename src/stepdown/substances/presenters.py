"""Model and checker values → JSON dicts for the API (and data for the pages).

Interaction reports have the same shape as ``stepdown interactions --format json`` (a test
compares the two), so a script can use either.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from stepdown.core.interactions import Interaction, Report
from stepdown.core.rules import LearnSlug
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import CoUseWarning, substance_interactions


def learn_url() -> str:
    return reverse("learn:page", args=[LearnSlug.INTERACTIONS.value])


def interaction_json(interaction: Interaction) -> dict[str, Any]:
    return {
        "class": interaction.class_code,
        "label": interaction.label,
        "severity": interaction.severity.value,
        "mechanism": interaction.mechanism,
        "advice": interaction.advice,
        "evidence": interaction.evidence,
        "basis": interaction.basis.value,
        "sources": list(interaction.sources),
    }


def report_json(report: Report) -> dict[str, Any]:
    """``{"name", "resolved", "classes", "match", "unrecognised", "interactions"}``; ``resolved``
    is ``None`` when the name is not in the knowledge base (which never means it is safe)."""
    resolution = report.resolution
    return {
        "name": report.name,
        "resolved": None if resolution is None else resolution.name,
        "classes": [] if resolution is None else list(resolution.classes),
        "match": None if resolution is None else resolution.match.value,
        "unrecognised": [] if resolution is None else list(resolution.unrecognised),
        "interactions": [interaction_json(i) for i in report.interactions],
    }


def medicine_json(report: Report) -> dict[str, Any]:
    severity = report.highest_severity
    return report_json(report) | {"highest_severity": None if severity is None else severity.value}


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
        "interactions": [interaction_json(i) for i in warning.interactions],
        "learn_url": learn_url(),
    }

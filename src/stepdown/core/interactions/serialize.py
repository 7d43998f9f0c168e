"""The documented JSON shape of interaction reports, shared by the CLI and the API."""

from __future__ import annotations

from stepdown.core.interactions.model import Interaction, Report


def interaction_to_dict(interaction: Interaction) -> dict[str, object]:
    """``{"severity", "mechanism", "advice", "sources"}`` plus class, label, evidence and basis."""
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


def report_to_dict(report: Report) -> dict[str, object]:
    """``{"name", "resolved", "classes", "match", "unrecognised", "interactions"}``; ``resolved``
    is ``None`` when the name is not in the knowledge base (which never means it is safe).

    Added later (the first six keys are a contract): ``ingredients`` (every active ingredient
    recognised), ``matched_as`` ("exact", "brand", "other name", "class name", "partial",
    "close spelling"), ``match_label`` (the same in words, with "did you mean …?"),
    ``did_you_mean`` and ``needs_confirmation`` (a close spelling counts once confirmed).
    """
    resolution = report.resolution
    return {
        "name": report.name,
        "resolved": None if resolution is None else resolution.name,
        "classes": [] if resolution is None else list(resolution.classes),
        "match": None if resolution is None else resolution.match.value,
        "unrecognised": [] if resolution is None else list(resolution.unrecognised),
        "interactions": [interaction_to_dict(i) for i in report.interactions],
        "ingredients": [] if resolution is None else list(resolution.substances),
        "matched_as": None if resolution is None else resolution.matched_as.value,
        "match_label": None if resolution is None else resolution.match_label,
        "did_you_mean": None if resolution is None else resolution.suggestion,
        "needs_confirmation": resolution is not None and resolution.needs_confirmation,
    }

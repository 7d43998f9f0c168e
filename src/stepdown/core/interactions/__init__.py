"""Interaction checker: a knowledge base of drugs that interact with kratom, and a name matcher.

>>> resolve("Xanax XR 1 mg").name
'alprazolam'
>>> check(["seroquel", "not-a-drug"])[1].resolution is None
True

An unknown name gives ``resolution=None``: it is not in the knowledge base, which never means it
is safe. See ``docs/interactions.md`` for how the knowledge base is built and sourced.
"""

from __future__ import annotations

from stepdown.core.interactions.checker import (
    SUBSTANCE_CATEGORIES,
    SubstanceCategory,
    check,
    check_name,
    check_substance_category,
    interactions_for_classes,
    shares_effect,
)
from stepdown.core.interactions.knowledge_base import CLASSES, SUBSTANCES, known_names
from stepdown.core.interactions.matcher import resolve
from stepdown.core.interactions.model import (
    Basis,
    CategoryReport,
    Combination,
    EvidenceType,
    Interaction,
    InteractionClass,
    MatchedAs,
    MatchKind,
    Report,
    Resolution,
    Severity,
    Substance,
)

__all__ = [
    "CLASSES",
    "SUBSTANCES",
    "SUBSTANCE_CATEGORIES",
    "Basis",
    "CategoryReport",
    "Combination",
    "EvidenceType",
    "Interaction",
    "InteractionClass",
    "MatchKind",
    "MatchedAs",
    "Report",
    "Resolution",
    "Severity",
    "Substance",
    "SubstanceCategory",
    "check",
    "check_name",
    "check_substance_category",
    "interactions_for_classes",
    "known_names",
    "resolve",
    "shares_effect",
]

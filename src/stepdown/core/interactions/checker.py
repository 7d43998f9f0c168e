"""Checking names and logged substance categories against the knowledge base."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from stepdown.core.interactions.classes_sedating import SEDATING_CLASSES
from stepdown.core.interactions.knowledge_base import CLASSES
from stepdown.core.interactions.matcher import resolve
from stepdown.core.interactions.model import CategoryReport, Interaction, Report


def interactions_for_classes(class_codes: Iterable[str]) -> tuple[Interaction, ...]:
    """The interactions of ``class_codes``, worst severity first (ties keep the given order)."""
    interactions = []
    for code in dict.fromkeys(class_codes):
        entry = CLASSES[code]
        interactions.append(
            Interaction(
                class_code=entry.code,
                label=entry.label,
                severity=entry.severity,
                mechanism=entry.mechanism,
                advice=entry.advice,
                evidence_types=entry.evidence_types,
                evidence=entry.evidence,
                basis=entry.basis,
                sources=entry.sources,
            )
        )
    return tuple(sorted(interactions, key=lambda i: i.severity.rank))


# Classes whose effects add up with one another as well as with kratom, read from their
# mechanisms: slowed brain and breathing (cannabis and CBD are left out: no added sedation was
# shown); stimulation, seizures and serotonin toxicity.
EFFECT_GROUPS: tuple[frozenset[str], ...] = (
    frozenset(c.code for c in SEDATING_CLASSES) - {"cannabis", "cannabidiol"},
    frozenset({"stimulants", "modafinil", "serotonergic", "maois"}),
)


def shares_effect(classes: Iterable[str], other: Iterable[str]) -> bool:
    """Whether two sets of classes add to the same harm (a sedating medicine with alcohol)."""
    first, second = set(classes), set(other)
    return any(first & group and second & group for group in EFFECT_GROUPS)


def check_name(name: str) -> Report:
    """The report for one typed name; unknown names get ``resolution=None`` and no interactions."""
    resolution = resolve(name)
    interactions = () if resolution is None else interactions_for_classes(resolution.classes)
    return Report(name=name, resolution=resolution, interactions=interactions)


def check(names: Iterable[str]) -> tuple[Report, ...]:
    """One report per name, in the order given (duplicates are kept, one report each)."""
    if isinstance(names, str):
        raise TypeError("check() takes several names; use check_name() for a single one")
    return tuple(check_name(name) for name in names)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubstanceCategory:
    """A category of "other substance" that the journal records."""

    code: str
    label: str
    class_codes: tuple[str, ...]
    note: str


SUBSTANCE_CATEGORIES: Mapping[str, SubstanceCategory] = MappingProxyType(
    {
        category.code: category
        for category in (
            SubstanceCategory(
                code="alcohol",
                label="Alcohol",
                class_codes=("alcohol",),
                note="Any drink containing alcohol: beer, wine, spirits.",
            ),
            SubstanceCategory(
                code="opioids",
                label="Opioids",
                class_codes=("opioids",),
                note="Any opioid, prescribed or not, including heroin, fentanyl and methadone.",
            ),
            SubstanceCategory(
                code="benzodiazepines",
                label="Benzodiazepines",
                class_codes=("benzodiazepines",),
                note="Any benzodiazepine, prescribed or not, including street benzos.",
            ),
            SubstanceCategory(
                code="stimulants",
                label="Stimulants",
                class_codes=("stimulants",),
                note="Methamphetamine, amphetamine, cocaine and similar stimulants.",
            ),
            SubstanceCategory(
                code="cannabis",
                label="Cannabis",
                class_codes=("cannabis",),
                note=(
                    "Little is known about cannabis with kratom. If the product contains CBD, "
                    "look up CBD too: it raised kratom levels in an animal study."
                ),
            ),
            SubstanceCategory(
                code="other",
                label="Other",
                class_codes=(),
                note=(
                    "Stepdown cannot check a substance without its name. If you know what it "
                    "was, look it up by name; no warning here does not mean it is safe."
                ),
            ),
        )
    }
)


def check_substance_category(category: str) -> CategoryReport:
    """The interactions for a journal category (``alcohol``, ``opioids``, ``benzodiazepines``,
    ``stimulants``, ``cannabis``, ``other``); any other value raises ``ValueError``."""
    entry = SUBSTANCE_CATEGORIES.get(category)
    if entry is None:
        known = ", ".join(SUBSTANCE_CATEGORIES)
        raise ValueError(f"unknown substance category {category!r}; expected one of: {known}")
    return CategoryReport(
        category=entry.code,
        label=entry.label,
        classes=entry.class_codes,
        interactions=interactions_for_classes(entry.class_codes),
        note=entry.note,
    )

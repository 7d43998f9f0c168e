"""The knowledge base's words in other languages: each class's name, mechanism, advice and
evidence, and the kinds of evidence.

The English is the entries themselves (``classes_*``); the French is the project's own
translation, kept as data beside them (``french_*``, one module per class module), so the core
stays free of Django and the pages pick the words with :func:`in_language` (``docs/i18n.md``).
Severity, basis, sources and codes never change with the language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from stepdown.core.interactions.french_antagonists import ANTAGONIST_FRENCH
from stepdown.core.interactions.french_other import OTHER_FRENCH
from stepdown.core.interactions.french_sedating import SEDATING_FRENCH
from stepdown.core.interactions.model import ClassWording, EvidenceType, Interaction

FRENCH: Mapping[str, ClassWording] = MappingProxyType(
    {**SEDATING_FRENCH, **OTHER_FRENCH, **ANTAGONIST_FRENCH}
)
"""Class code -> its French words."""

EVIDENCE_TYPES_FRENCH: Mapping[EvidenceType, str] = MappingProxyType(
    {
        EvidenceType.CLINICAL_STUDY: "étude clinique",
        EvidenceType.DEATH_DATA: "données sur des décès",
        EvidenceType.CASE_SERIES: "série de cas",
        EvidenceType.CASE_REPORT: "cas clinique",
        EvidenceType.ANIMAL: "étude animale",
        EvidenceType.IN_VITRO: "in vitro",
        EvidenceType.CLASS_BASED: "déduit de la classe de médicaments",
    }
)

_WORDS: Mapping[str, tuple[Mapping[str, ClassWording], Mapping[EvidenceType, str]]] = {
    "fr": (FRENCH, EVIDENCE_TYPES_FRENCH)
}


def _words(language: str) -> tuple[Mapping[str, ClassWording], Mapping[EvidenceType, str]]:
    primary = language.lower().replace("_", "-").split("-")[0]
    return _WORDS.get(primary, ({}, {}))


def in_language(interaction: Interaction, language: str) -> Interaction:
    """``interaction`` with its name and sentences in ``language``; as it is in English or in a
    language (or for a class) with no words yet."""
    wording = _words(language)[0].get(interaction.class_code)
    if wording is None:
        return interaction
    return dataclasses.replace(
        interaction,
        label=wording.label,
        mechanism=wording.mechanism,
        advice=wording.advice,
        evidence=wording.evidence,
    )


def evidence_words(interaction: Interaction, language: str) -> tuple[str, ...]:
    """The kinds of evidence behind ``interaction``, in ``language`` where it has the words."""
    words = _words(language)[1]
    return tuple(words.get(kind, kind.value) for kind in interaction.evidence_types)

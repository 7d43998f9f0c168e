"""Every knowledge-base entry has French for its name, mechanism, advice and evidence, keeps
its numbers, and changes nothing but the words."""

from __future__ import annotations

import re

import pytest

from stepdown.core.interactions import CLASSES, EvidenceType, check
from stepdown.core.interactions.checker import interactions_for_classes
from stepdown.core.interactions.wording import (
    EVIDENCE_TYPES_FRENCH,
    FRENCH,
    evidence_words,
    in_language,
)

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _numbers(text: str) -> list[str]:
    return [number.replace(".", ",") for number in NUMBER.findall(text)]


def test_every_entry_has_french_and_no_french_names_an_unknown_entry() -> None:
    # A new entry fails here until its French is written (core/interactions/french_*.py).
    assert set(FRENCH) == set(CLASSES)


def test_every_kind_of_evidence_has_french() -> None:
    assert set(EVIDENCE_TYPES_FRENCH) == set(EvidenceType)


@pytest.mark.parametrize("code", sorted(CLASSES))
def test_each_sentence_is_translated_and_keeps_the_english_numbers(code: str) -> None:
    english, french = CLASSES[code], FRENCH[code]
    for field in ("mechanism", "advice", "evidence"):
        said, translated = getattr(english, field), getattr(french, field)
        assert translated != said, f"{code}.{field} is not translated"
        # 79.3 % stays 79,3 %, 1.4-fold stays 1,4: a translation never changes a number.
        assert sorted(_numbers(translated)) == sorted(_numbers(said)), f"{code}.{field}"


@pytest.mark.parametrize("code", sorted(CLASSES))
def test_the_french_never_suggests_taking_more_kratom(code: str) -> None:
    wording = FRENCH[code]
    words = " ".join((wording.mechanism, wording.advice, wording.evidence)).casefold()
    for phrase in ("prenez plus de kratom", "augmentez le kratom", "augmentez votre dose"):
        assert phrase not in words


def test_a_worded_interaction_changes_only_its_words() -> None:
    english = interactions_for_classes(("opioids",))[0]
    french = in_language(english, "fr-FR")
    assert french.label == "Opioïdes"
    assert "récepteur mu des opioïdes" in french.mechanism
    assert "naloxone" in french.advice
    assert (french.class_code, french.severity, french.basis, french.sources) == (
        english.class_code,
        english.severity,
        english.basis,
        english.sources,
    )
    assert french.evidence_types == english.evidence_types


def test_english_and_languages_without_words_keep_the_english() -> None:
    english = check(["quetiapine"])[0].interactions[0]
    assert in_language(english, "en") is english
    assert in_language(english, "de") is english
    assert evidence_words(english, "en") == tuple(kind.value for kind in english.evidence_types)


def test_the_kinds_of_evidence_in_french() -> None:
    english = interactions_for_classes(("cannabidiol",))[0]
    assert evidence_words(english, "fr") == ("étude animale",)

"""The knowledge base itself: coverage, complete entries, real sources, and safe advice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stepdown.core.interactions import (
    CLASSES,
    SUBSTANCES,
    Basis,
    Severity,
    known_names,
    resolve,
)
from stepdown.core.interactions.knowledge_base import NAME_INDEX
from stepdown.core.interactions.normalise import FORM_WORDS, key

DOCS = Path(__file__).resolve().parents[3] / "docs"
SOURCES_FILE = DOCS / "clinical-sources.md"


def documented_source_ids() -> set[str]:
    """The first column of every row of the table in docs/clinical-sources.md."""
    ids = set()
    for line in SOURCES_FILE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in {"ID", ""} and not cells[0].startswith("--"):
            ids.add(cells[0])
    return ids


def test_the_sources_table_parses_to_known_ids() -> None:
    # Guard the parser itself: two IDs that were in the file before this module existed.
    ids = documented_source_ids()
    assert {"Tanna2023CPT", "Olsen2019"} <= ids
    assert "ID" not in ids


def test_at_least_150_names_resolve() -> None:
    names = known_names()
    assert len(names) >= 150
    unresolved = [name for name in names if resolve(name) is None]
    assert unresolved == []


def test_every_known_name_resolves_to_what_it_names() -> None:
    for entry in NAME_INDEX.values():
        resolution = resolve(entry.display)
        assert resolution is not None, entry.display
        if entry.substances:
            assert resolution.substances == entry.substances, entry.display
        else:
            assert resolution.classes == (entry.class_code,), entry.display


@pytest.mark.parametrize(
    "name",
    [
        # the classes docs/interactions.md lists, by one or more members each
        "methadone", "buprenorphine", "fentanyl", "oxycodone", "tramadol", "heroin", "morphine",
        "hydrocodone", "codeine", "O-desmethyltramadol", "krypton", "alprazolam", "alcohol",
        "gabapentin", "pregabalin", "quetiapine", "modafinil", "methamphetamine", "cocaine",
        "diphenhydramine", "sertraline", "phenelzine", "dextromethorphan", "metoprolol",
        "ketoconazole", "ritonavir", "rifampicin", "rifampin", "digoxin", "loperamide",
        "cannabis",
    ],
)  # fmt: skip
def test_required_drugs_are_covered(name: str) -> None:
    assert resolve(name) is not None


@pytest.mark.parametrize(
    ("name", "class_code"),
    [
        ("quetiapine", "cyp3a_antipsychotics"),
        ("loperamide", "pgp_substrates"),
        ("krypton", "o_desmethyltramadol"),
        ("ketoconazole", "cyp3a_inhibitors"),
        ("rifampin", "cyp3a_inducers"),
        ("dextromethorphan", "cyp2d6_substrates"),
        ("selegiline", "maois"),
        ("diphenhydramine", "sedating_antihistamines"),
        ("modafinil", "modafinil"),
        ("pregabalin", "gabapentinoids"),
    ],
)
def test_drugs_sit_in_the_classes_the_reference_puts_them_in(name: str, class_code: str) -> None:
    resolution = resolve(name)
    assert resolution is not None
    assert class_code in resolution.classes


def test_every_class_has_a_severity_advice_mechanism_and_evidence() -> None:
    for entry in CLASSES.values():
        assert isinstance(entry.severity, Severity), entry.code
        assert len(entry.advice) > 40, entry.code
        assert len(entry.mechanism) > 40, entry.code
        assert entry.evidence.strip(), entry.code
        assert entry.evidence_types, entry.code


def test_every_class_cites_sources_listed_in_clinical_sources() -> None:
    documented = documented_source_ids()
    for entry in CLASSES.values():
        assert entry.sources, entry.code
        missing = [source for source in entry.sources if source not in documented]
        assert missing == [], entry.code


def test_every_class_has_members_or_can_be_named() -> None:
    used = {code for substance in SUBSTANCES.values() for code in substance.classes}
    for entry in CLASSES.values():
        assert entry.code in used or entry.aliases, entry.code


_NOT_FOUND = re.compile(r"\bNo\b[^.]*\b(?:was|were) found\b")


def test_evidence_saying_no_data_was_found_is_theoretical() -> None:
    for entry in CLASSES.values():
        if _NOT_FOUND.search(entry.evidence):
            assert entry.basis is Basis.THEORETICAL, entry.code


def test_evidence_is_worded_for_people_not_in_capitals() -> None:
    # Issue 14: "NOT FOUND" read like an error message on the medicines page.
    assert [code for code, entry in CLASSES.items() if "NOT FOUND" in entry.evidence] == []


def test_gabapentinoids_and_maois_say_kratom_data_were_not_found() -> None:
    # The reference lists no kratom-specific data for these two classes.
    for code in ("gabapentinoids", "maois"):
        assert _NOT_FOUND.search(CLASSES[code].evidence), code
        assert CLASSES[code].basis is Basis.THEORETICAL


def test_severities_follow_the_reference_table() -> None:
    expected = {
        "opioids": Severity.HIGH,
        "o_desmethyltramadol": Severity.HIGH,
        "benzodiazepines": Severity.HIGH,
        "alcohol": Severity.HIGH,
        "cyp3a_antipsychotics": Severity.HIGH,
        "gabapentinoids": Severity.MODERATE,
        "modafinil": Severity.MODERATE,
        "stimulants": Severity.MODERATE,
        "sedating_antihistamines": Severity.MODERATE,
        "serotonergic": Severity.MODERATE,
        "maois": Severity.MODERATE,
        "cyp2d6_substrates": Severity.LOW,
        "cyp3a_inhibitors": Severity.MODERATE,
        "cyp3a_inducers": Severity.MODERATE,
    }
    assert {code: CLASSES[code].severity for code in expected} == expected


# A sentence that mentions kratom together with a word for taking more of it.
_MORE = re.compile(
    r"\b(increas\w*|rais\w*|more|extra|higher|double|doubling|top(?:ping)? up|boost\w*|"
    r"add(?:ing)?)\b",
    re.IGNORECASE,
)


def _kratom_sentences(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return [s for s in sentences if "kratom" in s.lower()]


def test_the_advice_checker_catches_a_suggestion_to_take_more_kratom() -> None:
    bad = "Take it easy. If you feel withdrawal, increase your kratom a little."
    assert any(_MORE.search(s) for s in _kratom_sentences(bad))


def test_no_advice_suggests_taking_more_kratom() -> None:
    for entry in CLASSES.values():
        offending = [s for s in _kratom_sentences(entry.advice) if _MORE.search(s)]
        assert offending == [], entry.code


def test_no_form_word_is_a_drug_name() -> None:
    # Stripping "ER" or "HCl" must never delete the only word that names a drug.
    assert not (FORM_WORDS & set(NAME_INDEX))
    assert not ({key(word) for word in FORM_WORDS} & set(NAME_INDEX))


def test_class_and_substance_data_are_frozen() -> None:
    entry = CLASSES["opioids"]
    with pytest.raises(AttributeError):
        entry.severity = Severity.LOW  # type: ignore[misc]
    with pytest.raises(TypeError):
        CLASSES["new"] = entry  # type: ignore[index]


def test_every_class_is_documented_with_its_sources() -> None:
    text = (DOCS / "interactions.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in text.splitlines() if "| `" in line}
    for entry in CLASSES.values():
        assert entry.code in rows, entry.code
        assert all(source in rows[entry.code] for source in entry.sources), entry.code
        assert f"| {entry.severity.value} |" in rows[entry.code], entry.code

"""Checking lists of names and the journal's other-substance categories."""

from __future__ import annotations

import pytest

from stepdown.core.interactions import (
    SUBSTANCE_CATEGORIES,
    Severity,
    check,
    check_name,
    check_substance_category,
)


def test_check_returns_one_report_per_name_in_order() -> None:
    reports = check(["Seroquel", "not-a-real-drug", "gabapentin"])
    assert [r.name for r in reports] == ["Seroquel", "not-a-real-drug", "gabapentin"]
    assert [r.in_knowledge_base for r in reports] == [True, False, True]


def test_an_unknown_name_has_no_resolution_and_no_interactions() -> None:
    report = check_name("metformin")
    assert report.resolution is None
    assert report.interactions == ()
    assert report.highest_severity is None


def test_quetiapine_gets_the_high_severity_antipsychotic_warning() -> None:
    report = check_name("Seroquel XR")
    assert report.highest_severity is Severity.HIGH
    interaction = report.interactions[0]
    assert interaction.class_code == "cyp3a_antipsychotics"
    assert "Hughes2018" in interaction.sources


def test_interactions_are_ordered_worst_first() -> None:
    # tramadol: opioids (high), serotonergic (moderate), CYP2D6 (low).
    report = check_name("tramadol")
    assert [i.severity for i in report.interactions] == [
        Severity.HIGH,
        Severity.MODERATE,
        Severity.LOW,
    ]
    assert report.highest_severity is Severity.HIGH


def test_a_combination_entry_gets_the_interactions_of_every_known_part() -> None:
    report = check_name("quetiapine and gabapentin")
    codes = {i.class_code for i in report.interactions}
    assert codes == {"cyp3a_antipsychotics", "qt_prolonging", "gabapentinoids"}


def test_check_rejects_a_single_string() -> None:
    with pytest.raises(TypeError):
        check("xanax")


def test_check_of_nothing_is_empty() -> None:
    assert check([]) == ()


@pytest.mark.parametrize("category", ["alcohol", "opioids", "benzodiazepines"])
def test_opioids_benzodiazepines_and_alcohol_are_high_severity(category: str) -> None:
    # Issue 6 section 2: high severity for opioids, benzodiazepines and alcohol.
    assert check_substance_category(category).highest_severity is Severity.HIGH


def test_stimulants_are_moderate() -> None:
    report = check_substance_category("stimulants")
    assert report.highest_severity is Severity.MODERATE
    assert report.classes == ("stimulants",)


def test_cannabis_is_low_with_an_honest_note_about_missing_data() -> None:
    report = check_substance_category("cannabis")
    assert report.highest_severity is Severity.LOW
    (interaction,) = report.interactions
    assert "No kratom–cannabis (THC) interaction data was found" in interaction.evidence
    assert "CBD" in report.note


def test_other_has_no_interactions_and_says_it_cannot_be_checked() -> None:
    report = check_substance_category("other")
    assert report.interactions == ()
    assert report.highest_severity is None
    assert "not mean it is safe" in report.note


def test_every_journal_category_is_supported() -> None:
    expected = {"alcohol", "opioids", "benzodiazepines", "stimulants", "cannabis", "other"}
    assert set(SUBSTANCE_CATEGORIES) == expected
    for category in expected:
        assert check_substance_category(category).category == category


def test_an_unknown_category_is_rejected_with_the_valid_ones_listed() -> None:
    with pytest.raises(ValueError, match="expected one of: alcohol"):
        check_substance_category("caffeine")


def test_a_category_and_its_drugs_give_the_same_warning() -> None:
    by_category = check_substance_category("benzodiazepines").interactions
    by_name = check_name("Xanax").interactions
    assert by_category == by_name

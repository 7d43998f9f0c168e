"""SDS (no kratom band, reference cut-offs only) and the DSM-5 criteria count."""

from __future__ import annotations

import pytest

from stepdown.core.instruments import get_instrument, score_responses


def test_sds_total_is_the_sum_and_has_no_band_for_kratom() -> None:
    result = score_responses("sds", [1, 2, 0, 3, 2])
    # 1 + 2 + 0 + 3 + 2 = 8
    assert result.total == 8
    assert result.band is None


@pytest.mark.parametrize(("answers", "total"), [([0] * 5, 0), ([3] * 5, 15)])
def test_sds_range_is_0_to_15(answers: list[int], total: int) -> None:
    assert score_responses("sds", answers).total == total


def test_sds_reference_cutoffs_are_sourced_and_not_bands() -> None:
    sds = get_instrument("sds")
    assert sds.bands == ()
    assert sds.reference_cutoffs
    for cutoff in sds.reference_cutoffs:
        assert cutoff.source in sds.sources
        assert "kratom" not in cutoff.population.lower()
    heroin = [c for c in sds.reference_cutoffs if "heroin dependence" in c.population]
    assert [(c.at_least, c.source) for c in heroin] == [(3, "GonzalezSaiz2009")]


@pytest.mark.parametrize(
    ("yes_count", "band"),
    [
        (0, "none"),
        (1, "none"),
        (2, "mild"),
        (3, "mild"),
        (4, "moderate"),
        (5, "moderate"),
        (6, "severe"),
        (11, "severe"),
    ],
)
def test_dsm5_severity_follows_the_count_of_criteria(yes_count: int, band: str) -> None:
    answers = ["yes"] * yes_count + ["no"] * (11 - yes_count)
    result = score_responses("dsm5_sud", answers)
    assert (result.total, result.band) == (yes_count, band)


def test_dsm5_has_eleven_yes_no_criteria_asked_about_the_last_month() -> None:
    dsm5 = get_instrument("dsm5_sud")
    assert len(dsm5.items) == 11
    assert {item.kind for item in dsm5.items} == {"yes_no"}
    # Monitored monthly, so asked about the last month: an adaptation of the DSM-5's 12 months.
    assert dsm5.time_window.startswith("past month")
    assert "last month" in dsm5.instructions
    assert [band.name for band in dsm5.bands] == ["none", "mild", "moderate", "severe"]


@pytest.mark.parametrize("code", ["sds", "dsm5_sud"])
def test_kratom_wordings_are_not_marked_validated(code: str) -> None:
    # Gossop1995 validated the SDS for other substances and APA2022DSM5TR defines the criteria;
    # neither kratom wording has been validated, nor has the past-month window.
    instrument = get_instrument(code)
    assert instrument.validated is False
    assert any("not validated" in note.lower() for note in instrument.notes)
    assert any(note.startswith("Adapted:") for note in instrument.notes)


@pytest.mark.parametrize(
    ("criteria", "band", "label"),
    [(1, "none", "Fewer than 2"), (2, "mild", "Mild use disorder"), (4, "moderate", "Moderate use"),
     (6, "severe", "Severe use disorder")],
)  # fmt: skip
def test_dsm5_bands_name_a_use_disorder(criteria: int, band: str, label: str) -> None:
    dsm5 = get_instrument("dsm5_sud")
    answers = {item.code: int(n < criteria) for n, item in enumerate(dsm5.items)}
    result = score_responses("dsm5_sud", answers)
    assert (result.total, result.band) == (criteria, band)
    found = dsm5.band_for(criteria)
    assert found is not None
    assert found.label.startswith(label)

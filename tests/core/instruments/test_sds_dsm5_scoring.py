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

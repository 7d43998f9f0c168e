"""``stepdown score``: JSON and text output, answer spelling, and one-line errors with exit 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from stepdown.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["score", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_output_has_exactly_the_documented_keys() -> None:
    code, out, _ = run("phq9", "--answers", "1,1,1,1,1,0,0,0,0", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "instrument": "phq9",
        "total": 5,  # five items at 1
        "band": "mild",
        "subscores": {},
        "flags": [],
    }


def test_json_band_is_null_where_an_instrument_has_no_bands() -> None:
    code, out, _ = run("sds", "--answers", "3,3,3,3,3", "--format", "json")
    assert code == 0
    assert json.loads(out)["band"] is None
    assert json.loads(out)["total"] == 15  # 5 * 3


def test_item9_flag_reaches_the_json_and_the_text_shows_crisis_lines() -> None:
    _, out, _ = run("phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--format", "json")
    assert json.loads(out)["flags"] == ["self_harm"]
    code, text, _ = run("phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert code == 0
    assert "988" in text
    assert "self_harm" in text


def test_text_summary_shows_the_total_and_band() -> None:
    code, out, _ = run("gad7", "--answers", "2,2,2,2,2,0,0")
    assert code == 0
    assert "10" in out  # 5 * 2
    assert "Moderate" in out


def test_sds_text_summary_labels_other_substance_cutoffs() -> None:
    code, out, _ = run("sds", "--answers", "0,0,0,0,0")
    assert code == 0
    assert "other substances" in out
    assert "GonzalezSaiz2009" in out


def test_yes_no_answers_are_written_as_words() -> None:
    code, out, _ = run("asq", "--answers", "no,yes,no,no,no", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "instrument": "asq",
        "total": 1,
        "band": "positive",
        "subscores": {},
        "flags": ["self_harm"],
    }


def test_daily_skips_optional_items_with_empty_fields_and_keeps_commas_in_the_note() -> None:
    answers = ",".join(
        ["1"] * 12  # diary: 12 * 1 = 12
        + ["30", ""]  # craving, no second substance
        + ["7.5", "3", "2", "1", "2", "2", "15", "0", "yes", "no"]
        + ["", "", "", "", "", "", "", "yes"]  # self-harm, vomiting, ..., pregnancy yes
        + ["tired, but ok"]
    )
    code, out, _ = run("daily", "--answers", answers, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 12
    assert data["subscores"]["sleep_hours"] == 7.5
    assert "craving_other" not in data["subscores"]
    assert data["flags"] == ["pregnancy"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("cows", "--answers", "3,0,0,0,0,0,0,0,0,0,0"), "pulse"),
        (("phq9", "--answers", "0,0,0"), "q4"),
        (("phq9", "--answers", "0,0,0,0,0,0,0,0,0,0,0"), "11 answers"),
        (("phq9", "--answers", "0,0,0,0,0,0,0,0,x"), "q9"),
        (("sows", "--answers", "1"), "unknown instrument"),
    ],
)
def test_bad_answers_print_one_line_and_exit_2(args: tuple[str, ...], needle: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert needle in err


def test_the_sds_says_it_is_not_a_validated_scale_for_kratom() -> None:
    code, out, _ = run("sds", "--answers", "1,1,1,1,1")
    assert code == 0
    assert "Not a validated scale" in out
    assert "past month" in out

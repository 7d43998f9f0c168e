"""``stepdown skin measure``: the JSON contract, the text form, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.core.colour.skin_scenes import darken, render, skin_reflectance, spec_for
from typer.testing import CliRunner

from stepdown.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _rect(rect) -> str:
    return f"{rect.x},{rect.y},{rect.width},{rect.height}"


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory):
    reflectance = skin_reflectance("South Asian")
    scene = render(spec_for("South Asian", exposed=darken(reflectance, melanin=0.3), seed=6))
    path = tmp_path_factory.mktemp("skin") / "arm.jpg"
    path.write_bytes(scene.jpeg)
    return path, scene


def test_json_has_the_contract_keys(photo) -> None:
    path, scene = photo
    code, out, _ = run(
        "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi),
        "--reference-roi", _rect(scene.reference_roi), "--format", "json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    for key in ("L", "a", "b", "ita_deg", "ita_category", "ci95_ita", "calibration", "quality"):
        assert key in result
    assert set(result["quality"]) >= {"ok", "reasons"}
    assert result["calibration"] == "colour_checker"
    assert result["quality"]["ok"] is True
    assert result["reference"]["ita_deg"] > result["ita_deg"]  # the exposed site is darker
    assert result["delta_ita"] == pytest.approx(
        result["ita_deg"] - result["reference"]["ita_deg"], abs=0.02
    )
    low, high = result["ci95_ita"]
    assert low <= result["ita_deg"] <= high


def test_reference_is_null_when_not_given(photo) -> None:
    path, scene = photo
    code, out, _ = run(
        "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi), "--format", "json"
    )
    assert code == 0
    result = json.loads(out)
    assert result["reference"] is None
    assert result["delta_ita"] is None


def test_card_none_is_labelled_uncalibrated(photo) -> None:
    path, scene = photo
    code, out, _ = run(
        "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi),
        "--card", "none", "--format", "json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    assert result["calibration"] == "none"
    assert result["quality"]["reasons"] == ["uncalibrated"]


def test_marked_corners_are_used(photo) -> None:
    path, scene = photo
    corners = ",".join(f"{v:.1f}" for point in scene.corners for v in point)
    code, out, _ = run(
        "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi),
        "--corners", corners, "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["calibration"] == "four_corners"


def test_text_output_names_the_numbers(photo) -> None:
    path, scene = photo
    code, out, _ = run(
        "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi),
        "--reference-roi", _rect(scene.reference_roi),
    )  # fmt: skip
    assert code == 0
    assert "ITA" in out
    assert "ΔITA" in out
    assert "calibration: colour_checker" in out


def test_non_image_file_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("this is not a photo")
    code, out, err = run("skin", "measure", str(path), "--roi", "0,0,10,10")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "not a photo" in err


def test_missing_file_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    code, _, err = run("skin", "measure", str(tmp_path / "none.jpg"), "--roi", "0,0,10,10")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "cannot read" in err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--roi", "1,2,3"], "four whole numbers"),
        (["--roi", "5000,5000,10,10"], "outside the photo"),
        (["--roi", "0,0,10,10", "--corners", "1,2,3"], "eight numbers"),
    ],
)
def test_bad_options_print_one_line_and_exit_2(photo, options, message) -> None:
    path, _ = photo
    code, _, err = run("skin", "measure", str(path), *options)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert message in err

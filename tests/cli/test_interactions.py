"""``stepdown interactions``: JSON shape, unknown names, readable text and bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from stepdown.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["interactions", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_lists_one_object_per_name_with_the_documented_keys() -> None:
    code, out, _ = run("Xanax", "quetiapine", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [item["name"] for item in data] == ["Xanax", "quetiapine"]
    assert {"name", "resolved", "classes", "interactions"} <= set(data[0])
    assert data[0]["resolved"] == "alprazolam"
    assert data[0]["classes"] == ["benzodiazepines"]
    (interaction,) = data[0]["interactions"]
    assert {"severity", "mechanism", "advice", "sources"} <= set(interaction)
    assert interaction["severity"] == "high"
    assert "Tanna2023CPT" in interaction["sources"]


def test_json_reports_an_unknown_name_as_resolved_null() -> None:
    code, out, _ = run("metformin", "--format", "json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["resolved"] is None
    assert item["classes"] == []
    assert item["interactions"] == []


def test_json_keeps_non_ascii_names_readable() -> None:
    code, out, _ = run("QUÉTIAPINE", "--format", "json")
    assert code == 0
    assert '"QUÉTIAPINE"' in out
    assert json.loads(out)[0]["resolved"] == "quetiapine"


def test_json_lists_a_drug_in_several_classes_worst_first() -> None:
    _, out, _ = run("tramadol", "--format", "json")
    (item,) = json.loads(out)
    assert [i["severity"] for i in item["interactions"]] == ["high", "moderate", "low"]
    assert set(item["classes"]) == {"opioids", "serotonergic", "cyp2d6_substrates"}


def test_text_says_plainly_that_an_unknown_name_is_not_known_to_be_safe() -> None:
    code, out, _ = run("metformin")
    assert code == 0
    assert "metformin: not in the knowledge base — this does not mean it is safe" in out


def test_text_shows_the_resolved_name_severity_and_sources() -> None:
    code, out, _ = run("Seroquel")
    assert code == 0
    assert "Seroquel → quetiapine" in out
    assert "high" in out
    assert "Hughes2018" in out


def test_text_flags_a_guessed_spelling() -> None:
    _, out, _ = run("alprazolm")
    assert "alprazolm → alprazolam (close spelling — did you mean alprazolam?)" in out


def test_text_names_the_unrecognised_part_of_a_combination() -> None:
    _, out, _ = run("oxycodone/metformin")
    assert "metformin: not in the knowledge base" in out
    assert "Opioids" in out


def test_an_empty_name_is_a_usage_error() -> None:
    code, out, err = run("xanax", "  ")
    assert code == 2
    assert out == ""
    assert err.strip() == "stepdown: a name cannot be empty"


def test_a_name_is_required() -> None:
    code, _, _ = run()
    assert code == 2


def test_an_unknown_format_is_rejected() -> None:
    code, _, _ = run("xanax", "--format", "xml")
    assert code == 2


def _json(*names: str) -> dict[str, dict[str, object]]:
    code, out, _ = run(*names, "--format", "json")
    assert code == 0
    return {item["name"]: item for item in json.loads(out)}


def _classes(item: dict[str, object]) -> set[str]:
    return {i["class"] for i in item["interactions"]}  # type: ignore[attr-defined,index]


def test_json_answers_for_antagonists_and_combination_products() -> None:
    data = _json("Vivitrol", "Contrave", "Suboxone", "Talwin NX", "naloxone", "Lybalvi")
    for name in data:
        assert "opioid_antagonists" in _classes(data[name]), name
        assert data[name]["interactions"][0]["severity"] == "high", name  # type: ignore[index]
    assert data["Suboxone"]["ingredients"] == ["buprenorphine", "naloxone"]
    assert data["Suboxone"]["resolved"] == "buprenorphine + naloxone"
    assert _classes(data["Suboxone"]) >= {"opioids", "opioid_antagonists"}
    assert data["Contrave"]["ingredients"] == ["naltrexone", "bupropion"]
    assert data["Contrave"]["matched_as"] == "brand"


def test_json_answers_for_look_alike_brands() -> None:
    data = _json("Tylenol", "Tylenol 500 mg", "Tylenol 3", "Panadol")
    for name in ("Tylenol", "Tylenol 500 mg", "Panadol"):
        assert data[name]["ingredients"] == ["acetaminophen"], name
        assert _classes(data[name]) == {"acetaminophen_liver"}, name
        assert data[name]["needs_confirmation"] is False
    assert data["Tylenol 3"]["ingredients"] == ["acetaminophen", "codeine"]
    assert "opioids" in _classes(data["Tylenol 3"])


def test_json_marks_a_close_spelling_for_confirmation() -> None:
    item = _json("quetiapin")["quetiapin"]
    assert item["match"] == "fuzzy"
    assert item["matched_as"] == "close spelling"
    assert item["did_you_mean"] == "quetiapine"
    assert item["match_label"] == "close spelling — did you mean quetiapine?"
    assert item["needs_confirmation"] is True
    exact = _json("QUETIAPINE")["QUETIAPINE"]
    assert (exact["matched_as"], exact["needs_confirmation"]) == ("exact", False)


def test_json_answers_for_qt_medicines() -> None:
    data = _json("methadone", "citalopram", "ondansetron", "Zithromax")
    for name in data:
        assert "qt_prolonging" in _classes(data[name]), name
    assert _classes(data["methadone"]) == {"opioids", "qt_prolonging"}

"""Each crisis line cites the source that documents that very line."""

from __future__ import annotations

import re

import pytest
from tests.learn.learn_checks import ROOT

from stepdown.web.resources import CRISIS_LINES, SUPPORT_LINES


def _rows() -> dict[str, str]:
    rows = {}
    text = (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2:
            rows[cells[0]] = " ".join(cells[1:])
    return rows


@pytest.mark.parametrize("line", [*CRISIS_LINES, *SUPPORT_LINES], ids=lambda line: line.region)
def test_a_lines_source_names_its_number_and_country(line: object) -> None:
    rows = _rows()
    row = rows[line.source]  # type: ignore[attr-defined]
    digits = re.sub(r"\D", "", line.how)  # type: ignore[attr-defined]
    assert digits in re.sub(r"\D", "", row)


def test_lifeline_australia_is_not_cited_to_the_us_988_lifeline() -> None:
    [australia] = [line for line in CRISIS_LINES if line.region == "Australia"]
    assert australia.source == "LifelineAU"
    assert "13 11 14" in _rows()["LifelineAU"]
    assert "13 11 14" not in _rows()["Lifeline988"]

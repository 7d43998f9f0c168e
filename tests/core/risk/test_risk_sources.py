"""Every source the risk profile cites is listed, every factor links to a Learn page, and the
"what you can do" texts never suggest taking more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stepdown.core.risk import CATALOGUE, FactorCode, FactorInfo
from stepdown.core.rules import LEARN_SLUGS

ROOT = Path(__file__).resolve().parents[3]
RISK_DIR = ROOT / "src" / "stepdown" / "core" / "risk"
ID_LIKE = re.compile(r"\b[A-Z][A-Za-z]+\d{3,4}[A-Za-z0-9]*\b|\bSeedRisk\b|\bWikEMKratom\b")
MORE = re.compile(
    r"\b(increase|raise|up) (your|the) (dose|amount|use)\b|\btake more\b|\bmore kratom\b",
    re.IGNORECASE,
)


def source_ids() -> set[str]:
    """The first column of the table in docs/clinical-sources.md."""
    ids = set()
    for line in (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("ID", "") and not set(cells[0]) <= {"-"}:
            ids.add(cells[0])
    return ids


def test_every_factor_in_the_issue_is_in_the_catalogue() -> None:
    assert set(CATALOGUE) == set(FactorCode)


@pytest.mark.parametrize("code", list(FactorCode), ids=str)
def test_each_factor_cites_listed_sources_and_a_learn_page(code: FactorCode) -> None:
    info: FactorInfo = CATALOGUE[code]
    assert info.sources
    assert set(info.sources) <= source_ids()
    assert info.learn_slug.value in LEARN_SLUGS
    assert not MORE.search(info.action)
    assert 1 <= info.weight <= 6


@pytest.mark.parametrize("path", sorted(RISK_DIR.glob("*.py")), ids=lambda path: path.name)
def test_every_source_id_named_in_the_risk_modules_is_listed(path: Path) -> None:
    named = set(ID_LIKE.findall(path.read_text(encoding="utf-8")))
    assert named <= source_ids(), named - source_ids()


def test_the_source_document_row_exists() -> None:
    assert "SeedRisk" in source_ids()

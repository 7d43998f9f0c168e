"""Every source ID the taper planner, the level model and their docs cite is listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CITING_FILES = [
    *sorted((ROOT / "src" / "stepdown" / "core" / "tapering").glob("*.py")),
    ROOT / "src" / "stepdown" / "core" / "pharmacokinetics.py",
    ROOT / "src" / "stepdown" / "cli" / "plan.py",
    ROOT / "docs" / "tapering.md",
]
ID_LIKE = re.compile(r"\b[A-Z][A-Za-z]+\d{4}[A-Za-z0-9]*\b")


def source_ids() -> set[str]:
    """The first column of the table in docs/clinical-sources.md."""
    ids = set()
    for line in (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("ID", "") and not set(cells[0]) <= {"-"}:
            ids.add(cells[0])
    return ids


@pytest.mark.parametrize("path", CITING_FILES, ids=lambda path: path.name)
def test_every_cited_source_is_listed(path: Path) -> None:
    named = set(ID_LIKE.findall(path.read_text(encoding="utf-8")))
    assert named <= source_ids(), named - source_ids()


def test_the_half_life_and_tapering_sources_are_actually_cited() -> None:
    text = " ".join(path.read_text(encoding="utf-8") for path in CITING_FILES)
    for source in ("Trakulsrichai2015", "Tanna2022", "Huestis2024", "HorowitzTaylor2019",
                   "Maudsley2024", "Rogers2024"):  # fmt: skip
        assert source in text

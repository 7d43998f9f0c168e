"""docs/skin.md lists every quality code with its message; every cited source is registered."""

import re
from pathlib import Path

from stepdown.core.colour.quality import QUALITY_MESSAGES

ROOT = Path(__file__).resolve().parents[3]
SOURCE_DIR = ROOT / "src" / "stepdown" / "core" / "colour"


def _registered_ids() -> set[str]:
    table = (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| (\S+) \|", table, flags=re.MULTILINE)) - {"ID"}


def _cited_ids(text: str) -> set[str]:
    bracketed = set(re.findall(r"\[([A-Z][A-Za-z0-9_]*\d[A-Za-z0-9_]*|ColourScience)\]", text))
    references = set()
    for section in re.findall(r"References\n-+\n(.*?)\"\"\"", text, flags=re.DOTALL):
        for line in section.splitlines():
            references.update(re.findall(r"^([A-Z][A-Za-z0-9_]+)(?=[:,])", line))
            references.update(re.findall(r"(?<=, )([A-Z][A-Za-z0-9_]+\d{4}\w*)(?=[:,])", line))
    return bracketed | references


def test_every_quality_code_and_message_is_documented():
    doc = (ROOT / "docs" / "skin.md").read_text(encoding="utf-8")
    for code, message in QUALITY_MESSAGES.items():
        assert f"`{code.value}`" in doc
        assert message in doc


def test_every_source_cited_in_the_colour_code_is_registered():
    cited = set()
    for path in SOURCE_DIR.glob("*.py"):
        cited |= _cited_ids(path.read_text(encoding="utf-8"))
    assert {"Chardon1991", "Ly2020", "ColourScience", "Sharma2005"} <= cited
    assert cited <= _registered_ids()


def test_every_source_cited_in_the_skin_doc_is_registered():
    doc = (ROOT / "docs" / "skin.md").read_text(encoding="utf-8")
    cited = set()
    for group in re.findall(r"\[([A-Za-z0-9_, ]+)\]", doc):
        cited.update(part.strip() for part in group.split(","))
    assert {"Patel2024Skin", "Suleman2023Skin", "ASDP26398"} <= cited
    assert cited <= _registered_ids()

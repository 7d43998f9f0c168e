"""The clinical sources, read from ``docs/clinical-sources.md``: one list for the docs and the app.

The table in that file is the single source of truth: the app parses it once at start-up
(``LearnConfig.ready``) and shows it on ``/learn/sources/``; interaction and risk pages link each
source ID there with its reference. A test checks that the page and the file agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from urllib.parse import quote_plus

SOURCES_FILE = Path(__file__).resolve().parents[3] / "docs" / "clinical-sources.md"

_ROW = re.compile(r"^\|\s*([A-Za-z0-9_]+)\s*\|(.*)\|(.*)\|\s*$")
_DOI = re.compile(r"\bdoi:?\s*(10\.\d{4,9}/\S+?)(?=[.,;)]?(?:\s|$))", re.IGNORECASE)
_PMC = re.compile(r"\b(PMC\d+)\b")
_ARXIV = re.compile(r"\barXiv:(\d{4}\.\d{4,5})\b")
_SITE = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:gov|org|com|net|de)(?:/[\w./-]*)?)", re.IGNORECASE)
_SEARCH = "https://pubmed.ncbi.nlm.nih.gov/?term="
_EMPHASIS = re.compile(r"\*([^*]+)\*")


@dataclass(frozen=True)
class Source:
    """One row of the table: its ID, the reference, what Stepdown uses it for, and a link."""

    id: str
    reference: str
    used_for: str
    url: str

    @property
    def direct(self) -> bool:
        """Whether the link opens the source itself rather than a search for it."""
        return not self.url.startswith(_SEARCH)

    def in_language(self, language: str | None) -> Source:
        """This source as a page in ``language`` shows it: in French, what Stepdown uses it for
        and its own notes in the reference are French (``sources_french``); the citation, its
        titles and its link never change."""
        if (language or "en").split("-")[0] != "fr":
            return self
        from stepdown.learn.sources_french import REFERENCES, USES

        return replace(
            self,
            reference=REFERENCES.get(self.id, self.reference),
            used_for=USES.get(self.id, self.used_for),
        )


def link_for(reference: str) -> str:
    """The best link a reference gives: its DOI, then PubMed Central, arXiv, a web address, or
    else a PubMed search for it."""
    if match := _DOI.search(reference):
        return f"https://doi.org/{match.group(1)}"
    if match := _PMC.search(reference):
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{match.group(1)}/"
    if match := _ARXIV.search(reference):
        return f"https://arxiv.org/abs/{match.group(1)}"
    if match := _SITE.search(reference):
        return f"https://{match.group(1).rstrip('.')}"
    # No identifier in the reference: a literature search for it is the next best thing.
    return _SEARCH + quote_plus(reference[:200])


def parse(text: str) -> tuple[Source, ...]:
    """The table rows of ``clinical-sources.md`` in order (the header rows are skipped)."""
    rows = []
    for line in text.splitlines():
        match = _ROW.match(line.strip())
        if match is None or match.group(1) == "ID":
            continue
        reference = _EMPHASIS.sub(r"\1", match.group(2).strip())
        used_for = _EMPHASIS.sub(r"\1", match.group(3).strip())
        rows.append(Source(match.group(1), reference, used_for, link_for(reference)))
    return tuple(rows)


@cache
def sources() -> MappingProxyType[str, Source]:
    """Every source by ID, read once (empty when the docs are not installed alongside)."""
    try:
        text = SOURCES_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        return MappingProxyType({})
    return MappingProxyType({source.id: source for source in parse(text)})

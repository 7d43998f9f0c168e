"""Helpers shared by the Learn tests: the clinical-source IDs and the "never advise more" check."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from stepdown.learn.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]

# Advice to take more, in the forms it would take in Stepdown's text. Descriptions such as
# "many people respond by dosing more often" are not advice and are not matched; the test
# below proves the pattern does catch the real thing.
ADVICE_MORE = re.compile(
    r"\b(?:increase|raise|double|boost|up|top up)\s+(?:your|the|a)\s+"
    r"(?:dose|doses|dosing|amount|use|intake|kratom|grams)\b"
    r"|\b(?:take|use|have|add|try)\s+(?:a\s+(?:little|bit)\s+)?"
    r"(?:more|extra|another|an extra|a bigger|a larger|a higher)\b"
    r"|\bmore kratom\b|\bextra (?:dose|kratom)\b|\bdose (?:up|higher)\b|\btop(?:ping)? up\b",
    re.IGNORECASE,
)


def page_text(slug: str) -> str:
    """Every sentence a Learn page says, as one string (title, summary, evidence and sections)."""
    page = PAGES[slug]
    parts = [page.title, page.summary, page.evidence]
    for section in page.sections:
        parts += [section.heading, *section.paragraphs, *section.points]
    return " ".join(parts)


def advises_more(text: str) -> list[str]:
    """The sentences of ``text`` that read as advice to take more."""
    sentences = re.split(r"(?<=[.!?;…])\s+", " ".join(text.split()))
    return [s for s in sentences if ADVICE_MORE.search(s)]


def source_ids() -> set[str]:
    """The first column of the table in docs/clinical-sources.md."""
    ids: set[str] = set()
    text = (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        first = line.strip().strip("|").split("|")[0].strip()
        if first and first != "ID" and not set(first) <= {"-"}:
            ids.add(first)
    return ids


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())

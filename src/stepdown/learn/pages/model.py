"""The shape of a Learn page: plain data, rendered by one template with autoescaping."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext


@dataclass(frozen=True)
class Section:
    """A heading with short paragraphs and, optionally, a list of points."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class LearnPage:
    """One Learn topic.

    ``sources`` are IDs in ``docs/clinical-sources.md``; ``evidence`` says in plain words how
    strong the evidence behind the page is; ``related`` are other pages' slugs; ``tools`` are URL
    names of Stepdown pages that help act on the topic (a coping tool, the Support page).
    """

    slug: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    sources: tuple[str, ...]
    evidence: str
    related: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()

    def in_language(self) -> LearnPage:
        """This page with its words in the active language. They are marked with
        ``gettext_noop`` where the page is written and looked up here, in Python: a template's
        ``{% translate %}`` of a value doubles its "%" signs first and would miss "10 to 20 %"."""
        return replace(
            self,
            title=gettext(self.title),
            summary=gettext(self.summary),
            evidence=gettext(self.evidence),
            sections=tuple(
                Section(
                    gettext(section.heading),
                    tuple(gettext(text) for text in section.paragraphs),
                    tuple(gettext(text) for text in section.points),
                )
                for section in self.sections
            ),
        )

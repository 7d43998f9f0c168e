"""An instrument's wording in another language, kept beside the English in the same module.

A :class:`Translation` maps each English text an instrument shows (its name, instructions,
questions, answers, bands, flags, notes...) to the same text in one language. The wording is
data in the instrument's own module, so adding an instrument still touches one file, and the
core stays free of Django: the pages pick the translated :class:`Instrument` with
``instruments.language.in_language`` (``docs/i18n.md``).

Keys are the English texts themselves, as in a gettext catalogue: when the English changes, the
old French no longer matches and the completeness test (``tests/core/instruments``) fails until
the French is brought up to date. Codes, values and scores never change, so a translated
instrument scores exactly like the English one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

ENGLISH = "en"


@dataclass(frozen=True, kw_only=True)
class Translation:
    """The wording of one instrument in ``language``.

    ``official`` says the text is a published translation of the instrument (Pfizer's French
    PHQ-9, for example), cited by ``sources``; otherwise it is the project's own translation and
    has not been validated, which the pages say.
    """

    language: str
    texts: Mapping[str, str] = field(hash=False, compare=False)
    official: bool = False
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.language or self.language == ENGLISH:
            raise ValueError("a translation names a language other than English")
        empty = [english for english, text in self.texts.items() if not text.strip()]
        if empty:
            raise ValueError(f"{self.language} translation leaves {empty[0]!r} empty")
        if self.official and not self.sources:
            raise ValueError("an official translation cites where its text comes from")
        object.__setattr__(self, "texts", MappingProxyType(dict(self.texts)))


def primary_language(language: str) -> str:
    """The language part of a tag ("fr" for "fr-FR"): translations are per language."""
    return language.lower().replace("_", "-").split("-")[0]

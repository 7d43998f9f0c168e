"""Check-in values in the words the pages, the CLI and the API show.

An instrument's own wording (questions, answers, bands, flags, notes) is data in its core module,
in English and in each language it has a translation for (``docs/i18n.md``); these helpers pick
the one for the language of the request.
"""

from __future__ import annotations

from django.utils.translation import get_language

from stepdown.core.instruments import Instrument, get_instrument
from stepdown.core.instruments.language import translation_for


def page_instrument(code: str) -> Instrument:
    """The instrument ``code`` worded in the request's language (English where it has none)."""
    return get_instrument(code, get_language() or "en")


def band_label(instrument_code: str, band: str) -> str | None:
    """The instrument's label for a score band ("Mild"), or None for a band it does not have."""
    for candidate in page_instrument(instrument_code).bands:
        if candidate.name == band:
            return candidate.label
    return None


def translated_by_project(instrument: Instrument) -> bool:
    """Whether ``instrument`` is worded in the project's own, unvalidated translation.

    False for English and for a published translation (Pfizer's French PHQ-9 and GAD-7).
    """
    translation = translation_for(instrument, instrument.language)
    return translation is not None and not translation.official

"""Check-in values in the words the pages, the CLI and the API show."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

from stepdown.core.instruments import get_instrument


def band_label(instrument_code: str, band: str) -> str | None:
    """The instrument's label for a score band ("Mild"), or None for a band it does not have."""
    for candidate in get_instrument(instrument_code).bands:
        if candidate.name == band:
            return candidate.label
    return None


# The daily check-in's and craving's score labels are Stepdown's own (not a validated
# instrument's wording), so the pages show them translated; the core keeps them in English.
SCORE_LABELS = frozenset(
    {
        gettext_noop("Withdrawal diary total (0–48)"),
        gettext_noop("Kratom craving (0–100)"),
        gettext_noop("Other substance craving (0–100)"),
        gettext_noop("Sleep (hours)"),
        gettext_noop("Sleep quality (0–4)"),
        gettext_noop("Energy (0–4)"),
        gettext_noop("Sedation (0–4)"),
        gettext_noop("Mood (0–4)"),
        gettext_noop("Sociability (0–4)"),
        gettext_noop("Exercise (minutes)"),
        gettext_noop("Mindfulness (minutes)"),
    }
)


def score_label(label: str) -> str:
    """A score's label in the page's language where it is Stepdown's own, else as it is."""
    return gettext(label) if label in SCORE_LABELS else label

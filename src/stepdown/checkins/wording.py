"""Check-in values in the words the pages, the CLI and the API show."""

from __future__ import annotations

from stepdown.core.instruments import get_instrument


def band_label(instrument_code: str, band: str) -> str | None:
    """The instrument's label for a score band ("Mild"), or None for a band it does not have."""
    for candidate in get_instrument(instrument_code).bands:
        if candidate.name == band:
            return candidate.label
    return None

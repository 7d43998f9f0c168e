"""Every instrument Stepdown knows, by code, and the dispatcher that scores by code.

To add an instrument (for example a clinic's licensed SOWS), write one module that defines
``INSTRUMENT = Instrument(...)`` and add its dotted module name to ``INSTRUMENT_MODULES``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from stepdown.core.instruments.base import Instrument
from stepdown.core.instruments.errors import UnknownInstrumentError
from stepdown.core.instruments.language import in_language
from stepdown.core.instruments.scoring import Answers, ScoreResult, score_answers
from stepdown.core.instruments.translation import primary_language

INSTRUMENT_MODULES = (
    "stepdown.core.instruments.phq9",
    "stepdown.core.instruments.phq2",
    "stepdown.core.instruments.gad7",
    "stepdown.core.instruments.gad2",
    "stepdown.core.instruments.asq",
    "stepdown.core.instruments.sds",
    "stepdown.core.instruments.dsm5_sud",
    "stepdown.core.instruments.cows",
    "stepdown.core.instruments.withdrawal",
    "stepdown.core.instruments.craving",
    "stepdown.core.instruments.checkin",
)


def _load(module_names: tuple[str, ...]) -> Mapping[str, Instrument]:
    loaded: dict[str, Instrument] = {}
    for name in module_names:
        instrument = getattr(importlib.import_module(name), "INSTRUMENT", None)
        if not isinstance(instrument, Instrument):
            raise TypeError(f"{name} must define INSTRUMENT as an Instrument")
        if instrument.code in loaded:
            raise ValueError(f"two modules define the instrument code {instrument.code!r}")
        loaded[instrument.code] = instrument
    return MappingProxyType(loaded)


INSTRUMENTS: Mapping[str, Instrument] = _load(INSTRUMENT_MODULES)
"""Instrument code -> definition, in the order of ``INSTRUMENT_MODULES``."""

# Each translation worded once, at import: pages ask for them on every render.
_WORDED: Mapping[tuple[str, str], Instrument] = MappingProxyType(
    {
        (code, translation.language): in_language(instrument, translation.language)
        for code, instrument in INSTRUMENTS.items()
        for translation in instrument.translations
    }
)


def get_instrument(code: str, language: str | None = None) -> Instrument:
    """The instrument registered as ``code``; :class:`UnknownInstrumentError` otherwise.

    With ``language`` ("fr", "fr-fr"...), the instrument worded in that language where it has a
    translation, else in English; codes, values and scoring are the same either way.
    """
    try:
        instrument = INSTRUMENTS[code]
    except KeyError:
        raise UnknownInstrumentError(code, tuple(INSTRUMENTS)) from None
    if language is None:
        return instrument
    return _WORDED.get((code, primary_language(language)), instrument)


def score_responses(code: str, answers: Answers) -> ScoreResult:
    """Score a response to the instrument ``code``.

    ``answers`` maps item codes to values, or lists values in the instrument's item order.
    Raises :class:`UnknownInstrumentError` for an unknown code and :class:`InvalidAnswerError`
    (with ``item`` naming the problem item) for a missing, extra or disallowed answer.
    """
    return score_answers(get_instrument(code), answers)

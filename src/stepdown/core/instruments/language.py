"""An instrument in a language: its texts, what a translation lacks, and the instrument worded
by its :class:`~stepdown.core.instruments.translation.Translation` (English when it has none)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from stepdown.core.instruments.base import Instrument, Item
from stepdown.core.instruments.translation import Translation, primary_language


def texts_of(instrument: Instrument) -> Iterator[str]:
    """Every English text of ``instrument`` that a person or a clinician can read."""
    yield from (instrument.name, instrument.description, instrument.instructions)
    yield from (instrument.time_window, instrument.total_label, instrument.licence)
    if instrument.attribution:
        yield instrument.attribution
    yield from instrument.notes
    for item in instrument.items:
        yield from _item_texts(item)
    yield from (band.label for band in instrument.bands)
    yield from (subscore.label for subscore in instrument.subscores)
    yield from (rule.description for rule in instrument.flags)
    for cutoff in instrument.reference_cutoffs:
        yield cutoff.population
        if cutoff.note:
            yield cutoff.note


def _item_texts(item: Item) -> Iterator[str]:
    yield item.text
    yield from (text for text in (item.help_text, item.min_label, item.max_label) if text)
    yield from (option.label for option in item.options)


def missing_texts(instrument: Instrument, language: str) -> tuple[str, ...]:
    """English texts of ``instrument`` with no ``language`` wording (empty when complete)."""
    texts = _translation(instrument, language)
    known = texts.texts if texts is not None else {}
    return tuple(dict.fromkeys(text for text in texts_of(instrument) if text not in known))


def translation_for(instrument: Instrument, language: str) -> Translation | None:
    """The instrument's translation into ``language`` ("fr", "fr-fr"...), if it has one."""
    return _translation(instrument, language)


def _translation(instrument: Instrument, language: str) -> Translation | None:
    primary = primary_language(language)
    return next((t for t in instrument.translations if t.language == primary), None)


def in_language(instrument: Instrument, language: str) -> Instrument:
    """``instrument`` worded in ``language``; the English one when it has no such translation.

    A text the translation lacks stays in English rather than failing: the completeness test
    is what keeps that from happening.
    """
    translation = _translation(instrument, language)
    if translation is None:
        return instrument
    words = translation.texts

    def say(text: str) -> str:
        return words.get(text, text)

    def maybe(text: str | None) -> str | None:
        return say(text) if text else text

    items = tuple(
        dataclasses.replace(
            item,
            text=say(item.text),
            help_text=say(item.help_text) if item.help_text else "",
            min_label=maybe(item.min_label),
            max_label=maybe(item.max_label),
            options=tuple(
                dataclasses.replace(option, label=say(option.label)) for option in item.options
            ),
        )
        for item in instrument.items
    )
    return dataclasses.replace(
        instrument,
        name=say(instrument.name),
        description=say(instrument.description),
        instructions=say(instrument.instructions),
        time_window=say(instrument.time_window),
        total_label=say(instrument.total_label),
        licence=say(instrument.licence),
        attribution=maybe(instrument.attribution),
        notes=tuple(say(note) for note in instrument.notes),
        items=items,
        bands=tuple(dataclasses.replace(b, label=say(b.label)) for b in instrument.bands),
        subscores=tuple(dataclasses.replace(s, label=say(s.label)) for s in instrument.subscores),
        flags=tuple(
            dataclasses.replace(f, description=say(f.description)) for f in instrument.flags
        ),
        reference_cutoffs=tuple(
            dataclasses.replace(c, population=say(c.population), note=say(c.note) if c.note else "")
            for c in instrument.reference_cutoffs
        ),
        language=translation.language,
    )

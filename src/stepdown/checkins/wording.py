"""Check-in values in the words the pages, the CLI and the API show.

An instrument's own wording (questions, answers, bands, flags, notes) is data in its core module,
in English and in each language it has a translation for (``docs/i18n.md``); these helpers pick
the one for the language of the request.
"""

from __future__ import annotations

from django.utils.translation import get_language, gettext, gettext_noop

from stepdown.core.instruments import (
    Instrument,
    InvalidAnswerError,
    UnknownInstrumentError,
    get_instrument,
)
from stepdown.core.instruments.language import translation_for
from stepdown.worded import worded

# What the core says is wrong with an answer (``InvalidAnswerError``: its place and its
# ``says``), for the catalogue; the command line words them with the same messages.
CORE_ANSWER_PROBLEMS = (
    gettext_noop("%(code)s item %(item)s"),
    gettext_noop("%(code)s"),
    gettext_noop("%(place)s: %(problem)s"),
    gettext_noop(
        "%(given)s answers given but the questionnaire has only %(items)s questions (%(codes)s)"
    ),
    gettext_noop("there is no such question (questions: %(codes)s)"),
    gettext_noop("missing answer"),
    gettext_noop("%(answer)s is not yes, no or rather not say"),
    gettext_noop("%(answer)s is not yes or no"),
    gettext_noop("%(answer)s is not an allowed answer (allowed: %(allowed)s)"),
    gettext_noop("%(answer)s is not a number"),
    gettext_noop("%(number)s%(unit)s is outside %(low)s–%(high)s%(unit)s"),
    gettext_noop("%(number)s is not a whole number"),
    gettext_noop("%(number)s has too many decimal places (at most %(places)s)"),
    gettext_noop("%(answer)s is not text"),
    gettext_noop("the text is %(length)s characters long (at most %(most)s)"),
    gettext_noop("the answers must be a mapping of question codes or a list"),
)


def unknown_instrument(error: UnknownInstrumentError) -> str:
    """A questionnaire code Stepdown does not know, with the codes it does."""
    return gettext("unknown instrument %(code)s; known instruments: %(known)s") % {
        "code": repr(error.code),
        "known": ", ".join(error.known),
    }


def answer_problem(error: InvalidAnswerError) -> str:
    """What is wrong with an answer, in the request's language, naming the questionnaire and
    the question ("phq9 item q4: ..."), as an API refusal or a service's message says it."""
    return error.sentence(worded)


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

"""Questionnaires as data, and one generic scorer.

Use :func:`score_responses` to score by instrument code, :data:`INSTRUMENTS` or
:func:`get_instrument` to read definitions (for forms and the API), and :func:`score_answers` to
score against an :class:`Instrument` value directly. See ``docs/instruments.md``.
"""

from stepdown.core.instruments.answers import AnswerValue
from stepdown.core.instruments.base import (
    AskedIf,
    Audience,
    Band,
    FlagRule,
    Instrument,
    Item,
    ItemKind,
    Option,
    ReferenceCutoff,
    Subscore,
    Wording,
)
from stepdown.core.instruments.errors import InvalidAnswerError, UnknownInstrumentError
from stepdown.core.instruments.registry import INSTRUMENTS, get_instrument, score_responses
from stepdown.core.instruments.scoring import (
    Answers,
    PartialResult,
    ScoreResult,
    partial_flags,
    score_answers,
)

__all__ = [
    "INSTRUMENTS",
    "AnswerValue",
    "Answers",
    "AskedIf",
    "Audience",
    "Band",
    "FlagRule",
    "Instrument",
    "InvalidAnswerError",
    "Item",
    "ItemKind",
    "Option",
    "PartialResult",
    "ReferenceCutoff",
    "ScoreResult",
    "Subscore",
    "UnknownInstrumentError",
    "Wording",
    "get_instrument",
    "partial_flags",
    "score_answers",
    "score_responses",
]

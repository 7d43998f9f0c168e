"""One generic scorer for every instrument: total, band, subscores and flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from stepdown.core.instruments.answers import (
    AnswerValue,
    answered_so_far,
    answers_from_sequence,
    check_answers,
)
from stepdown.core.instruments.base import FlagRule, Instrument
from stepdown.core.instruments.errors import InvalidAnswerError

Answers = Mapping[str, object] | Sequence[object]
"""Answers keyed by item code, or positional in the instrument's declared item order."""

SubscoreValue = int | Decimal


@dataclass(frozen=True, kw_only=True)
class ScoreResult:
    """A scored response.

    ``band`` is the band's name, or ``None`` for instruments without bands. ``flags`` are flag
    codes in the order the instrument declares them. ``answers`` are the checked, typed answers
    (only the items that were answered), ready to store.
    """

    instrument: str
    version: str
    total: int
    band: str | None
    subscores: Mapping[str, SubscoreValue]
    flags: tuple[str, ...]
    answers: Mapping[str, AnswerValue]


@dataclass(frozen=True, kw_only=True)
class PartialResult:
    """What an unfinished (or partly invalid) response already says.

    ``answers`` are the answers that are valid on their own; ``flags`` are the item flags they
    raise (a flag on the total needs every answer, so it waits for a complete response).
    """

    instrument: str
    version: str
    flags: tuple[str, ...]
    answers: Mapping[str, AnswerValue]


def _raw(instrument: Instrument, answers: Answers) -> dict[str, object]:
    if isinstance(answers, Mapping):
        return dict(answers)
    if isinstance(answers, Sequence) and not isinstance(answers, str | bytes):
        return answers_from_sequence(instrument, answers)
    raise InvalidAnswerError(
        "the answers must be a mapping of question codes or a list",
        instrument=instrument.code,
        item=None,
    )


def score_answers(instrument: Instrument, answers: Answers) -> ScoreResult:
    """Score ``answers`` against ``instrument``; raise :class:`InvalidAnswerError` if invalid."""
    checked = check_answers(instrument, _raw(instrument, answers))
    points = _points(instrument, checked)
    total = sum(int(points[code]) for code in instrument.total_items)
    band = instrument.band_for(total)
    return ScoreResult(
        instrument=instrument.code,
        version=instrument.version,
        total=total,
        band=band.name if band is not None else None,
        subscores=MappingProxyType(_subscores(instrument, points)),
        flags=tuple(rule.code for rule in _raised(instrument.flags, points, total)),
        answers=MappingProxyType(checked),
    )


def partial_flags(instrument: Instrument, answers: Answers) -> PartialResult:
    """The flags raised by whatever was answered, before any check of completeness.

    Never raises for a missing or invalid answer: it is the first thing every entry point
    reads, so that a positive safety answer counts even when the rest of the response cannot
    be scored yet.
    """
    try:
        raw = _raw(instrument, answers)
    except InvalidAnswerError:
        raw = {}
    found = answered_so_far(instrument, raw)
    item_rules = tuple(rule for rule in instrument.flags if rule.items)
    return PartialResult(
        instrument=instrument.code,
        version=instrument.version,
        flags=tuple(rule.code for rule in _raised(item_rules, _points(instrument, found), 0)),
        answers=MappingProxyType(found),
    )


def _points(instrument: Instrument, checked: Mapping[str, AnswerValue]) -> dict[str, AnswerValue]:
    """Each answer as the score it adds (a refusal counts as its option's score)."""
    return {
        code: value if isinstance(value, str) else instrument.item(code).points(value)
        for code, value in checked.items()
    }


def _subscores(
    instrument: Instrument, points: Mapping[str, AnswerValue]
) -> dict[str, SubscoreValue]:
    result: dict[str, SubscoreValue] = {}
    for subscore in instrument.subscores:
        if all(code in points for code in subscore.items):
            result[subscore.code] = _add(points[code] for code in subscore.items)
    return result


def _add(values: Iterable[AnswerValue]) -> SubscoreValue:
    numbers = [value for value in values if not isinstance(value, str)]
    if all(isinstance(value, int) for value in numbers):
        return sum(int(value) for value in numbers)
    return sum((Decimal(value) for value in numbers), Decimal(0))


def _raised(
    rules: tuple[FlagRule, ...], checked: Mapping[str, AnswerValue], total: int
) -> list[FlagRule]:
    raised: list[FlagRule] = []
    seen: set[str] = set()
    for rule in rules:
        if rule.code in seen:
            continue
        if rule.items:
            values = [checked[code] for code in rule.items if code in checked]
            hit = any(not isinstance(v, str) and v >= rule.at_least for v in values)
        else:
            hit = total >= rule.at_least
        if hit:
            raised.append(rule)
            seen.add(rule.code)
    return raised

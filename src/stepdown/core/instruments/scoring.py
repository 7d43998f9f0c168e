"""One generic scorer for every instrument: total, band, subscores and flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from stepdown.core.instruments.answers import AnswerValue, answers_from_sequence, check_answers
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


def score_answers(instrument: Instrument, answers: Answers) -> ScoreResult:
    """Score ``answers`` against ``instrument``; raise :class:`InvalidAnswerError` if invalid."""
    if isinstance(answers, Mapping):
        raw = dict(answers)
    elif isinstance(answers, Sequence) and not isinstance(answers, str | bytes):
        raw = answers_from_sequence(instrument, answers)
    else:
        raise InvalidAnswerError(
            f"{instrument.code}: answers must be a mapping of item codes or a list",
            item=None,
        )
    checked = check_answers(instrument, raw)
    total = sum(int(checked[code]) for code in instrument.total_items)
    band = instrument.band_for(total)
    return ScoreResult(
        instrument=instrument.code,
        version=instrument.version,
        total=total,
        band=band.name if band is not None else None,
        subscores=MappingProxyType(_subscores(instrument, checked)),
        flags=tuple(rule.code for rule in _raised(instrument.flags, checked, total)),
        answers=MappingProxyType(checked),
    )


def _subscores(
    instrument: Instrument, checked: Mapping[str, AnswerValue]
) -> dict[str, SubscoreValue]:
    result: dict[str, SubscoreValue] = {}
    for subscore in instrument.subscores:
        if all(code in checked for code in subscore.items):
            result[subscore.code] = _add(checked[code] for code in subscore.items)
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

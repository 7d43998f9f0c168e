"""Turning raw answers (from JSON, a form or the command line) into checked, typed values.

Accepted spellings, whatever the source:

* choice items: a whole number that is one of the item's option values (``2`` or ``"2"``);
* yes/no items: ``True``/``False``, ``1``/``0``, or the words ``yes``/``no``/``y``/``n``/
  ``true``/``false`` in any case; where the item offers a refusal (the ASQ), its value or the
  words ``refused``/``refuse``/``prefer not to say``/``rather not say``/``decline``;
* number items: an int, a Decimal, a float or a numeric string, inside the item's range and with no
  more decimal places than it allows;
* text items: a string no longer than the item's ``max_length``.

``None`` and blank strings mean "not answered".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from stepdown.core.instruments.base import Instrument, Item, ItemKind
from stepdown.core.instruments.errors import InvalidAnswerError
from stepdown.core.says import Value
from stepdown.core.units import to_decimal

AnswerValue = int | Decimal | str
"""A checked answer: int for choice, yes/no (0/1) and whole-number items; Decimal for numbers
with decimals; str for text."""

_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_REFUSED = frozenset(
    {
        "refused",
        "refuse",
        "refuses to answer",
        "declined",
        "decline",
        "prefer not to say",
        "prefer not to answer",
        "rather not say",
        "rather not answer",
    }
)
_WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class _Where:
    """The questionnaire and the question an answer belongs to, to say what is wrong with it."""

    instrument: str
    item: str

    def error(self, message: str, **values: Value) -> InvalidAnswerError:
        return InvalidAnswerError(message, values, instrument=self.instrument, item=self.item)


def is_blank(raw: object) -> bool:
    """Whether ``raw`` means "not answered"."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def answers_from_sequence(instrument: Instrument, values: Sequence[object]) -> dict[str, object]:
    """Pair positional answers with the instrument's items in their declared order.

    Trailing items may be left out; a blank value skips an optional item in the middle.
    """
    if len(values) > len(instrument.items):
        raise InvalidAnswerError(
            "%(given)s answers given but the questionnaire has only %(items)s questions "
            "(%(codes)s)",
            {"given": len(values), "items": len(instrument.items), "codes": _codes(instrument)},
            instrument=instrument.code,
            item=None,
        )
    return {item.code: value for item, value in zip(instrument.items, values, strict=False)}


def answered_so_far(
    instrument: Instrument, answers: Mapping[str, object]
) -> dict[str, AnswerValue]:
    """Every answer that is valid on its own, whatever else is missing or wrong.

    Safety flags are read from these before the response is checked as a whole, so a "yes" to
    a self-harm question in an unfinished or partly wrong questionnaire is never lost.
    """
    found: dict[str, AnswerValue] = {}
    for item in instrument.items:
        raw = answers.get(item.code)
        if is_blank(raw):
            continue
        try:
            found[item.code] = parse_answer(instrument.code, item, raw)
        except InvalidAnswerError:
            continue
    return found


def check_answers(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, AnswerValue]:
    """Validate every answer against its item; return the typed answers in item order."""
    known = set(instrument.item_codes)
    for code in answers:
        if code not in known:
            raise InvalidAnswerError(
                "there is no such question (questions: %(codes)s)",
                {"codes": _codes(instrument)},
                instrument=instrument.code,
                item=str(code),
            )
    checked: dict[str, AnswerValue] = {}
    for item in instrument.items:
        raw = answers.get(item.code)
        if is_blank(raw):
            if _is_required(item, checked):
                raise InvalidAnswerError(
                    "missing answer", instrument=instrument.code, item=item.code
                )
            continue
        checked[item.code] = parse_answer(instrument.code, item, raw)
    return checked


def _is_required(item: Item, earlier: Mapping[str, AnswerValue]) -> bool:
    if item.optional:
        return False
    if item.asked_if is None:
        return True
    # A refusal's value (2) is above any "yes" minimum, so it opens the acuity question too.
    condition = item.asked_if
    return any(
        isinstance(earlier.get(code), int) and int(earlier[code]) >= condition.minimum
        for code in condition.items
    )


def _codes(instrument: Instrument) -> str:
    return ", ".join(instrument.item_codes)


def parse_answer(instrument_code: str, item: Item, raw: object) -> AnswerValue:
    """Check one non-blank answer and return it typed."""
    where = _Where(instrument_code, item.code)
    if item.kind is ItemKind.YES_NO:
        return _parse_yes_no(where, item, raw)
    if item.kind is ItemKind.CHOICE:
        return _parse_choice(where, item, raw)
    if item.kind is ItemKind.NUMBER:
        return _parse_number(where, item, raw)
    return _parse_text(where, item, raw)


def _parse_yes_no(where: _Where, item: Item, raw: object) -> int:
    refusal = item.refusal
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int) and raw in item.allowed_values:
        return raw
    if isinstance(raw, str):
        word = " ".join(raw.strip().lower().split())
        if word in _YES:
            return 1
        if word in _NO:
            return 0
        if refusal is not None and (word in _REFUSED or word == str(refusal.value)):
            return refusal.value
    if refusal is not None:
        raise where.error("%(answer)s is not yes, no or rather not say", answer=repr(raw))
    raise where.error("%(answer)s is not yes or no", answer=repr(raw))


def _parse_choice(where: _Where, item: Item, raw: object) -> int:
    value = _whole_number(raw)
    allowed = item.allowed_values
    if value is None or value not in allowed:
        raise where.error(
            "%(answer)s is not an allowed answer (allowed: %(allowed)s)",
            answer=repr(raw),
            allowed=", ".join(map(str, allowed)),
        )
    return value


def _whole_number(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None  # True is an int in Python, but never a meaningful score
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and _WHOLE_NUMBER.fullmatch(raw.strip()):
        return int(raw.strip())
    if isinstance(raw, Decimal | float):
        number = _finite_decimal(raw)
        if number is not None and number == number.to_integral_value():
            return int(number)
    return None


def _finite_decimal(raw: object) -> Decimal | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        return None
    try:
        number = to_decimal(raw.strip() if isinstance(raw, str) else raw)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _parse_number(where: _Where, item: Item, raw: object) -> AnswerValue:
    minimum, maximum = item.score_range
    number = _finite_decimal(raw)
    if number is None:
        raise where.error("%(answer)s is not a number", answer=repr(raw))
    if not minimum <= number <= maximum:
        # The units are symbols ("h", "min"), written alike in every language.
        unit = f" {item.unit}" if item.unit else ""
        raise where.error(
            "%(number)s%(unit)s is outside %(low)s–%(high)s%(unit)s",
            number=number,
            unit=unit,
            low=Decimal(minimum),
            high=Decimal(maximum),
        )
    if number == number.to_integral_value():
        return int(number)
    exponent = number.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0  # finite numbers have an int exponent
    if places > item.decimal_places and item.decimal_places == 0:
        raise where.error("%(number)s is not a whole number", number=number)
    if places > item.decimal_places:
        raise where.error(
            "%(number)s has too many decimal places (at most %(places)s)",
            number=number,
            places=item.decimal_places,
        )
    return number.normalize()


def _parse_text(where: _Where, item: Item, raw: object) -> str:
    if not isinstance(raw, str):
        raise where.error("%(answer)s is not text", answer=repr(raw))
    text = raw.strip()
    if item.max_length is not None and len(text) > item.max_length:
        raise where.error(
            "the text is %(length)s characters long (at most %(most)s)",
            length=len(text),
            most=item.max_length,
        )
    return text

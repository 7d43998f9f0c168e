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
from decimal import Decimal, InvalidOperation

from stepdown.core.instruments.base import Instrument, Item, ItemKind
from stepdown.core.instruments.errors import InvalidAnswerError
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


def is_blank(raw: object) -> bool:
    """Whether ``raw`` means "not answered"."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def answers_from_sequence(instrument: Instrument, values: Sequence[object]) -> dict[str, object]:
    """Pair positional answers with the instrument's items in their declared order.

    Trailing items may be left out; a blank value skips an optional item in the middle.
    """
    if len(values) > len(instrument.items):
        raise InvalidAnswerError(
            f"{instrument.code}: {len(values)} answers given but the instrument has only "
            f"{len(instrument.items)} items ({', '.join(instrument.item_codes)})",
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
                f"{instrument.code}: there is no item {code!r} "
                f"(items: {', '.join(instrument.item_codes)})",
                item=str(code),
            )
    checked: dict[str, AnswerValue] = {}
    for item in instrument.items:
        raw = answers.get(item.code)
        if is_blank(raw):
            if _is_required(item, checked):
                raise InvalidAnswerError(
                    f"{instrument.code} item {item.code}: missing answer ({item.text})",
                    item=item.code,
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


def parse_answer(instrument_code: str, item: Item, raw: object) -> AnswerValue:
    """Check one non-blank answer and return it typed."""
    where = f"{instrument_code} item {item.code}"
    if item.kind is ItemKind.YES_NO:
        return _parse_yes_no(where, item, raw)
    if item.kind is ItemKind.CHOICE:
        return _parse_choice(where, item, raw)
    if item.kind is ItemKind.NUMBER:
        return _parse_number(where, item, raw)
    return _parse_text(where, item, raw)


def _parse_yes_no(where: str, item: Item, raw: object) -> int:
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
    expected = "yes, no or rather not say" if refusal is not None else "yes or no"
    raise InvalidAnswerError(f"{where}: {raw!r} is not {expected}", item=item.code)


def _parse_choice(where: str, item: Item, raw: object) -> int:
    value = _whole_number(raw)
    allowed = item.allowed_values
    if value is None or value not in allowed:
        raise InvalidAnswerError(
            f"{where}: {raw!r} is not an allowed answer (allowed: {', '.join(map(str, allowed))})",
            item=item.code,
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


def _parse_number(where: str, item: Item, raw: object) -> AnswerValue:
    minimum, maximum = item.score_range
    number = _finite_decimal(raw)
    unit = f" {item.unit}" if item.unit else ""
    if number is None:
        raise InvalidAnswerError(f"{where}: {raw!r} is not a number", item=item.code)
    if not minimum <= number <= maximum:
        raise InvalidAnswerError(
            f"{where}: {number}{unit} is outside {minimum}–{maximum}{unit}",
            item=item.code,
        )
    if number == number.to_integral_value():
        return int(number)
    exponent = number.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0  # finite numbers have an int exponent
    if places > item.decimal_places:
        allowed = "whole numbers" if item.decimal_places == 0 else f"{item.decimal_places} places"
        raise InvalidAnswerError(
            f"{where}: {number} has too many decimal places (allowed: {allowed})",
            item=item.code,
        )
    return number.normalize()


def _parse_text(where: str, item: Item, raw: object) -> str:
    if not isinstance(raw, str):
        raise InvalidAnswerError(f"{where}: expected text, got {raw!r}", item=item.code)
    text = raw.strip()
    if item.max_length is not None and len(text) > item.max_length:
        raise InvalidAnswerError(
            f"{where}: the text is {len(text)} characters long (at most {item.max_length})",
            item=item.code,
        )
    return text

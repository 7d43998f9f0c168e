"""Alerts and nudges as a page shows them, in the reader's language.

The rules (``stepdown.core.rules``) word each notice in English and never import Django; the
stored row and the API keep that English. Beside it the row keeps the rule's messages and values
(``Alert.wording``: ``core/says.py`` objects), so a French page words each one with
``stepdown.worded`` and formats the day, the grams, the percentage in French ("9,5 g",
"7 février"). A row stored before
the messages were kept has only its English: its fixed sentences (most titles and actions) are
still translated, a sentence with the person's numbers stays as stored.

The core's messages are listed for the catalogue in ``alerts/notice_messages.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from django.utils.translation import get_language, gettext

from stepdown.core.numbers import plain
from stepdown.core.rules import Wording
from stepdown.core.says import Clock, Day, Grams, Percent, Says, Term, Value, Words
from stepdown.worded import worded

# --- stored with the row --------------------------------------------------------------------


def _dump_value(value: Value) -> Any:
    if isinstance(value, Grams):
        return {"grams": str(value.value)}
    if isinstance(value, Day):
        return {"day": value.value.isoformat(), "weekday": value.weekday}
    if isinstance(value, Clock):
        return {"clock": value.value.isoformat()}
    if isinstance(value, Percent):
        return {"percent": str(value.value)}
    if isinstance(value, Term):
        return {"term": value.text}
    if isinstance(value, Words):
        return {"words": list(value.words), "every_and": value.every_and}
    if isinstance(value, Decimal):
        return {"number": str(value)}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return {"text": value}


def _load_value(data: dict[str, Any]) -> Value:
    if "grams" in data:
        return Grams(Decimal(data["grams"]))
    if "day" in data:
        return Day(dt.date.fromisoformat(data["day"]), weekday=bool(data.get("weekday")))
    if "clock" in data:
        return Clock(dt.time.fromisoformat(data["clock"]))
    if "percent" in data:
        return Percent(Decimal(data["percent"]))
    if "term" in data:
        return Term(str(data["term"]))
    if "words" in data:
        return Words(tuple(str(word) for word in data["words"]), bool(data.get("every_and")))
    if "number" in data:
        # A rule's number ("3.0" hours) has always read to one decimal, without a trailing zero,
        # on a page: "3 h", "1,5 h".
        return Decimal(plain(data["number"], 1) or data["number"])
    if "int" in data:
        return int(data["int"])
    if "date" in data:
        return dt.date.fromisoformat(data["date"])
    return str(data["text"])


def _dump_message(message: Says) -> list[Any]:
    dumped: list[Any] = [
        message.message,
        {name: _dump_value(v) for name, v in message.values.items()},
    ]
    if message.plural is not None:
        dumped += [message.plural, message.count]  # a sentence with a count: both its forms
    return dumped


def _load_message(data: list[Any]) -> Says:
    text, values, *counting = data
    loaded = {name: _load_value(v) for name, v in values.items()}
    if counting:
        plural, count = counting
        return Says(str(text), loaded, plural=str(plural), count=str(count))
    return Says(str(text), loaded)


def stored_wording(wording: Wording | None) -> dict[str, Any]:
    """What ``Alert.wording`` keeps: the rule's messages and values, as JSON."""
    if wording is None:
        return {}
    return {
        "title": _dump_message(wording.title),
        "explanation": [_dump_message(part) for part in wording.explanation],
        "action": _dump_message(wording.action),
    }


def _loaded(data: dict[str, Any]) -> Wording:
    return Wording(
        title=_load_message(data["title"]),
        explanation=tuple(_load_message(part) for part in data["explanation"]),
        action=_load_message(data["action"]),
    )


# --- shown on a page ------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownNotice:
    title: str
    explanation: str
    action: str


class _Stored(Protocol):
    """What :func:`shown_notice` reads of a stored row (an ``Alert`` model instance)."""

    title: str
    explanation: str
    action: str
    wording: Any


def in_english() -> bool:
    """Whether the page is in English, the language the rows are stored in."""
    return (get_language() or "en").split("-")[0] == "en"


def shown_notice(row: _Stored) -> ShownNotice:
    """A stored alert or nudge in the reader's language. In English the stored words are
    shown as they are; a row without messages has its fixed sentences translated."""
    if in_english():
        return ShownNotice(row.title, row.explanation, row.action)
    if not row.wording:
        return ShownNotice(gettext(row.title), gettext(row.explanation), gettext(row.action))
    try:
        wording = _loaded(row.wording)
        return ShownNotice(
            title=worded(wording.title),
            explanation=" ".join(worded(part) for part in wording.explanation),
            action=worded(wording.action),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError):
        # Words kept by an older version that no longer fit: the stored English is still true.
        return ShownNotice(row.title, row.explanation, row.action)

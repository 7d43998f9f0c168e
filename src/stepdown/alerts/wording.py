"""Alerts and nudges as a page shows them, in the reader's language.

The rules (``stepdown.core.rules``) word each notice in English and never import Django; the
stored row and the API keep that English. Beside it the row keeps the rule's messages and values
(``Alert.wording``, from ``core/rules/says.py``), so a French page translates each message and
formats the day, the grams, the percentage in French ("9,5 g", "7 février"). A row stored before
the messages were kept has only its English: its fixed sentences (most titles and actions) are
still translated, a sentence with the person's numbers stays as stored.

The core's messages are listed for the catalogue in ``alerts/notice_messages.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Protocol

from django.utils.translation import get_language, gettext, ngettext

from stepdown.core.interactions import CLASSES
from stepdown.core.interactions.wording import FRENCH as INTERACTIONS_FRENCH
from stepdown.core.rules import Clock, Day, Grams, Message, Percent, Term, Wording
from stepdown.core.rules.says import Value
from stepdown.core.units import round_to
from stepdown.core.words import Words
from stepdown.goals.factor_wording import shown_words
from stepdown.web import formatting

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
        return Decimal(data["number"])
    if "int" in data:
        return int(data["int"])
    return str(data["text"])


def _dump_message(message: Message) -> list[Any]:
    dumped: list[Any] = [
        message.message,
        {name: _dump_value(v) for name, v in message.values.items()},
    ]
    if message.plural is not None:
        dumped += [message.plural, message.count]  # a sentence with a count: both its forms
    return dumped


def _load_message(data: list[Any]) -> Message:
    text, values, *counting = data
    loaded = {name: _load_value(v) for name, v in values.items()}
    if counting:
        plural, count = counting
        return Message(str(text), loaded, plural=str(plural), count=str(count))
    return Message(str(text), loaded)


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

# The interaction knowledge base keeps its own words in other languages, by class code
# (``core/interactions/wording.py``); an interaction alert's action is a class's English advice.
_INTERACTION_WORDS = {"fr": INTERACTIONS_FRENCH}


@cache
def _advice_classes() -> Mapping[str, str]:
    """Each class's English advice -> the class's code."""
    return {entry.advice: code for code, entry in CLASSES.items()}


def _term(text: str) -> str:
    """A fixed text from elsewhere in the core: the knowledge base's advice in its own French,
    anything else (a substance's category) through the catalogue."""
    code = _advice_classes().get(text)
    words = _INTERACTION_WORDS.get((get_language() or "en").split("-")[0], {})
    if code is not None and code in words:
        return words[code].advice
    return gettext(text)


def _shown_value(value: Value) -> str:
    if isinstance(value, Grams):
        # Rounded as the core rounds it (to what a 0.1 g scale shows), then written in French.
        return f"{formatting.number(round_to(value.value, Decimal('0.1')), 1)} g"
    if isinstance(value, Day):
        return formatting.date(value.value, "l j F" if value.weekday else "j F")
    if isinstance(value, Clock):
        return formatting.date(dt.datetime.combine(dt.date.min, value.value), "H:i")
    if isinstance(value, Percent):
        whole = round_to(value.value * 100, Decimal(1))
        return f"{formatting.number(whole, 0)} %"
    if isinstance(value, Term):
        return _term(value.text)
    if isinstance(value, Words):
        return shown_words(value)
    if isinstance(value, Decimal):
        return formatting.number(value, 1)
    return str(value)


def shown_message(message: Message) -> str:
    """One message in the reader's language, its values formatted for them; a sentence with a
    count in the form the language's plural rule takes for it ("1 jour", "2 jours")."""
    if message.plural is not None and message.count is not None:
        # The rule takes a whole number; a fraction counts as its whole part ("1,5 dose").
        count = int(Decimal(str(message.values[message.count])))
        text = ngettext(message.message, message.plural, count)
    else:
        text = gettext(message.message)
    if not message.values:
        return text
    return text % {name: _shown_value(value) for name, value in message.values.items()}


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
            title=shown_message(wording.title),
            explanation=" ".join(shown_message(part) for part in wording.explanation),
            action=shown_message(wording.action),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError):
        # Words kept by an older version that no longer fit: the stored English is still true.
        return ShownNotice(row.title, row.explanation, row.action)

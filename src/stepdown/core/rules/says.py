"""A notice's words as messages and values, so a page can word them in another language.

The rules write each alert and nudge in English and never import Django. Beside that English,
an :class:`~stepdown.core.rules.alert.Alert` keeps its :class:`Wording`: the title, the
explanation's sentences and the action, each a fixed English message with ``%(name)s`` holes
and the values that fill them. The English text is built from it here, word for word as the
rules always wrote it; the web side translates the message and formats each value for the
reader (a day, an amount in grams, a percentage, a time, words from a fixed list). The same
idea as the risk profile's ``core/risk/says.py``, whose :class:`Words` it reuses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal

from stepdown.core.rules.text import clock, day_label, grams, percent
from stepdown.core.words import Words


@dataclass(frozen=True)
class Grams:
    """An amount, shown to 0.1 g ("3.5 g")."""

    value: Decimal


@dataclass(frozen=True)
class Day:
    """A local day ("7 March"), with its weekday first when ``weekday`` ("Friday 7 March")."""

    value: date
    weekday: bool = False


@dataclass(frozen=True)
class Clock:
    """A wall-clock time ("21:05")."""

    value: time


@dataclass(frozen=True)
class Percent:
    """A fraction shown as a whole percentage (``0.254`` -> "25 %")."""

    value: Decimal


@dataclass(frozen=True)
class Term:
    """A fixed text from elsewhere in the core (an interaction's advice), shown translated where
    the catalogue has it and as it is otherwise."""

    text: str


# ``int`` and ``Decimal`` are plain numbers (a Decimal is written with the digits it has);
# ``str`` is the person's own words (a product's name) and is never translated.
Value = int | str | Decimal | Grams | Day | Clock | Percent | Term | Words


@dataclass(frozen=True)
class Message:
    """One sentence (or title, or action): a fixed message and the values that fill its holes."""

    message: str
    values: Mapping[str, Value] = field(default_factory=dict)

    @property
    def text(self) -> str:
        if not self.values:
            return self.message
        return self.message % {name: english(value) for name, value in self.values.items()}


@dataclass(frozen=True)
class Wording:
    """A notice's title, explanation (sentences joined by a space) and action as messages."""

    title: Message
    explanation: tuple[Message, ...]
    action: Message

    @property
    def explanation_text(self) -> str:
        return " ".join(part.text for part in self.explanation)

    @property
    def messages(self) -> tuple[str, ...]:
        return (
            self.title.message,
            *(part.message for part in self.explanation),
            self.action.message,
        )


def english(value: Value) -> str:
    """A value as the rules write it in English."""
    if isinstance(value, Grams):
        return grams(value.value)
    if isinstance(value, Day):
        label = day_label(value.value)
        return f"{value.value.strftime('%A')} {label}" if value.weekday else label
    if isinstance(value, Clock):
        return clock(value.value)
    if isinstance(value, Percent):
        return percent(value.value)
    if isinstance(value, Term):
        return value.text
    if isinstance(value, Words):
        return value.text
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)

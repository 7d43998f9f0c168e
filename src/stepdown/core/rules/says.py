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
    """One sentence (or title, or action): a fixed message and the values that fill its holes.

    A sentence with a count in it ("on 1 day", "on 3 days") has two forms: ``message`` for a
    count of 1 and ``plural`` for any other, chosen by the value named ``count`` as English
    chooses; a page in another language asks its own plural rule (``ngettext``) with the pair.
    """

    message: str
    values: Mapping[str, Value] = field(default_factory=dict)
    plural: str | None = None
    count: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The fixed messages this sentence may be worded with (both forms of a plural)."""
        return (self.message,) if self.plural is None else (self.message, self.plural)

    @property
    def english(self) -> str:
        """The form English takes for this count: the plural for anything but exactly 1."""
        if self.plural is None or self.count is None or self.values.get(self.count) == 1:
            return self.message
        return self.plural

    @property
    def text(self) -> str:
        if not self.values:
            return self.english
        return self.english % {name: english(value) for name, value in self.values.items()}


def counted(forms: tuple[str, str], count: str, values: Mapping[str, Value]) -> Message:
    """A sentence with a count: ``forms`` is (one, other), ``count`` names the counting value."""
    return Message(forms[0], values, plural=forms[1], count=count)


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
            *self.title.forms,
            *(form for part in self.explanation for form in part.forms),
            *self.action.forms,
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

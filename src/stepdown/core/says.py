"""What the core says to a person, kept as a message and its values so every adapter can word it
in the reader's language.

The core never imports Django, so it cannot call ``gettext``. Whatever it tells a person (a
risk factor's explanation, an alert's sentences, a planner's or a dose's refusal) is a
:class:`Says`: a fixed English message with ``%(name)s`` holes, the values that fill them and,
for a sentence with a count, its plural form. ``Says.text`` is the English the core has always
written (the API and the stored rows keep it); each adapter has one function that words a
``Says`` in its language: ``stepdown.worded.worded`` for a request, ``stepdown.cli.language.worded``
for the command line. The messages reach the catalogue through the lists beside those adapters
(``goals/factor_wording.py``, ``alerts/notice_messages.py``, ``plans/core_wording.py``,
``journal/services.py``), each checked against the core by a test.

    >>> Says("You logged %(total)s.", {"total": Grams(Decimal("3.46"))}).text
    'You logged 3.5 g.'
    >>> counted(("on %(n)s day", "on %(n)s days"), "n", {"n": 2}).text
    'on 2 days'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal

from stepdown.core.units import round_to


@dataclass(frozen=True)
class Words:
    """Words from a fixed list, read as one phrase: "pain, mood and sleep". ``every_and`` joins
    every pair with "and" ("anxiety and depression and ...")."""

    words: tuple[str, ...]
    every_and: bool = False

    @property
    def text(self) -> str:
        if self.every_and or len(self.words) < 2:
            return " and ".join(self.words)
        return f"{', '.join(self.words[:-1])} and {self.words[-1]}"

    def joined_with(self, gettext: Callable[[str], str]) -> str:
        """The phrase through a catalogue: each word and the "and" (``AND``) translated."""
        translated = [gettext(word) for word in self.words]
        if len(translated) < 2:
            return "".join(translated)
        if self.every_and:
            some = translated[0]
            for word in translated[1:]:
                some = gettext(AND) % {"some": some, "last": word}
            return some
        return gettext(AND) % {"some": ", ".join(translated[:-1]), "last": translated[-1]}


# How a list's last word joins the rest; in the catalogue through the adapters' lists.
AND = "%(some)s and %(last)s"


@dataclass(frozen=True)
class Grams:
    """An amount, shown to 0.1 g ("3.5 g")."""

    value: Decimal


@dataclass(frozen=True)
class Day:
    """A recent local day ("7 March"); with ``weekday``, its weekday first ("Friday 7 March")."""

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


# ``int`` is a count; a ``Decimal`` is written with the digits it has ("2.50"), the reader's
# decimal mark in each language; a bare ``date`` is a calendar day (ISO in the core's English);
# ``str`` is written as it is (the person's own words, a parameter's name) and never translated.
Value = int | str | Decimal | date | Grams | Day | Clock | Percent | Term | Words


@dataclass(frozen=True)
class Says:
    """One sentence (or title, or clause): a fixed message and the values that fill its holes.

    A sentence with a count in it ("on 1 day", "on 3 days") has two forms: ``message`` for a
    count of 1 and ``plural`` for any other, chosen by the value named ``count`` as English
    chooses; an adapter asks its language's own plural rule (``ngettext``) with the pair.
    Build one with :func:`counted`.
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
        """The sentence in English, as the core writes it (a message without values as it is)."""
        if not self.values:
            return self.english
        return self.english % {name: english(value) for name, value in self.values.items()}


def worded_with(
    says: Says,
    *,
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
    value: Callable[[Value], str],
) -> str:
    """``says`` through a catalogue: the message (its plural form by the catalogue's own rule),
    each value written by ``value``. Each adapter (pages and API, command line) calls this with
    its own ``gettext``, ``ngettext`` and value writer."""
    if says.plural is not None and says.count is not None:
        # The rule takes a whole number; a fraction counts as its whole part ("1,5 an").
        count = int(Decimal(str(says.values[says.count])))
        text = ngettext(says.message, says.plural, count)
    else:
        text = gettext(says.message)
    if not says.values:
        return text
    return text % {name: value(item) for name, item in says.values.items()}


def counted(forms: tuple[str, str], count: str, values: Mapping[str, Value]) -> Says:
    """A sentence with a count: ``forms`` is (one, other), ``count`` names the counting value."""
    return Says(forms[0], values, plural=forms[1], count=count)


def english(value: Value) -> str:
    """A value as the core writes it in English."""
    if isinstance(value, Grams):
        return f"{round_to(value.value, Decimal('0.1')).normalize():f} g"
    if isinstance(value, Day):
        label = f"{value.value.day} {value.value.strftime('%B')}"
        return f"{value.value.strftime('%A')} {label}" if value.weekday else label
    if isinstance(value, Clock):
        return value.value.strftime("%H:%M")
    if isinstance(value, Percent):
        return f"{round_to(value.value * 100, Decimal(1)).normalize():f} %"
    if isinstance(value, Term | Words):
        return value.text
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)

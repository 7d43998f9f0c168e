"""What the core says (``stepdown.core.says``) in the request's language: the one place the web
pages, the API and the services word a :class:`~stepdown.core.says.Says`.

The message goes through the catalogue (``ngettext`` for a sentence with a count, by the
language's own plural rule); each value is written as the language writes it: numbers with its
decimal mark ("9,5 g", "25 %"), days and times in its words ("vendredi 7 mars", "21:05"), words
from a fixed list translated and joined ("lundi et mardi"). The command line has its own
function for the same objects, without Django (``stepdown.cli.language.worded``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cache

from django.utils import formats
from django.utils.translation import get_language, gettext, gettext_noop, ngettext

from stepdown.core.interactions import CLASSES
from stepdown.core.interactions.wording import FRENCH as INTERACTIONS_FRENCH
from stepdown.core.says import (
    Clock,
    Day,
    Grams,
    Percent,
    Says,
    Term,
    Value,
    Words,
    worded_with,
)
from stepdown.core.units import round_to
from stepdown.web import formatting

gettext_noop("%(some)s and %(last)s")  # core.says.AND, marked here for the catalogue

# The interaction knowledge base keeps its own words in other languages, by class code
# (``core/interactions/wording.py``); an interaction alert's action is a class's English advice.
_INTERACTION_WORDS = {"fr": INTERACTIONS_FRENCH}


def worded(says: Says) -> str:
    """``says`` in the active language, its values formatted for the reader; a sentence with a
    count in the form the language's plural rule takes for it ("1 jour", "2 jours")."""
    return worded_with(says, gettext=gettext, ngettext=ngettext, value=_value)


def _value(value: Value) -> str:
    if isinstance(value, Grams):
        # Rounded as the core rounds it (to what a 0.1 g scale shows), then in the language.
        return f"{formatting.number(round_to(value.value, Decimal('0.1')), 1)} g"
    if isinstance(value, Day):
        return formatting.date(value.value, "l j F" if value.weekday else "j F")
    if isinstance(value, Clock):
        return formatting.date(dt.datetime.combine(dt.date.min, value.value), "H:i")
    if isinstance(value, Percent):
        return f"{formatting.number(round_to(value.value * 100, Decimal(1)), 0)} %"
    if isinstance(value, Term):
        return _term(value.text)
    if isinstance(value, Words):
        return value.joined_with(gettext)
    if isinstance(value, Decimal):
        return formats.number_format(value)  # the digits it has: "2,50"
    if isinstance(value, dt.date):
        return formatting.date(value, gettext("j M Y"))
    return str(value)


@cache
def _advice_classes() -> Mapping[str, str]:
    """Each interaction class's English advice -> the class's code."""
    return {entry.advice: code for code, entry in CLASSES.items()}


def _term(text: str) -> str:
    """A fixed text from elsewhere in the core: the knowledge base's advice in its own French,
    anything else (a substance's category) through the catalogue."""
    code = _advice_classes().get(text)
    known = _INTERACTION_WORDS.get((get_language() or "en").split("-")[0], {})
    if code is not None and code in known:
        return known[code].advice
    return gettext(text)

"""A message the core words for a person, kept as a fixed English message with ``%(name)s``
holes and the values that fill them, so the web side can translate the message and write the
values as the reader's language does (numbers with its decimal mark, dates in its words).

The core itself only builds the English sentence; it never imports Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

# What fills a hole: a number, a calendar day, or a word that reads the same in every language
# (a parameter's name such as ``rate_pct``, a unit, a quoted input).
Value = int | Decimal | date | str


def english(message: str, values: Mapping[str, Value]) -> str:
    """``message`` with its holes filled as the core always wrote them (``str`` of each value:
    ``2.50``, ``2026-12-10``). A message without values is used as it is."""
    if not values:
        return message
    return message % {name: str(value) for name, value in values.items()}

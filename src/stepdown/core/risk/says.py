"""An explanation as a message and its values, so a page can word it in another language.

The core words each risk factor in English and never imports Django. Each piece of an
explanation is kept as a :class:`Says`: a fixed English message with ``%(name)s`` holes and the
values that fill them (whole numbers, rounded decimals, or :class:`Words` from a fixed list). The
English text is built from it here; the web side translates the message and the words and
formats the numbers for the reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from stepdown.core.risk.catalogue import FactorCode
from stepdown.core.words import Words as Words  # moved there; still importable from here

Value = int | Decimal | Words


@dataclass(frozen=True)
class Says:
    """One piece of an explanation: a message and the values that fill its holes."""

    message: str
    values: Mapping[str, Value] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.message % {name: _english(value) for name, value in self.values.items()}


def _english(value: Value) -> str:
    if isinstance(value, Words):
        return value.text
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def rounded(value: Fraction) -> Decimal:
    """A rate to one decimal place (shown without a trailing ``.0``)."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"))


def as_clauses(parts: tuple[Says, ...]) -> str:
    """Clauses as one sentence: "; " between them, the first letter upper-cased (``capitalize``
    would lower-case "PHQ-2") and a full stop."""
    text = "; ".join(part.text for part in parts)
    return f"{text[:1].upper()}{text[1:]}."


# The use-pattern explanations, from the journal and from what the person said (the messages
# are whole sentences, so each reads naturally in another language).
FROM_JOURNAL: dict[str, str] = {
    FactorCode.DAILY_USE: "From your journal: about %(days)s days of use a week.",
    FactorCode.FREQUENT_DOSING: (
        "From your journal: about %(per_day)s doses on a day of use, %(per_week)s a week."
    ),
    "mitragynine": (
        "From your journal: about %(mg)s mg of mitragynine on a day of use, estimated from "
        "your products' lab values."
    ),
    FactorCode.HIGH_DOSE: "From your journal: your doses average about %(grams)s g.",
}
FROM_ANSWERS: dict[str, str] = {
    FactorCode.DAILY_USE: "From what you told us: about %(days)s days of use a week.",
    FactorCode.FREQUENT_DOSING: (
        "From what you told us: about %(per_day)s doses on a day of use, %(per_week)s a week."
    ),
    "mitragynine": (
        "From what you told us: about %(mg)s mg of mitragynine on a day of use, estimated "
        "from your products' lab values."
    ),
    FactorCode.HIGH_DOSE: "From what you told us: your doses average about %(grams)s g.",
}

# The DSM-5 explanation by the severity range the criteria count falls in (none below 2).
DSM5_MET: dict[str | None, str] = {
    None: "Your last DSM-5 check met %(criteria)s of the 11 criteria.",
    "mild": (
        "Your last DSM-5 check met %(criteria)s of the 11 criteria: the range of a mild use "
        "disorder. Only a clinician can diagnose it."
    ),
    "moderate": (
        "Your last DSM-5 check met %(criteria)s of the 11 criteria: the range of a moderate use "
        "disorder. Only a clinician can diagnose it."
    ),
    "severe": (
        "Your last DSM-5 check met %(criteria)s of the 11 criteria: the range of a severe use "
        "disorder. Only a clinician can diagnose it."
    ),
}

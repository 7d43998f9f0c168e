"""The fixed English messages of a risk factor's explanation, and how its numbers are shown.

Each explanation is kept as :class:`~stepdown.core.says.Says` pieces; the tables here are the
ones chosen by the person's numbers (where the use pattern comes from, the DSM-5 severity).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from stepdown.core.risk.catalogue import FactorCode
from stepdown.core.says import Says


def stripped(value: Decimal) -> Decimal:
    """``value`` without trailing zeros ("2.50" -> "2.5", "40.0" -> "40"): a :class:`Decimal`
    is written with the digits it has, so the explanation keeps only the ones it needs."""
    return Decimal(f"{value.normalize():f}")


def rounded(value: Fraction) -> Decimal:
    """A rate to one decimal place, shown without a trailing ``.0``."""
    return stripped(
        (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"))
    )


def as_clauses(parts: tuple[Says, ...]) -> str:
    """Clauses as one sentence: "; " between them, the first letter upper-cased (``capitalize``
    would lower-case "PHQ-2") and a full stop."""
    text = "; ".join(part.text for part in parts)
    return f"{text[:1].upper()}{text[1:]}."


YEARS_OF_USE = (
    "You have used regularly for about %(years)s year.",
    "You have used regularly for about %(years)s years.",
)

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

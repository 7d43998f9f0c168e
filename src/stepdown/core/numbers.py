"""Numbers as a language writes them, without Django: "9.5" in English, "9,5" in French.

The web writes its numbers with Django's locale formats (``web.formatting``); the command line
cannot load Django for its pure commands, so both share the rounding here, and the command line
takes the decimal mark from :data:`DECIMAL_MARKS` (a test checks it against Django's formats).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

# The decimal mark of each language Stepdown speaks; neither groups thousands (Django's
# USE_THOUSAND_SEPARATOR is off, so the pages do not either).
DECIMAL_MARKS = {"en": ".", "fr": ","}


def plain(value: object, places: int = 2) -> str | None:
    """``value`` rounded to ``places`` decimals without trailing zeros, as Python writes it
    ("9.5", "10"); ``None`` when it is not a number."""
    try:
        exact = Decimal(str(value))
    except ArithmeticError:
        return None
    if not exact.is_finite():
        return None
    rounded = exact.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_EVEN)
    text = f"{rounded if rounded else rounded.copy_abs():f}"  # never "-0"
    return text.rstrip("0").rstrip(".") if "." in text else text


def with_mark(text: str, language: str) -> str:
    """A number written as Python writes it ("9.5", "-0.25") with ``language``'s decimal mark."""
    return text.replace(".", DECIMAL_MARKS.get(language.split("-")[0].lower(), "."))


def formatted(value: object, spec: str, language: str) -> str:
    """``format(value, spec)`` ("9.50" for ``".2f"``) with ``language``'s decimal mark."""
    return with_mark(format(value, spec), language)

"""Small formatting helpers shared by the rule messages."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from stepdown.core.units import round_to


def grams(value: Decimal) -> str:
    """``3.50`` -> ``"3.5 g"``; amounts are shown to 0.1 g, the resolution of a kitchen scale."""
    shown = round_to(value, Decimal("0.1"))
    return f"{shown.normalize():f} g"


def day_label(day: date) -> str:
    """``2025-03-07`` -> ``"7 March"`` (the year is implied: rules look at recent days)."""
    return f"{day.day} {day.strftime('%B')}"


def clock(moment: time) -> str:
    """``time(21, 5)`` -> ``"21:05"``."""
    return moment.strftime("%H:%M")


def percent(fraction: Decimal) -> str:
    """``0.254`` -> ``"25 %"``."""
    return f"{round_to(fraction * 100, Decimal(1)).normalize():f} %"

"""Text bound for a spreadsheet cell."""

from __future__ import annotations

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` as plain text in any spreadsheet: a leading quote stops a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value

"""The one error type the taper planner raises for parameters it cannot honour."""

from __future__ import annotations


class TaperError(ValueError):
    """A taper parameter is impossible; ``field`` names it so a form or API can point at it.

    ``field`` uses the keyword names of :func:`stepdown.core.tapering.plan_taper` and the
    adjustments (``start_g``, ``rate_pct``, ``as_of`` ...); the message is one plain sentence.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message

"""The one error type the taper planner raises for parameters it cannot honour."""

from __future__ import annotations

from collections.abc import Mapping

from stepdown.core.says import Says, Value

# A parameter the chosen method does not use (the planner and the adjustments both refuse it).
NOT_THIS_METHOD = "%(name)s does not apply to the %(method)s method"


class TaperError(ValueError):
    """A taper parameter is impossible; ``field`` names it so a form or API can point at it.

    ``field`` uses the keyword names of :func:`stepdown.core.tapering.plan_taper` and the
    adjustments (``start_g``, ``rate_pct``, ``as_of`` ...); ``says`` is the refusal as a message
    and its values (``stepdown.core.says``), which each adapter words in its own language;
    ``message`` is its plain English sentence.
    """

    def __init__(
        self, field: str, template: str, values: Mapping[str, Value] | None = None
    ) -> None:
        self.says = Says(template, dict(values or {}))
        message = self.says.text
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message

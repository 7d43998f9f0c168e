"""The one error type the taper planner raises for parameters it cannot honour."""

from __future__ import annotations

from collections.abc import Mapping

from stepdown.core.wording import Value, english

# A parameter the chosen method does not use (the planner and the adjustments both refuse it).
NOT_THIS_METHOD = "%(name)s does not apply to the %(method)s method"


class TaperError(ValueError):
    """A taper parameter is impossible; ``field`` names it so a form or API can point at it.

    ``field`` uses the keyword names of :func:`stepdown.core.tapering.plan_taper` and the
    adjustments (``start_g``, ``rate_pct``, ``as_of`` ...); ``message`` is one plain English
    sentence, built from ``template`` (fixed, with ``%(name)s`` holes) and ``values``, which a
    page words in its own language (``stepdown.core.wording``).
    """

    def __init__(
        self, field: str, template: str, values: Mapping[str, Value] | None = None
    ) -> None:
        message = english(template, values or {})
        super().__init__(message)
        self.field = field
        self.template = template
        self.values: Mapping[str, Value] = dict(values or {})
        self.message = message

    def __str__(self) -> str:
        return self.message

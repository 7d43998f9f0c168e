"""Taper planning: ``plan_taper`` builds a plan; ``hold``, ``reinstate`` and ``slow`` adjust it.

Pure functions over frozen values (no Django, no I/O). Methods live in :data:`TAPER_METHODS`;
impossible parameters raise :class:`TaperError` with the offending ``field``.
See ``docs/tapering.md`` for the methods, defaults and the evidence behind them.
"""

from stepdown.core.tapering.adjust import current_step_index, hold, reinstate, slow
from stepdown.core.tapering.checks import check_start_against_recent
from stepdown.core.tapering.errors import TaperError
from stepdown.core.tapering.methods import (
    TAPER_METHODS,
    TaperMethod,
    dose_for_occupancy,
    get_method,
    receptor_occupancy,
)
from stepdown.core.tapering.model import StepKind, TaperParams, TaperPlan, TaperStep
from stepdown.core.tapering.params import (
    DEFAULT_INTERVAL_DAYS,
    DEFAULT_RATE_PCT,
    DEFAULT_RESOLUTION_G,
    DEFAULT_STABILIZE_DAYS,
    DEFAULT_STOP_BELOW_G,
    MAX_CUT_PCT,
    MAX_HOLD_DAYS,
    MAX_RATE_PCT,
    MAX_STOP_BELOW_G,
    MIN_DOSE_G,
    MIN_INTERVAL_DAYS,
    MIN_RATE_PCT,
    default_stop_below_g,
)
from stepdown.core.tapering.planner import largest_dose_units, plan_taper, split_units
from stepdown.core.tapering.serialize import plan_to_dict

__all__ = [
    "DEFAULT_INTERVAL_DAYS",
    "DEFAULT_RATE_PCT",
    "DEFAULT_RESOLUTION_G",
    "DEFAULT_STABILIZE_DAYS",
    "DEFAULT_STOP_BELOW_G",
    "MAX_CUT_PCT",
    "MAX_HOLD_DAYS",
    "MAX_RATE_PCT",
    "MAX_STOP_BELOW_G",
    "MIN_DOSE_G",
    "MIN_INTERVAL_DAYS",
    "MIN_RATE_PCT",
    "TAPER_METHODS",
    "StepKind",
    "TaperError",
    "TaperMethod",
    "TaperParams",
    "TaperPlan",
    "TaperStep",
    "check_start_against_recent",
    "current_step_index",
    "default_stop_below_g",
    "dose_for_occupancy",
    "get_method",
    "hold",
    "largest_dose_units",
    "plan_taper",
    "plan_to_dict",
    "receptor_occupancy",
    "reinstate",
    "slow",
    "split_units",
]

"""The pure commands' options, typed as text and checked here, so a wrong value is one line
in the reader's language ("--rate must be a number, not 'x'") rather than a framework's box."""

from __future__ import annotations

import math

from rich.console import Console

from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _

# How each core parameter is spelled on the command line, for one-line error messages.
FLAGS = {
    "start_g": "START_G",
    "method": "--method",
    "rate_pct": "--rate",
    "step_g": "--step-g",
    "interval_days": "--interval",
    "start_date": "--start",
    "stabilize_days": "--stabilize",
    "resolution_g": "--resolution",
    "stop_below_g": "--stop-below",
    "doses_per_day": "--doses-per-day",
    "target_doses_per_day": "--target-doses-per-day",
    "ed50_g": "--ed50-g",
    "dose_g": "--dose-g",
    "every_h": "--every-h",
    "days": "--days",
    "half_life_h": "--half-life-h",
    "ka_per_h": "--ka-per-h",
}


def whole(value: str, flag: str) -> int:
    """``value`` as a whole number, or one line about ``flag`` and exit code 2."""
    try:
        return int(value)
    except ValueError:
        fail(_("%(option)s must be a whole number, not %(value)s") % _said(flag, value))


def real(value: str, flag: str) -> float:
    """``value`` as a finite number, or one line about ``flag`` and exit code 2."""
    try:
        number = float(value)
    except ValueError:
        fail(_("%(option)s must be a number, not %(value)s") % _said(flag, value))
    if not math.isfinite(number):
        fail(_("%(option)s must be a finite number") % {"option": flag})
    return number


def choice(value: str, flag: str, choices: tuple[str, ...]) -> str:
    """``value`` when it is one of ``choices``, or one line about ``flag`` and exit code 2."""
    if value not in choices:
        fail(
            _("%(option)s must be one of %(choices)s, not %(value)s")
            % {**_said(flag, value), "choices": ", ".join(choices)}
        )
    return value


def _said(flag: str, value: str) -> dict[str, str]:
    return {"option": flag, "value": repr(value)}


def refused(field: str, message: str) -> str:
    """A core refusal of parameter ``field`` after the option that sets it: "--rate: the rate
    must be…"."""
    return _("%(option)s: %(problem)s") % {"option": FLAGS.get(field, field), "problem": message}


def console() -> Console:
    """Where a pure command prints its table."""
    shown = Console()
    if not shown.is_terminal:
        # Piped or captured output: do not squeeze the table into 80 columns.
        shown = Console(width=120)
    return shown

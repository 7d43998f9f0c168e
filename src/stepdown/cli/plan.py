"""``stepdown plan`` and ``stepdown pk``: taper plans and the level model, without a database."""

from __future__ import annotations

import hashlib
import json
import math
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from stepdown.cli.errors import fail
from stepdown.core import pharmacokinetics as pk
from stepdown.core.tapering import (
    DEFAULT_INTERVAL_DAYS,
    DEFAULT_RESOLUTION_G,
    DEFAULT_STABILIZE_DAYS,
    TAPER_METHODS,
    StepKind,
    TaperError,
    TaperPlan,
    plan_taper,
    plan_to_dict,
)
from stepdown.exports.ics import plan_to_ics

# How each core parameter is spelled on the command line, for one-line error messages.
_FLAGS = {
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
_PLAN_FORMATS = ("table", "json", "ics")
_PK_FORMATS = ("table", "json")
# Plausibility guards for `stepdown pk` (assumptions): at most a year, at most a dose every
# half hour, 1000 g a dose (mg typed as g), half-lives up to 1,000 h (far beyond the 23–68 h
# reported, Huestis2024).
_MAX_PK_DAYS = 365
_MAX_DOSE_G = 1000.0
_MIN_EVERY_H = 0.5
_MAX_HALF_LIFE_H = 1000.0


def _int(value: str, flag: str) -> int:
    try:
        return int(value)
    except ValueError:
        fail(f"{flag} must be a whole number, not {value!r}")


def _float(value: str, flag: str) -> float:
    try:
        number = float(value)
    except ValueError:
        fail(f"{flag} must be a number, not {value!r}")
    if not math.isfinite(number):
        fail(f"{flag} must be a finite number")
    return number


def _choice(value: str, flag: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        fail(f"{flag} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _plan_id(plan: TaperPlan) -> str:
    # Same command, same plan, same UIDs: re-importing updates the events instead of doubling.
    digest = hashlib.sha256(json.dumps(plan_to_dict(plan), sort_keys=True).encode())
    return f"cli-{digest.hexdigest()[:16]}"


def _levels_json(plan: TaperPlan) -> dict[str, Any]:
    levels = pk.plan_levels(plan)
    return {
        "label": pk.LEVEL_LABEL,
        "half_life_h": levels.half_life_h,
        "band_half_life_h": list(levels.band_half_life_h),
        "date": [day.isoformat() for day in levels.dates],
        "level": [round(value, 4) for value in levels.level],
        "low": [round(value, 4) for value in levels.low],
        "high": [round(value, 4) for value in levels.high],
    }


def _change(plan: TaperPlan, index: int) -> str:
    step = plan.steps[index]
    if step.kind is StepKind.STABILISE:
        return "steady"
    before = plan.steps[index - 1].daily_g if index else plan.start_g
    cut = (before - step.daily_g) / before * 100
    if step.kind is StepKind.CONSOLIDATE:
        return f"−1 dose, −{cut:.1f}%"
    return f"−{cut:.1f}%"


def _console() -> Console:
    console = Console()
    if not console.is_terminal:
        # Piped or captured output: do not squeeze the table into 80 columns.
        console = Console(width=120)
    return console


def _doses_text(doses: tuple[Decimal, ...]) -> str:
    if len(set(doses)) == 1:
        return f"{len(doses)} × {doses[0]:f}"
    return " + ".join(f"{dose:f}" for dose in doses)


def _print_table(plan: TaperPlan, *, with_pk: bool) -> None:
    params = plan.params
    pace = {
        "proportional": f"{params.rate_pct} % of the current amount",
        "linear": f"{params.step_g} g",
        "occupancy": f"equal occupancy steps (first {params.rate_pct} %, ED50 {params.ed50_g} g)",
    }[plan.method]
    table = Table(
        title=f"{plan.method} taper from {plan.start_g} g a day: {pace} every "
        f"{params.interval_days} days",
        box=box.SIMPLE_HEAD,
    )
    caption = f"No planned dose from {plan.end_date.isoformat()}."
    for header in ("Step", "From", "To", "Days", "g/day", "Doses (g)", "Change"):
        table.add_column(header, justify="left" if header == "Doses (g)" else "right", no_wrap=True)
    levels = pk.plan_levels(plan) if with_pk else None
    if levels is not None:
        table.add_column("Level at end", justify="right", no_wrap=True)
        low, high = levels.band_half_life_h
        caption += (
            f" Level: modelled amount in the body, 100 % = before the plan; half-life "
            f"{levels.half_life_h:g} h (band {low:g}–{high:g} h)."
        )
    for step in plan.steps:
        row = [
            str(step.index),
            step.start_date.isoformat(),
            step.end_date.isoformat(),
            str(step.days),
            f"{step.daily_g:f}",
            _doses_text(step.dose_g),
            _change(plan, step.index),
        ]
        if levels is not None:
            at = levels.dates.index(step.end_date)
            row.append(f"{levels.level[at]:.0%} ({levels.low[at] * 100:.0f}–{levels.high[at]:.0%})")
        table.add_row(*row)
    table.caption = caption
    _console().print(table)


def plan_command(
    start_g: Annotated[
        str, typer.Argument(metavar="START_G", help="Current amount in grams a day.")
    ],
    method: Annotated[
        str, typer.Option(help=f"Taper method: {' | '.join(TAPER_METHODS)}.")
    ] = "proportional",
    rate: Annotated[
        str | None,
        typer.Option(metavar="PCT", help="Cut per step in % (proportional, occupancy; 5–25)."),
    ] = None,
    step_g: Annotated[
        str | None, typer.Option(metavar="G", help="Grams cut per step (linear).")
    ] = None,
    interval: Annotated[
        str, typer.Option(metavar="DAYS", help="Days per step (at least 7).")
    ] = str(DEFAULT_INTERVAL_DAYS),
    start: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="First day (default: today).")
    ] = None,
    stabilize: Annotated[
        str, typer.Option(metavar="DAYS", help="Days at the start amount before any change.")
    ] = str(DEFAULT_STABILIZE_DAYS),
    resolution: Annotated[
        str, typer.Option(metavar="G", help="Scale resolution or capsule weight in grams.")
    ] = str(DEFAULT_RESOLUTION_G),
    stop_below: Annotated[
        str | None,
        typer.Option(
            metavar="G",
            help="After a step below this many g a day, stop (default 0.5, at most 2).",
        ),
    ] = None,
    doses_per_day: Annotated[str, typer.Option(metavar="N", help="Doses a day now.")] = "1",
    target_doses_per_day: Annotated[
        str | None,
        typer.Option(metavar="N", help="Doses a day to reach first, one fewer per step."),
    ] = None,
    ed50_g: Annotated[
        str | None,
        typer.Option(metavar="G", help="Assumed dose for half the effect (occupancy)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", metavar="table|json|ics", help="Output format.")
    ] = "table",
    with_pk: Annotated[
        bool, typer.Option("--with-pk", help="Add the modelled level per day.")
    ] = False,
) -> None:
    """Plan a taper from START_G grams a day (no account or database needed)."""
    output = _choice(output_format, "--format", _PLAN_FORMATS)
    if with_pk and output == "ics":
        fail("--with-pk works with --format table or json")
    try:
        start_date = date.today() if start is None else date.fromisoformat(start)
    except ValueError:
        fail(f"--start must be a date as YYYY-MM-DD, not {start!r}")
    try:
        plan = plan_taper(
            start_g=start_g,
            start_date=start_date,
            method=method,
            rate_pct=rate,
            step_g=step_g,
            ed50_g=ed50_g,
            interval_days=_int(interval, "--interval"),
            stabilize_days=_int(stabilize, "--stabilize"),
            resolution_g=resolution,
            stop_below_g=stop_below,
            doses_per_day=_int(doses_per_day, "--doses-per-day"),
            target_doses_per_day=(
                None
                if target_doses_per_day is None
                else _int(target_doses_per_day, "--target-doses-per-day")
            ),
        )
    except TaperError as error:
        fail(f"{_FLAGS.get(error.field, error.field)}: {error.message}")
    if output == "json":
        document = plan_to_dict(plan)
        if with_pk:
            document["pk"] = _levels_json(plan)
        typer.echo(json.dumps(document, indent=2))
    elif output == "ics":
        stamp = datetime.now(UTC).replace(microsecond=0)
        typer.echo(plan_to_ics(plan, plan_id=_plan_id(plan), stamp=stamp).decode(), nl=False)
    else:
        _print_table(plan, with_pk=with_pk)


def _pk_series(
    dose_g: float, every_h: float, days: int, half_life_h: float, ka_per_h: float | None
) -> pk.PkSeries:
    end_h = days * 24
    doses = [(i * every_h, dose_g) for i in range(math.ceil(end_h / every_h))]
    try:
        return pk.simulate(doses, t_h=range(end_h + 1), half_life_h=half_life_h, ka_per_h=ka_per_h)
    except pk.PharmacokineticsError as error:
        fail(f"{_FLAGS.get(error.field, error.field)}: {error}")


def pk_command(
    dose_g: Annotated[str, typer.Option(metavar="G", help="Grams per dose.")],
    every_h: Annotated[str, typer.Option(metavar="H", help="Hours between doses.")],
    days: Annotated[str, typer.Option(metavar="D", help="Days to model.")],
    half_life_h: Annotated[
        str, typer.Option(metavar="H", help="Elimination half-life in hours (23–68 reported).")
    ] = str(pk.DEFAULT_HALF_LIFE_H),
    ka_per_h: Annotated[
        str | None,
        typer.Option(metavar="K", help="Absorption rate per hour (default: peak after 1 h)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", metavar="table|json", help="Output format.")
    ] = "table",
) -> None:
    """Model the amount in the body for a regular dose (hourly samples)."""
    output = _choice(output_format, "--format", _PK_FORMATS)
    dose = _float(dose_g, "--dose-g")
    every = _float(every_h, "--every-h")
    day_count = _int(days, "--days")
    half_life = _float(half_life_h, "--half-life-h")
    ka = None if ka_per_h is None else _float(ka_per_h, "--ka-per-h")
    if not 0 < dose <= _MAX_DOSE_G:
        fail(f"--dose-g must be more than 0 and at most {_MAX_DOSE_G:g} g")
    if every < _MIN_EVERY_H:
        fail(f"--every-h must be at least {_MIN_EVERY_H} h")
    if not 1 <= day_count <= _MAX_PK_DAYS:
        fail(f"--days must be between 1 and {_MAX_PK_DAYS}")
    if not 0 < half_life <= _MAX_HALF_LIFE_H:
        fail(f"--half-life-h must be more than 0 and at most {_MAX_HALF_LIFE_H:g} h")
    if ka is not None and ka <= 0:
        fail("--ka-per-h must be more than 0")
    series = _pk_series(dose, every, day_count, half_life, ka)
    if output == "json":
        typer.echo(
            json.dumps({"t_h": list(series.t_h), "amount": [round(a, 6) for a in series.amount]})
        )
        return
    peak_h = pk.peak_time_h(ka_per_h=series.ka_per_h, half_life_h=half_life)
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{dose:g} g every {every:g} h, half-life {half_life:g} h, "
        f"ka {series.ka_per_h:.2f}/h (peak {peak_h:.2f} h after a dose)",
        caption=(
            f"Amount: {pk.AMOUNT_LABEL}. Steady state after about "
            f"{pk.steady_state_time_h(half_life) / 24:.1f} days (5 half-lives); "
            f"accumulation ratio {pk.accumulation_ratio(every_h=every, half_life_h=half_life):.2f}."
        ),
    )
    for header in ("Day", "Lowest (g)", "Highest (g)", "Mean (g)"):
        table.add_column(header, justify="right")
    for day in range(day_count):
        values = series.amount[day * 24 : day * 24 + 25]
        table.add_row(
            str(day + 1),
            f"{min(values):.2f}",
            f"{max(values):.2f}",
            f"{sum(values[:24]) / 24:.2f}",
        )
    _console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``plan`` and ``pk`` to the ``stepdown`` command."""
    app.command("plan")(plan_command)
    app.command("pk")(pk_command)

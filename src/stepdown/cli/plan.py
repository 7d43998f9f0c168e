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
from stepdown.cli.language import ENGLISH, current, gettext_noop, number, pgettext, worded
from stepdown.cli.language import gettext as _
from stepdown.core import pharmacokinetics as pk
from stepdown.core.tapering import (
    DEFAULT_INTERVAL_DAYS,
    DEFAULT_RESOLUTION_G,
    DEFAULT_STABILIZE_DAYS,
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
# The core's label of the modelled amount (pk.AMOUNT_LABEL), listed for the catalogue; a test
# checks that it is still the core's.
AMOUNT_LABEL = gettext_noop(
    "modelled amount of mitragynine in the body, in grams of product "
    "(relative: assumes complete absorption and ignores the product's strength)"
)


def _int(value: str, flag: str) -> int:
    try:
        return int(value)
    except ValueError:
        fail(_("%(option)s must be a whole number, not %(value)s") % _said(flag, value))


def _float(value: str, flag: str) -> float:
    try:
        number = float(value)
    except ValueError:
        fail(_("%(option)s must be a number, not %(value)s") % _said(flag, value))
    if not math.isfinite(number):
        fail(_("%(option)s must be a finite number") % {"option": flag})
    return number


def _choice(value: str, flag: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        fail(
            _("%(option)s must be one of %(choices)s, not %(value)s")
            % {**_said(flag, value), "choices": ", ".join(choices)}
        )
    return value


def _said(flag: str, value: str) -> dict[str, str]:
    return {"option": flag, "value": repr(value)}


def _refused(flag: str, message: str) -> str:
    """A core refusal after the option it is about: "--rate: the rate must be…"."""
    return _("%(option)s: %(problem)s") % {"option": flag, "problem": message}


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
        return _("steady")
    before = plan.steps[index - 1].daily_g if index else plan.start_g
    cut = number((before - step.daily_g) / before * 100, ".1f")
    if step.kind is StepKind.CONSOLIDATE:
        return _("−1 dose, −%(cut)s%%") % {"cut": cut}
    return _("−%(cut)s%%") % {"cut": cut}


def _console() -> Console:
    console = Console()
    if not console.is_terminal:
        # Piped or captured output: do not squeeze the table into 80 columns.
        console = Console(width=120)
    return console


def _doses_text(doses: tuple[Decimal, ...]) -> str:
    if len(set(doses)) == 1:
        return f"{len(doses)} × {number(doses[0], 'f')}"
    return " + ".join(number(dose, "f") for dose in doses)


def _print_table(plan: TaperPlan, *, with_pk: bool) -> None:
    params = plan.params
    if plan.method == "linear":
        title = _("linear taper from %(start)s g a day: %(pace)s every %(days)s days")
        pace = _("%(step)s g") % {"step": number(params.step_g, "")}
    elif plan.method == "occupancy":
        title = _("occupancy taper from %(start)s g a day: %(pace)s every %(days)s days")
        pace = _("equal occupancy steps (first %(rate)s %%, ED50 %(ed50)s g)") % {
            "rate": number(params.rate_pct, ""),
            "ed50": number(params.ed50_g, ""),
        }
    else:
        title = _("proportional taper from %(start)s g a day: %(pace)s every %(days)s days")
        pace = _("%(rate)s %% of the current amount") % {"rate": number(params.rate_pct, "")}
    table = Table(
        title=title
        % {"start": number(plan.start_g, ""), "pace": pace, "days": params.interval_days},
        box=box.SIMPLE_HEAD,
    )
    caption = _("No planned dose from %(date)s.") % {"date": plan.end_date.isoformat()}
    doses_header = _("Doses (g)")
    headers = (
        _("Step"),
        _("From"),
        _("To"),
        _("Days"),
        _("g/day"),
        doses_header,
        pgettext("plan table", "Change"),
    )
    for header in headers:
        table.add_column(
            header, justify="left" if header == doses_header else "right", no_wrap=True
        )
    levels = pk.plan_levels(plan) if with_pk else None
    if levels is not None:
        table.add_column(_("Level at end"), justify="right", no_wrap=True)
        low, high = levels.band_half_life_h
        caption += " " + _(
            "Level: modelled amount in the body, 100 %% = before the plan; half-life "
            "%(half_life)s h (band %(low)s–%(high)s h)."
        ) % {
            "half_life": number(levels.half_life_h, "g"),
            "low": number(low, "g"),
            "high": number(high, "g"),
        }
    for step in plan.steps:
        row = [
            str(step.index),
            step.start_date.isoformat(),
            step.end_date.isoformat(),
            str(step.days),
            number(step.daily_g, "f"),
            _doses_text(step.dose_g),
            _change(plan, step.index),
        ]
        if levels is not None:
            at = levels.dates.index(step.end_date)
            row.append(
                _("%(level)s%% (%(low)s–%(high)s%%)")
                % {
                    "level": number(levels.level[at] * 100, ".0f"),
                    "low": number(levels.low[at] * 100, ".0f"),
                    "high": number(levels.high[at] * 100, ".0f"),
                }
            )
        table.add_row(*row)
    table.caption = caption
    _console().print(table)


def plan_command(
    start_g: Annotated[
        str, typer.Argument(metavar="START_G", help=gettext_noop("Current amount in grams a day."))
    ],
    method: Annotated[
        str, typer.Option(help=gettext_noop("Taper method: proportional | linear | occupancy."))
    ] = "proportional",
    rate: Annotated[
        str | None,
        typer.Option(
            metavar="PCT",
            help=gettext_noop("Cut per step in % (proportional, occupancy; 5–25)."),
        ),
    ] = None,
    step_g: Annotated[
        str | None, typer.Option(metavar="G", help=gettext_noop("Grams cut per step (linear)."))
    ] = None,
    interval: Annotated[
        str, typer.Option(metavar="DAYS", help=gettext_noop("Days per step (at least 7)."))
    ] = str(DEFAULT_INTERVAL_DAYS),
    start: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help=gettext_noop("First day (default: today).")),
    ] = None,
    stabilize: Annotated[
        str,
        typer.Option(
            metavar="DAYS", help=gettext_noop("Days at the start amount before any change.")
        ),
    ] = str(DEFAULT_STABILIZE_DAYS),
    resolution: Annotated[
        str,
        typer.Option(
            metavar="G", help=gettext_noop("Scale resolution or capsule weight in grams.")
        ),
    ] = str(DEFAULT_RESOLUTION_G),
    stop_below: Annotated[
        str | None,
        typer.Option(
            metavar="G",
            help=gettext_noop(
                "After a step below this many g a day, stop (default 0.5, at most 2)."
            ),
        ),
    ] = None,
    doses_per_day: Annotated[
        str, typer.Option(metavar="N", help=gettext_noop("Doses a day now."))
    ] = "1",
    target_doses_per_day: Annotated[
        str | None,
        typer.Option(
            metavar="N", help=gettext_noop("Doses a day to reach first, one fewer per step.")
        ),
    ] = None,
    ed50_g: Annotated[
        str | None,
        typer.Option(
            metavar="G", help=gettext_noop("Assumed dose for half the effect (occupancy).")
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", metavar="table|json|ics", help=gettext_noop("Output format."))
    ] = "table",
    with_pk: Annotated[
        bool, typer.Option("--with-pk", help=gettext_noop("Add the modelled level per day."))
    ] = False,
) -> None:
    """Plan a taper from START_G grams a day (no account or database needed)."""
    output = _choice(output_format, "--format", _PLAN_FORMATS)
    if with_pk and output == "ics":
        fail(_("--with-pk works with --format table or json"))
    try:
        start_date = date.today() if start is None else date.fromisoformat(start)
    except ValueError:
        fail(_("--start must be a date as YYYY-MM-DD, not %(value)s") % {"value": repr(start)})
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
        fail(_refused(_FLAGS.get(error.field, error.field), worded(error.template, error.values)))
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
        problem = str(error) if current() == ENGLISH else _("this value cannot be modelled")
        fail(_refused(_FLAGS.get(error.field, error.field), problem))


def pk_command(
    dose_g: Annotated[str, typer.Option(metavar="G", help=gettext_noop("Grams per dose."))],
    every_h: Annotated[str, typer.Option(metavar="H", help=gettext_noop("Hours between doses."))],
    days: Annotated[str, typer.Option(metavar="D", help=gettext_noop("Days to model."))],
    half_life_h: Annotated[
        str,
        typer.Option(
            metavar="H", help=gettext_noop("Elimination half-life in hours (23–68 reported).")
        ),
    ] = str(pk.DEFAULT_HALF_LIFE_H),
    ka_per_h: Annotated[
        str | None,
        typer.Option(
            metavar="K", help=gettext_noop("Absorption rate per hour (default: peak after 1 h).")
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", metavar="table|json", help=gettext_noop("Output format."))
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
        fail(
            _("--dose-g must be more than 0 and at most %(most)s g")
            % {"most": number(_MAX_DOSE_G, "g")}
        )
    if every < _MIN_EVERY_H:
        fail(_("--every-h must be at least %(least)s h") % {"least": number(_MIN_EVERY_H, "")})
    if not 1 <= day_count <= _MAX_PK_DAYS:
        fail(_("--days must be between 1 and %(most)s") % {"most": _MAX_PK_DAYS})
    if not 0 < half_life <= _MAX_HALF_LIFE_H:
        fail(
            _("--half-life-h must be more than 0 and at most %(most)s h")
            % {"most": number(_MAX_HALF_LIFE_H, "g")}
        )
    if ka is not None and ka <= 0:
        fail(_("--ka-per-h must be more than 0"))
    series = _pk_series(dose, every, day_count, half_life, ka)
    if output == "json":
        typer.echo(
            json.dumps({"t_h": list(series.t_h), "amount": [round(a, 6) for a in series.amount]})
        )
        return
    peak_h = pk.peak_time_h(ka_per_h=series.ka_per_h, half_life_h=half_life)
    ratio = pk.accumulation_ratio(every_h=every, half_life_h=half_life)
    table = Table(
        box=box.SIMPLE_HEAD,
        title=_(
            "%(dose)s g every %(every)s h, half-life %(half_life)s h, ka %(ka)s/h "
            "(peak %(peak)s h after a dose)"
        )
        % {
            "dose": number(dose, "g"),
            "every": number(every, "g"),
            "half_life": number(half_life, "g"),
            "ka": number(series.ka_per_h, ".2f"),
            "peak": number(peak_h, ".2f"),
        },
        caption=_(
            "Amount: %(amount)s. Steady state after about %(days)s days (5 half-lives); "
            "accumulation ratio %(ratio)s."
        )
        % {
            "amount": _(AMOUNT_LABEL),
            "days": number(pk.steady_state_time_h(half_life) / 24, ".1f"),
            "ratio": number(ratio, ".2f"),
        },
    )
    for header in (_("Day"), _("Lowest (g)"), _("Highest (g)"), _("Mean (g)")):
        table.add_column(header, justify="right")
    for day in range(day_count):
        values = series.amount[day * 24 : day * 24 + 25]
        table.add_row(
            str(day + 1),
            number(min(values), ".2f"),
            number(max(values), ".2f"),
            number(sum(values[:24]) / 24, ".2f"),
        )
    _console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``plan`` and ``pk`` to the ``stepdown`` command."""
    app.command(
        "plan",
        help=gettext_noop("Plan a taper from START_G grams a day (no account or database needed)."),
    )(plan_command)
    app.command(
        "pk",
        help=gettext_noop("Model the amount in the body for a regular dose (hourly samples)."),
    )(pk_command)

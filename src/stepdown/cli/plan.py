"""``stepdown plan``: a taper plan as a table, JSON or a calendar, without a database."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop, number, pgettext, worded
from stepdown.cli.options import choice, console, refused, whole
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

_PLAN_FORMATS = ("table", "json", "ics")


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
    console().print(table)


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
    output = choice(output_format, "--format", _PLAN_FORMATS)
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
            interval_days=whole(interval, "--interval"),
            stabilize_days=whole(stabilize, "--stabilize"),
            resolution_g=resolution,
            stop_below_g=stop_below,
            doses_per_day=whole(doses_per_day, "--doses-per-day"),
            target_doses_per_day=(
                None
                if target_doses_per_day is None
                else whole(target_doses_per_day, "--target-doses-per-day")
            ),
        )
    except TaperError as error:
        fail(refused(error.field, worded(error.says)))
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


def register(app: typer.Typer) -> None:
    """Add ``plan`` to the ``stepdown`` command."""
    app.command(
        "plan",
        help=gettext_noop("Plan a taper from START_G grams a day (no account or database needed)."),
    )(plan_command)

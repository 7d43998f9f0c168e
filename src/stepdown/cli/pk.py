"""``stepdown pk``: the level model for a regular dose, without a database."""

from __future__ import annotations

import json
import math
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from stepdown.cli.errors import fail
from stepdown.cli.language import ENGLISH, current, gettext_noop, number
from stepdown.cli.language import gettext as _
from stepdown.cli.options import choice, console, real, refused, whole
from stepdown.core import pharmacokinetics as pk

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


def _pk_series(
    dose_g: float, every_h: float, days: int, half_life_h: float, ka_per_h: float | None
) -> pk.PkSeries:
    end_h = days * 24
    doses = [(i * every_h, dose_g) for i in range(math.ceil(end_h / every_h))]
    try:
        return pk.simulate(doses, t_h=range(end_h + 1), half_life_h=half_life_h, ka_per_h=ka_per_h)
    except pk.PharmacokineticsError as error:
        problem = str(error) if current() == ENGLISH else _("this value cannot be modelled")
        fail(refused(error.field, problem))


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
    output = choice(output_format, "--format", _PK_FORMATS)
    dose = real(dose_g, "--dose-g")
    every = real(every_h, "--every-h")
    day_count = whole(days, "--days")
    half_life = real(half_life_h, "--half-life-h")
    ka = None if ka_per_h is None else real(ka_per_h, "--ka-per-h")
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
    console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``pk`` to the ``stepdown`` command."""
    app.command(
        "pk",
        help=gettext_noop("Model the amount in the body for a regular dose (hourly samples)."),
    )(pk_command)

"""``stepdown skin``: measure skin colour on a photo (pure: no database, no Django)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stepdown.cli.errors import fail, os_reason
from stepdown.cli.language import ENGLISH, current, gettext_noop, number, worded
from stepdown.cli.language import gettext as _

if TYPE_CHECKING:  # the science stack loads only when a command runs, keeping --help fast
    from stepdown.core.colour.chart import Corners

skin_app = typer.Typer(
    name="skin",
    help=gettext_noop("Calibrated skin colour (L*, a*, b*, ITA°) from a photo with a colour card."),
    no_args_is_help=True,
)

# Read at most this many bytes; far above any phone photo, it keeps a mistaken path to a huge
# file from filling memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


# How the colours were corrected, in words (the same words as the skin pages).
CALIBRATION_WORDS = {
    "colour_checker": gettext_noop("found in the photo"),
    "four_corners": gettext_noop("from the corners you marked"),
    "grey_card": gettext_noop("grey card"),
    "none": gettext_noop("none (uncalibrated)"),
}


class OutputFormat(StrEnum):
    """How ``measure`` prints its result."""

    TEXT = "text"
    JSON = "json"


class CardOption(StrEnum):
    """Whether to look for a colour card."""

    AUTO = "auto"
    NONE = "none"


def _corners(text: str) -> Corners:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 8:
        fail(
            _(
                "--corners takes eight numbers x1,y1,...,x4,y4 (dark skin, bluish green, black, "
                "white)"
            )
        )
    x1, y1, x2, y2, x3, y3, x4, y4 = values
    return ((x1, y1), (x2, y2), (x3, y3), (x4, y4))


def _read(image: Path) -> bytes:
    try:
        with image.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        fail(_("cannot read %(file)s: %(reason)s") % {"file": image, "reason": os_reason(error)})
    if len(data) > MAX_FILE_BYTES:
        fail(
            _("%(file)s is larger than %(size)s MB")
            % {"file": image, "size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    return data


@skin_app.command(
    "measure",
    help=gettext_noop(
        "Measure L*, a*, b* and ITA° of a skin region, calibrated by the colour card if found."
    ),
)
def measure(
    image: Annotated[
        Path, typer.Argument(help=gettext_noop("Photo file (JPEG, PNG, WebP, TIFF or HEIC)."))
    ],
    roi: Annotated[str, typer.Option("--roi", help=gettext_noop("Skin region x,y,w,h in pixels."))],
    reference_roi: Annotated[
        str | None,
        typer.Option(
            "--reference-roi", help=gettext_noop("Protected reference skin region x,y,w,h.")
        ),
    ] = None,
    card: Annotated[
        CardOption,
        typer.Option("--card", help=gettext_noop("auto: find the colour card; none: do not.")),
    ] = CardOption.AUTO,
    corners: Annotated[
        str | None,
        typer.Option(
            "--corners",
            help=gettext_noop(
                "The card's four corners x1,y1,...,x4,y4, starting at dark skin, then bluish "
                "green, black and white (used instead of automatic detection)."
            ),
        ),
    ] = None,
    grey_roi: Annotated[
        str | None,
        typer.Option(
            "--grey-roi",
            help=gettext_noop("An 18 % grey card region x,y,w,h, used without a chart."),
        ),
    ] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help=gettext_noop("text or json."))
    ] = OutputFormat.TEXT,
) -> None:
    """Measure L*, a*, b* and ITA° of a skin region, calibrated by the colour card if found."""
    from stepdown.core.colour import (
        ImageDecodeError,
        PhotoProblem,
        analyse_photo,
        analysis_to_dict,
        parse_rect,
    )

    try:
        site = parse_rect(roi)
        reference = parse_rect(reference_roi) if reference_roi else None
        grey = parse_rect(grey_roi) if grey_roi else None
    except PhotoProblem as error:
        fail(worded(error.says))
    chart_corners = _corners(corners) if corners else None
    data = _read(image)
    try:
        analysis = analyse_photo(
            data=data,
            roi=site,
            reference_roi=reference,
            card=card.value,
            corners=chart_corners,
            grey_roi=grey,
        )
    except ImageDecodeError as error:
        fail(_("%(file)s: %(problem)s") % {"file": image, "problem": worded(error.says)})
    except PhotoProblem as error:
        fail(worded(error.says))
    except ValueError as error:
        # Not a refusal the core words for a person (a bug, or a case it did not foresee).
        fail(str(error) if current() == ENGLISH else _("this photo or region cannot be measured"))
    result = analysis_to_dict(analysis)
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        _print_text(result)


def _site_line(label: str, values: dict[str, Any]) -> str:
    if values["L"] is None:
        return _("%(label)s: no usable pixels") % {"label": label}
    ci = values["ci95_ita"]
    interval = ""
    if ci:
        interval = " " + _("(95 %% CI %(low)s to %(high)s)") % {
            "low": number(ci[0], ".1f"),
            "high": number(ci[1], ".1f"),
        }
    category = values["ita_category"].replace("_", " ")
    return _("%(label)s: L* %(L)s  a* %(a)s  b* %(b)s  ITA %(ita)s°%(interval)s  %(category)s") % {
        "label": label,
        "L": number(values["L"], ".1f"),
        "a": number(values["a"], ".1f"),
        "b": number(values["b"], ".1f"),
        "ita": number(values["ita_deg"], ".1f"),
        "interval": interval,
        "category": _(category),
    }


def _calibration(method: str) -> str:
    """The method's code in English, as it always was; its words in French."""
    if current() == ENGLISH:
        return method
    return _(CALIBRATION_WORDS.get(method, method))


def _print_text(result: dict[str, Any]) -> None:
    typer.echo(_site_line(_("site"), result))
    if result["reference"] is not None:
        typer.echo(_site_line(_("reference"), result["reference"]))
    if result["delta_ita"] is not None:
        typer.echo(
            _("ΔITA (site − reference): %(delta)s°") % {"delta": number(result["delta_ita"], ".1f")}
        )
    typer.echo(_("calibration: %(method)s") % {"method": _calibration(result["calibration"])})
    quality = result["quality"]
    typer.echo(_("quality: ok") if quality["ok"] else _("quality: not ok"))
    for code, message in zip(quality["reasons"], quality["messages"], strict=True):
        typer.echo(f"  {code}: {_(message)}")


def register(app: typer.Typer) -> None:
    """Attach ``stepdown skin`` to the main app."""
    app.add_typer(skin_app, name="skin")

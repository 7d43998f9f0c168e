"""``stepdown skin``: measure skin colour on a photo (pure: no database, no Django)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stepdown.cli.errors import fail

if TYPE_CHECKING:  # the science stack loads only when a command runs, keeping --help fast
    from stepdown.core.colour.chart import Corners

skin_app = typer.Typer(
    name="skin",
    help="Calibrated skin colour (L*, a*, b*, ITA°) from a photo with a colour card.",
    no_args_is_help=True,
)

# Read at most this many bytes; far above any phone photo, it keeps a mistaken path to a huge
# file from filling memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


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
            "--corners takes eight numbers x1,y1,...,x4,y4 (dark skin, bluish green, black, white)"
        )
    x1, y1, x2, y2, x3, y3, x4, y4 = values
    return ((x1, y1), (x2, y2), (x3, y3), (x4, y4))


def _read(image: Path) -> bytes:
    try:
        with image.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        fail(f"cannot read {image}: {error.strerror or error}")
    if len(data) > MAX_FILE_BYTES:
        fail(f"{image} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data


@skin_app.command("measure")
def measure(
    image: Annotated[Path, typer.Argument(help="Photo file (JPEG, PNG, WebP, TIFF or HEIC).")],
    roi: Annotated[str, typer.Option("--roi", help="Skin region x,y,w,h in pixels.")],
    reference_roi: Annotated[
        str | None,
        typer.Option("--reference-roi", help="Protected reference skin region x,y,w,h."),
    ] = None,
    card: Annotated[
        CardOption, typer.Option("--card", help="auto: find the colour card; none: do not.")
    ] = CardOption.AUTO,
    corners: Annotated[
        str | None,
        typer.Option(
            "--corners",
            help="The card's four corners x1,y1,...,x4,y4, starting at dark skin, then bluish "
            "green, black and white (used instead of automatic detection).",
        ),
    ] = None,
    grey_roi: Annotated[
        str | None,
        typer.Option("--grey-roi", help="An 18 % grey card region x,y,w,h, used without a chart."),
    ] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="text or json.")
    ] = OutputFormat.TEXT,
) -> None:
    """Measure L*, a*, b* and ITA° of a skin region, calibrated by the colour card if found."""
    from stepdown.core.colour import (
        ImageDecodeError,
        analyse_photo,
        analysis_to_dict,
        parse_rect,
    )

    try:
        site = parse_rect(roi)
        reference = parse_rect(reference_roi) if reference_roi else None
        grey = parse_rect(grey_roi) if grey_roi else None
    except ValueError as error:
        fail(str(error))
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
        fail(f"{image}: {error}")
    except ValueError as error:
        fail(str(error))
    result = analysis_to_dict(analysis)
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        _print_text(result)


def _site_line(label: str, values: dict[str, Any]) -> str:
    if values["L"] is None:
        return f"{label}: no usable pixels"
    ci = values["ci95_ita"]
    interval = f" (95 % CI {ci[0]:.1f} to {ci[1]:.1f})" if ci else ""
    return (
        f"{label}: L* {values['L']:.1f}  a* {values['a']:.1f}  b* {values['b']:.1f}  "
        f"ITA {values['ita_deg']:.1f}°{interval}  {values['ita_category'].replace('_', ' ')}"
    )


def _print_text(result: dict[str, Any]) -> None:
    typer.echo(_site_line("site", result))
    if result["reference"] is not None:
        typer.echo(_site_line("reference", result["reference"]))
    if result["delta_ita"] is not None:
        typer.echo(f"ΔITA (site − reference): {result['delta_ita']:.1f}°")
    typer.echo(f"calibration: {result['calibration']}")
    quality = result["quality"]
    typer.echo("quality: ok" if quality["ok"] else "quality: not ok")
    for code, message in zip(quality["reasons"], quality["messages"], strict=True):
        typer.echo(f"  {code}: {message}")


def register(app: typer.Typer) -> None:
    """Attach ``stepdown skin`` to the main app."""
    app.add_typer(skin_app, name="skin")

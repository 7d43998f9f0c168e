"""A small chart of daily amounts as SVG coordinates (the page draws them; no script needed).

Days run left to right; the highest value of either series sets the top, so the dose and the
target share one scale. A missing target (no plan that day) breaks its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 112
HEIGHT = 28
PAD = 2


@dataclass(frozen=True)
class Sparkline:
    """``dose`` is one SVG ``points`` string; ``target`` one per unbroken run of plan days."""

    dose: str
    target: tuple[str, ...]
    peak: Decimal
    width: int = WIDTH
    height: int = HEIGHT


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def sparkline(doses: Sequence[Decimal | None], targets: Sequence[Decimal | None]) -> Sparkline:
    """Coordinates for ``doses`` (one per day, oldest first; ``None``: no point, as for today
    before its first dose, which is not a drop to 0 g) and the matching ``targets``."""
    days = len(doses)
    peak = max(
        [*(d for d in doses if d is not None), *(t for t in targets if t is not None), Decimal(0)]
    )
    step = (WIDTH - 2 * PAD) / max(days - 1, 1)
    usable = HEIGHT - 2 * PAD

    def point(index: int, value: Decimal) -> str:
        y = HEIGHT - PAD - (float(value / peak) * usable if peak else 0.0)
        return f"{_fmt(PAD + index * step)},{_fmt(y)}"

    runs: list[list[str]] = []
    previous = False
    for index, target in enumerate(targets):
        if target is None:
            previous = False
            continue
        if not previous:
            runs.append([])
        runs[-1].append(point(index, target))
        previous = True
    return Sparkline(
        dose=" ".join(
            point(index, value) for index, value in enumerate(doses) if value is not None
        ),
        target=tuple(" ".join(run) for run in runs if len(run) > 1),
        peak=peak,
    )

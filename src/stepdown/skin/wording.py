"""Skin measurements in words: an ITA° category's name and the trend's headline and sentence."""

from __future__ import annotations

from stepdown.core.colour import ChangeStatus, ItaCategory
from stepdown.core.colour.ita import ita_label
from stepdown.skin.selectors import Trend


def category_label(value: str | None) -> str:
    return ita_label(ItaCategory(value)) if value else "—"


def trend_wording(trend: Trend) -> dict[str, str]:
    """A headline and a sentence in plain words. A measurement, never a diagnosis."""
    a = trend.assessment
    count = len(trend.points)
    if a.status is ChangeStatus.BASELINE_INCOMPLETE or a.noise is None:
        left = 3 - count
        return {
            "headline": "Building your baseline",
            "detail": (
                f"{count} usable session{'s' if count != 1 else ''} so far; {left} more "
                f"before Stepdown knows how much your own measurements vary by chance. Only a "
                f"change larger than that will be reported."
            ),
        }
    noise = a.noise.mdc95_deg
    latest = a.deviations_deg[-1] if a.deviations_deg else 0.0
    if a.status is ChangeStatus.DARKER:
        return {
            "headline": f"Darker by {abs(latest):.1f}°, beyond your noise of ±{noise:.1f}°",
            "detail": (
                "Your last two sessions both show the exposed skin darker, compared with your "
                "inner arm, than at the start. This is a measurement, not a diagnosis; consider "
                "showing a dermatologist."
            ),
        }
    if a.status is ChangeStatus.LIGHTER:
        return {
            "headline": f"Lighter by {abs(latest):.1f}°, beyond your noise of ±{noise:.1f}°",
            "detail": (
                "Your last two sessions both show the exposed skin lighter, compared with your "
                "inner arm, than at the start."
            ),
        }
    return {
        "headline": "No change beyond your measurement noise",
        "detail": (
            f"Differences smaller than ±{noise:.1f}° can come from light and camera alone, and "
            f"your sessions stay within that."
        ),
    }

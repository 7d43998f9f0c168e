"""Skin measurements in words, in the active language: an ITA° category's name, the trend's
headline and sentence, the photo-quality messages and the calibration.

The core (``stepdown.core.colour``) never imports Django, so its fixed English words are listed
here with ``gettext_noop`` and passed through ``gettext`` where they reach a person
(tests/skin check the lists match the core's)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from stepdown.core.colour import (
    QUALITY_MESSAGES,
    CalibrationMethod,
    ChangeStatus,
    ItaCategory,
    QualityCode,
)
from stepdown.core.colour.ita import ita_label
from stepdown.skin.selectors import Trend, TrendPoint
from stepdown.web import formatting

# The core's ITA category names, its seasonal caveat and its quality messages, for the catalogue.
CORE_WORDS = (
    gettext_noop("very light"),
    gettext_noop("light"),
    gettext_noop("intermediate"),
    gettext_noop("tan"),
    gettext_noop("brown"),
    gettext_noop("dark"),
    gettext_noop(
        "Skin exposed to the sun darkens in the sunny months and lightens in the dull ones. "
        "Compare with photos from the same time of year before reading a change as lasting."
    ),
    gettext_noop(
        "No colour card was found. Put the whole card in the picture, flat and beside the skin, "
        "filling at least a quarter of the width, or mark its four corners."
    ),
    gettext_noop("The photo is too dark. Move somewhere brighter, ideally indirect daylight."),
    gettext_noop("Part of the photo is washed out. Avoid direct sun, flash and shiny reflections."),
    gettext_noop("The photo is blurred. Hold the phone steady and tap to focus on the card."),
    gettext_noop(
        "The card's colours do not line up. The light may be mixed or the card partly shaded: "
        "use a single light source that falls evenly on card and skin."
    ),
    gettext_noop(
        "The skin and the card (or the two photos) seem to be in different light. Take them "
        "side by side, in the same light, at the same time."
    ),
    gettext_noop(
        "Too little clear skin is left in the region. Draw a larger region that avoids hair, "
        "moles, shine and the edges of the photo."
    ),
    gettext_noop(
        "This skin has almost no yellow in its colour, and then the ITA angle swings widely "
        "with tiny measurement differences. The session is kept out of the ITA trend; its "
        "lightness (L*), yellowness (b*) and overall colour difference (ΔE00) are still shown."
    ),
    gettext_noop(
        "Measured without a colour card, so the numbers depend on this camera and this light. "
        "Compare them only with photos taken the same way."
    ),
)

# Why a photo or a region cannot be measured (``core.colour.PhotoProblem``: its ``says``), for
# the catalogue; the command line words them with the same messages.
CORE_PHOTO_PROBLEMS = (
    gettext_noop("a region's x and y cannot be negative"),
    gettext_noop("a region needs a positive width and height"),
    gettext_noop("a region is four whole numbers x,y,w,h, not %(text)s"),
    gettext_noop("the region lies outside the photo"),
    gettext_noop("the file is empty"),
    gettext_noop("the file is not a photo (JPEG, PNG, WebP, TIFF or HEIC)"),
    gettext_noop("the photo is damaged or truncated"),
    gettext_noop("the HEIC photo is damaged or truncated"),
    gettext_noop("the PNG file is truncated"),
    gettext_noop("the PNG file is damaged (a chunk's checksum is wrong)"),
    gettext_noop("the photo declares no pixels"),
    gettext_noop("the photo has too many pixels"),
    gettext_noop("the photo has %(pixels)s pixels; the limit is %(limit)s"),
    gettext_noop("the photo's colour profile could not be read"),
    gettext_noop("the photo's colour profile could not be applied"),
    gettext_noop("the four chart corners do not form a convex quadrilateral"),
    gettext_noop("the grey card region has no usable pixels"),
    gettext_noop("the grey card region is black"),
)

CALIBRATION_LABELS = {
    CalibrationMethod.COLOUR_CHECKER.value: gettext_noop("found in the photo"),
    CalibrationMethod.FOUR_CORNERS.value: gettext_noop("from the corners you marked"),
    CalibrationMethod.GREY_CARD.value: gettext_noop("grey card"),
    CalibrationMethod.NONE.value: gettext_noop("none (uncalibrated)"),
}


def category_label(value: str | None) -> str:
    return _(ita_label(ItaCategory(value))) if value else "—"


def calibration_label(method: str) -> str:
    label = CALIBRATION_LABELS.get(method)
    return _(label) if label else ""


def quality_message(code: str | QualityCode) -> str:
    return _(QUALITY_MESSAGES[QualityCode(code)])


def quality_messages(codes: Iterable[str]) -> list[str]:
    return [quality_message(code) for code in codes]


def session_days(points: Iterable[TrendPoint]) -> str:
    """The sessions' dates in the person's time zone (the one the request activated), as a
    list: "3 Mar 2026, 1 Apr 2026"."""
    pattern = _("j M Y")
    return ", ".join(
        formatting.date(timezone.localtime(point.taken_at), pattern) for point in points
    )


def _degrees(value: float) -> str:
    # One decimal, kept even when it is 0 ("2.0°", "2,0°"), rounded as before.
    return formats.number_format(Decimal(f"{value:.1f}"), 1)


def trend_wording(trend: Trend) -> dict[str, str]:
    """A headline and a sentence in plain words. A measurement, never a diagnosis."""
    a = trend.assessment
    count = len(trend.points)
    if a.status is ChangeStatus.BASELINE_INCOMPLETE or a.noise is None:
        left = 3 - count
        return {
            "headline": _("Building your baseline"),
            "detail": ngettext(
                "%(count)d usable session so far; %(left)d more before Stepdown knows how much "
                "your own measurements vary by chance. Only a change larger than that will be "
                "reported.",
                "%(count)d usable sessions so far; %(left)d more before Stepdown knows how much "
                "your own measurements vary by chance. Only a change larger than that will be "
                "reported.",
                count,
            )
            % {"count": count, "left": left},
        }
    noise = _degrees(a.noise.mdc95_deg)
    latest = _degrees(abs(a.deviations_deg[-1] if a.deviations_deg else 0.0))
    if a.status is ChangeStatus.DARKER:
        return {
            "headline": _("Darker by %(change)s°, beyond your noise of ±%(noise)s°")
            % {"change": latest, "noise": noise},
            "detail": _(
                "Your last two sessions both show the exposed skin darker, compared with your "
                "inner arm, than at the start. This is a measurement, not a diagnosis; consider "
                "showing a dermatologist."
            ),
        }
    if a.status is ChangeStatus.LIGHTER:
        return {
            "headline": _("Lighter by %(change)s°, beyond your noise of ±%(noise)s°")
            % {"change": latest, "noise": noise},
            "detail": _(
                "Your last two sessions both show the exposed skin lighter, compared with your "
                "inner arm, than at the start."
            ),
        }
    return {
        "headline": _("No change beyond your measurement noise"),
        "detail": _(
            "Differences smaller than ±%(noise)s° can come from light and camera alone, and "
            "your sessions stay within that."
        )
        % {"noise": noise},
    }

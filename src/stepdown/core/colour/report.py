"""Plain JSON-ready dictionaries of an analysis, shared by the CLI and the web API.

Keys follow the issue's contract: ``L``, ``a``, ``b``, ``ita_deg``, ``ita_category``,
``ci95_ita``, ``calibration``, ``quality`` (``ok``, ``reasons``), ``reference`` and
``delta_ita``; extra detail sits under ``calibration_detail``, ``comparison`` and ``pixels``.
"""

from __future__ import annotations

from typing import Any

from stepdown.core.colour.analysis import PhotoAnalysis
from stepdown.core.colour.measurement import RegionReading

DECIMALS = 2


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def reading_to_dict(reading: RegionReading) -> dict[str, Any]:
    """One region's values (``None`` when no pixel survived cleaning) and its pixel counts."""
    m = reading.measurement
    ci = None if m is None or m.ci95_ita_deg is None else [_round(v) for v in m.ci95_ita_deg]
    return {
        "L": _round(m.l_star) if m else None,
        "a": _round(m.a_star) if m else None,
        "b": _round(m.b_star) if m else None,
        "ita_deg": _round(m.ita_deg) if m else None,
        "ita_category": m.ita_category.value if m else None,
        "ci95_ita": ci,
        "pixels": {
            "total": reading.pixels_total,
            "used": reading.pixels_used,
            "clipped_fraction": round(reading.clipped_fraction, 4),
        },
    }


def analysis_to_dict(analysis: PhotoAnalysis) -> dict[str, Any]:
    """The whole analysis as a JSON-ready dictionary."""
    calibration = analysis.calibration
    comparison = analysis.comparison
    result = reading_to_dict(analysis.site)
    result.update(
        {
            "calibration": calibration.method.value,
            "calibration_detail": {
                "reference_chart": calibration.reference_chart,
                "mean_delta_e00": _round(calibration.mean_delta_e00),
                "max_delta_e00": _round(calibration.max_delta_e00),
                "skin_loo_delta_e00": _round(calibration.skin_loo_delta_e00),
                "chart_corners": (
                    [[round(x, 1), round(y, 1)] for x, y in calibration.corners]
                    if calibration.corners is not None
                    else None
                ),
                "chart_sharpness": _round(analysis.chart_sharpness),
            },
            "quality": {
                "ok": analysis.quality.ok,
                "reasons": [code.value for code in analysis.quality.reasons],
                "messages": list(analysis.quality.messages),
            },
            "reference": (
                reading_to_dict(analysis.reference) if analysis.reference is not None else None
            ),
            "delta_ita": _round(comparison.delta_ita_deg) if comparison else None,
            "comparison": (
                {
                    "delta_ita_deg": _round(comparison.delta_ita_deg),
                    "delta_L": _round(comparison.delta_l_star),
                    "delta_a": _round(comparison.delta_a_star),
                    "delta_b": _round(comparison.delta_b_star),
                    "delta_e00": _round(comparison.delta_e00),
                }
                if comparison
                else None
            ),
            "image": {"width": analysis.width_px, "height": analysis.height_px},
        }
    )
    return result

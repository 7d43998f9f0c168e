"""sRGB, linear light and CIELAB (D65) in fast float32 numpy.

Only the pixels of a region are converted, so these functions take any ``(..., 3)`` array.

References
----------
IEC61966_2_1: the sRGB transfer curve and primaries, whose D65-relative RGB→XYZ matrix is below.
CIE15_2004: the CIELAB formulae and the D65 white point (x 0.3127, y 0.3290).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
ByteArray = npt.NDArray[np.uint8]

# Linear sRGB → CIE XYZ (Y of white = 1) as printed in the standard, to four decimals
# [IEC61966_2_1]; colour-science uses the same values.
SRGB_TO_XYZ = np.array(
    [
        [0.4124, 0.3576, 0.1805],
        [0.2126, 0.7152, 0.0722],
        [0.0193, 0.1192, 0.9505],
    ],
    dtype=np.float64,
)
XYZ_TO_SRGB = np.linalg.inv(SRGB_TO_XYZ)

# D65 white (Y = 1) from its chromaticity x 0.3127, y 0.3290 [CIE15_2004].
D65_WHITE_XYZ = np.array([0.3127 / 0.3290, 1.0, (1.0 - 0.3127 - 0.3290) / 0.3290])

# CIELAB's linear segment below (6/29)³ [CIE15_2004].
_LAB_EPSILON = (6.0 / 29.0) ** 3
_LAB_SLOPE = 1.0 / (3.0 * (6.0 / 29.0) ** 2)
_LAB_OFFSET = 4.0 / 29.0


def srgb_decode(encoded: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Linear light from sRGB-encoded values in 0–1 (the piecewise curve) [IEC61966_2_1]."""
    v = np.asarray(encoded, dtype=np.float64)
    return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)


def srgb_encode(linear: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """sRGB-encoded values in 0–1 from linear light (clipped to 0–1 first)."""
    v = np.clip(np.asarray(linear, dtype=np.float64), 0.0, 1.0)
    return np.where(v <= 0.0031308, v * 12.92, 1.055 * v ** (1.0 / 2.4) - 0.055)


@cache
def _decode_table() -> FloatArray:
    table = srgb_decode(np.arange(256) / 255.0).astype(np.float32)
    table.flags.writeable = False
    return table


def bytes_to_linear(rgb: ByteArray) -> FloatArray:
    """Linear float32 light from 8-bit sRGB through a 256-entry lookup table."""
    result: FloatArray = _decode_table()[rgb]
    return result


def _lab_from_xyz(xyz: npt.NDArray[Any]) -> npt.NDArray[Any]:
    # Works in the dtype it is given: float32 for pixels, float64 for chart values.
    dtype = xyz.dtype
    scaled = xyz / D65_WHITE_XYZ.astype(dtype)
    f = np.where(
        scaled > _LAB_EPSILON,
        np.cbrt(np.maximum(scaled, 0)),
        scaled * dtype.type(_LAB_SLOPE) + dtype.type(_LAB_OFFSET),
    ).astype(dtype, copy=False)
    lab = np.empty_like(f)
    lab[..., 0] = 116.0 * f[..., 1] - 16.0
    lab[..., 1] = 500.0 * (f[..., 0] - f[..., 1])
    lab[..., 2] = 200.0 * (f[..., 1] - f[..., 2])
    result: npt.NDArray[Any] = lab
    return result


def xyz_to_lab(xyz: npt.ArrayLike) -> FloatArray:
    """Float32 CIELAB relative to D65 from XYZ with white Y = 1 [CIE15_2004]."""
    result: FloatArray = _lab_from_xyz(np.asarray(xyz, dtype=np.float32))
    return result


def linear_rgb_to_lab(
    linear_rgb: npt.ArrayLike,
    *,
    correction: npt.NDArray[np.float64] | None = None,
) -> FloatArray:
    """Float32 CIELAB (D65) from linear RGB, with an optional 3×3 correction applied first.

    The correction and the sRGB→XYZ matrix are folded into one product so each pixel is
    multiplied once.
    """
    matrix = SRGB_TO_XYZ if correction is None else SRGB_TO_XYZ @ correction
    xyz = np.asarray(linear_rgb, dtype=np.float32) @ matrix.T.astype(np.float32)
    return xyz_to_lab(xyz)


def linear_rgb_to_lab64(linear_rgb: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Double-precision CIELAB for the few values of a chart (patch medians, references)."""
    xyz = np.asarray(linear_rgb, dtype=np.float64) @ SRGB_TO_XYZ.T
    result: npt.NDArray[np.float64] = _lab_from_xyz(xyz)
    return result


def luminance(linear_rgb: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Relative luminance Y of linear sRGB values (the middle row of the matrix)."""
    result: npt.NDArray[np.float64] = np.asarray(linear_rgb, dtype=np.float64) @ SRGB_TO_XYZ[1]
    return result

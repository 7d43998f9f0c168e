"""How sharp the chart's edges are, as a resolution-independent number.

The chart is resampled front-on at a fixed size, lightly smoothed to mute sensor noise, and the
variance of its Laplacian is divided by the variance of its intensity. Patch edges dominate both,
so the ratio falls steeply (about as the cube of the edge width) as the photo blurs, whatever the
chart's size in the frame or the light level.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from stepdown.core.colour.chart import Corners, warp_chart

# Assumption: the check runs front-on at 60 px per patch pitch (a 351×231 image), enough for
# the Laplacian to see the patch edges and the same for every photo.
SHARPNESS_PIXELS_PER_PITCH = 60


def chart_sharpness(rgb: npt.NDArray[np.uint8], corners: Corners) -> float:
    """Normalised Laplacian variance of the chart's patch area (higher is sharper)."""
    warped = warp_chart(rgb, corners, pixels_per_pitch=SHARPNESS_PIXELS_PER_PITCH)
    grey = cv2.cvtColor(warped, cv2.COLOR_RGB2GRAY).astype(np.float32)
    smooth = cv2.GaussianBlur(grey, (0, 0), 1.0)
    spread = float(smooth.var())
    if spread <= 1e-6:
        return 0.0
    laplacian = cv2.Laplacian(smooth, cv2.CV_32F)
    return float(laplacian.var()) / spread

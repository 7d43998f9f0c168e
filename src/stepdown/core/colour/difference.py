"""CIEDE2000 colour difference (ΔE00), vectorised over any number of Lab pairs.

References
----------
Sharma2005: the formula as implemented here, including the hue-angle edge cases, and the
published test pairs the tests use.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

# The 25⁷ of the CIEDE2000 chroma compensation [Sharma2005].
_TWENTY_FIVE_TO_SEVENTH = 25.0**7


def delta_e_2000(lab_1: npt.ArrayLike, lab_2: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """ΔE00 between two ``(..., 3)`` CIELAB arrays with kL = kC = kH = 1 [Sharma2005]."""
    lab1 = np.asarray(lab_1, dtype=np.float64)
    lab2 = np.asarray(lab_2, dtype=np.float64)
    l1, a1, b1 = lab1[..., 0], lab1[..., 1], lab1[..., 2]
    l2, a2, b2 = lab2[..., 0], lab2[..., 1], lab2[..., 2]

    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2.0
    c_mean7 = c_mean**7
    g = 0.5 * (1.0 - np.sqrt(c_mean7 / (c_mean7 + _TWENTY_FIVE_TO_SEVENTH)))
    a1p, a2p = (1.0 + g) * a1, (1.0 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360.0

    delta_l = l2 - l1
    delta_c = c2p - c1p
    chroma_product = c1p * c2p
    dh = h2p - h1p
    dh = np.where(dh > 180.0, dh - 360.0, np.where(dh < -180.0, dh + 360.0, dh))
    dh = np.where(chroma_product == 0.0, 0.0, dh)
    delta_h = 2.0 * np.sqrt(chroma_product) * np.sin(np.radians(dh / 2.0))

    l_mean = (l1 + l2) / 2.0
    c_mean_p = (c1p + c2p) / 2.0
    h_sum = h1p + h2p
    h_mean = np.where(
        np.abs(h1p - h2p) <= 180.0,
        h_sum / 2.0,
        np.where(h_sum < 360.0, (h_sum + 360.0) / 2.0, (h_sum - 360.0) / 2.0),
    )
    h_mean = np.where(chroma_product == 0.0, h_sum, h_mean)

    t = (
        1.0
        - 0.17 * np.cos(np.radians(h_mean - 30.0))
        + 0.24 * np.cos(np.radians(2.0 * h_mean))
        + 0.32 * np.cos(np.radians(3.0 * h_mean + 6.0))
        - 0.20 * np.cos(np.radians(4.0 * h_mean - 63.0))
    )
    delta_theta = 30.0 * np.exp(-(((h_mean - 275.0) / 25.0) ** 2))
    c_mean_p7 = c_mean_p**7
    r_c = 2.0 * np.sqrt(c_mean_p7 / (c_mean_p7 + _TWENTY_FIVE_TO_SEVENTH))
    l_offset = (l_mean - 50.0) ** 2
    s_l = 1.0 + 0.015 * l_offset / np.sqrt(20.0 + l_offset)
    s_c = 1.0 + 0.045 * c_mean_p
    s_h = 1.0 + 0.015 * c_mean_p * t
    r_t = -np.sin(np.radians(2.0 * delta_theta)) * r_c

    term_l = delta_l / s_l
    term_c = delta_c / s_c
    term_h = delta_h / s_h
    result: npt.NDArray[np.float64] = np.sqrt(
        term_l**2 + term_c**2 + term_h**2 + r_t * term_c * term_h
    )
    return result

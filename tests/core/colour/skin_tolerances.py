"""Every tolerance the colour tests use, with the reason for its size.

The rendered-photo tolerances come from the colorimetry note's targets (calibrated skin
ΔE00 ≤ 2–3; a white-balance change moving ITA by < 2°) and from the error propagation in that
note (±1 L* ≈ ±2–3° of ITA), not from this code's output.
"""

# Float32 CIELAB against colour-science's float64: float32 keeps about 7 digits, so saturated
# colours (|b*| ≈ 100) differ by up to ~0.005; 0.01 is 50× below a just-noticeable difference.
LAB_FLOAT32 = 0.01
# Our CIEDE2000 against the published 4-decimal test data and against colour-science.
DELTA_E00_PUBLISHED = 1e-4
# Calibrated skin against the spectrum's true CIELAB (D65), under D65, A, FL2 and LED light.
CALIBRATED_SKIN_DELTA_E00 = 2.5
# Calibrated ITA against the truth. 1 L* of error moves ITA by 2–3°, and a 3×3 matrix leaves
# about 1–1.5 L* of metamerism error on skin, hence 5° (D65, A and LED light).
CALIBRATED_ITA_DEG = 5.0
# Exposed minus reference ITA against the truth: errors shared by both sites cancel.
DELTA_ITA_DEG = 2.5
# The same skin under a white balance off by ±15 % (colorimetry notes test b).
WHITE_BALANCE_ITA_DEG = 2.0
# A detected chart corner against the rendered one, as a fraction of the patch pitch.
CORNER_FRACTION_OF_PITCH = 0.1
# Rate of "change" verdicts when nothing changed (docs/skin.md: at most 5 %).
MAX_FALSE_ALARM_RATE = 0.05
# An exact 8-bit round trip through a colour profile lands within a few levels.
ICC_LEVELS = 4
# A photo measured at the measurement resolution (or a region sampled on a grid) against the
# same photo measured at full resolution: a fifth of the pipeline's own stated accuracy
# (CALIBRATED_SKIN_DELTA_E00 and CALIBRATED_ITA_DEG above), so shrinking costs nothing visible.
BOUNDED_DELTA_E00 = 0.5
BOUNDED_ITA_DEG = 0.5

"""Photo colorimetry for tracking skin darkening: calibrated CIELAB, ITA°, change over time.

The web layer and the CLI call ``analyse_photo`` (or ``analyse_image`` on a decoded photo),
turn the result into JSON with ``analysis_to_dict`` and follow a person over sessions with
``assess_change``. Method, sources and limits: ``docs/skin.md``.

References
----------
Patel2024Skin, Suleman2023Skin, ASDP26398: case reports of grey-blue, sun-distributed skin
darkening in long-term kratom users, the change this package helps a person document.
"""

from stepdown.core.colour.analysis import (
    CardMode,
    PhotoAnalysis,
    PhotoPairComparison,
    analyse_image,
    analyse_photo,
    compare_photos,
)
from stepdown.core.colour.calibration import Calibration, CalibrationMethod
from stepdown.core.colour.chart import DEFAULT_REFERENCE, REFERENCE_CHARTS, Corners
from stepdown.core.colour.comparison import SiteComparison, compare_sites
from stepdown.core.colour.decoding import (
    DecodedImage,
    ImageDecodeError,
    ImageTooLargeError,
    decode_image,
)
from stepdown.core.colour.header import ImageHeader, read_header
from stepdown.core.colour.ita import ItaCategory, ita_category, ita_deg
from stepdown.core.colour.longitudinal import (
    ChangeAssessment,
    ChangeStatus,
    MeasurementNoise,
    SessionPoint,
    assess_change,
    measurement_noise,
)
from stepdown.core.colour.measurement import RegionReading, SiteMeasurement
from stepdown.core.colour.problems import PhotoProblem
from stepdown.core.colour.quality import QUALITY_MESSAGES, Quality, QualityCode
from stepdown.core.colour.regions import Polygon, Rect, Region, parse_rect
from stepdown.core.colour.report import analysis_to_dict
from stepdown.core.colour.trend import TheilSenTrend, theil_sen

__all__ = [
    "DEFAULT_REFERENCE",
    "QUALITY_MESSAGES",
    "REFERENCE_CHARTS",
    "Calibration",
    "CalibrationMethod",
    "CardMode",
    "ChangeAssessment",
    "ChangeStatus",
    "Corners",
    "DecodedImage",
    "ImageDecodeError",
    "ImageHeader",
    "ImageTooLargeError",
    "ItaCategory",
    "MeasurementNoise",
    "PhotoAnalysis",
    "PhotoPairComparison",
    "PhotoProblem",
    "Polygon",
    "Quality",
    "QualityCode",
    "Rect",
    "Region",
    "RegionReading",
    "SessionPoint",
    "SiteComparison",
    "SiteMeasurement",
    "TheilSenTrend",
    "analyse_image",
    "analyse_photo",
    "analysis_to_dict",
    "assess_change",
    "compare_photos",
    "compare_sites",
    "decode_image",
    "ita_category",
    "ita_deg",
    "measurement_noise",
    "parse_rect",
    "read_header",
    "theil_sen",
]

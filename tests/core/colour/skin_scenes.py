"""Synthetic photos for the colour tests: skin and a colour chart rendered from spectra.

A scene is a map of materials (background, chart body, 24 patches, two skin sites, hair). Each
material's reflectance spectrum is lit by a CIE illuminant and seen through real camera
sensitivities (Nikon 5100, shipped with colour-science); the camera's auto white balance is
given a deliberate error, its RGB is pushed through a deliberately wrong matrix and the sRGB
tone curve, and the frame gets texture, hairs, specular spots, a light gradient, blur, noise and
JPEG compression. Ground truth is the skin spectrum's CIELAB under D65 (CIE 1931 2°), computed
with colour-science only, independently of the code under test.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from functools import cache

import cv2
import numpy as np
from PIL import Image

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import colour

from stepdown.core.colour.chart import GAP_FRACTION, PLANE_HEIGHT, PLANE_WIDTH
from stepdown.core.colour.regions import Rect

SHAPE = colour.SpectralShape(400, 700, 10)
WAVELENGTHS_NM = SHAPE.wavelengths
# The chart the scenes print: its spectra and the matching reference name in colour-science.
SCENE_CHART = "BabelColor Average"
SKIN_NAMES = ("Caucasian", "Oriental", "South Asian", "African")

BACKGROUND, CHART_BODY, FIRST_PATCH = 0, 1, 2
EXPOSED, REFERENCE, HAIR = 26, 27, 28


@cache
def _spectral_data() -> dict[str, np.ndarray]:
    def aligned(sd: colour.SpectralDistribution) -> np.ndarray:
        return np.asarray(sd.copy().align(SHAPE).values, dtype=np.float64)

    chart = colour.SDS_COLOURCHECKERS[SCENE_CHART]
    pmc = colour.SDS_COLOURCHECKERS["PMC"]
    data = {
        "cmfs": np.asarray(
            colour.MSDS_CMFS["CIE 1931 2 Degree Standard Observer"].copy().align(SHAPE).values
        ),
        "camera": np.asarray(
            colour.MSDS_CAMERA_SENSITIVITIES["Nikon 5100 (NPL)"].copy().align(SHAPE).values
        ),
        "chart": np.array([aligned(chart[name]) for name in chart]),
    }
    for name in SKIN_NAMES:
        data[name] = aligned(pmc[name])
    for name in ("D65", "A", "FL2", "FL11", "LED-B3", "D50"):
        data[f"illuminant:{name}"] = aligned(colour.SDS_ILLUMINANTS[name])
    return data


def skin_reflectance(name: str) -> np.ndarray:
    """One of the PMC chart's skin spectra (Caucasian, Oriental, South Asian, African)."""
    return _spectral_data()[name].copy()


def darken(reflectance: np.ndarray, *, melanin: float, grey: float = 0.0) -> np.ndarray:
    """Add epidermal melanin (absorption ∝ λ^−3.33, Jacques) and a broadband grey absorber."""
    absorption = (WAVELENGTHS_NM / 500.0) ** -3.33
    darker: np.ndarray = reflectance * np.exp(-melanin * absorption - grey)
    return darker


def true_lab(reflectance: np.ndarray) -> np.ndarray:
    """CIELAB (D65, 2°) of a reflectance, via colour-science."""
    data = _spectral_data()
    light = data["illuminant:D65"]
    xyz = (reflectance * light) @ data["cmfs"] / (light @ data["cmfs"][:, 1])
    return np.asarray(colour.XYZ_to_Lab(xyz), dtype=np.float64)


def true_ita(reflectance: np.ndarray) -> float:
    lab = true_lab(reflectance)
    return float(np.degrees(np.arctan2(lab[0] - 50.0, lab[2])))


@cache
def _camera_matrix() -> np.ndarray:
    """A camera→sRGB matrix fitted under D65 to the chart, as a camera maker would."""
    data = _spectral_data()
    light = data["illuminant:D65"]
    raw = (data["chart"] * light) @ data["camera"]
    raw /= (np.ones_like(light) * light) @ data["camera"]
    xyz = (data["chart"] * light) @ data["cmfs"] / (light @ data["cmfs"][:, 1])
    target = np.asarray(colour.XYZ_to_RGB(xyz, "sRGB"), dtype=np.float64)
    solution, *_ = np.linalg.lstsq(raw, target, rcond=None)
    return np.asarray(solution.T)


@dataclass(frozen=True)
class SceneSpec:
    """Everything that varies between rendered photos."""

    exposed: np.ndarray
    reference: np.ndarray
    illuminant: str = "D65"
    wb_error: tuple[float, float] = (1.0, 1.0)  # gains applied to red and blue after auto WB
    exposure: float = 0.75  # linear level of a perfect white after white balance
    card_light: float = 1.0  # extra light factor on the chart only
    card_gradient: float = 0.0  # light falls by this fraction across the chart's width
    width: int = 960
    height: int = 640
    chart_tilt_deg: float = 4.0
    chart_upside_down: bool = False
    chart_present: bool = True
    hairs: int = 12
    speculars: int = 6
    texture: float = 0.04
    gradient: float = 0.03
    blur_sigma: float = 0.7
    noise: float = 0.004
    matrix_error: float = 0.05
    camera_seed: int = 0  # the same phone has the same (wrong) colour matrix
    awb_strength: float = 1.0  # phones leave warm light partly warm: 0.7 keeps 30 % of the cast
    jpeg_quality: int = 85
    seed: int = 0
    extra: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Scene:
    """A rendered photo and where things are in it."""

    jpeg: bytes
    rgb: np.ndarray
    exposed_roi: Rect
    reference_roi: Rect
    corners: tuple[tuple[float, float], ...] | None
    patch_pitch_px: float


def _chart_homography(spec: SceneSpec) -> np.ndarray:
    pitch = spec.width * 0.068
    centre = np.array([spec.width * 0.27, spec.height * 0.5])
    angle = np.radians(spec.chart_tilt_deg + (180.0 if spec.chart_upside_down else 0.0))
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    plane_centre = np.array([PLANE_WIDTH / 2.0, PLANE_HEIGHT / 2.0])
    affine = np.eye(3)
    affine[:2, :2] = rotation * pitch
    affine[:2, 2] = centre - rotation @ plane_centre * pitch
    # A slight perspective, as from a phone held a little off-axis.
    perspective = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.02, 0.01, 1.0]])
    to_plane_centre = np.array([[1, 0, -plane_centre[0]], [0, 1, -plane_centre[1]], [0, 0, 1.0]])
    back = np.linalg.inv(to_plane_centre)
    homography: np.ndarray = affine @ back @ perspective @ to_plane_centre
    return homography


def _map_points(homography: np.ndarray, points: np.ndarray) -> np.ndarray:
    mapped = cv2.perspectiveTransform(points.reshape(-1, 1, 2).astype(np.float64), homography)
    return mapped.reshape(-1, 2)


def render(spec: SceneSpec) -> Scene:
    rng = np.random.default_rng(spec.seed)
    data = _spectral_data()
    h, w = spec.height, spec.width
    materials = np.full((h, w), BACKGROUND, dtype=np.uint8)

    homography = _chart_homography(spec)
    corners = None
    if spec.chart_present:
        border = 0.25
        body = np.array(
            [
                [-border, -border],
                [PLANE_WIDTH + border, -border],
                [PLANE_WIDTH + border, PLANE_HEIGHT + border],
                [-border, PLANE_HEIGHT + border],
            ]
        )
        cv2.fillPoly(materials, [np.rint(_map_points(homography, body)).astype(np.int32)], 1)
        side = 1.0 - GAP_FRACTION
        for index in range(24):
            row, column = divmod(index, 6)
            square = np.array(
                [
                    [column, row],
                    [column + side, row],
                    [column + side, row + side],
                    [column, row + side],
                ],
                dtype=np.float64,
            )
            polygon = np.rint(_map_points(homography, square)).astype(np.int32)
            cv2.fillPoly(materials, [polygon], FIRST_PATCH + index)
        plane_corners = np.array(
            [[0, 0], [PLANE_WIDTH, 0], [PLANE_WIDTH, PLANE_HEIGHT], [0, PLANE_HEIGHT]],
            dtype=np.float64,
        )
        corners = tuple((float(x), float(y)) for x, y in _map_points(homography, plane_corners))

    # Two skin sites on the right: exposed above, protected reference below.
    left = int(w * 0.58)
    site_w, site_h = int(w * 0.36), int(h * 0.38)
    exposed_box = (left, int(h * 0.08), site_w, site_h)
    reference_box = (left, int(h * 0.54), site_w, site_h)
    materials[exposed_box[1] : exposed_box[1] + site_h, left : left + site_w] = EXPOSED
    materials[reference_box[1] : reference_box[1] + site_h, left : left + site_w] = REFERENCE
    margin = 12
    exposed_roi = Rect(
        left + margin, exposed_box[1] + margin, site_w - 2 * margin, site_h - 2 * margin
    )
    reference_roi = Rect(
        left + margin, reference_box[1] + margin, site_w - 2 * margin, site_h - 2 * margin
    )
    for _ in range(spec.hairs):
        for box in (exposed_box, reference_box):
            x0 = rng.uniform(box[0], box[0] + box[2])
            y0 = rng.uniform(box[1], box[1] + box[3])
            angle = rng.uniform(0, np.pi)
            length = rng.uniform(30, 80)
            x1, y1 = x0 + length * np.cos(angle), y0 + length * np.sin(angle)
            cv2.line(materials, (int(x0), int(y0)), (int(x1), int(y1)), HAIR, 2)
    skin_mask = (materials == EXPOSED) | (materials == REFERENCE)
    materials[(materials == HAIR) & ~_dilate(skin_mask)] = BACKGROUND

    # Reflectance of every material, then camera raw under the illuminant.
    table = np.zeros((29, len(WAVELENGTHS_NM)))
    table[BACKGROUND] = 0.30
    table[CHART_BODY] = 0.03
    table[FIRST_PATCH : FIRST_PATCH + 24] = data["chart"]
    table[EXPOSED] = spec.exposed
    table[REFERENCE] = spec.reference
    table[HAIR] = spec.reference * 0.15
    light = data[f"illuminant:{spec.illuminant}"]
    raw_table = (table * light) @ data["camera"]
    white_raw = (np.ones_like(light) * light) @ data["camera"]
    neutralising = (white_raw[1] / white_raw) ** spec.awb_strength
    gains = neutralising * np.array([spec.wb_error[0], 1.0, spec.wb_error[1]])
    raw_table = raw_table * gains / white_raw[1] * spec.exposure

    raw = raw_table[materials].astype(np.float32)
    # Skin texture: fine multiplicative grain and slow mottling, median one.
    grain = rng.normal(0.0, spec.texture, (h, w)).astype(np.float32)
    noise_field = rng.normal(0.0, 1.0, (h, w)).astype(np.float32)
    mottling = np.asarray(cv2.GaussianBlur(noise_field, (0, 0), 12), dtype=np.float32)
    mottling *= spec.texture / max(float(mottling.std()), 1e-6)
    skin = (materials == EXPOSED) | (materials == REFERENCE)
    raw[skin] *= np.exp(grain + mottling)[skin][:, None]
    # Light: a gentle gradient over the frame, and optionally different light on the card.
    xs = np.linspace(-1.0, 1.0, w, dtype=np.float32)
    raw *= (1.0 + spec.gradient * xs)[None, :, None]
    chart_area = (materials >= CHART_BODY) & (materials < EXPOSED)
    if spec.card_light != 1.0 or spec.card_gradient:
        ramp = np.ones((h, w), dtype=np.float32) * spec.card_light
        if spec.card_gradient and corners is not None:
            x_left, x_right = corners[0][0], corners[1][0]
            position = np.clip((np.arange(w) - x_left) / (x_right - x_left), 0, 1)
            ramp *= (1.0 - spec.card_gradient * position).astype(np.float32)[None, :]
        raw[chart_area] *= ramp[chart_area][:, None]
    # Specular spots on the skin: small, blown-out highlights.
    for _ in range(spec.speculars):
        for box in (exposed_box, reference_box):
            cx = int(rng.uniform(box[0] + 20, box[0] + box[2] - 20))
            cy = int(rng.uniform(box[1] + 20, box[1] + box[3] - 20))
            cv2.circle(raw, (cx, cy), 3, (1.5, 1.5, 1.5), -1)

    if spec.blur_sigma > 0:
        raw = cv2.GaussianBlur(raw, (0, 0), spec.blur_sigma)
    raw += rng.normal(0.0, spec.noise, raw.shape).astype(np.float32)
    camera_rng = np.random.default_rng(1000 + spec.camera_seed)
    distortion = camera_rng.uniform(-spec.matrix_error, spec.matrix_error, (3, 3))
    matrix = _camera_matrix() @ (np.eye(3) + distortion)
    linear = np.clip(raw @ matrix.T.astype(np.float32), 0.0, 1.0)
    encoded = np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)
    rgb = np.clip(np.rint(encoded * 255.0), 0, 255).astype(np.uint8)

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=spec.jpeg_quality)
    jpeg = buffer.getvalue()
    decoded = np.asarray(Image.open(io.BytesIO(jpeg)).convert("RGB"))
    return Scene(
        jpeg=jpeg,
        rgb=decoded,
        exposed_roi=exposed_roi,
        reference_roi=reference_roi,
        corners=corners,
        patch_pitch_px=spec.width * 0.068,
    )


def _dilate(mask: np.ndarray) -> np.ndarray:
    return cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)


def spec_for(skin: str = "Caucasian", **changes: object) -> SceneSpec:
    """A default scene for one PMC skin, both sites the same skin unless changed."""
    reflectance = skin_reflectance(skin)
    base: dict[str, object] = {"exposed": reflectance, "reference": reflectance}
    base.update(changes)
    return SceneSpec(**base)  # type: ignore[arg-type]

"""Photo bytes → an upright 8-bit sRGB array, honouring EXIF orientation and the ICC profile.

Decoding happens once per photo; every later step reads the returned array. The pixel count is
checked from the header before any pixel is decoded, so a small file that claims an enormous
size (a decompression bomb) is refused cheaply. With ``max_long_side`` the picture is shrunk
while it is decoded (a JPEG by DCT scaling, anything else right after loading, before the
orientation and colour-profile steps copy it), so the work after decoding is bounded by pixels,
whatever the file's size in bytes.
"""

from __future__ import annotations

import io
import threading
import warnings
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pillow_heif
from PIL import Image, ImageCms, ImageFile, UnidentifiedImageError

from stepdown.core.colour.problems import PhotoProblem

# Formats a phone or a browser produces (multi-picture JPEGs open as JPEG); anything else is
# refused before decoding.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF")

# Assumption: 40 MP covers every current phone's main camera (48 MP sensors save 12 MP by
# default) while keeping one decoded photo under ~160 MB of memory (Pillow keeps 4 bytes a pixel).
DEFAULT_MAX_PIXELS = 40_000_000
# Assumption: the measurement resolution, 3,072 px on the long side (7 MP for a 4:3 photo).
# Larger photos are shrunk by area averaging, which keeps a region's median colour within
# ΔE00 0.5 and ITA within 0.5° of the full-resolution value (tests/core/colour/
# test_colour_bounded.py), far inside the pipeline's own tolerance (ΔE00 2.5, ITA 5°), while a
# chart filling a quarter of the width keeps patches over 100 px wide.
MEASUREMENT_LONG_SIDE_PX = 3072

_EXIF_ORIENTATION_TAG = 0x0112
# EXIF orientation → the transpose that turns the picture upright (as ImageOps.exif_transpose,
# applied here by hand because shrinking drops the EXIF block).
_ORIENTATION_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class ImageDecodeError(PhotoProblem):
    """The bytes are not a photo this module can read."""


class ImageTooLargeError(ImageDecodeError):
    """The photo has more pixels than allowed."""


@dataclass(frozen=True, slots=True)
class DecodedImage:
    """An upright photo as an ``H×W×3`` uint8 sRGB array (read-only)."""

    rgb: npt.NDArray[np.uint8]
    source_format: str
    orientation: int
    icc_converted: bool
    # Decoded pixels per pixel of the file (1.0 unless the photo was shrunk while decoding).
    scale: float = 1.0

    @property
    def height(self) -> int:
        """Rows of pixels."""
        return int(self.rgb.shape[0])

    @property
    def width(self) -> int:
        """Columns of pixels."""
        return int(self.rgb.shape[1])


def decode_image(
    *, data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS, max_long_side: int | None = None
) -> DecodedImage:
    """Decode ``data`` (JPEG, PNG, WebP, TIFF or HEIC/HEIF) to upright sRGB, no longer than
    ``max_long_side`` pixels on its long side when given (``scale`` says by how much it shrank).

    Raises ``ImageDecodeError`` with a plain message for anything that is not a readable photo
    and ``ImageTooLargeError`` for more than ``max_pixels`` pixels.
    """
    if max_pixels <= 0:
        raise ValueError("max_pixels must be positive")
    if max_long_side is not None and max_long_side <= 0:
        raise ValueError("max_long_side must be positive")
    if not data:
        raise ImageDecodeError("the file is empty")
    if pillow_heif.is_supported(data):
        image, source_format = _open_heif(data, max_pixels=max_pixels), "HEIF"
        full_size = image.size
    else:
        image, full_size = _open_pillow(data, max_pixels=max_pixels, max_long_side=max_long_side)
        source_format = str(image.format)

    orientation = _orientation(image)
    icc_profile = image.info.get("icc_profile")
    if image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    if max_long_side is not None and max(full_size) > max_long_side:
        image = _shrink(image, measurement_size(*full_size, max_long_side=max_long_side))
    if orientation != 1:
        image = image.transpose(_ORIENTATION_TRANSPOSE[orientation])
    icc_converted = False
    if icc_profile and not _is_srgb(icc_profile):
        image = _to_srgb(image, icc_profile)
        icc_converted = True
    if image.mode != "RGB":
        image = image.convert("RGB")
    rgb = np.asarray(image, dtype=np.uint8)
    rgb.flags.writeable = False
    return DecodedImage(
        rgb=rgb,
        source_format=source_format,
        orientation=orientation,
        icc_converted=icc_converted,
        scale=max(rgb.shape[:2]) / max(full_size),
    )


def measurement_size(width: int, height: int, *, max_long_side: int) -> tuple[int, int]:
    """The size a ``width`` × ``height`` photo is decoded at for ``max_long_side``: the same
    answer from the header alone as from decoding, so a size can be promised before decoding."""
    if max(width, height) <= max_long_side:
        return width, height
    ratio = max_long_side / max(width, height)
    return max(1, round(width * ratio)), max(1, round(height * ratio))


def _shrink(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Area-average down to exactly ``size`` (an integer ``reduce`` first, which is cheap)."""
    factor = min(image.width // size[0], image.height // size[1])
    if factor >= 2:
        image = image.reduce(factor)
    if image.size != size:
        image = image.resize(size, Image.Resampling.BOX)
    return image


def _check_size(width: int, height: int, *, max_pixels: int) -> None:
    if width * height > max_pixels:
        raise ImageTooLargeError(
            "the photo has %(pixels)s pixels; the limit is %(limit)s",
            {"pixels": width * height, "limit": max_pixels},
        )


# Pillow reads one process-wide switch to decide whether a truncated file is an error, and
# WeasyPrint turns it on when imported (for PDFs). A photo must never be measured from half a
# file, so decoding turns it off for the duration of its own load.
_TRUNCATION_SWITCH = threading.Lock()


def _load_strictly(image: Image.Image) -> None:
    with _TRUNCATION_SWITCH:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            image.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _open_pillow(
    data: bytes, *, max_pixels: int, max_long_side: int | None
) -> tuple[Image.Image, tuple[int, int]]:
    """The loaded image and the size the file declares (a JPEG may load smaller)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
            _check_size(image.width, image.height, max_pixels=max_pixels)
            full_size = image.size
            if max_long_side is not None and image.format == "JPEG":
                # DCT scaling decodes at 1/2, 1/4 or 1/8 size, never below the requested one.
                ratio = max_long_side / max(full_size)
                image.draft("RGB", (int(full_size[0] * ratio), int(full_size[1] * ratio)))
            _load_strictly(image)
    except ImageTooLargeError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageTooLargeError("the photo has too many pixels") from error
    except UnidentifiedImageError as error:
        raise ImageDecodeError("the file is not a photo (JPEG, PNG, WebP, TIFF or HEIC)") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageDecodeError("the photo is damaged or truncated") from error
    return image, full_size


def _open_heif(data: bytes, *, max_pixels: int) -> Image.Image:
    try:
        heif = pillow_heif.open_heif(data, convert_hdr_to_8bit=True)
        _check_size(heif.size[0], heif.size[1], max_pixels=max_pixels)
        image: Image.Image = heif.to_pillow()
    except ImageTooLargeError:
        raise
    except (OSError, ValueError, RuntimeError) as error:
        raise ImageDecodeError("the HEIC photo is damaged or truncated") from error
    return image


def _orientation(image: Image.Image) -> int:
    value = image.getexif().get(_EXIF_ORIENTATION_TAG, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _is_srgb(icc_profile: bytes) -> bool:
    # Most phones embed a standard sRGB profile; converting sRGB to sRGB would only cost time.
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        description = ImageCms.getProfileDescription(profile)
    except (OSError, ImageCms.PyCMSError):
        return False
    return description.strip().lower().startswith("srgb")


def _to_srgb(image: Image.Image, icc_profile: bytes) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        converted = ImageCms.profileToProfile(
            image,
            source,
            ImageCms.createProfile("sRGB"),
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            outputMode="RGB",
        )
    except (OSError, ImageCms.PyCMSError) as error:
        raise ImageDecodeError("the photo's colour profile could not be read") from error
    if converted is None:  # only happens with inPlace=True
        raise ImageDecodeError("the photo's colour profile could not be applied")
    return converted

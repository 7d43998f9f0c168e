"""Checking, re-encoding and storing uploaded skin photos.

An upload is accepted only when its first bytes say JPEG, PNG, WebP or HEIC/HEIF (the name and
the declared type are ignored), it is at most ``MAX_UPLOAD_BYTES``, and the colour core decodes
it within ``MAX_PIXELS`` (its header is checked before any pixel is decoded, which stops
decompression bombs) and it has at least ``MIN_PHOTO_PIXELS``. What is stored is not the upload
but a fresh JPEG of the decoded pixels at no more than the measurement resolution (so every later
decode and measurement is bounded by pixels, whatever the upload's size in bytes):
upright, converted to sRGB, with no EXIF (so no GPS, camera serial or time), no ICC profile and
nothing else the original file carried. Files get random names under ``MEDIA_ROOT/skin/``.
"""

from __future__ import annotations

import io
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pillow_heif
from django.conf import settings
from PIL import Image

from stepdown.core.colour import ImageDecodeError, ImageTooLargeError, decode_image
from stepdown.core.colour.decoding import MEASUREMENT_LONG_SIDE_PX

# Assumption: a 48 MP phone photo saved as a high-quality JPEG or HEIC is under 25 MB.
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
# The colour core's own default (40 MP): every current phone's main camera fits.
MAX_PIXELS = 40_000_000
# Assumption: the default region (the middle 40 % × 40 % of the frame) must hold at least twice
# the 20,000 clean pixels a measurement needs, so a photo needs 0.16 · pixels ≥ 40,000.
MIN_PHOTO_PIXELS = 250_000
# Stored copy: quality 95 without chroma subsampling keeps a region's median colour within a
# fraction of one 8-bit level of the decoded original, at a fifth of a PNG's size.
FULL_QUALITY = 95
PREVIEW_LONG_SIDE_PX = 1600
PREVIEW_QUALITY = 85
THUMB_LONG_SIDE_PX = 320
THUMB_QUALITY = 80

Variant = Literal["full", "preview", "thumb"]
VARIANTS: tuple[Variant, ...] = ("full", "preview", "thumb")
_SUFFIX: dict[str, str] = {"full": ".jpg", "preview": ".preview.jpg", "thumb": ".thumb.jpg"}
_KEY_PATTERN = re.compile(r"^[0-9a-f]{32}$")


class PhotoRejected(ValueError):
    """The upload is not a photo Stepdown will keep; ``message`` says why, plainly."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A checked upload, re-encoded and ready to be written."""

    full_jpeg: bytes
    preview_jpeg: bytes
    thumb_jpeg: bytes
    width_px: int
    height_px: int
    source_format: str


def sniff_format(head: bytes) -> str | None:
    """The photo format the first bytes announce, or ``None``."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if len(head) >= 12 and head[4:8] == b"ftyp" and pillow_heif.is_supported(head):
        return "HEIF"
    return None


def prepare_photo(*, data: bytes) -> PreparedPhoto:
    """Check ``data`` and re-encode it; raises ``PhotoRejected`` with a plain message."""
    if not data:
        raise PhotoRejected("The file is empty.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise PhotoRejected(f"The photo is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    announced = sniff_format(data[:64])
    if announced is None:
        raise PhotoRejected("This file is not a photo. Use a JPEG, PNG, WebP or HEIC picture.")
    try:
        decoded = decode_image(
            data=data, max_pixels=MAX_PIXELS, max_long_side=MEASUREMENT_LONG_SIDE_PX
        )
    except ImageTooLargeError:
        raise PhotoRejected(
            f"The photo has too many pixels (the limit is {MAX_PIXELS // 1_000_000} megapixels)."
        ) from None
    except ImageDecodeError:
        raise PhotoRejected("The photo could not be read; it may be damaged.") from None
    found = "JPEG" if decoded.source_format == "MPO" else decoded.source_format
    if announced != "HEIF" and found != announced:
        # The header said one format and the decoder found another: a disguised file.
        raise PhotoRejected("This file is not a photo. Use a JPEG, PNG, WebP or HEIC picture.")
    if decoded.width * decoded.height < MIN_PHOTO_PIXELS:
        raise PhotoRejected(
            f"The photo is too small to measure ({decoded.width} × {decoded.height} pixels). "
            "Use the photo straight from the phone's camera, at least 640 × 400 pixels."
        )
    image = Image.fromarray(np.ascontiguousarray(decoded.rgb), mode="RGB")
    preview = _smaller(image, PREVIEW_LONG_SIDE_PX)
    return PreparedPhoto(
        full_jpeg=_jpeg(image, quality=FULL_QUALITY),
        preview_jpeg=_jpeg(preview, quality=PREVIEW_QUALITY),
        # From the preview, not the full photo: a fraction of the work, the same picture.
        thumb_jpeg=_jpeg(_smaller(preview, THUMB_LONG_SIDE_PX), quality=THUMB_QUALITY),
        width_px=decoded.width,
        height_px=decoded.height,
        source_format=announced,
    )


def _smaller(image: Image.Image, long_side: int) -> Image.Image:
    """A copy no longer than ``long_side`` on its long side (the image itself if it fits)."""
    if max(image.size) <= long_side:
        return image
    ratio = long_side / max(image.size)
    size = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _jpeg(image: Image.Image, *, quality: int) -> bytes:
    buffer = io.BytesIO()
    # A new image from an array carries no EXIF or ICC; nothing from the upload survives.
    image.save(buffer, format="JPEG", quality=quality, subsampling=0, optimize=False)
    return buffer.getvalue()


def photo_dir() -> Path:
    """``MEDIA_ROOT/skin``: inside the data directory, never under static files."""
    return Path(settings.MEDIA_ROOT) / "skin"


def photo_path(file_key: str, variant: Variant = "full") -> Path:
    """Where one variant of a stored photo lives; refuses anything but a server-made key."""
    if not _KEY_PATTERN.fullmatch(file_key) or variant not in _SUFFIX:
        raise ValueError("not a stored photo key")
    return photo_dir() / f"{file_key}{_SUFFIX[variant]}"


def write_photo_files(prepared: PreparedPhoto) -> str:
    """Write the three variants under a new random key (owner-only permissions); return the key."""
    directory = photo_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_hex(16)
    try:
        for variant, content in (
            ("full", prepared.full_jpeg),
            ("preview", prepared.preview_jpeg),
            ("thumb", prepared.thumb_jpeg),
        ):
            path = photo_path(key, variant)  # type: ignore[arg-type]
            # O_EXCL: never overwrite, even in the astronomically unlikely case of a repeated key.
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "wb") as file:
                file.write(content)
    except OSError:
        delete_photo_files([key])
        raise
    return key


def delete_photo_files(file_keys: Iterable[str]) -> None:
    """Remove every variant of the given photos; already-missing files are fine."""
    for key in file_keys:
        for variant in VARIANTS:
            try:
                photo_path(key, variant).unlink(missing_ok=True)
            except ValueError:
                continue


def read_photo(file_key: str) -> bytes:
    """The stored full-size JPEG."""
    return photo_path(file_key, "full").read_bytes()

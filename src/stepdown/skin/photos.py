"""Checking, re-encoding and storing uploaded skin photos.

The upload request runs only ``check_upload``: the first bytes must say JPEG, PNG, WebP or
HEIC/HEIF (the name and the declared type are ignored), the file is at most ``MAX_UPLOAD_BYTES``,
and its header (read without decoding a pixel; a PNG's chunk checksums verified) must declare at
most ``MAX_PIXELS`` (which stops decompression bombs) and at least ``MIN_PHOTO_PIXELS``. The
upload is then kept as it came, privately, under ``MEDIA_ROOT/skin/<key>.upload`` (0600), until
the background worker runs ``prepare_photo`` on it: decode at no more than the measurement
resolution (so the work is bounded by pixels, whatever the upload's size in bytes), and store a
fresh JPEG of the decoded pixels: upright, converted to sRGB, with no EXIF (so no GPS, camera
serial or time), no ICC profile and nothing else the original file carried. The raw upload is
deleted as soon as the stored copy exists. Files get random names under ``MEDIA_ROOT/skin/``.
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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image

from stepdown.core.colour import ImageDecodeError, ImageTooLargeError, decode_image, read_header
from stepdown.core.colour.decoding import MEASUREMENT_LONG_SIDE_PX, measurement_size

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
# The raw upload waiting for the worker; never served.
RAW: Literal["upload"] = "upload"
_SUFFIX: dict[str, str] = {
    "full": ".jpg",
    "preview": ".preview.jpg",
    "thumb": ".thumb.jpg",
    RAW: ".upload",
}
_KEY_PATTERN = re.compile(r"^[0-9a-f]{32}$")


class PhotoRejected(ValueError):
    """The upload is not a photo Stepdown will keep; ``message`` says why, plainly."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class CheckedUpload:
    """An upload whose header passed the checks, as it came, waiting to be prepared.

    ``width_px`` and ``height_px`` are the size the stored copy will have (the measurement
    resolution, upright), known from the header alone.
    """

    data: bytes
    width_px: int
    height_px: int
    source_format: str


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


# Fixed messages are English here (a failed photo keeps its problem) and translated where they
# are shown; those with numbers are written in the active language when they are raised.
_NOT_A_PHOTO = gettext_noop("This file is not a photo. Use a JPEG, PNG, WebP or HEIC picture.")
_DAMAGED = gettext_noop("The photo could not be read; it may be damaged.")
_EMPTY = gettext_noop("The file is empty.")


def _too_many_pixels() -> str:
    return _("The photo has too many pixels (the limit is %(megapixels)d megapixels).") % {
        "megapixels": MAX_PIXELS // 1_000_000
    }


def _too_small(width: int, height: int) -> str:
    return _(
        "The photo is too small to measure (%(width)d × %(height)d pixels). "
        "Use the photo straight from the phone's camera, at least 640 × 400 pixels."
    ) % {"width": width, "height": height}


def check_upload(*, data: bytes) -> CheckedUpload:
    """The cheap check the upload request runs: size, format and pixel count from the header,
    no decoding. Raises ``PhotoRejected`` with a plain message."""
    if not data:
        raise PhotoRejected(_EMPTY)
    if len(data) > MAX_UPLOAD_BYTES:
        raise PhotoRejected(
            _("The photo is larger than %(megabytes)d MB.")
            % {"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    announced = sniff_format(data[:64])
    if announced is None:
        raise PhotoRejected(_NOT_A_PHOTO)
    try:
        header = read_header(data=data, max_pixels=MAX_PIXELS)
    except ImageTooLargeError:
        raise PhotoRejected(_too_many_pixels()) from None
    except ImageDecodeError:
        raise PhotoRejected(_DAMAGED) from None
    _check_found(announced, header.source_format)
    if header.pixels < MIN_PHOTO_PIXELS:
        raise PhotoRejected(_too_small(header.width, header.height))
    width, height = measurement_size(
        header.width, header.height, max_long_side=MEASUREMENT_LONG_SIDE_PX
    )
    return CheckedUpload(data=data, width_px=width, height_px=height, source_format=announced)


def _check_found(announced: str, found: str) -> None:
    found = "JPEG" if found == "MPO" else found
    if announced != "HEIF" and found != announced:
        # The header said one format and the decoder found another: a disguised file.
        raise PhotoRejected(_NOT_A_PHOTO)


def prepare_photo(*, data: bytes) -> PreparedPhoto:
    """Check ``data`` again, decode it at the measurement resolution and re-encode it (the
    worker's step; seconds for the largest photos). Raises ``PhotoRejected``."""
    checked = check_upload(data=data)
    try:
        decoded = decode_image(
            data=data, max_pixels=MAX_PIXELS, max_long_side=MEASUREMENT_LONG_SIDE_PX
        )
    except ImageTooLargeError:
        raise PhotoRejected(_too_many_pixels()) from None
    except ImageDecodeError:
        raise PhotoRejected(_DAMAGED) from None
    _check_found(checked.source_format, decoded.source_format)
    image = Image.fromarray(np.ascontiguousarray(decoded.rgb), mode="RGB")
    preview = _smaller(image, PREVIEW_LONG_SIDE_PX)
    return PreparedPhoto(
        full_jpeg=_jpeg(image, quality=FULL_QUALITY),
        preview_jpeg=_jpeg(preview, quality=PREVIEW_QUALITY),
        # From the preview, not the full photo: a fraction of the work, the same picture.
        thumb_jpeg=_jpeg(_smaller(preview, THUMB_LONG_SIDE_PX), quality=THUMB_QUALITY),
        width_px=decoded.width,
        height_px=decoded.height,
        source_format=checked.source_format,
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


def photo_path(file_key: str, variant: Variant | Literal["upload"] = "full") -> Path:
    """Where one variant of a stored photo lives; refuses anything but a server-made key."""
    if not _KEY_PATTERN.fullmatch(file_key) or variant not in _SUFFIX:
        raise ValueError("not a stored photo key")
    return photo_dir() / f"{file_key}{_SUFFIX[variant]}"


def new_photo_key() -> str:
    """A fresh random key: 32 hex digits, nothing the person typed or the camera recorded."""
    return secrets.token_hex(16)


def _write_new(path: Path, content: bytes) -> None:
    # O_EXCL: never overwrite, even in the astronomically unlikely case of a repeated key.
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as file:
        file.write(content)


def write_upload(data: bytes) -> str:
    """Keep a checked upload as it came, owner-only, for the worker; return its new key."""
    photo_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
    key = new_photo_key()
    try:
        _write_new(photo_path(key, RAW), data)
    except OSError:
        delete_photo_files([key])
        raise
    return key


def read_upload(file_key: str) -> bytes:
    """The raw upload waiting under ``file_key``."""
    return photo_path(file_key, RAW).read_bytes()


def write_photo_files(prepared: PreparedPhoto, key: str | None = None) -> str:
    """Write the three variants under ``key`` (a new random one by default; owner-only
    permissions); return the key. On failure, no variant is left behind."""
    photo_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
    key = key or new_photo_key()
    try:
        for variant, content in (
            ("full", prepared.full_jpeg),
            ("preview", prepared.preview_jpeg),
            ("thumb", prepared.thumb_jpeg),
        ):
            _write_new(photo_path(key, variant), content)  # type: ignore[arg-type]
    except OSError:
        delete_photo_files([key], raw=False)
        raise
    return key


def delete_photo_files(file_keys: Iterable[str], *, raw: bool = True) -> None:
    """Remove every variant of the given photos (and their raw uploads unless ``raw`` is
    false); already-missing files are fine."""
    for key in file_keys:
        for variant in (*VARIANTS, RAW) if raw else VARIANTS:
            try:
                photo_path(key, variant).unlink(missing_ok=True)
            except ValueError:
                continue


def read_photo(file_key: str) -> bytes:
    """The stored full-size JPEG."""
    return photo_path(file_key, "full").read_bytes()

"""The upload's cheap check: what a photo's header says, read without decoding a pixel.

The size it promises must be the size the decoder then produces (the stored photo's size is
known at upload), a PNG with a damaged chunk is refused, and a pixel flood is refused by its
pixel count.
"""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from stepdown.core.colour import ImageDecodeError, ImageTooLargeError, decode_image, read_header
from stepdown.core.colour.decoding import measurement_size


def _encoded(width: int, height: int, fmt: str, *, orientation: int = 1) -> bytes:
    rng = np.random.default_rng(width * 7919 + height)
    array = rng.integers(60, 200, (height, width, 3), dtype=np.uint8)
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    options = {"quality": 90} if fmt == "JPEG" else {}
    Image.fromarray(array).save(buffer, format=fmt, exif=exif, **options)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _png(width: int, height: int, idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_header_gives_the_format_and_size(fmt: str) -> None:
    header = read_header(data=_encoded(640, 480, fmt))
    assert (header.source_format, header.width, header.height) == (fmt, 640, 480)
    assert header.pixels == 640 * 480


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
@pytest.mark.parametrize(
    ("orientation", "upright"), [(1, (640, 480)), (3, (640, 480)), (6, (480, 640)), (8, (480, 640))]
)
def test_the_header_size_is_upright(fmt: str, orientation: int, upright: tuple[int, int]) -> None:
    header = read_header(data=_encoded(640, 480, fmt, orientation=orientation))
    assert (header.width, header.height) == upright
    assert header.orientation == orientation


@settings(max_examples=12)
@given(
    width=st.integers(120, 900),
    height=st.integers(120, 900),
    fmt=st.sampled_from(["JPEG", "PNG"]),
    orientation=st.sampled_from([1, 6]),
    long_side=st.integers(60, 400),
)
def test_the_size_promised_from_the_header_is_the_size_decoded(
    width: int, height: int, fmt: str, orientation: int, long_side: int
) -> None:
    data = _encoded(width, height, fmt, orientation=orientation)
    header = read_header(data=data)
    promised = measurement_size(header.width, header.height, max_long_side=long_side)
    decoded = decode_image(data=data, max_long_side=long_side)
    assert (decoded.width, decoded.height) == promised


def test_a_pixel_flood_is_refused_from_its_header() -> None:
    flood = _png(100_000, 100_000, zlib.compress(b"\0" * 64))
    assert len(flood) < 200
    with pytest.raises(ImageTooLargeError):
        read_header(data=flood)
    with pytest.raises(ImageTooLargeError):
        read_header(data=_encoded(640, 480, "PNG"), max_pixels=640 * 480 - 1)


def test_the_reported_file_is_accepted_by_its_header_alone() -> None:
    # The all-black 6300 × 6300 PNG of about 116 KB: within 40 MP, so accepted; the decoding
    # (at the measurement resolution) is left to the worker.
    buffer = io.BytesIO()
    Image.new("L", (6300, 6300), 0).save(buffer, format="PNG")
    header = read_header(data=buffer.getvalue())
    assert (header.source_format, header.width, header.height) == ("PNG", 6300, 6300)


def test_a_png_chunk_with_a_wrong_checksum_is_refused() -> None:
    good = _encoded(640, 480, "PNG")
    assert read_header(data=good).width == 640
    # Flip one byte of the pixel data, well inside the file: its chunk's CRC no longer matches.
    damaged = bytearray(good)
    damaged[len(good) // 2] ^= 0xFF
    with pytest.raises(ImageDecodeError, match="checksum"):
        read_header(data=bytes(damaged))


@pytest.mark.parametrize("cut", [20, 60, -13, -1])
def test_a_truncated_png_is_refused(cut: int) -> None:
    good = _encoded(640, 480, "PNG")
    with pytest.raises(ImageDecodeError):
        read_header(data=good[:cut])


def test_a_png_whose_pixels_cannot_be_inflated_passes_the_header_check_only() -> None:
    # Every checksum is right, but the compressed pixels are garbage: only decoding finds out
    # (the worker's step), and it refuses the file rather than measuring half a photo.
    garbage = _png(800, 600, b"\x78\x9c" + b"\xff" * 500)
    assert read_header(data=garbage).pixels == 800 * 600
    with pytest.raises(ImageDecodeError):
        decode_image(data=garbage)


@pytest.mark.parametrize("data", [b"", b"not a photo at all", b"\xff\xd8\xff" + b"\0" * 40])
def test_anything_else_is_refused_plainly(data: bytes) -> None:
    with pytest.raises(ImageDecodeError):
        read_header(data=data)

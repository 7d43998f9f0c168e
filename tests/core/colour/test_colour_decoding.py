"""Decoding: EXIF orientation, ICC conversion, HEIC, and clear errors for anything else."""

import io
import struct
import zlib

import numpy as np
import pillow_heif
import pytest
from PIL import Image
from tests.core.colour.skin_tolerances import ICC_LEVELS

from stepdown.core.colour.decoding import ImageDecodeError, ImageTooLargeError, decode_image


def _jpeg(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=95, **options)
    return buffer.getvalue()


def _png(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **options)
    return buffer.getvalue()


def _half_red_half_blue(width: int = 40, height: int = 20) -> Image.Image:
    pixels = np.zeros((height, width, 3), dtype=np.uint8)
    pixels[:, : width // 2] = (220, 20, 20)
    pixels[:, width // 2 :] = (20, 20, 220)
    return Image.fromarray(pixels)


def test_decodes_a_plain_jpeg_to_rgb_bytes():
    decoded = decode_image(data=_jpeg(_half_red_half_blue()))
    assert decoded.rgb.shape == (20, 40, 3)
    assert decoded.rgb.dtype == np.uint8
    assert decoded.source_format == "JPEG"
    assert not decoded.rgb.flags.writeable


def test_exif_orientation_six_is_rotated_upright():
    # Orientation 6 means "rotate 90° clockwise to display": the stored left half (red) ends up
    # on top, and a 40×20 picture becomes 20 wide and 40 tall.
    exif = Image.Exif()
    exif[0x0112] = 6
    decoded = decode_image(data=_jpeg(_half_red_half_blue(), exif=exif))
    assert (decoded.width, decoded.height) == (20, 40)
    assert decoded.orientation == 6
    top, bottom = decoded.rgb[5, 10], decoded.rgb[35, 10]
    assert top[0] > 180
    assert top[2] < 60
    assert bottom[2] > 180
    assert bottom[0] < 60


def test_without_exif_orientation_nothing_is_rotated():
    decoded = decode_image(data=_jpeg(_half_red_half_blue()))
    assert decoded.orientation == 1
    assert decoded.rgb[10, 5, 0] > 180


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz_tag(xyz: tuple[float, float, float]) -> bytes:
    return b"XYZ " + b"\0" * 4 + b"".join(_s15(v) for v in xyz)


def _channel_swapping_profile() -> bytes:
    """A minimal ICC v2 RGB display profile whose red and green colorants are swapped.

    Colorants are sRGB's own, adapted to D50 (as ICC v2 requires), with a plain gamma 2.2 curve.
    """
    red = (0.4360747, 0.2225045, 0.0139322)
    green = (0.3850649, 0.7168786, 0.0971045)
    blue = (0.1430804, 0.0606169, 0.7141733)
    text = b"channel-swap test\0"
    description = (
        (b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text + b"\0" * 4 + b"\0" * 4)
        + b"\0" * 3
        + b"\0" * 67
    )
    curve = (
        b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", round(2.2 * 256)) + b"\0\0"
    )
    tags = [
        (b"desc", description),
        (b"wtpt", _xyz_tag((0.9642, 1.0, 0.8249))),
        (b"rXYZ", _xyz_tag(green)),  # the swap: "red" carries green's colour
        (b"gXYZ", _xyz_tag(red)),
        (b"bXYZ", _xyz_tag(blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"none\0\0\0\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        padded = data + b"\0" * (-len(data) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += padded
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"none"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + b"\0" * 4
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


def test_embedded_icc_profile_is_converted_to_srgb():
    # The file stores (200, 50, 50) but its profile says channel 1 is green: in sRGB this is a
    # green. By hand: 200/255 = 0.784 → gamma 2.2 → 0.586 linear → sRGB-encoded 0.786 → 200;
    # 50/255 = 0.196 → 0.0277 linear → sRGB 1.055·0.0277^(1/2.4) − 0.055 = 0.182 → 46.
    pixels = np.full((8, 8, 3), (200, 50, 50), dtype=np.uint8)
    data = _png(Image.fromarray(pixels), icc_profile=_channel_swapping_profile())
    decoded = decode_image(data=data)
    assert decoded.icc_converted
    np.testing.assert_allclose(decoded.rgb[4, 4], (46, 200, 46), atol=ICC_LEVELS)


def test_srgb_profile_is_left_as_is():
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    pixels = np.full((8, 8, 3), (200, 50, 50), dtype=np.uint8)
    decoded = decode_image(data=_png(Image.fromarray(pixels), icc_profile=srgb))
    assert not decoded.icc_converted
    assert tuple(decoded.rgb[4, 4]) == (200, 50, 50)


def test_heic_photo_is_decoded():
    pixels = np.zeros((64, 96, 3), dtype=np.uint8)
    pixels[:, :48] = (200, 120, 90)
    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.fromarray(pixels)).save(buffer, quality=95)
    decoded = decode_image(data=buffer.getvalue())
    assert decoded.source_format == "HEIF"
    assert (decoded.width, decoded.height) == (96, 64)
    np.testing.assert_allclose(decoded.rgb[32, 20], (200, 120, 90), atol=8)


def test_png_with_transparency_becomes_rgb():
    rgba = Image.new("RGBA", (10, 10), (10, 200, 30, 128))
    decoded = decode_image(data=_png(rgba))
    assert decoded.rgb.shape == (10, 10, 3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.7 not a photo at all", "not a photo"),
        (b"GIF89a" + b"\0" * 20, "not a photo"),
    ],
)
def test_non_images_raise_a_clear_error(data, message):
    with pytest.raises(ImageDecodeError, match=message):
        decode_image(data=data)


def test_truncated_jpeg_raises_a_clear_error():
    data = _jpeg(_half_red_half_blue(400, 300))
    with pytest.raises(ImageDecodeError, match="damaged or truncated"):
        decode_image(data=data[: len(data) // 2])


def test_more_pixels_than_allowed_is_refused():
    data = _png(Image.new("RGB", (100, 100)))
    # A plain count: "10,000" would read as ten in French, where the comma is the decimal mark.
    with pytest.raises(ImageTooLargeError, match="has 10000 pixels; the limit is 9999"):
        decode_image(data=data, max_pixels=9_999)
    assert decode_image(data=data, max_pixels=10_000).width == 100


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_decompression_bomb_is_refused_before_decoding():
    # A 100-byte file claiming 30,000 × 30,000 = 900 million pixels.
    with pytest.raises(ImageTooLargeError):
        decode_image(data=_png_header_only(30_000, 30_000))


def test_max_pixels_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        decode_image(data=b"x", max_pixels=0)


def test_truncated_jpeg_is_refused_even_after_weasyprint_is_imported() -> None:
    from PIL import ImageFile

    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # what importing WeasyPrint does
    try:
        data = _jpeg(_half_red_half_blue(400, 300))
        with pytest.raises(ImageDecodeError, match="damaged or truncated"):
            decode_image(data=data[: len(data) // 2])
        assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # the switch is put back
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous

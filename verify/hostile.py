"""The hostile-upload corpus, made here: files that are not photos, photos that lie about their
size, and real photos that carry metadata. Every metadata field and every smuggled payload holds
``MARK``, so a stored copy that kept any of it is found by a byte search."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable

import pillow_heif
from PIL import Image, PngImagePlugin
from tests.skin.skin_photos import (
    SVG_WITH_SCRIPT,
    TEXT_AS_JPEG,
    ZIP_BYTES,
    jpeg_with_gps,
    png_claiming,
)

MARK = b"VerifyMark7Q"
MARK_TEXT = MARK.decode()
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude='
    b'"51,30N" exif:UserComment="' + MARK + b'"/></rdf:RDF></x:xmpmeta>'
)
SCRIPT = b"<script>alert(document.cookie)</script><?php system($_GET['c']); ?>" + MARK


def _image(width: int = 800, height: int = 600) -> Image.Image:
    return Image.new("RGB", (width, height), (190, 140, 110))


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = MARK_TEXT  # Make
    exif[0x0110] = MARK_TEXT  # Model
    exif[0x0131] = MARK_TEXT  # Software
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 0.0), "W", (0.0, 7.0, 0.0)
    return exif


def _save(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    if kind == "HEIF":
        pillow_heif.from_pillow(image).save(buffer, format="HEIF", quality=80, **options)
    else:
        image.save(buffer, format=kind, **options)
    return buffer.getvalue()


def _icc() -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def _jpeg_comment(payload: bytes) -> bytes:
    """A JPEG with a COM segment right after SOI."""
    jpeg = _save(_image(), "JPEG")
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def _png_bad_crc() -> bytes:
    data = bytearray(_save(_image(), "PNG"))
    data[29] ^= 0xFF  # inside IHDR's CRC
    return bytes(data)


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims another size."""
    data = bytearray(_save(_image(64, 64), "JPEG"))
    at = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def _png_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", MARK_TEXT)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return _save(_image(), "PNG", pnginfo=info, exif=_exif())


def _bomb() -> bytes:
    """A PNG of 9000 × 9000 (81 MP) whose zero rows compress to a few kilobytes."""
    packer = zlib.compressobj(9)
    block = b"\0" * (9000 * 3 + 1) * 500
    rows = b"".join(packer.compress(block) for _ in range(18)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    head = struct.pack(">IIBBBBB", 9000, 9000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


# name → (file name sent, maker). Expected: refused (422), or accepted (201) and then stored
# without any of MARK; nothing else is a pass.
CORPUS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "text renamed .jpg": ("photo.jpg", lambda: TEXT_AS_JPEG),
    "zip renamed .jpg": ("photo.jpg", lambda: ZIP_BYTES),
    "SVG with script": ("photo.svg", lambda: SVG_WITH_SCRIPT),
    "SVG with script renamed .png": ("photo.png", lambda: SVG_WITH_SCRIPT),
    "HTML renamed .jpg": ("photo.jpg", lambda: b"<!doctype html><html>" + SCRIPT + b"</html>"),
    "PDF renamed .jpg": ("photo.jpg", lambda: b"%PDF-1.7\n1 0 obj<<>>endobj\n" + SCRIPT),
    "GIF/JavaScript polyglot": ("photo.gif", lambda: b"GIF89a/*\x01\x00\x01\x00*/=1;" + SCRIPT),
    "GIF": ("photo.gif", lambda: _save(_image(), "GIF")),
    "BMP": ("photo.bmp", lambda: _save(_image(), "BMP")),
    "TIFF with EXIF": ("photo.tif", lambda: _save(_image(), "TIFF", exif=_exif())),
    "empty": ("empty.jpg", lambda: b""),
    "one byte": ("one.jpg", lambda: b"\xff"),
    "JPEG magic, no image": ("cut.jpg", lambda: b"\xff\xd8\xff\xe0" + b"\0" * 200),
    "PNG magic, garbage": ("broken.png", lambda: b"\x89PNG\r\n\x1a\n" + b"garbage" * 20),
    "PNG with a bad CRC": ("crc.png", _png_bad_crc),
    "JPEG with its magic overwritten": ("photo.jpg", lambda: b"\0\0" + _save(_image(), "JPEG")[2:]),
    "pixel flood PNG 50000²": ("flood.png", lambda: png_claiming(50_000, 50_000)),
    "pixel flood PNG 100000 × 1": ("wide.png", lambda: png_claiming(100_000, 1)),
    "PNG claiming 7000² (49 MP)": ("big.png", lambda: png_claiming(7000, 7000)),
    "JPEG claiming 65000²": ("flood.jpg", lambda: _jpeg_claiming(65000, 65000)),
    "decompression bomb PNG 9000²": ("bomb.png", _bomb),
    "tiny PNG 1 × 1": ("tiny.png", lambda: _save(_image(1, 1), "PNG")),
    "tiny JPEG 16 × 16": ("tiny.jpg", lambda: _save(_image(16, 16), "JPEG")),
    "huge: 26 MB behind JPEG magic": ("huge.jpg", lambda: b"\xff\xd8\xff\xe0" + b"\0" * 26_000_000),
    "JPEG with EXIF GPS (tests' own)": ("gps.jpg", jpeg_with_gps),
    "JPEG with EXIF GPS and maker": ("exif.jpg", lambda: _save(_image(), "JPEG", exif=_exif())),
    "JPEG with XMP": ("xmp.jpg", lambda: _save(_image(), "JPEG", xmp=XMP)),
    "JPEG with an ICC profile": ("icc.jpg", lambda: _save(_image(), "JPEG", icc_profile=_icc())),
    "JPEG with a script comment": ("comment.jpg", lambda: _jpeg_comment(SCRIPT)),
    "JPEG + ZIP polyglot": ("poly.jpg", lambda: _save(_image(), "JPEG") + ZIP_BYTES + MARK),
    "PNG + HTML after IEND": ("poly.png", lambda: _save(_image(), "PNG") + SCRIPT),
    "PNG with text, XMP and EXIF": ("meta.png", _png_text),
    "WebP with EXIF and XMP": ("meta.webp", lambda: _save(_image(), "WEBP", exif=_exif(), xmp=XMP)),
    "HEIC with EXIF": ("meta.heic", lambda: _save(_image(), "HEIF", exif=_exif().tobytes())),
    "HEIC plain": ("plain.heic", lambda: _save(_image(), "HEIF")),
}
